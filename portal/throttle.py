"""Log-in throttling: after ``max_failures`` failed log-ins for one account or from one address
within the window, every further attempt is refused until the window has passed - also with the
right password, so guessing on gains nothing.

Every attempt is counted as a failure *before* its password is checked (:meth:`charge`), in one
atomic upsert per counter: parallel attempts - in one process or in several on one PostgreSQL
database - each see the count including all attempts before them, so at most ``max_failures``
passwords are ever checked per window. A right password gives its charge back
(:meth:`succeeded`) and clears the account's counter, but not the address's; a refused attempt
gives its charges back too (it checked nothing).
"""

from __future__ import annotations

import hashlib
import logging
import math
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import DateTime, bindparam, case, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError

from portal.tables import login_counters
from privacy.clock import aware, utc_now

logger = logging.getLogger(__name__)


def account_key(name: str) -> str:
    """The typed name is stored hashed: people sometimes type their password in the name field."""
    return "account:" + hashlib.sha256(name.strip().lower().encode("utf-8")).hexdigest()


def address_key(address: str) -> str:
    return "address:" + address[:64]


class LoginThrottle:
    def __init__(
        self, engine: Engine, max_failures: int, window: timedelta,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self._engine = engine
        self._max = max_failures
        self._window = window
        self._clock = clock
        self._last_cleanup: datetime | None = None
        dialects = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}
        if engine.dialect.name not in dialects:
            raise RuntimeError(f"no atomic log-in throttle for database {engine.dialect.name!r}")
        self._insert = dialects[engine.dialect.name]

    def charge(self, name: str, address: str) -> int:
        """Count this attempt as a failure now; seconds to wait when it is one too many (then
        the password must not be checked), else 0."""
        now = self._clock()
        keys = (account_key(name), address_key(address))  # always in this order: no deadlock
        with self._engine.begin() as connection:
            wait = max(self._count(connection, key, now) for key in keys)
            if wait:
                # Refused unchecked: it was no failure. Counting it would let a locked account's
                # owner lock out the whole office address too, or keep a lock-out going.
                for key in keys:
                    self._give_back(connection, key)
        self._forget_old(now)
        return wait

    def _give_back(self, connection: Connection, key: str) -> None:
        connection.execute(update(login_counters).where(
            login_counters.c.key == key, login_counters.c.failures > 0,
        ).values(failures=login_counters.c.failures - 1))

    def _forget_old(self, now: datetime) -> None:
        """Now and then drop counters whose window passed long ago (a separate, short delete)."""
        if self._last_cleanup is not None and now - self._last_cleanup < timedelta(minutes=10):
            return
        self._last_cleanup = now
        try:
            with self._engine.begin() as connection:
                connection.execute(delete(login_counters).where(
                    login_counters.c.window_start < now - max(self._window, timedelta(days=1))))
        except DBAPIError as error:  # a lock conflict here costs nothing: try again later
            logger.info("log-in counters not cleaned up (%s)", type(error).__name__)

    def succeeded(self, name: str, address: str) -> None:
        """The password was right: the account starts afresh and the address gets its charge
        back (a right password is no failure)."""
        with self._engine.begin() as connection:
            connection.execute(delete(login_counters).where(
                login_counters.c.key == account_key(name)))
            self._give_back(connection, address_key(address))

    def record(self, name: str, address: str, succeeded: bool) -> None:
        """A finished attempt, for tests and tools that check passwords elsewhere."""
        self.charge(name, address)
        if succeeded:
            self.succeeded(name, address)

    def retry_after(self, name: str, address: str) -> int:
        """Seconds until a log-in may be tried again; 0 when it may be tried now (read only)."""
        now = self._clock()
        with self._engine.connect() as connection:
            rows = connection.execute(select(login_counters).where(login_counters.c.key.in_(
                [account_key(name), address_key(address)]))).all()
        return max([self._wait(row.failures, aware(row.window_start), now, self._max)
                    for row in rows] + [0])

    def _count(self, connection: Connection, key: str, now: datetime) -> int:
        """One atomic increment: a new window when the old one has passed."""
        since = bindparam("since", now - self._window, type_=DateTime(timezone=True))
        statement = self._insert(login_counters).values(key=key, window_start=now, failures=1)
        expired = login_counters.c.window_start <= since
        statement = statement.on_conflict_do_update(
            index_elements=[login_counters.c.key],
            set_={
                "failures": case((expired, 1), else_=login_counters.c.failures + 1),
                "window_start": case((expired, statement.excluded.window_start),
                                     else_=login_counters.c.window_start),
            },
        )
        # The upsert holds the row (PostgreSQL) or the database (SQLite) until commit, so this
        # read sees exactly the count this attempt made.
        connection.execute(statement)
        row = connection.execute(
            select(login_counters).where(login_counters.c.key == key)).one()
        return self._wait(row.failures, aware(row.window_start), now, self._max + 1)

    def _wait(self, failures: int, window_start: datetime, now: datetime, limit: int) -> int:
        """Seconds until the window that holds ``limit`` or more failures has passed."""
        remaining = (window_start + self._window - now).total_seconds()
        if failures < limit or remaining <= 0:
            return 0
        return max(1, math.ceil(remaining))

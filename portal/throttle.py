"""Log-in throttling: after ``max_failures`` failed log-ins for one account or from one address
within the window, every further attempt is refused until the window has passed - also with the
right password, so guessing on gains nothing."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import and_, delete, func, select
from sqlalchemy.engine import Engine

from handoff.clock import aware, utc_now
from portal.tables import login_attempts


def account_key(name: str) -> str:
    """The typed name is stored hashed: people sometimes type their password in the name field."""
    return hashlib.sha256(name.strip().lower().encode("utf-8")).hexdigest()


class LoginThrottle:
    def __init__(
        self, engine: Engine, max_failures: int, window: timedelta,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self._engine = engine
        self._max = max_failures
        self._window = window
        self._clock = clock

    def retry_after(self, name: str, address: str) -> int:
        """Seconds until a log-in may be tried again; 0 when it may be tried now."""
        now = self._clock()
        since = now - self._window
        key = account_key(name)
        with self._engine.connect() as connection:
            last_success = connection.execute(
                select(func.max(login_attempts.c.at)).where(
                    login_attempts.c.account_key == key, login_attempts.c.succeeded.is_(True),
                    login_attempts.c.at >= since)
            ).scalar()
            account_since = max(since, aware(last_success)) if last_success else since
            waits = [
                self._wait(connection, and_(login_attempts.c.account_key == key,
                                            login_attempts.c.at > account_since), now),
                self._wait(connection, and_(login_attempts.c.address == address,
                                            login_attempts.c.at >= since), now),
            ]
        return max(waits)

    def _wait(self, connection, condition, now: datetime) -> int:  # noqa: ANN001
        """Seconds until fewer than max failures match; the oldest counted one must expire."""
        rows = connection.execute(
            select(login_attempts.c.at)
            .where(condition, login_attempts.c.succeeded.is_(False))
            .order_by(login_attempts.c.at.desc()).limit(self._max)
        ).all()
        if len(rows) < self._max:
            return 0
        oldest = aware(rows[-1].at)
        return max(1, int((oldest + self._window - now).total_seconds()) + 1)

    def record(self, name: str, address: str, succeeded: bool) -> None:
        now = self._clock()
        with self._engine.begin() as connection:
            connection.execute(delete(login_attempts).where(
                login_attempts.c.at < now - max(self._window, timedelta(days=1))))
            connection.execute(login_attempts.insert().values(
                account_key=account_key(name), address=address[:64], succeeded=succeeded, at=now))

"""Server-side sessions. The browser holds a random token; the database holds only its SHA-256,
so a copy of the database cannot be used to take over a session."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.engine import Engine

from portal.tables import sessions
from privacy.clock import aware, utc_now

MAX_AGE = timedelta(hours=12)  # even an active session ends after a working day


@dataclass(frozen=True)
class Session:
    token_hash: str
    account: str
    csrf_token: str
    created_at: datetime
    last_seen: datetime


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class SessionStore:
    def __init__(
        self, engine: Engine, idle: timedelta, clock: Callable[[], datetime] = utc_now
    ) -> None:
        self._engine = engine
        self._idle = idle
        self._clock = clock
        # Writing last_seen on every request costs a commit each time; a coarser step is enough.
        self._touch_step = min(timedelta(seconds=30), idle / 10)

    def create(self, account: str) -> tuple[str, Session]:
        """A new session with its own CSRF token; returns the cookie token (shown only once)."""
        token = secrets.token_urlsafe(32)
        now = self._clock()
        session = Session(token_hash(token), account, secrets.token_urlsafe(32), now, now)
        with self._engine.begin() as connection:
            connection.execute(sessions.delete().where(sessions.c.last_seen < now - self._idle))
            connection.execute(sessions.insert().values(
                token_hash=session.token_hash, account=account, csrf_token=session.csrf_token,
                created_at=now, last_seen=now,
            ))
        return token, session

    def lookup(self, token: str) -> tuple[Session | None, str | None]:
        """The live session for a cookie token, touched now.

        Returns ``(session, None)``, or ``(None, account)`` when that account's session has just
        expired (so it can be audited), or ``(None, None)`` for an unknown token.
        """
        if not token or len(token) > 256:
            return None, None
        hashed = token_hash(token)
        now = self._clock()
        with self._engine.begin() as connection:
            row = connection.execute(
                select(sessions).where(sessions.c.token_hash == hashed)).first()
            if row is None:
                return None, None
            if aware(row.last_seen) < now - self._idle or aware(row.created_at) < now - MAX_AGE:
                connection.execute(delete(sessions).where(sessions.c.token_hash == hashed))
                return None, row.account
            if now - aware(row.last_seen) >= self._touch_step:
                connection.execute(
                    update(sessions).where(sessions.c.token_hash == hashed).values(last_seen=now))
        return Session(hashed, row.account, row.csrf_token, aware(row.created_at), now), None

    def end(self, token_hash_value: str) -> None:
        with self._engine.begin() as connection:
            connection.execute(delete(sessions).where(sessions.c.token_hash == token_hash_value))

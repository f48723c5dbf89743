"""Hand-off fixtures: a real database per backend and a UTC clock that only tests move."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.engine import Engine

from privacy.cipher import Cipher
from privacy.consent_register import ConsentRegister
from privacy.deletion_log import DeletionLog
from privacy.keys import derive_key
from privacy.queue import HandoffQueue
from tests.privacy.handoff.backends import (  # noqa: F401 - the database fixtures
    db_url_fixture,
    engine_fixture,
    postgres_database_fixture,
)


class Clock:
    """Aware UTC datetimes; ``tick`` moves time on so every record has its own moment."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 30, 9, 0, 0, 123456, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def tick(self, **delta: float) -> datetime:
        self.now += timedelta(**delta) if delta else timedelta(seconds=1)
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def handoff_key() -> bytes:
    return derive_key(secrets.token_bytes(32), "handoff")


@pytest.fixture
def queue(engine: Engine, handoff_key: bytes, clock: Clock) -> HandoffQueue:
    return HandoffQueue(engine, Cipher(handoff_key), clock=clock)


@pytest.fixture
def consents(engine: Engine, clock: Clock) -> ConsentRegister:
    return ConsentRegister(engine, clock=clock)


@pytest.fixture
def deletions(engine: Engine, clock: Clock) -> DeletionLog:
    return DeletionLog(engine, clock=clock)

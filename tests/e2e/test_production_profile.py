"""The production profile against the real services: PostgreSQL for every store, Redis for the
lock store, the held messages and the daily salt, RabbitMQ for the event stream. PostgreSQL is
reached through a TCP forwarder the test can cut, to show what an unreachable database does.
Skips, with the reason, when PostgreSQL, Redis or RabbitMQ does not answer."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text

from runtime.launcher import LaunchError, System
from runtime.profiles import load_profile, unreachable
from settings.core import load_settings
from tests.e2e.conftest import Assistant, files_containing, free_port, texts
from tests.e2e.test_consent_handoff import (
    NAME,
    PHONE,
    PHONE_FORMS,
    consent_and_give_phone,
    start_callback_for_debt,
)
from tests.e2e.test_faults import health, supervised
from tests.forwarder import TcpForwarder
from tests.rabbitmq import delete, rabbitmq_or_skip, unique_name, waiting
from tests.redis_db import RedisDatabase, redis_db_or_skip

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
PG_HOST, PG_PORT, REDIS = "127.0.0.1", 5432, "redis://127.0.0.1:6379/0"
AMQP = "amqp://127.0.0.1:5672/"
ADMIN_URL = f"postgresql://postgres@{PG_HOST}:{PG_PORT}/postgres"


def require_services() -> None:
    missing = unreachable((ADMIN_URL, REDIS, AMQP))
    if missing:
        pytest.skip(f"production profile needs {', '.join(missing)}")


@pytest.fixture(scope="module")
def database() -> Iterator[str]:
    require_services()
    name = f"dh_test_{uuid.uuid4().hex[:10]}"
    yield name  # the launcher creates it
    admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT", future=True)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="module")
def forwarder() -> TcpForwarder:
    proxy = TcpForwarder(PG_PORT)
    proxy.restore()
    return proxy


@pytest.fixture(scope="module")
def redis_database() -> Iterator[RedisDatabase]:
    """The test's own Redis database (lock store, held messages, daily salt)."""
    require_services()
    database = redis_db_or_skip()
    yield database
    database.release()


@pytest.fixture(scope="module")
def events_queue() -> Iterator[str]:
    """The test's own RabbitMQ exchange and queue (same name), deleted at the end."""
    rabbitmq_or_skip()
    name = unique_name("dh_test_events")
    yield name
    delete(name, name)


@pytest.fixture(scope="module")
def production(tmp_path_factory, database: str, forwarder: TcpForwarder,
               redis_database: RedisDatabase, events_queue: str
               ) -> Iterator[tuple[System, Assistant]]:
    with supervised(tmp_path_factory.mktemp("production"), PROFILE="production",
                    DH_PG_DATABASE=database, DH_PG_PORT=str(forwarder.port),
                    DH_REDIS_DB=str(redis_database.number),
                    DH_TRENDS_EVENTS_EXCHANGE=events_queue,
                    DH_TRENDS_EVENTS_QUEUE=events_queue) as running:
        yield running


def dump(database: str) -> str:
    """Every row of every table of the database, as JSON text."""
    engine = create_engine(f"postgresql://postgres@{PG_HOST}:{PG_PORT}/{database}", future=True)
    with engine.connect() as connection:
        tables = connection.execute(text(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).scalars().all()
        rows = [json.dumps(row) for table in tables for row in connection.execute(
            text(f'SELECT row_to_json(t)::text FROM "{table}" t')).scalars()]
    engine.dispose()
    return "\n".join(rows)


def test_an_unreachable_service_is_named_before_anything_starts():
    unused = free_port()
    profile = load_profile({"PROFILE": "production", "DH_PG_PORT": str(unused)})
    with pytest.raises(LaunchError, match=f"postgresql at 127.0.0.1:{unused}"):
        System(load_settings(env={}), profile=profile).prepare_stores()


def test_every_store_is_on_postgresql_and_the_lock_store_on_redis(
        production, database, redis_database, events_queue, referrals):
    system, assistant = production
    sender, waiting_sender = assistant.new_sender(), assistant.new_sender()
    system.stop_process("trend consumer")  # the events wait in the queue, to be read here
    try:
        start_callback_for_debt(assistant, sender)
        assert "contact met je op" in texts(consent_and_give_phone(assistant, sender))
        system.stop_process("action server")  # a message with personal data is held in Redis
        try:
            time.sleep(2.5)
            said = texts(assistant.say(waiting_sender, f"ik ben {' '.join(NAME)}, bel {PHONE}"))
            assert "bewaard" in said and "112" in said, said
        finally:
            system.start_process("action server")
        queued = waiting(events_queue)
        assert len(queued) > 20 and all(json.loads(body)["sender_id"] for body in queued)
        personal = PHONE_FORMS + NAME
        assert not [value for value in personal if value.encode() in b"\n".join(queued)], \
            "RabbitMQ carries redacted events only"
        stored_in_redis = repr(redis_database.everything()).encode()
        assert b"dh:held:" in stored_in_redis
        assert not [value for value in personal if value.encode() in stored_in_redis]
        assert sender.encode() not in stored_in_redis and waiting_sender.encode() not in \
            stored_in_redis  # keys carry a keyed hash, never the sender id
    finally:
        system.start_process("trend consumer")

    status, report = health(assistant)
    assert status == 200 and report["checks"]["lock_store"] == "ok", report
    deadline = time.monotonic() + 30  # the consumer writes what waited in the queue
    while b"dh:trends:salt:" not in repr(redis_database.everything()).encode():
        assert time.monotonic() < deadline, "the consumer wrote nothing"
        time.sleep(0.5)
    time.sleep(2)
    engine = create_engine(f"postgresql://postgres@{PG_HOST}:{PG_PORT}/{database}", future=True)
    with engine.connect() as connection:
        events = connection.execute(text("SELECT count(*) FROM events WHERE sender_id = :s"),
                                    {"s": sender}).scalar()
        handoffs = connection.execute(text("SELECT count(*) FROM handoffs")).scalar()
        trend_rows = connection.execute(text("SELECT count(*) FROM trend_records")).scalar()
    engine.dispose()
    assert events > 10 and handoffs == 1 and trend_rows > 0
    assert not list(system.settings.data_dir.glob("*.db")), "no SQLite store in production"
    stored = dump(database)
    assert not [form for form in PHONE_FORMS if form in stored], "encrypted at rest"
    assert files_containing(system.settings.data_dir, PHONE_FORMS) == {}
    assert not [v for v in PHONE_FORMS + NAME if v.encode() in repr(
        redis_database.everything()).encode()]


def test_an_unreachable_database_is_said_reported_and_recovered(production, forwarder):
    _, assistant = production
    sender = assistant.new_sender()
    assistant.say(sender, "hallo")
    forwarder.cut()
    try:
        said = texts(assistant.say(sender, "ik heb schulden"))
        assert "niet bewaard" in said and "112" in said, said  # told, never silently dropped
        status, report = health(assistant)
        assert status == 503, report
        assert report["checks"]["tracker_store"] != "ok"
        assert report["checks"]["privacy_db"] != "ok"
    finally:
        forwarder.restore()
    for _ in range(3):  # pooled connections to the old server fail once, then reconnect
        said = texts(assistant.say(sender, "ik heb schulden"))
        if "niet bewaard" not in said:
            break
    assert "niet bewaard" not in said and said
    assert health(assistant)[0] == 200

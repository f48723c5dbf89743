"""The production profile against the real services: PostgreSQL for every store, Redis for the
lock store. PostgreSQL is reached through a TCP forwarder the test can cut, to show what an
unreachable database does. Skips, with the reason, when PostgreSQL or Redis does not answer."""

from __future__ import annotations

import asyncio
import json
import threading
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
    PHONE_FORMS,
    consent_and_give_phone,
    start_callback_for_debt,
)
from tests.e2e.test_faults import health, supervised

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
PG_HOST, PG_PORT, REDIS = "127.0.0.1", 5432, "redis://127.0.0.1:6379/0"
ADMIN_URL = f"postgresql://postgres@{PG_HOST}:{PG_PORT}/postgres"


def require_services() -> None:
    missing = unreachable((ADMIN_URL, REDIS))
    if missing:
        pytest.skip(f"production profile needs {', '.join(missing)}")


class TcpForwarder:
    """127.0.0.1:<port> → PostgreSQL, on a thread; ``cut()`` drops every connection and
    refuses new ones until ``restore()``: the database becomes unreachable for the system."""

    def __init__(self, target_port: int) -> None:
        self.port = free_port()
        self.target_port = target_port
        self._loop = asyncio.new_event_loop()
        self._server: asyncio.AbstractServer | None = None
        self._writers: set[asyncio.StreamWriter] = set()
        threading.Thread(target=self._loop.run_forever, daemon=True).start()

    def _call(self, coroutine) -> None:  # noqa: ANN001
        asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(30)

    def restore(self) -> None:
        self._call(self._open())

    def cut(self) -> None:
        self._call(self._close())

    async def _open(self) -> None:
        self._server = await asyncio.start_server(self._pipe, "127.0.0.1", self.port)

    async def _close(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None
        for writer in list(self._writers):
            writer.close()

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        up_reader, up_writer = await asyncio.open_connection(PG_HOST, self.target_port)
        self._writers |= {writer, up_writer}

        async def copy(source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
            try:
                while data := await source.read(65536):
                    sink.write(data)
                    await sink.drain()
            except (ConnectionError, OSError):
                pass
            finally:
                sink.close()
                self._writers.discard(sink)

        await asyncio.gather(copy(reader, up_writer), copy(up_reader, writer))


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
def production(tmp_path_factory, database: str, forwarder: TcpForwarder
               ) -> Iterator[tuple[System, Assistant]]:
    with supervised(tmp_path_factory.mktemp("production"), PROFILE="production",
                    DH_PG_DATABASE=database, DH_PG_PORT=str(forwarder.port)) as running:
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


def test_every_store_is_on_postgresql_and_the_lock_store_on_redis(production, database):
    system, assistant = production
    sender = assistant.new_sender()
    start_callback_for_debt(assistant, sender)
    assert "contact met je op" in texts(consent_and_give_phone(assistant, sender))

    status, report = health(assistant)
    assert status == 200 and report["checks"]["lock_store"] == "ok", report
    time.sleep(2)  # the trend broker writes a batch a second
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

"""Real databases for the vault and hand-off tests: a SQLite file, and PostgreSQL when reachable.

Every DB-level test runs on both, because the two disagree on exactly what these packages rely on:
locking, isolation, time zones and string lengths. PostgreSQL gets a fresh database per test
session (``dh_test_<random>``), dropped at the end, so parallel runs never see each other's rows.
Imported by the ``conftest.py`` of ``tests/vault`` and ``tests/handoff``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import Engine

from privacy.db import make_engine
from privacy.tables import metadata
from tests.postgres import postgres_or_skip

BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(scope="session", name="postgres_database")
def postgres_database_fixture() -> Iterator[str]:
    """URL of a database created for this session only; skips when PostgreSQL is not reachable."""
    databases = postgres_or_skip()
    try:
        yield databases.create()
    finally:
        databases.drop_all()


@pytest.fixture(params=BACKENDS, name="db_url")
def db_url_fixture(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A clean, empty privacy database on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'data' / 'privacy.db'}"
        return
    url = request.getfixturevalue("postgres_database")
    yield url
    cleaner = make_engine(url)  # also restores what a test dropped
    with cleaner.begin() as connection:
        connection.execute(text("SET LOCAL lock_timeout = '10s'"))
        tables = ", ".join(table.name for table in metadata.sorted_tables)
        connection.execute(text(f"TRUNCATE {tables}"))
    cleaner.dispose()


def drop_schema(url: str) -> None:
    """Leave the database without the privacy tables, as on a system's very first start."""
    if url.startswith("sqlite:///"):
        Path(url[len("sqlite:///"):]).parent.mkdir(parents=True, exist_ok=True)
    dropper = create_engine(url, future=True)
    metadata.drop_all(dropper)
    dropper.dispose()


@pytest.fixture(name="engine")
def engine_fixture(db_url: str) -> Iterator[Engine]:
    engine = make_engine(db_url)
    yield engine
    engine.dispose()


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def stored_text(engine: Engine) -> str:
    """Every row of every privacy table as text: what an administrator with SQL access sees."""
    with engine.connect() as connection:
        return "\n".join(
            repr(tuple(row))
            for table in metadata.sorted_tables
            for row in connection.execute(select(table))
        )


def sqlite_file_bytes(engine: Engine) -> bytes:
    """The raw bytes of the SQLite file and any journal or WAL beside it."""
    database = Path(engine.url.database or "")
    parts = [database] + [Path(f"{database}{suffix}") for suffix in ("-journal", "-wal", "-shm")]
    return b"".join(part.read_bytes() for part in parts if part.exists())


def raw_leaks(engine: Engine, secrets_: list[str]) -> list[str]:
    """Which of ``secrets_`` can be read in the database (rows, and the file itself for SQLite)."""
    found = stored_text(engine)
    raw = sqlite_file_bytes(engine) if is_sqlite(engine) else b""
    return [s for s in secrets_ if s in found or s.encode("utf-8") in raw]

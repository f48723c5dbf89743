"""The one privacy database: created by whichever process starts first, safe settings on SQLite."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from privacy.db import make_engine
from privacy.tables import metadata, vault_values
from tests.privacy.handoff.backends import drop_schema


def test_all_tables_and_the_unique_value_index_exist(engine: Engine) -> None:
    inspector = inspect(engine)
    assert set(inspector.get_table_names()) >= {t.name for t in metadata.sorted_tables}
    indexes = {i["name"]: i for i in inspector.get_indexes("vault_values")}
    assert indexes["uq_vault_values_value"]["unique"]
    row = {"conversation": "c" * 32, "entity_type": "PERSON", "lookup": "l" * 64,
           "value_encrypted": "x", "last_used": 0.0}
    with engine.begin() as connection:
        connection.execute(vault_values.insert().values(number=1, **row))
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.execute(vault_values.insert().values(number=2, **row))


def test_sqlite_gets_secure_delete_foreign_keys_and_a_busy_timeout(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'nieuw' / 'map' / 'privacy.db'}")
    try:
        assert (tmp_path / "nieuw" / "map" / "privacy.db").exists()
        with engine.connect() as connection:
            assert connection.execute(text("PRAGMA secure_delete")).scalar() == 1
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert connection.execute(text("PRAGMA busy_timeout")).scalar() >= 5000
    finally:
        engine.dispose()


def test_a_database_from_before_the_unique_index_gets_it(db_url: str) -> None:
    """``create_all`` skips existing tables; the index against double numbering must still come."""
    drop_schema(db_url)
    old = create_engine(db_url, future=True)
    metadata.create_all(old)
    with old.begin() as connection:
        connection.execute(text("DROP INDEX uq_vault_values_value"))
    old.dispose()
    engine = make_engine(db_url)
    try:
        names = {i["name"] for i in inspect(engine).get_indexes("vault_values")}
        assert "uq_vault_values_value" in names
    finally:
        engine.dispose()


@pytest.mark.parametrize("processes", [4])
def test_processes_starting_together_on_a_fresh_database(db_url: str, processes: int) -> None:
    """``make run`` starts Rasa, the action server and the portal at once; none may crash."""
    drop_schema(db_url)
    start = threading.Barrier(processes)

    def open_database(_: int) -> Engine:
        start.wait(timeout=10)
        return make_engine(db_url)

    with ThreadPoolExecutor(processes) as pool:
        engines = list(pool.map(open_database, range(processes)))
    for engine in engines:
        engine.dispose()

"""One database for the registers and the queue (SQLite by default, PostgreSQL by URL)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine

from handoff.tables import metadata, vault_values


def make_engine(url: str) -> Engine:
    """An engine with the tables created; SQLite files get foreign keys and a busy timeout."""
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
        Path(url[len("sqlite:///"):]).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, future=True, connect_args=_connect_args(url))
    if url.startswith("sqlite"):
        event.listen(engine, "connect", _sqlite_pragmas)
    metadata.create_all(engine)
    with engine.begin() as connection:  # create_all adds no index to a table made before it
        for index in vault_values.indexes:
            index.create(connection, checkfirst=True)
    return engine


def _connect_args(url: str) -> dict[str, object]:
    return {"timeout": 15, "check_same_thread": False} if url.startswith("sqlite") else {}


def _sqlite_pragmas(connection, _record) -> None:  # noqa: ANN001 - DB-API connection
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA secure_delete=ON")  # deleted rows are overwritten, not left in pages
    cursor.close()

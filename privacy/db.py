"""One database for the registers and the queue (SQLite by default, PostgreSQL by URL)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from privacy.tables import metadata, vault_values

_SCHEMA_LOCK = 0x44485F5052495653  # "DH_PRIVS": any constant all processes of the system share
_SCHEMA_ATTEMPTS = 5


def make_engine(url: str) -> Engine:
    """An engine with the tables created; SQLite files get foreign keys and a busy timeout."""
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
        Path(url[len("sqlite:///"):]).parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    engine = create_engine(url, future=True, connect_args=_connect_args(url))
    if url.startswith("sqlite"):
        event.listen(engine, "connect", _sqlite_pragmas)
    _create_schema(engine)
    return engine


def _create_schema(engine: Engine) -> None:
    """Create what is missing, also when the processes of one system start at the same moment.

    PostgreSQL creation is serialised by an advisory lock (its DDL is transactional); SQLite
    commits each CREATE on its own, so a process that lost the race checks again.
    """
    for attempt in range(_SCHEMA_ATTEMPTS):
        try:
            with engine.begin() as connection:
                if connection.dialect.name == "postgresql":
                    connection.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                                       {"key": _SCHEMA_LOCK})
                metadata.create_all(connection)
                for index in vault_values.indexes:  # create_all skips indexes of existing tables
                    index.create(connection, checkfirst=True)
            return
        except DBAPIError:
            if attempt == _SCHEMA_ATTEMPTS - 1:
                raise


def _connect_args(url: str) -> dict[str, object]:
    return {"timeout": 15, "check_same_thread": False} if url.startswith("sqlite") else {}


def _sqlite_pragmas(connection, _record) -> None:  # noqa: ANN001 - DB-API connection
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA secure_delete=ON")  # deleted rows are overwritten, not left in pages
    cursor.close()

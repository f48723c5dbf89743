"""The portal's own tables, created on the privacy services' engine (one database, one backup).

The audit log is append-only in the database itself: triggers refuse UPDATE and DELETE (and, on
SQLite, an INSERT OR REPLACE over an existing entry), so not even the portal's own code can rewrite
history by accident. Someone who owns the database can still drop a trigger; the keyed hash chain
(``portal.audit.chain``) is what makes that show.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    text,
)
from sqlalchemy import inspect as inspect_database
from sqlalchemy.engine import Connection, Engine

metadata = MetaData()

accounts = Table(
    "portal_accounts", metadata,
    Column("name", String(64), primary_key=True),
    Column("role", String(16), nullable=False),          # counsellor | analyst | admin
    Column("teams", Text, nullable=False, default=""),    # comma-separated referral service keys
    Column("password_hash", Text, nullable=False),        # scrypt, parameters and salt included
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

# Server-side sessions; the cookie holds a random token, the table only its SHA-256.
sessions = Table(
    "portal_sessions", metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("account", String(64), nullable=False, index=True),
    Column("csrf_token", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("last_seen", DateTime(timezone=True), nullable=False),
)

# Log-in throttling: one counter per typed account name (hashed: it may be a password) and per
# address, each incremented atomically before the password is checked (portal/throttle.py).
login_counters = Table(
    "portal_login_counters", metadata,
    Column("key", String(80), primary_key=True),          # account:<sha256> | address:<ip>
    Column("window_start", DateTime(timezone=True), nullable=False, index=True),
    Column("failures", Integer, nullable=False),
)

# Who did what, when, from where. Never contact details or resident text: targets are hand-off
# ids and account names only. ``seq`` is the entry's place in the hash chain (1, 2, 3, … without
# gaps, unlike ``id`` on PostgreSQL); ``entry_hash`` is HMAC(chain key, seq, the columns,
# prev_hash). The three are NULL only for entries written before the chain existed, until the
# chain is started (``portal.audit.chain.start_chain``).
audit_log = Table(
    "portal_audit_log", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False, index=True),
    Column("actor", String(64), nullable=False),
    Column("action", String(32), nullable=False),
    Column("target", String(128), nullable=False, default=""),
    Column("address", String(64), nullable=False, default=""),
    Column("seq", Integer, nullable=True),
    Column("prev_hash", String(64), nullable=True),
    Column("entry_hash", String(64), nullable=True),
    Index("ix_portal_audit_log_seq", "seq", unique=True),
)
# Columns added to an audit table made before the chain existed: name -> SQL type.
CHAIN_COLUMNS = {"seq": "INTEGER", "prev_hash": "VARCHAR(64)", "entry_hash": "VARCHAR(64)"}

# The chain head, one row (id 1): the last entry's place and hash, how many entries were chained
# at upgrade rather than when written, and an HMAC seal over those three. Deleting the newest
# entries therefore shows (the head names them), and the head cannot be moved back without the key.
audit_head = Table(
    "portal_audit_head", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("seq", Integer, nullable=False),
    Column("entry_hash", String(64), nullable=False),
    Column("legacy", Integer, nullable=False),
    Column("seal", String(64), nullable=False),
)

# The PostgreSQL advisory lock for appends to the audit chain and for the portal's schema step
# (one lock: a start-up re-creating the triggers while another process appends would otherwise
# deadlock on the two audit tables). On SQLite ``BEGIN IMMEDIATE`` takes the database's single
# write lock instead.
AUDIT_CHAIN_LOCK = 0x44485F4155444954  # "DH_AUDIT"

SQLITE_UPDATE_TRIGGER = (
    "CREATE TRIGGER IF NOT EXISTS portal_audit_log_no_update BEFORE UPDATE ON portal_audit_log "
    "BEGIN SELECT RAISE(ABORT, 'portal_audit_log is append-only'); END"
)
_SQLITE_TRIGGERS = [
    SQLITE_UPDATE_TRIGGER,
    "CREATE TRIGGER IF NOT EXISTS portal_audit_log_no_delete BEFORE DELETE ON portal_audit_log "
    "BEGIN SELECT RAISE(ABORT, 'portal_audit_log is append-only'); END",
    # REPLACE deletes the row it collides with without firing the delete trigger (unless
    # recursive_triggers is on): refuse any insert that would collide instead.
    "CREATE TRIGGER IF NOT EXISTS portal_audit_log_no_replace BEFORE INSERT ON portal_audit_log "
    "WHEN EXISTS (SELECT 1 FROM portal_audit_log WHERE id = NEW.id OR seq = NEW.seq) "
    "BEGIN SELECT RAISE(ABORT, 'portal_audit_log is append-only'); END",
    "CREATE TRIGGER IF NOT EXISTS portal_audit_head_no_delete BEFORE DELETE ON portal_audit_head "
    "BEGIN SELECT RAISE(ABORT, 'portal_audit_head is kept'); END",
]

_POSTGRES_TRIGGERS = [
    """CREATE OR REPLACE FUNCTION portal_audit_log_append_only() RETURNS trigger
       LANGUAGE plpgsql AS $$
       BEGIN
           RAISE EXCEPTION 'portal_audit_log is append-only';
       END
       $$""",
    "DROP TRIGGER IF EXISTS portal_audit_log_no_change ON portal_audit_log",
    """CREATE TRIGGER portal_audit_log_no_change BEFORE UPDATE OR DELETE ON portal_audit_log
       FOR EACH ROW EXECUTE PROCEDURE portal_audit_log_append_only()""",
    "DROP TRIGGER IF EXISTS portal_audit_log_no_truncate ON portal_audit_log",
    """CREATE TRIGGER portal_audit_log_no_truncate BEFORE TRUNCATE ON portal_audit_log
       FOR EACH STATEMENT EXECUTE PROCEDURE portal_audit_log_append_only()""",
    "DROP TRIGGER IF EXISTS portal_audit_head_no_delete ON portal_audit_head",
    """CREATE TRIGGER portal_audit_head_no_delete BEFORE DELETE OR TRUNCATE ON portal_audit_head
       FOR EACH STATEMENT EXECUTE PROCEDURE portal_audit_log_append_only()""",
]


def create_portal_tables(engine: Engine) -> None:
    """Create the tables and the append-only triggers for the engine's dialect (idempotent).

    Also the schema step of the audit chain's upgrade: an audit table from before the chain gets
    its chain columns here; chaining the entries already in it needs the key and is done by
    ``portal.audit.chain.start_chain`` (at the first append, or ``python -m portal.audit migrate``).
    """
    dialect = engine.dialect.name
    if dialect == "sqlite":
        statements = _SQLITE_TRIGGERS
    elif dialect == "postgresql":
        statements = _POSTGRES_TRIGGERS
    else:
        raise RuntimeError(f"no append-only audit trigger for database {dialect!r}")
    # Several processes may start at once: the whole step runs under one lock.
    with exclusive(engine, AUDIT_CHAIN_LOCK) as connection:
        metadata.create_all(connection)
        present = {c["name"] for c in inspect_database(connection).get_columns(audit_log.name)}
        for name, sql_type in CHAIN_COLUMNS.items():
            if name not in present:
                connection.execute(text(
                    f"ALTER TABLE {audit_log.name} ADD COLUMN {name} {sql_type}"))
        for index in audit_log.indexes:  # create_all skips the indexes of an existing table
            index.create(connection, checkfirst=True)
        for statement in statements:
            connection.execute(text(statement))


@contextmanager
def exclusive(engine: Engine, lock: int) -> Iterator[Connection]:
    """A transaction that holds a write lock from its first statement, committed on success.

    SQLite: ``BEGIN IMMEDIATE`` (the driver would otherwise begin lazily, at the first write, and
    two writers could both read the same chain head first). PostgreSQL: the advisory lock ``lock``,
    held until the transaction ends.
    """
    with engine.connect() as connection:
        try:
            if connection.dialect.name == "sqlite":
                connection.exec_driver_sql("BEGIN IMMEDIATE")
            else:
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": lock})
            yield connection
            connection.commit()
        except BaseException:
            connection.rollback()
            raise

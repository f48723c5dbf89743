"""The portal's own tables, created on the privacy services' engine (one database, one backup).

The audit log is append-only in the database itself: triggers refuse UPDATE and DELETE, so not
even the portal's own code (or someone with its connection string) can rewrite history quietly.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    text,
)
from sqlalchemy.engine import Engine

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
# ids and account names only.
audit_log = Table(
    "portal_audit_log", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False, index=True),
    Column("actor", String(64), nullable=False),
    Column("action", String(32), nullable=False),
    Column("target", String(128), nullable=False, default=""),
    Column("address", String(64), nullable=False, default=""),
)

_SQLITE_TRIGGERS = [
    f"CREATE TRIGGER IF NOT EXISTS portal_audit_log_no_{verb.lower()} "
    f"BEFORE {verb} ON portal_audit_log "
    "BEGIN SELECT RAISE(ABORT, 'portal_audit_log is append-only'); END"
    for verb in ("UPDATE", "DELETE")
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
]


def create_portal_tables(engine: Engine) -> None:
    """Create the tables and the append-only triggers for the engine's dialect (idempotent)."""
    metadata.create_all(engine)
    dialect = engine.dialect.name
    if dialect == "sqlite":
        statements = _SQLITE_TRIGGERS
    elif dialect == "postgresql":
        statements = _POSTGRES_TRIGGERS
    else:
        raise RuntimeError(f"no append-only audit trigger for database {dialect!r}")
    with engine.begin() as connection:
        if dialect == "postgresql":
            # Several processes may start at once; serialise the trigger (re)creation.
            connection.execute(text("SELECT pg_advisory_xact_lock(4711)"))
        for statement in statements:
            connection.execute(text(statement))

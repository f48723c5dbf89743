"""The audit log's hash chain: each entry sealed with an HMAC over its content and the previous
entry's hash, and a sealed chain head naming the last entry.

Triggers stop accidents, not the database's owner: anyone who can drop a trigger can edit, replace
or delete rows. The chain makes that visible to ``python -m portal.audit verify``, because a new
seal needs the chain key, which lives outside the database (derived from the master key with its
own HKDF label). What it cannot show: the whole database (log and head) put back to an older copy
— compare the head the verifier prints with one written down earlier for that.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import weakref
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, inspect, select, text
from sqlalchemy.engine import Connection, Engine, make_url

from portal.tables import SQLITE_UPDATE_TRIGGER, audit_head, audit_log
from privacy.clock import as_utc
from privacy.keys import derive_key, load_master_key
from privacy.settings import PrivacySettings, load_privacy_settings

logger = logging.getLogger(__name__)

CHAIN_KEY_PURPOSE = "portal-audit-chain"  # HKDF info "digitale-huiskamer/portal-audit-chain"
FORMAT = "dh-audit-chain-v1"
GENESIS = "0" * 64  # the "previous hash" of entry #1
HEAD_ID = 1
START_ACTION = "audit_chain_start"  # the entry that records an upgrade's chaining of old entries

# Engines opened from known settings (``portal.db.open_portal_engine``) -> those settings, so an
# ``AuditLog(engine)`` finds the key of that engine's system rather than of the default settings.
_SETTINGS: weakref.WeakKeyDictionary[Engine, PrivacySettings] = weakref.WeakKeyDictionary()


class AuditChainError(RuntimeError):
    """The chain cannot be extended safely (its head is missing or its seal is broken)."""


def chain_key(master: bytes) -> bytes:
    """The audit chain's own key: HKDF of the master key, shared with no other use."""
    return derive_key(master, CHAIN_KEY_PURPOSE)


def remember_settings(engine: Engine, settings: PrivacySettings) -> None:
    """Record which settings (and so which key) ``engine`` was opened from."""
    _SETTINGS[engine] = settings


def chain_key_for(engine: Engine) -> bytes:
    """The key for the engine's database: from the settings it was opened with, else from the
    default settings (``python -m portal`` and the accounts CLI) when they name this database.

    Any other engine needs ``AuditLog(engine, key=…)``: sealing with another system's key would
    make a sound log look tampered with.
    """
    settings = _SETTINGS.get(engine)
    if settings is None:
        settings = load_privacy_settings()
        if make_url(settings.resolved_database_url) != engine.url:
            raise AuditChainError("no audit chain key for this database: pass AuditLog(key=…) "
                                  "or open it with portal.db.open_portal_engine")
    return chain_key(load_master_key(settings.key_file))


def _canonical_time(at: datetime) -> str:
    return as_utc(at).isoformat(timespec="microseconds")


def entry_seal(key: bytes, seq: int, at: datetime, actor: str, action: str, target: str,
               address: str, prev_hash: str) -> str:
    """HMAC-SHA256 over the entry's place, content and predecessor, in an unambiguous encoding."""
    message = json.dumps([FORMAT, seq, _canonical_time(at), actor, action, target, address,
                          prev_hash], ensure_ascii=False, separators=(",", ":"))
    return hmac.new(key, message.encode("utf-8"), hashlib.sha256).hexdigest()


def head_seal(key: bytes, seq: int, entry_hash: str, legacy: int) -> str:
    """The head's own seal (another domain than the entries', so one cannot stand for the other)."""
    message = json.dumps([FORMAT + "/head", seq, entry_hash, legacy], separators=(",", ":"))
    return hmac.new(key, message.encode("utf-8"), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Head:
    seq: int
    entry_hash: str
    legacy: int


def read_head(connection: Connection, key: bytes) -> Head | None:
    """The sealed head, or None before the chain has started; a broken seal is an error."""
    row = connection.execute(select(audit_head).where(audit_head.c.id == HEAD_ID)).first()
    if row is None:
        return None
    if not hmac.compare_digest(row.seal, head_seal(key, row.seq, row.entry_hash, row.legacy)):
        raise AuditChainError("the audit chain head's seal is broken: run "
                              "`python -m portal.audit verify`")
    return Head(row.seq, row.entry_hash, row.legacy)


def _write_head(connection: Connection, key: bytes, head: Head, new: bool) -> None:
    values = {"seq": head.seq, "entry_hash": head.entry_hash, "legacy": head.legacy,
              "seal": head_seal(key, head.seq, head.entry_hash, head.legacy)}
    if new:
        connection.execute(audit_head.insert().values(id=HEAD_ID, **values))
    else:
        connection.execute(audit_head.update().where(audit_head.c.id == HEAD_ID).values(**values))


def add_entry(connection: Connection, key: bytes, head: Head, at: datetime, actor: str,
              action: str, target: str, address: str) -> Head:
    """Insert one sealed entry after ``head`` and move the head; the caller holds the lock."""
    seq = head.seq + 1
    at = as_utc(at)
    sealed = entry_seal(key, seq, at, actor, action, target, address, head.entry_hash)
    connection.execute(audit_log.insert().values(
        at=at, actor=actor, action=action, target=target, address=address,
        seq=seq, prev_hash=head.entry_hash, entry_hash=sealed,
    ))
    moved = Head(seq, sealed, head.legacy)
    _write_head(connection, key, moved, new=False)
    return moved


def start_chain(connection: Connection, key: bytes, at: datetime) -> Head:
    """Create the head, first chaining (in id order) any entries written before the chain existed.

    This is the upgrade's one-time migration. Old entries are vouched for from now on, not from
    when they were written, and an ``audit_chain_start`` entry says how many there were. The
    append-only guard is lifted for this one transaction only. The caller holds the lock.
    """
    chained = connection.execute(
        select(func.count()).select_from(audit_log).where(audit_log.c.seq.is_not(None))
    ).scalar_one()
    if chained:
        raise AuditChainError("the audit log has chained entries but no chain head: run "
                              "`python -m portal.audit verify`")
    old = connection.execute(select(audit_log).order_by(audit_log.c.id)).all()
    head = Head(0, GENESIS, len(old))
    if old:
        _lift_update_guard(connection)
        for row in old:
            seq = head.seq + 1
            sealed = entry_seal(key, seq, row.at, row.actor, row.action, row.target,
                                row.address, head.entry_hash)
            connection.execute(audit_log.update().where(audit_log.c.id == row.id).values(
                seq=seq, prev_hash=head.entry_hash, entry_hash=sealed))
            head = Head(seq, sealed, len(old))
        _restore_update_guard(connection)
    _write_head(connection, key, head, new=True)
    if old:
        head = add_entry(connection, key, head, at, "system", START_ACTION,
                         f"#1-#{len(old)}", "")
        logger.warning("audit log: chained %d entries written before the chain existed", len(old))
    return head


def _lift_update_guard(connection: Connection) -> None:
    if connection.dialect.name == "sqlite":
        connection.execute(text("DROP TRIGGER IF EXISTS portal_audit_log_no_update"))
    else:
        connection.execute(text(
            "ALTER TABLE portal_audit_log DISABLE TRIGGER portal_audit_log_no_change"))


def _restore_update_guard(connection: Connection) -> None:
    if connection.dialect.name == "sqlite":
        connection.execute(text(SQLITE_UPDATE_TRIGGER))
    else:
        connection.execute(text(
            "ALTER TABLE portal_audit_log ENABLE TRIGGER portal_audit_log_no_change"))


# --- verification ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """The first entry that cannot be vouched for: its place in the chain, its row id when the
    row exists, and what is wrong."""

    seq: int | None
    entry_id: int | None
    problem: str

    def describe(self) -> str:
        where = f"first bad entry #{self.seq}" if self.seq is not None else "chain"
        if self.entry_id is not None:
            where += f" (id {self.entry_id})"
        return f"{where}: {self.problem}"


@dataclass(frozen=True)
class Verdict:
    entries: int
    legacy: int
    head_hash: str
    unchained: int  # entries written before the chain existed, still waiting for the migration
    finding: Finding | None


def verify_chain(engine: Engine, key: bytes) -> Verdict:
    """Walk every entry in id order and check place, link and seal, then the head.

    Read in one snapshot (a read transaction on SQLite, REPEATABLE READ on PostgreSQL), so an
    append while verifying is either wholly seen or not at all.
    """
    with engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql("BEGIN")
        else:
            connection = connection.execution_options(isolation_level="REPEATABLE READ")
        try:
            return _verify(connection, key)
        finally:
            connection.rollback()


def _verify(connection: Connection, key: bytes) -> Verdict:
    columns = {c["name"] for c in inspect(connection).get_columns(audit_log.name)}
    if "seq" not in columns:  # the schema step of the upgrade has not run yet
        count = connection.execute(text(f"SELECT count(*) FROM {audit_log.name}")).scalar_one()
        return Verdict(count, 0, GENESIS, count, None)
    has_head = inspect(connection).has_table(audit_head.name)
    head_row = (connection.execute(select(audit_head).where(audit_head.c.id == HEAD_ID)).first()
                if has_head else None)
    rows = connection.execute(select(audit_log).order_by(audit_log.c.id))
    if head_row is None:
        return _verify_unstarted(rows)
    expected, previous, finding = 1, GENESIS, None
    for row in rows:
        finding = _check_row(key, row, expected, previous)
        if finding is not None:
            break
        expected, previous = expected + 1, row.entry_hash
    count = expected - 1
    if finding is None:
        finding = _check_head(key, head_row, count, previous)
    return Verdict(count, head_row.legacy, previous, 0, finding)


def _verify_unstarted(rows: Any) -> Verdict:
    count = 0
    for row in rows:
        count += 1
        if row.seq is not None:
            return Verdict(count, 0, GENESIS, 0, Finding(
                row.seq, row.id, "a chained entry, but the chain head is missing (deleted)"))
    return Verdict(count, 0, GENESIS, count, None)


def _check_row(key: bytes, row: Any, expected: int, previous: str) -> Finding | None:
    if row.seq is None:
        return Finding(expected, row.id, "not on the chain: inserted outside the portal")
    if row.seq > expected:
        return Finding(expected, None, f"missing (deleted): the next entry, id {row.id}, "
                                       f"is #{row.seq}")
    if row.seq < expected:
        return Finding(expected, row.id, f"out of place: says it is #{row.seq}")
    if row.prev_hash != previous:
        return Finding(expected, row.id, "does not link to the entry before it")
    try:
        sealed = entry_seal(key, row.seq, row.at, row.actor, row.action, row.target,
                            row.address, row.prev_hash)
    except (TypeError, ValueError, AttributeError):
        return Finding(expected, row.id, "unreadable content")
    if not hmac.compare_digest(sealed, row.entry_hash or ""):
        return Finding(expected, row.id, "content does not match its seal (changed, replaced "
                                         "or forged)")
    return None


def _check_head(key: bytes, head: Any, count: int, last_hash: str) -> Finding | None:
    if not hmac.compare_digest(head.seal, head_seal(key, head.seq, head.entry_hash,
                                                    head.legacy)):
        return Finding(count + 1, None, "cannot be vouched for: the chain head's seal is broken "
                                        f"(moved back?), so entries after #{count} may have been "
                                        "deleted")
    if head.seq > count:
        return Finding(count + 1, None, f"missing (deleted): the chain head says there are "
                                        f"{head.seq} entries, the log ends at #{count}")
    if head.seq < count:
        return Finding(head.seq + 1, None, "after the chain head: appended outside the portal")
    if head.entry_hash != last_hash:
        return Finding(count, None, "does not match the chain head")
    return None

"""The audit log shows tampering: every entry is chained to the one before it by a keyed hash,
and ``python -m portal.audit verify`` (a real process, the portal's own settings) names the first
entry that was changed, replaced, forged or deleted, on SQLite and on PostgreSQL.

Each tampering is done the way someone with the database (but not the master key) would: with the
append-only triggers dropped or switched off where they stand in the way, or with a hex editor.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError

from bot.settings import PROJECT_ROOT
from portal.audit import AuditLog
from portal.db import open_portal_engine
from tests.portal.conftest import (
    PortalServer,
    launch_server,
    portal_env,
    wait_until_healthy,
)
from tests.postgres import PostgresDatabases
from vault.keys import load_master_key
from vault.settings import load_privacy_settings

BACKENDS = ("sqlite", "postgresql")
ENTRIES = 6  # ids and chain positions 1..6 in a fresh database


@dataclass
class System:
    """A privacy database as the portal would use it, and the settings to reach it."""

    backend: str
    env: dict[str, str]
    engine: Engine

    def verify(self) -> subprocess.CompletedProcess[str]:
        return run_audit(self.env, "verify")


def run_audit(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """``python -m portal.audit …`` in its own process, like an operator would run it."""
    return subprocess.run(  # noqa: S603
        [sys.executable, "-m", "portal.audit", *args], cwd=PROJECT_ROOT, env=env,
        capture_output=True, text=True, timeout=120,
    )


def new_env(request: pytest.FixtureRequest, tmp_path: Path) -> dict[str, str]:
    env = portal_env(tmp_path / "data", tmp_path / "reports")
    if request.param == "postgresql":
        databases: PostgresDatabases = request.getfixturevalue("postgres")
        env["DH_PRIVACY_DATABASE_URL"] = databases.create("dh_audit")
    return env


@pytest.fixture(params=BACKENDS)
def empty(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[System]:
    """A fresh portal database on each backend, with no audit entries yet, and the master key
    that the first process of the system creates."""
    env = new_env(request, tmp_path)
    settings = load_privacy_settings(env=env)
    load_master_key(settings.key_file)
    engine = open_portal_engine(settings)
    yield System(request.param, env, engine)
    engine.dispose()


@pytest.fixture
def system(empty: System) -> System:
    """Six entries appended through the portal's own audit log."""
    log = AuditLog(empty.engine)
    for number in range(1, ENTRIES + 1):
        log.append("bram", "handoff_claim", f"zaak-{number:04d}-aanmelding", "127.0.0.9")
    return empty


# --- tamperings -----------------------------------------------------------------------------


def _columns(connection: Connection) -> list[str]:
    return [c["name"] for c in inspect(connection).get_columns("portal_audit_log")]


def _row(connection: Connection, entry_id: int) -> dict[str, object]:
    row = connection.execute(text("SELECT * FROM portal_audit_log WHERE id = :id"),
                             {"id": entry_id}).mappings().one()
    return dict(row)


def _lift_guards(connection: Connection, backend: str) -> None:
    """What the database owner can always do: switch the append-only triggers off."""
    if backend == "sqlite":
        for name in ("no_update", "no_delete", "no_replace"):
            connection.execute(text(f"DROP TRIGGER IF EXISTS portal_audit_log_{name}"))
    else:
        connection.execute(text("ALTER TABLE portal_audit_log DISABLE TRIGGER USER"))


def _insert(connection: Connection, row: dict[str, object], verb: str = "INSERT") -> None:
    names = list(row)
    connection.execute(text(
        f"{verb} INTO portal_audit_log ({', '.join(names)}) "
        f"VALUES ({', '.join(':' + n for n in names)})"), row)


def update_a_row(system: System) -> int:
    """Change who did #3 without going through any SQL at all on SQLite (a hex editor); with the
    triggers switched off on PostgreSQL."""
    if system.backend == "sqlite":
        system.engine.dispose()
        path = Path(system.engine.url.database)
        content = path.read_bytes()
        assert content.count(b"zaak-0003-aanmelding") == 1
        path.write_bytes(content.replace(b"zaak-0003-aanmelding", b"zaak-9993-aanmelding"))
        return 3
    with system.engine.begin() as connection:
        _lift_guards(connection, system.backend)
        connection.execute(text("UPDATE portal_audit_log SET target = 'zaak-9993' WHERE id = 3"))
    return 3


def insert_or_replace(system: System) -> int:
    """Replace #3 by a row with the same id (and chain fields) but another actor."""
    with system.engine.begin() as connection:
        row = _row(connection, 3)
        row["actor"] = "frank"
        if system.backend == "sqlite":
            # Only the new guard against REPLACE is dropped: REPLACE's implicit delete never fired
            # the delete trigger, which is how the old log could be rewritten.
            connection.execute(text("DROP TRIGGER IF EXISTS portal_audit_log_no_replace"))
            _insert(connection, row, "INSERT OR REPLACE")
        else:
            _lift_guards(connection, system.backend)
            names = list(row)
            connection.execute(text(
                f"INSERT INTO portal_audit_log ({', '.join(names)}) "
                f"VALUES ({', '.join(':' + n for n in names)}) "
                "ON CONFLICT (id) DO UPDATE SET actor = EXCLUDED.actor"), row)
    return 3


def insert_a_forged_row(system: System) -> int:
    """Append a row that claims to follow #6, with a plausible (unkeyed) hash; no guard needed."""
    with system.engine.begin() as connection:
        row = _row(connection, ENTRIES)
        del row["id"]
        row.update(actor="frank", action="audit_view", target="")
        if "seq" in row:
            row["seq"] = ENTRIES + 1
            row["prev_hash"] = row["entry_hash"]
            row["entry_hash"] = hashlib.sha256(repr(sorted(row.items())).encode()).hexdigest()
        _insert(connection, row)
    return ENTRIES + 1


def delete_a_middle_row(system: System) -> int:
    with system.engine.begin() as connection:
        _lift_guards(connection, system.backend)
        connection.execute(text("DELETE FROM portal_audit_log WHERE id = 3"))
    return 3


def delete_the_tail(system: System) -> int:
    with system.engine.begin() as connection:
        _lift_guards(connection, system.backend)
        connection.execute(text("DELETE FROM portal_audit_log WHERE id >= 5"))
    return 5


def delete_the_tail_and_move_the_head(system: System) -> int:
    """Delete #5 and #6 and point the chain head at #4, as far as that can be done without
    the key."""
    with system.engine.begin() as connection:
        _lift_guards(connection, system.backend)
        connection.execute(text("DELETE FROM portal_audit_log WHERE id >= 5"))
        if inspect(connection).has_table("portal_audit_head"):
            last = _row(connection, 4)
            connection.execute(text(
                "UPDATE portal_audit_head SET seq = :seq, entry_hash = :hash"),
                {"seq": last["seq"], "hash": last["entry_hash"]})
    return 5


def drop_the_trigger_and_edit(system: System) -> int:
    """Drop the trigger, rewrite #2 and re-hash it (without the key) so #3 still links to it."""
    with system.engine.begin() as connection:
        if system.backend == "sqlite":
            connection.execute(text("DROP TRIGGER portal_audit_log_no_update"))
        else:
            connection.execute(text("DROP TRIGGER portal_audit_log_no_change ON portal_audit_log"))
        connection.execute(text(
            "UPDATE portal_audit_log SET action = 'login', target = '' WHERE id = 2"))
        if "entry_hash" in _columns(connection):
            row = _row(connection, 2)
            forged = hashlib.sha256(repr(sorted(row.items())).encode()).hexdigest()
            connection.execute(text(
                "UPDATE portal_audit_log SET entry_hash = :h WHERE id = 2"), {"h": forged})
            connection.execute(text(
                "UPDATE portal_audit_log SET prev_hash = :h WHERE id = 3"), {"h": forged})
    return 2


TAMPERINGS: dict[str, Callable[[System], int]] = {
    "update a row": update_a_row,
    "insert or replace": insert_or_replace,
    "insert a forged row": insert_a_forged_row,
    "delete a middle row": delete_a_middle_row,
    "delete the tail": delete_the_tail,
    "delete the tail and move the head": delete_the_tail_and_move_the_head,
    "drop the trigger and edit": drop_the_trigger_and_edit,
}


def first_bad_entry(output: str) -> int | None:
    match = re.search(r"first bad entry #(\d+)\b", output)
    return int(match.group(1)) if match else None


# --- tests ----------------------------------------------------------------------------------


def test_an_intact_chain_verifies(system: System) -> None:
    result = system.verify()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "intact" in result.stdout and f"{ENTRIES} entries" in result.stdout


def test_an_empty_log_verifies(empty: System) -> None:
    result = empty.verify()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "intact" in result.stdout and "0 entries" in result.stdout


@pytest.mark.parametrize("tamper", TAMPERINGS.values(), ids=TAMPERINGS.keys())
def test_tampering_is_detected_and_the_first_bad_entry_named(
    system: System, tamper: Callable[[System], int]
) -> None:
    assert system.verify().returncode == 0
    expected = tamper(system)
    result = system.verify()
    assert result.returncode == 1, result.stdout + result.stderr
    assert first_bad_entry(result.stdout) == expected, result.stdout
    assert "Traceback" not in result.stderr


def test_sqlite_refuses_insert_or_replace(tmp_path: Path) -> None:
    """The guard itself: REPLACE over an existing entry is refused while the triggers stand
    (PostgreSQL's ON CONFLICT DO UPDATE already met the update trigger)."""
    env = portal_env(tmp_path / "data", tmp_path / "reports")
    engine = open_portal_engine(load_privacy_settings(env=env))
    try:
        log = AuditLog(engine)
        for number in range(3):
            log.append("bram", "queue_view", f"stap-{number}", "127.0.0.1")
        with pytest.raises(DBAPIError, match="append-only"):
            with engine.begin() as connection:
                row = _row(connection, 2)
                row["actor"] = "frank"
                _insert(connection, row, "INSERT OR REPLACE")
        assert [e.actor for e in log.entries()] == ["bram"] * 3
    finally:
        engine.dispose()


def test_concurrent_appends_do_not_fork_the_chain(empty: System) -> None:
    """Four writers with their own connections at once: one chain, every entry on it."""
    errors: list[BaseException] = []

    def writer(number: int) -> None:
        engine = open_portal_engine(load_privacy_settings(env=empty.env))
        try:
            log = AuditLog(engine)
            for step in range(15):
                log.append(f"writer-{number}", "queue_view", f"stap-{step}", "127.0.0.1")
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)
        finally:
            engine.dispose()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    result = empty.verify()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "60 entries" in result.stdout


def _old_schema(system: System) -> None:
    """The audit table as it was before the chain, with three entries in it."""
    with system.engine.begin() as connection:
        connection.execute(text("DROP TABLE portal_audit_log"))
        connection.execute(text("DROP TABLE IF EXISTS portal_audit_head"))
        sqlite = system.backend == "sqlite"
        key = "INTEGER PRIMARY KEY AUTOINCREMENT" if sqlite else "SERIAL PRIMARY KEY"
        stamp = "DATETIME" if sqlite else "TIMESTAMP WITH TIME ZONE"
        connection.execute(text(
            f"CREATE TABLE portal_audit_log (id {key}, at {stamp} NOT NULL, "
            "actor VARCHAR(64) NOT NULL, action VARCHAR(32) NOT NULL, "
            "target VARCHAR(128) NOT NULL, address VARCHAR(64) NOT NULL)"))
        for number in range(1, 4):
            connection.execute(text(
                "INSERT INTO portal_audit_log (at, actor, action, target, address) "
                "VALUES (:at, 'anna', 'login', '', '127.0.0.1')"),
                {"at": f"2026-10-0{number} 09:00:00"})


def test_entries_from_before_the_chain_are_chained_once_at_upgrade(empty: System) -> None:
    _old_schema(empty)
    empty.engine.dispose()
    engine = open_portal_engine(load_privacy_settings(env=empty.env))  # the upgrade's schema step
    try:
        unchained = empty.verify()
        assert unchained.returncode == 2, unchained.stdout + unchained.stderr
        assert "migrate" in unchained.stdout
        migrated = run_audit(empty.env, "migrate")
        assert migrated.returncode == 0, migrated.stdout + migrated.stderr
        assert "3 entries" in migrated.stdout and "before the chain" in migrated.stdout
        again = run_audit(empty.env, "migrate")
        assert again.returncode == 0 and "already" in again.stdout
        AuditLog(engine).append("anna", "logout", "", "127.0.0.1")
        result = empty.verify()
        assert result.returncode == 0, result.stdout + result.stderr
        assert "intact" in result.stdout and "#1-#3 chained at upgrade" in result.stdout
        with engine.begin() as connection:  # and a chained legacy entry is as protected as any
            _lift_guards(connection, empty.backend)
            connection.execute(text("UPDATE portal_audit_log SET actor = 'bram' WHERE id = 2"))
        assert first_bad_entry(empty.verify().stdout) == 2
    finally:
        engine.dispose()


def test_the_first_append_after_an_upgrade_chains_the_old_entries(empty: System) -> None:
    """The portal itself migrates when it writes, so an upgrade never leaves a gap."""
    _old_schema(empty)
    empty.engine.dispose()
    engine = open_portal_engine(load_privacy_settings(env=empty.env))
    try:
        AuditLog(engine).append("anna", "logout", "", "127.0.0.1")
        result = empty.verify()
        assert result.returncode == 0, result.stdout + result.stderr
        assert "5 entries" in result.stdout  # 3 old, the upgrade note, the log-out
        actions = [e.action for e in AuditLog(engine).entries()]
        assert actions[:2] == ["logout", "audit_chain_start"]
    finally:
        engine.dispose()


# --- the running portal over HTTP -----------------------------------------------------------


@pytest.fixture(params=BACKENDS)
def server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[PortalServer]:
    overrides = {}
    if request.param == "postgresql":
        databases: PostgresDatabases = request.getfixturevalue("postgres")
        overrides["DH_PRIVACY_DATABASE_URL"] = databases.create("dh_audit_portal")
    (tmp_path / "reports").mkdir()
    running = wait_until_healthy(launch_server(tmp_path / "data", tmp_path / "reports",
                                               **overrides))
    try:
        yield running
    finally:
        running.stop()


def test_the_portal_audits_contact_details_and_refusals_and_keeps_the_chain(
    server: PortalServer,
) -> None:
    contact = "06-13572468"
    handoff = server.new_handoff("schuldhulp", contact=contact)
    early = server.new_handoff("schuldhulp", contact=contact)
    anna = server.login("anna")
    headers = {"X-CSRF-Token": anna.csrf}
    refused = anna.post(f"/api/handoffs/{early.id}/contacted", headers=headers)
    assert refused.status_code == 409
    claimed = anna.post(f"/api/handoffs/{handoff.id}/claim", headers=headers)
    assert claimed.status_code == 200 and claimed.json()["contact"] == contact
    contacted = anna.post(f"/api/handoffs/{handoff.id}/contacted", headers=headers)
    assert contacted.status_code == 200 and contacted.json()["contact"] == contact
    no_token = anna.post(f"/api/handoffs/{early.id}/claim")
    assert no_token.status_code == 403
    frank = server.login("frank")
    assert frank.get(f"/api/handoffs/{early.id}").status_code == 403

    log = AuditLog(server.engine)
    shown = log.entries(action="handoff_view_contact", target=handoff.id)
    assert [e.actor for e in shown] == ["anna", "anna"]  # the claim's and contacted's answers
    assert [e.actor for e in log.entries(action="handoff_step_refused", target=early.id)] == [
        "anna"]
    assert sorted(e.actor for e in log.entries(action="handoff_forbidden", target=early.id)) == [
        "anna", "frank"]
    dump = repr([vars(e) for e in log.entries(limit=10000)])
    assert contact not in dump

    result = run_audit(server.env, "verify")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "intact" in result.stdout

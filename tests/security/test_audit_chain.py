"""The audit log shows tampering: every entry is chained to the one before it by a keyed hash,
and ``python -m portal.audit verify`` (a real process, the portal's own settings) names the first
entry that was changed, replaced, forged or deleted, on SQLite and on PostgreSQL.

Each tampering is done the way someone with the database (but not the master key) would: with the
append-only triggers dropped or switched off where they stand in the way, or with a hex editor.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from portal.audit import AuditLog
from portal.db import open_portal_engine
from privacy.keys import load_master_key
from privacy.settings import load_privacy_settings
from tests.portal.conftest import (
    PortalServer,
    launch_server,
    portal_env,
    wait_until_healthy,
)
from tests.postgres import PostgresDatabases
from tests.security.audit_tampering import (
    ENTRIES,
    TAMPERINGS,
    System,
    audit_row,
    insert,
    lift_guards,
    run_audit,
)

BACKENDS = ("sqlite", "postgresql")


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
                row = audit_row(connection, 2)
                row["actor"] = "frank"
                insert(connection, row, "INSERT OR REPLACE")
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
            lift_guards(connection, empty.backend)
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

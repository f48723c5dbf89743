"""Every access is audited (who, what, when, from where); the log is append-only in the database
and never holds contact details or resident text."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.exc import DBAPIError

from portal.audit import AuditLog
from portal.tables import audit_log, create_portal_tables
from settings.core import PROJECT_ROOT
from tests.portal.conftest import PASSWORD, PortalServer, post_login

CONTACT = "06-98765432"


@pytest.fixture(scope="module")
def flow(portal: PortalServer) -> dict[str, str]:
    """One of everything that must be audited, from a recognisable address."""
    address = "127.0.0.70"
    handoff = portal.new_handoff("schuldhulp", contact=CONTACT)
    doomed = portal.new_handoff("schuldhulp", contact=CONTACT)
    assert post_login(portal.client(address), "bram", "fout-wachtwoord-1").status_code == 401
    bram = portal.login("bram", local_address=address)
    headers = {"X-CSRF-Token": bram.csrf}
    bram.get("/handoffs")
    bram.get(f"/handoffs/{handoff.id}")
    bram.post(f"/api/handoffs/{handoff.id}/claim", headers=headers)
    bram.get(f"/api/handoffs/{handoff.id}")
    bram.post(f"/api/handoffs/{handoff.id}/contacted", headers=headers)
    bram.post(f"/api/handoffs/{handoff.id}/close", headers=headers)
    bram.post(f"/api/handoffs/{doomed.id}/claim", headers=headers)
    bram.post(f"/api/handoffs/{doomed.id}/delete", headers=headers)
    bram.get("/api/handoffs/" + "e" * 32)
    bram.post("/logout", data={"csrf_token": bram.csrf})

    frank = portal.login("frank", local_address=address)
    headers = {"X-CSRF-Token": frank.csrf}
    frank.get("/accounts")
    frank.post("/api/accounts", headers=headers, json={
        "name": "audit-test", "role": "analyst", "password": PASSWORD})
    frank.post("/api/accounts/audit-test/password", headers=headers,
               json={"password": "nog-een-wachtwoord"})
    frank.post("/api/accounts/audit-test/disable", headers=headers)
    frank.get("/api/audit")
    ellen = portal.login("ellen", local_address=address)
    ellen.get("/reports")
    ellen.get("/reports/trends-2026-10.csv")
    return {"handoff": handoff.id, "doomed": doomed.id, "address": address}


EXPECTED = [
    ("bram", "login_failed", ""),
    ("bram", "login", ""),
    ("bram", "queue_view", "schuldhulp"),
    ("bram", "handoff_view", "{handoff}"),
    ("bram", "handoff_claim", "{handoff}"),
    ("bram", "handoff_view_contact", "{handoff}"),
    ("bram", "handoff_contacted", "{handoff}"),
    ("bram", "handoff_close", "{handoff}"),
    ("bram", "handoff_claim", "{doomed}"),
    ("bram", "handoff_delete", "{doomed}"),
    ("bram", "handoff_denied", "e" * 32),
    ("bram", "logout", ""),
    ("frank", "login", ""),
    ("frank", "accounts_view", ""),
    ("frank", "account_create", "audit-test"),
    ("frank", "account_password", "audit-test"),
    ("frank", "account_disable", "audit-test"),
    ("frank", "audit_view", ""),
    ("ellen", "reports_view", ""),
    ("ellen", "report_view", "trends-2026-10.csv"),
]


@pytest.mark.parametrize("actor, action, target", EXPECTED,
                         ids=[f"{a}-{b}" for a, b, _ in EXPECTED])
def test_access_is_audited(
    portal: PortalServer, flow: dict[str, str], actor: str, action: str, target: str
) -> None:
    entries = AuditLog(portal.engine).entries(limit=5000, actor=actor, action=action,
                                              target=target.format(**flow))
    assert any(e.address == flow["address"] for e in entries), (actor, action, target)
    assert all(e.at is not None for e in entries)


def test_throttled_log_in_is_audited(quick: PortalServer) -> None:
    # frank and 127.0.0.80 are used by no other test on the quick server: the lock-out is ours.
    for _ in range(3):
        post_login(quick.client("127.0.0.80"), "frank", "fout-wachtwoord-1")
    assert post_login(quick.client("127.0.0.80"), "frank", PASSWORD).status_code == 429
    entries = AuditLog(quick.engine).entries(actor="frank", action="login_throttled")
    assert entries and entries[0].address == "127.0.0.80"


def test_audit_never_holds_contact_details_or_resident_text(
    portal: PortalServer, flow: dict[str, str]
) -> None:
    summary = portal.services.queue.get(flow["handoff"]).summary
    with portal.engine.connect() as connection:
        rows = connection.execute(select(audit_log)).all()
    dump = "\n".join(str(tuple(row)) for row in rows)
    assert rows and CONTACT not in dump and summary not in dump and "energieleverancier" not in dump
    assert PASSWORD not in dump and "fout-wachtwoord-1" not in dump


def test_admin_and_analyst_pages_never_show_resident_data(
    portal: PortalServer, flow: dict[str, str]
) -> None:
    summary = portal.services.queue.get(flow["handoff"]).summary
    frank, ellen = portal.as_user("frank"), portal.as_user("ellen")
    pages = [frank.get(p) for p in ("/accounts", "/audit", "/api/audit", "/api/accounts")]
    pages += [ellen.get(p) for p in ("/reports", "/api/reports")]
    for page in pages:
        assert page.status_code == 200
        assert CONTACT not in page.text and summary not in page.text
        assert "energieleverancier" not in page.text


def test_admin_sees_the_audit_log(portal: PortalServer, flow: dict[str, str]) -> None:
    entries = portal.as_user("frank").get("/api/audit").json()["entries"]
    assert {"handoff_claim", "login"} <= {e["action"] for e in entries}
    page = portal.as_user("frank").get("/audit")
    assert "aanmelding opgepakt" in page.text and flow["handoff"] in page.text


def _assert_append_only(engine) -> None:  # noqa: ANN001
    AuditLog(engine, key=bytes(32)).append("tester", "login", "", "127.0.0.1")
    for statement in ("UPDATE portal_audit_log SET actor = 'iemand-anders'",
                      "DELETE FROM portal_audit_log"):
        with pytest.raises(DBAPIError, match="append-only"):
            with engine.begin() as connection:
                connection.execute(text(statement))
    assert [e.actor for e in AuditLog(engine).entries()] == ["tester"]


def test_audit_log_is_append_only_in_sqlite(tmp_path) -> None:  # noqa: ANN001
    engine = create_engine(f"sqlite:///{tmp_path / 'audit.db'}", future=True)
    create_portal_tables(engine)
    create_portal_tables(engine)  # idempotent: a restart must not fail on existing triggers
    _assert_append_only(engine)


def test_portal_database_refuses_changes_to_the_audit_log(
    portal: PortalServer, flow: dict[str, str]
) -> None:
    before = len(AuditLog(portal.engine).entries(limit=100000))
    with pytest.raises(DBAPIError, match="append-only"):
        with portal.engine.begin() as connection:
            connection.execute(text("DELETE FROM portal_audit_log WHERE actor = 'bram'"))
    assert len(AuditLog(portal.engine).entries(limit=100000)) >= before


def test_audit_log_is_append_only_in_postgresql(postgres_engine) -> None:  # noqa: ANN001
    create_portal_tables(postgres_engine)
    create_portal_tables(postgres_engine)
    _assert_append_only(postgres_engine)
    with pytest.raises(DBAPIError, match="append-only"):
        with postgres_engine.begin() as connection:
            connection.execute(text("TRUNCATE portal_audit_log"))


def test_contact_details_in_step_answers_are_audited_as_views(portal: PortalServer) -> None:
    """The claim and contacted answers carry the decrypted contact details: each is a view."""
    handoff = portal.new_handoff("schuldhulp", contact=CONTACT)
    anna = portal.login("anna", local_address="127.0.0.71")
    headers = {"X-CSRF-Token": anna.csrf}
    for step in ("claim", "contacted"):
        answer = anna.post(f"/api/handoffs/{handoff.id}/{step}", headers=headers)
        assert answer.status_code == 200 and answer.json()["contact"] == CONTACT
    closed = anna.post(f"/api/handoffs/{handoff.id}/close", headers=headers)
    assert closed.status_code == 200 and "contact" not in closed.json()
    views = AuditLog(portal.engine).entries(action="handoff_view_contact", target=handoff.id)
    assert [(e.actor, e.address) for e in views] == [("anna", "127.0.0.71")] * 2


def test_refusals_are_audited(portal: PortalServer) -> None:
    """409 (a step out of order, deleting what one has not claimed) and 403 (a wrong role, no
    form token) each leave an entry naming who tried what."""
    handoff = portal.new_handoff("schuldhulp", contact=CONTACT)
    anna = portal.login("anna", local_address="127.0.0.72")
    assert anna.post(f"/api/handoffs/{handoff.id}/contacted",
                     headers={"X-CSRF-Token": anna.csrf}).status_code == 409
    assert anna.post(f"/api/handoffs/{handoff.id}/delete",
                     headers={"X-CSRF-Token": anna.csrf}).status_code == 409
    assert anna.post(f"/api/handoffs/{handoff.id}/claim").status_code == 403  # no CSRF token
    frank = portal.login("frank", local_address="127.0.0.72")
    assert frank.get(f"/api/handoffs/{handoff.id}").status_code == 403
    assert frank.get(f"/handoffs/{handoff.id}").status_code == 403
    log = AuditLog(portal.engine)
    refused = log.entries(action="handoff_step_refused", target=handoff.id)
    assert [(e.actor, e.address) for e in refused] == [("anna", "127.0.0.72")] * 2
    forbidden = log.entries(action="handoff_forbidden", target=handoff.id)
    assert sorted(e.actor for e in forbidden) == ["anna", "frank", "frank"]
    assert all(e.address == "127.0.0.72" for e in forbidden)
    assert portal.services.queue.get(handoff.id).status == "new"


def test_the_running_portals_audit_chain_verifies(
    portal: PortalServer, flow: dict[str, str]
) -> None:
    """Entries from the server and from this process (the test accounts) on one intact chain,
    checked by the operator's command on the portal's own settings."""
    before = len(AuditLog(portal.engine).entries(limit=100000))
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "portal.audit", "verify"], cwd=PROJECT_ROOT, env=portal.env,
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    after = len(AuditLog(portal.engine).entries(limit=100000))
    match = re.match(r"audit log intact: (\d+) entries", result.stdout)
    assert match and 0 < before <= int(match.group(1)) <= after, result.stdout

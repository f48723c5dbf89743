"""The portal's stores on PostgreSQL (the privacy database may be PostgreSQL by URL)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine

from portal.accounts import Accounts, DuplicateAccount
from portal.audit import AuditLog
from portal.sessions import SessionStore
from portal.tables import create_portal_tables
from portal.throttle import LoginThrottle
from tests.portal.conftest import (
    PASSWORD,
    POSTGRES_URL,
    cheap_hash,
    launch_server,
    wait_until_healthy,
)


def test_accounts_sessions_throttle_and_audit_work_on_postgresql(
    postgres_engine: Engine,
) -> None:
    create_portal_tables(postgres_engine)
    audit = AuditLog(postgres_engine, key=bytes(32))
    accounts = Accounts(postgres_engine, audit, ["schuldhulp"], hasher=cheap_hash)
    accounts.add("anna", "counsellor", PASSWORD, ["schuldhulp"], actor="test")
    with pytest.raises(DuplicateAccount):
        accounts.add("anna", "analyst", PASSWORD, actor="test")
    assert accounts.authenticate("anna", PASSWORD).teams == ("schuldhulp",)
    assert accounts.authenticate("anna", "fout-wachtwoord-1") is None

    sessions = SessionStore(postgres_engine, timedelta(minutes=5))
    token, session = sessions.create("anna")
    assert sessions.lookup(token)[0].csrf_token == session.csrf_token
    accounts.disable("anna", actor="test")
    assert sessions.lookup(token) == (None, None)  # disabling ended the session

    throttle = LoginThrottle(postgres_engine, 2, timedelta(minutes=5))
    throttle.record("anna", "10.0.0.1", False)
    assert throttle.retry_after("anna", "10.0.0.2") == 0
    throttle.record("anna", "10.0.0.3", False)
    assert throttle.retry_after("anna", "10.0.0.2") > 0

    assert [e.action for e in audit.entries()] == ["account_disable", "account_create"]


def test_the_portal_server_runs_on_postgresql(
    tmp_path: Path, postgres_engine: Engine
) -> None:
    """The whole portal over HTTP with DH_PRIVACY_DATABASE_URL pointing at PostgreSQL."""
    with postgres_engine.connect() as connection:
        schema = connection.execute(text("SELECT current_schema()")).scalar()
    url = f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"
    server = wait_until_healthy(launch_server(tmp_path / "data", tmp_path / "reports",
                                              DH_PRIVACY_DATABASE_URL=url))
    try:
        assert server.engine.dialect.name == "postgresql"
        handoff = server.new_handoff("schuldhulp", contact="06-24681357")
        anna = server.login("anna")
        claimed = anna.post(f"/api/handoffs/{handoff.id}/claim",
                            headers={"X-CSRF-Token": anna.csrf})
        assert claimed.status_code == 200 and claimed.json()["contact"] == "06-24681357"
        assert server.login("carla").get(f"/api/handoffs/{handoff.id}").status_code == 404
        actions = [e.action for e in AuditLog(server.engine).entries(target=handoff.id)]
        assert actions == ["handoff_denied", "handoff_view_contact", "handoff_claim"]
    finally:
        server.stop()

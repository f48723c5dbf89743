"""Every state-changing request needs the session's CSRF token (and the log-in form its
double-submit cookie); a missing or wrong token is 403 and changes nothing."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest
from sqlalchemy import select

from portal.tables import accounts
from tests.portal.conftest import PASSWORD, PortalServer, login_form_token

TOKENS = {"missing": None, "wrong": "x" * 43, "empty": ""}


def _send(client: httpx.Client, path: str, token: str | None, api: bool,
          body: dict | None = None) -> httpx.Response:
    if api:
        headers = {} if token is None else {"X-CSRF-Token": token}
        return client.post(path, json=body or {}, headers=headers)
    data = dict(body or {})
    if token is not None:
        data["csrf_token"] = token
    return client.post(path, data=data)


def _hash_of(portal: PortalServer, name: str) -> str | None:
    with portal.engine.connect() as connection:
        return connection.execute(select(accounts.c.password_hash)
                                  .where(accounts.c.name == name)).scalar()


def _active(portal: PortalServer, name: str) -> bool:
    with portal.engine.connect() as connection:
        return bool(connection.execute(select(accounts.c.active)
                                       .where(accounts.c.name == name)).scalar())


@pytest.mark.parametrize("token", TOKENS.values(), ids=TOKENS.keys())
@pytest.mark.parametrize("api", [True, False], ids=["api", "html"])
@pytest.mark.parametrize("step", ["claim", "contacted", "close", "delete"])
def test_hand_off_steps_need_the_token(
    portal: PortalServer, step: str, api: bool, token: str | None
) -> None:
    handoff = portal.new_handoff()
    anna = portal.as_user("anna")
    if step != "claim":
        portal.services.queue.claim(handoff.id, "anna")
    prefix = "/api" if api else ""
    response = _send(anna, f"{prefix}/handoffs/{handoff.id}/{step}", token, api,
                     {"confirm": "ja"})
    assert response.status_code == 403
    after = portal.services.queue.get(handoff.id)
    assert after is not None and after.status == ("new" if step == "claim" else "claimed")


ACCOUNT_CHANGES: list[tuple[str, dict, Callable[[PortalServer], bool]]] = [
    ("/accounts", {"name": "csrf-nieuw", "role": "analyst", "password": PASSWORD},
     lambda p: _hash_of(p, "csrf-nieuw") is None),
    ("/accounts/bram/disable", {}, lambda p: _active(p, "bram")),
    ("/accounts/bram/password", {"password": "een-ander-wachtwoord-9"},
     lambda p: p.bram_hash == _hash_of(p, "bram")),  # type: ignore[attr-defined]
]


@pytest.mark.parametrize("token", TOKENS.values(), ids=TOKENS.keys())
@pytest.mark.parametrize("api", [True, False], ids=["api", "html"])
@pytest.mark.parametrize("path, body, unchanged", ACCOUNT_CHANGES,
                         ids=[c[0] for c in ACCOUNT_CHANGES])
def test_account_changes_need_the_token(
    portal: PortalServer, path: str, body: dict, unchanged: Callable[[PortalServer], bool],
    api: bool, token: str | None,
) -> None:
    portal.bram_hash = _hash_of(portal, "bram")  # type: ignore[attr-defined]
    response = _send(portal.as_user("frank"), ("/api" if api else "") + path, token, api, body)
    assert response.status_code == 403
    assert unchanged(portal)


@pytest.mark.parametrize("token", TOKENS.values(), ids=TOKENS.keys())
@pytest.mark.parametrize("path", ["/logout", "/api/logout"])
def test_log_out_needs_the_token(portal: PortalServer, path: str, token: str | None) -> None:
    client = portal.login("ellen")
    response = _send(client, path, token, path.startswith("/api"))
    assert response.status_code == 403
    assert client.get("/api/me").status_code == 200  # still signed in


def test_token_of_another_session_is_refused(portal: PortalServer) -> None:
    handoff = portal.new_handoff()
    anna, bram = portal.as_user("anna"), portal.as_user("bram")
    response = anna.post(f"/api/handoffs/{handoff.id}/claim", headers={"X-CSRF-Token": bram.csrf})
    assert response.status_code == 403
    assert portal.services.queue.get(handoff.id).status == "new"


@pytest.mark.parametrize("case", ["no cookie", "no field", "different"])
def test_log_in_form_needs_the_double_submit_token(portal: PortalServer, case: str) -> None:
    client = portal.client()
    token = login_form_token(client)
    data = {"name": "anna", "password": PASSWORD, "csrf_token": token}
    if case == "no cookie":
        client.cookies.clear()
    elif case == "no field":
        del data["csrf_token"]
    else:
        data["csrf_token"] = token[::-1]
    response = client.post("/login", data=data)
    assert response.status_code == 403
    assert "dh_session" not in response.headers.get("set-cookie", "")


def test_foreign_origin_is_refused(portal: PortalServer) -> None:
    client = portal.client()
    token = login_form_token(client)
    response = client.post("/login", data={"name": "anna", "password": PASSWORD,
                                           "csrf_token": token},
                           headers={"Origin": "https://kwaadaardig.example"})
    assert response.status_code == 403


def test_api_log_in_needs_json(portal: PortalServer) -> None:
    response = portal.client().post("/api/login", data={"name": "anna", "password": PASSWORD})
    assert response.status_code == 403
    ok = portal.client().post("/api/login", json={"name": "anna", "password": PASSWORD})
    assert ok.status_code == 200 and ok.json()["csrf_token"]

"""Administrators manage accounts through the portal too; refusals are clear, with the right
status."""

from __future__ import annotations

import pytest

from tests.portal.conftest import PortalServer, post_login


def _post(portal: PortalServer, path: str, body: dict | None = None):  # noqa: ANN202
    frank = portal.as_user("frank")
    return frank.post(path, json=body or {}, headers={"X-CSRF-Token": frank.csrf})


def test_admin_creates_a_counsellor_who_can_log_in(portal: PortalServer) -> None:
    response = _post(portal, "/api/accounts", {"name": "dewi", "role": "counsellor",
                                               "teams": ["wijkteam", "wmo"],
                                               "password": "dewi-haar-wachtwoord"})
    assert response.status_code == 201
    assert response.json() == {**response.json(), "name": "dewi", "teams": ["wijkteam", "wmo"],
                               "active": True}
    dewi = portal.login("dewi", "dewi-haar-wachtwoord")
    handoff = portal.new_handoff("wmo")
    assert handoff.id in [h["id"] for h in dewi.get("/api/handoffs").json()["new"]]
    names = [a["name"] for a in portal.as_user("frank").get("/api/accounts").json()["accounts"]]
    assert "dewi" in names


def test_admin_creates_through_the_html_form(portal: PortalServer) -> None:
    frank = portal.as_user("frank")
    response = frank.post("/accounts", data={
        "csrf_token": frank.csrf, "name": "evert", "role": "counsellor", "team": ["cjg"],
        "password": "evert-zijn-wachtwoord"})
    assert response.status_code == 303
    page = frank.get(response.headers["location"])
    assert "evert" in page.text and "Het account is aangemaakt." in page.text


def test_notices_are_never_free_text_from_the_url(portal: PortalServer) -> None:
    page = portal.as_user("frank").get("/accounts", params={"melding": "Bel 0900-OPLICHTER"})
    assert page.status_code == 200 and "OPLICHTER" not in page.text


@pytest.mark.parametrize("body, status, fragment", [
    ({"name": "anna", "role": "analyst", "password": "lang-genoeg-1234"}, 409, "bestaat al"),
    ({"name": "nieuw1", "role": "baas", "password": "lang-genoeg-1234"}, 400, "Onbekende rol"),
    ({"name": "nieuw2", "role": "analyst", "password": "kort"}, 400, "te kort"),
    ({"name": "nieuw3", "role": "counsellor", "password": "lang-genoeg-1234"}, 400, "team"),
    ({"name": "nieuw4", "role": "counsellor", "teams": ["geheimedienst"],
      "password": "lang-genoeg-1234"}, 400, "Onbekend team"),
    ({"name": "Nieuw Vijf", "role": "analyst", "password": "lang-genoeg-1234"}, 400, "naam"),
    ({"name": "nieuw6"}, 400, "Geef"),
])
def test_refused_account_changes(
    portal: PortalServer, body: dict, status: int, fragment: str
) -> None:
    response = _post(portal, "/api/accounts", body)
    assert response.status_code == status
    assert fragment in response.json()["message"]


def test_reset_password_through_the_portal(portal: PortalServer) -> None:
    _post(portal, "/api/accounts", {"name": "gijs", "role": "analyst",
                                    "password": "gijs-oud-wachtwoord"})
    gijs = portal.login("gijs", "gijs-oud-wachtwoord")
    assert _post(portal, "/api/accounts/gijs/password",
                 {"password": "kort"}).status_code == 400
    assert _post(portal, "/api/accounts/gijs/password",
                 {"password": "gijs-nieuw-wachtwoord"}).status_code == 200
    assert gijs.get("/api/reports").status_code == 401  # old sessions end with the old password
    assert post_login(portal.client("127.0.0.90"), "gijs",
                      "gijs-oud-wachtwoord").status_code == 401
    portal.login("gijs", "gijs-nieuw-wachtwoord")


@pytest.mark.parametrize("path", ["/api/accounts/niemand/disable",
                                  "/api/accounts/niemand/password"])
def test_unknown_account_is_404(portal: PortalServer, path: str) -> None:
    assert _post(portal, path, {"password": "lang-genoeg-1234"}).status_code == 404


def test_admin_cannot_disable_itself(portal: PortalServer) -> None:
    response = _post(portal, "/api/accounts/frank/disable")
    assert response.status_code == 409
    assert portal.as_user("frank").get("/api/accounts").status_code == 200

"""The app as a whole: log-in required everywhere, roles enforced everywhere, security headers,
health, and errors that are JSON with a reason - never a stack trace."""

from __future__ import annotations

import pytest

from tests.portal.conftest import PortalServer

HID = "0" * 32  # replaced by a real hand-off id where the test needs one
# (method, path, roles allowed). Every route the portal has except /login, /health, /static.
ROUTES = [
    ("GET", "/portal", {"counsellor", "analyst", "admin"}),
    ("GET", "/api/me", {"counsellor", "analyst", "admin"}),
    ("POST", "/api/logout", {"counsellor", "analyst", "admin"}),
    ("GET", "/handoffs", {"counsellor"}),
    ("GET", "/handoffs/{hid}", {"counsellor"}),
    ("POST", "/handoffs/{hid}/claim", {"counsellor"}),
    ("POST", "/handoffs/{hid}/contacted", {"counsellor"}),
    ("POST", "/handoffs/{hid}/close", {"counsellor"}),
    ("POST", "/handoffs/{hid}/delete", {"counsellor"}),
    ("GET", "/api/handoffs", {"counsellor"}),
    ("GET", "/api/handoffs/{hid}", {"counsellor"}),
    ("POST", "/api/handoffs/{hid}/claim", {"counsellor"}),
    ("POST", "/api/handoffs/{hid}/contacted", {"counsellor"}),
    ("POST", "/api/handoffs/{hid}/close", {"counsellor"}),
    ("POST", "/api/handoffs/{hid}/delete", {"counsellor"}),
    ("GET", "/reports", {"analyst"}),
    ("GET", "/reports/trends-2026-10.csv", {"analyst"}),
    ("GET", "/api/reports", {"analyst"}),
    ("GET", "/api/reports/trends-2026-10.csv", {"analyst"}),
    ("GET", "/accounts", {"admin"}),
    ("POST", "/accounts", {"admin"}),
    ("POST", "/accounts/carla/disable", {"admin"}),
    ("POST", "/accounts/carla/password", {"admin"}),
    ("GET", "/api/accounts", {"admin"}),
    ("POST", "/api/accounts", {"admin"}),
    ("POST", "/api/accounts/carla/disable", {"admin"}),
    ("POST", "/api/accounts/carla/password", {"admin"}),
    ("GET", "/audit", {"admin"}),
    ("GET", "/api/audit", {"admin"}),
]
# The account of each role used to try the routes it may not use.
ROLE_ACCOUNTS = {"counsellor": "anna", "analyst": "ellen", "admin": "frank"}


def _ids(route: tuple[str, str, set[str]]) -> str:
    return f"{route[0]} {route[1]}"


@pytest.mark.parametrize("route", ROUTES, ids=_ids)
def test_nothing_without_log_in(portal: PortalServer, route: tuple[str, str, set[str]]) -> None:
    method, path, _roles = route
    handoff = portal.new_handoff()
    response = portal.client().request(method, path.format(hid=handoff.id))
    if path.startswith("/api/"):
        assert response.status_code == 401
        assert response.json()["error"] == 401
    else:
        assert response.status_code == 303
        assert response.headers["location"] == "/login"
    assert "06-12345678" not in response.text
    after = portal.services.queue.get(handoff.id)
    assert after is not None and after.status == "new"  # nothing happened


@pytest.fixture(scope="module")
def signed_in(portal: PortalServer) -> dict:
    return {role: portal.as_user(name) for role, name in ROLE_ACCOUNTS.items()}


FORBIDDEN = [(role, route) for route in ROUTES for role in ROLE_ACCOUNTS if role not in route[2]]


@pytest.mark.parametrize("role, route", FORBIDDEN,
                         ids=[f"{role}-{_ids(route)}" for role, route in FORBIDDEN])
def test_wrong_role_is_forbidden(
    portal: PortalServer, signed_in: dict, role: str, route: tuple[str, str, set[str]]
) -> None:
    method, path, _roles = route
    handoff = portal.new_handoff()
    client = signed_in[role]
    response = client.request(method, path.format(hid=handoff.id),
                              headers={"X-CSRF-Token": client.csrf})
    assert response.status_code == 403
    if path.startswith("/api/"):
        assert "not allowed" in response.json()["reason"]
    assert "06-12345678" not in response.text
    assert portal.services.queue.get(handoff.id).status == "new"
    assert portal.engine is not None
    assert client.get("/api/me").status_code == 200  # still signed in: a refusal, not a log-out


@pytest.mark.parametrize("path", ["/login", "/health", "/api/nothing", "/handoffs"])
def test_security_headers(portal: PortalServer, path: str) -> None:
    response = portal.client().get(path)
    assert response.headers["content-security-policy"].startswith("default-src 'self'")
    assert "unsafe-inline" not in response.headers["content-security-policy"]
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["referrer-policy"] == "same-origin"
    assert response.headers["cache-control"] == "no-store"


def test_resident_data_pages_are_not_cached(portal: PortalServer) -> None:
    client = portal.as_user("anna")
    handoff = portal.new_handoff()
    client.post(f"/api/handoffs/{handoff.id}/claim", headers={"X-CSRF-Token": client.csrf})
    for path in (f"/handoffs/{handoff.id}", f"/api/handoffs/{handoff.id}", "/handoffs"):
        assert client.get(path).headers["cache-control"] == "no-store"


def test_pages_have_no_inline_scripts_or_styles(portal: PortalServer) -> None:
    client = portal.as_user("frank")
    for page in (portal.client().get("/login"), client.get("/accounts"), client.get("/audit")):
        assert "<script" not in page.text and "<style" not in page.text
        assert "style=" not in page.text


def test_static_css_is_served(portal: PortalServer) -> None:
    response = portal.client().get("/static/portal.css")
    assert response.status_code == 200
    assert "text/css" in response.headers["content-type"]


def test_health(portal: PortalServer) -> None:
    response = portal.client().get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_health_is_503_when_the_database_does_not_answer(quick: PortalServer) -> None:
    database = quick.data_dir / "privacy.db"
    kept = database.with_name("privacy.db.kept")
    database.rename(kept)  # SQLite files are opened per connection, so this takes effect now
    try:
        database.write_bytes(b"dit is geen database" * 100)
        response = quick.client().get("/health")
        assert response.status_code == 503
        assert response.json() == {"status": "unavailable"}
    finally:
        kept.replace(database)
    assert quick.client().get("/health").status_code == 200


def test_unknown_api_route_is_json_404(portal: PortalServer) -> None:
    response = portal.as_user("anna").get("/api/bestaat-niet")
    assert response.status_code == 404
    assert response.json()["error"] == 404


def test_bad_json_is_400_not_500(portal: PortalServer) -> None:
    client = portal.as_user("frank")
    response = client.post("/api/accounts", content=b"{kapot",
                           headers={"X-CSRF-Token": client.csrf,
                                    "content-type": "application/json"})
    assert response.status_code == 400
    assert "Traceback" not in response.text


def test_session_cookie_flags(portal: PortalServer) -> None:
    client = portal.client()
    from tests.portal.conftest import PASSWORD, login_form_token

    token = login_form_token(client)
    response = client.post("/login", data={"name": "anna", "password": PASSWORD,
                                           "csrf_token": token})
    cookie = next(c for c in response.headers.get_list("set-cookie") if c.startswith("dh_session="))
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie
    assert "Secure" not in cookie  # DH_PORTAL_COOKIE_SECURE=false in the tests

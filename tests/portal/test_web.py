"""Who may see a hand-off, and where the templates and static files come from."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime

import pytest

from portal.accounts import Account
from portal.handoff_views import access
from portal.web import STATIC_DIR, TEMPLATES_DIR
from privacy.queue import Handoff

NOW = datetime(2026, 11, 30, tzinfo=UTC)


def _handoff(team: str, status: str, claimed_by: str | None) -> Handoff:
    return Handoff("h1", "c1", team, ("debt",), "telefoon", "", "ochtend", "samenvatting", "t1",
                   status, claimed_by, NOW, NOW, None)


ANNA = Account("anna", "counsellor", ("schuldhulp", "wijkteam"), True, NOW)


@pytest.mark.parametrize("team, status, claimed_by, expected", [
    ("schuldhulp", "new", None, "team"),
    ("wijkteam", "new", None, "team"),
    ("cjg", "new", None, None),                     # another team
    ("schuldhulp", "claimed", "bram", None),        # a colleague's case
    ("schuldhulp", "contacted", "bram", None),
    ("schuldhulp", "claimed", "anna", "claimer"),
    ("schuldhulp", "closed", "anna", "claimer"),
    ("cjg", "claimed", "anna", "claimer"),          # claimed before a team change: still hers
])
def test_access(team: str, status: str, claimed_by: str | None, expected: str | None) -> None:
    assert access(_handoff(team, status, claimed_by), ANNA) == expected


def test_templates_and_static_are_read_from_the_package_folder() -> None:
    assert (TEMPLATES_DIR / "base.html").is_file() and (STATIC_DIR / "portal.css").is_file()
    # From another working directory, as an installed (editable) package is used.
    code = ("import portal.web as w; print((w.TEMPLATES_DIR / 'login.html').is_file(), "
            "(w.STATIC_DIR / 'portal.css').is_file())")
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], cwd="/", capture_output=True, text=True, timeout=60,
    )
    assert result.stdout.split() == ["True", "True"], result.stderr


@pytest.mark.parametrize("secure", [True, False])
def test_cookies_are_secure_per_setting(secure: bool) -> None:
    from types import SimpleNamespace

    from sanic.response import HTTPResponse

    from portal.web import Portal, set_cookie

    portal = SimpleNamespace(settings=SimpleNamespace(cookie_secure=secure))
    name = Portal.session_cookie.fget(portal)  # type: ignore[attr-defined]
    response = HTTPResponse()
    set_cookie(response, portal, name, "token")  # type: ignore[arg-type]
    header = str(response.cookies[name])
    assert "HttpOnly" in header and "SameSite=Strict" in header and "Path=/" in header
    assert ("Secure" in header) is secure
    assert header.startswith("__Host-dh_session=" if secure else "dh_session=")

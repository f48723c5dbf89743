"""What every view shares: the wired services, the signed-in account, role guards, rendering,
error responses and cookies."""

from __future__ import annotations

import functools
import mimetypes
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from jinja2 import Environment, FileSystemLoader, select_autoescape
from sanic import Request, Sanic
from sanic.response import HTTPResponse, file, html, json, redirect

from portal.accounts import Account, Accounts
from portal.audit import AuditLog
from portal.sessions import Session, SessionStore
from portal.settings import PortalSettings
from portal.throttle import LoginThrottle
from privacy.services import PrivacyServices

PACKAGE_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = PACKAGE_DIR / "templates"
STATIC_DIR = PACKAGE_DIR / "static"
ROLE_NAMES = {"counsellor": "hulpverlener", "analyst": "analist", "admin": "beheerder"}
# Where each role starts after log-in.
HOME = {"counsellor": "/handoffs", "analyst": "/reports", "admin": "/accounts"}

Handler = Callable[..., Awaitable[HTTPResponse]]


@dataclass(frozen=True)
class Portal:
    """Everything the views use, built once by ``create_app``."""

    settings: PortalSettings
    services: PrivacyServices
    accounts: Accounts
    sessions: SessionStore
    throttle: LoginThrottle
    audit: AuditLog
    teams: dict[str, str]  # referral service key -> display name
    templates: Environment
    topic_names: dict[str, str] = field(default_factory=dict)  # intent label -> Dutch words

    @property
    def session_cookie(self) -> str:
        # The __Host- prefix makes browsers refuse the cookie unless Secure, path=/, no domain.
        return "__Host-dh_session" if self.settings.cookie_secure else "dh_session"


LOCAL_TIME = ZoneInfo("Europe/Amsterdam")  # stored in UTC, shown as the counsellor's clock


def local_time(value: datetime | None, with_seconds: bool = False) -> str:
    if value is None:
        return ""
    return value.astimezone(LOCAL_TIME).strftime(
        "%d-%m-%Y %H:%M:%S" if with_seconds else "%d-%m-%Y %H:%M")


def make_templates(topic_names: dict[str, str] | None = None) -> Environment:
    names = topic_names or {}
    environment = Environment(
        loader=FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["tijd"] = local_time
    environment.filters["onderwerpen"] = lambda topics: ", ".join(
        names.get(t, t) for t in topics)
    return environment


def portal_of(request: Request) -> Portal:
    return request.app.ctx.portal


def current_account(request: Request) -> Account | None:
    return getattr(request.ctx, "account", None)


def current_session(request: Request) -> Session | None:
    return getattr(request.ctx, "session", None)


def client_address(request: Request) -> str:
    """The peer address (or the forwarded one, when Sanic is configured to trust a proxy)."""
    return (request.remote_addr or request.ip or "")[:64]


def is_api(request: Request) -> bool:
    return request.path == "/api" or request.path.startswith("/api/")


MESSAGES = {
    400: "Het verzoek klopt niet.",
    401: "Log eerst in.",
    403: "Dit mag u niet doen of bekijken.",
    404: "Deze pagina bestaat niet, of u mag hem niet zien.",
    405: "Dit kan zo niet.",
    409: "Dit kan nu niet: de aanmelding staat niet in de goede stap.",
    413: "Het verzoek is te groot.",
    429: "U heeft te vaak een verkeerd wachtwoord gebruikt. Probeer het later opnieuw.",
    500: "Er ging iets mis. Probeer het later nog eens.",
    503: "De portal werkt nu even niet.",
}


def error_response(
    request: Request, status: int, message: str | None = None, *, reason: str = "",
    headers: dict[str, str] | None = None,
) -> HTTPResponse:
    """A JSON error for the API, a short Dutch page otherwise; never a stack trace."""
    message = message or MESSAGES.get(status, MESSAGES[500])
    if is_api(request):
        return json({"error": status, "message": message, "reason": reason},
                    status=status, headers=headers)
    return render(request, "error.html", {"status": status, "error": message},
                  status=status, headers=headers)


def render(
    request: Request, template: str, context: dict[str, Any] | None = None, *,
    status: int = 200, headers: dict[str, str] | None = None,
) -> HTTPResponse:
    portal = portal_of(request)
    account = current_account(request)
    session = current_session(request)
    values = {
        "account": account,
        "role_name": ROLE_NAMES.get(account.role, "") if account else "",
        "csrf_token": session.csrf_token if session else "",
        "teams": portal.teams,
        "path": request.path,
    }
    values.update(context or {})
    body = portal.templates.get_template(template).render(**values)
    return html(body, status=status, headers=headers)


def requires(*roles: str) -> Callable[[Handler], Handler]:
    """Signed in with one of ``roles``: otherwise 401 JSON / redirect to /login, or 403."""

    def decorate(handler: Handler) -> Handler:
        @functools.wraps(handler)
        async def guarded(request: Request, *args: Any, **kwargs: Any) -> HTTPResponse:
            account = current_account(request)
            if account is None:
                if is_api(request):
                    return error_response(request, 401, reason="not signed in")
                return redirect("/login", status=303)
            if account.role not in roles:
                return error_response(request, 403, reason=f"role {account.role!r} not allowed")
            return await handler(request, *args, **kwargs)

        return guarded

    return decorate


def set_cookie(
    response: HTTPResponse, portal: Portal, name: str, value: str, max_age: int | None = None
) -> None:
    """HttpOnly, SameSite=Strict, path /, Secure per the ``cookie_secure`` setting."""
    response.cookies[name] = value
    cookie = response.cookies[name]
    cookie["path"] = "/"
    cookie["httponly"] = True
    cookie["samesite"] = "Strict"
    if portal.settings.cookie_secure:
        cookie["secure"] = True
    if max_age is not None:
        cookie["max-age"] = max_age


def clear_cookie(response: HTTPResponse, portal: Portal, name: str) -> None:
    set_cookie(response, portal, name, "", max_age=0)


def add_static(app: Sanic, prefix: str, directory: Path, name: str) -> None:
    """Serve the regular files directly in ``directory`` under ``prefix``/<file>.

    Sanic's own static handler answers a directory URL (``/static/``) with a 500 and a logged
    stack trace; here everything that is not one of the folder's own files is a plain 404.
    """
    folder = directory.resolve()

    async def static_file(request: Request, filename: str) -> HTTPResponse:
        target = folder / filename
        if "/" in filename or "\\" in filename or filename.startswith(".") \
                or not target.is_file() or target.resolve().parent != folder:
            return error_response(request, 404, reason="no such file")
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if kind.startswith("text/") or kind.endswith("javascript"):
            kind += "; charset=utf-8"
        return await file(target, mime_type=kind)

    app.add_route(static_file, f"{prefix}/<filename:path>", methods=["GET"], name=name)

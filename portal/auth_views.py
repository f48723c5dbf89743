"""Log-in, log-out and who am I: the only pages reachable without a session are here."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

from sanic import Request, Sanic
from sanic.response import HTTPResponse, json, redirect

from portal import csrf
from portal.accounts import Account
from portal.web import (
    HOME,
    MESSAGES,
    Portal,
    clear_cookie,
    client_address,
    current_account,
    current_session,
    error_response,
    portal_of,
    render,
    requires,
    set_cookie,
)

LOGIN_FAILED = "De naam of het wachtwoord klopt niet."


# scrypt at OWASP's parameters takes 128 MiB and a third of a second: at most two at once, in
# their own threads, so a burst of log-ins can neither exhaust memory nor block the event loop.
_HASHING = ThreadPoolExecutor(max_workers=2, thread_name_prefix="portal-scrypt")


async def _attempt(request: Request, name: str, password: str) -> tuple[Account | None, int]:
    """Throttle, then the password; ``(account, 0)``, ``(None, 0)`` or ``(None, wait)``.

    The attempt is counted as a failure before the password is checked, atomically, so parallel
    attempts cannot all slip under the limit; a right password gives the count back. Every
    outcome is audited.
    """
    portal = portal_of(request)
    address = client_address(request)
    name = name.strip()[:64]
    known = portal.accounts.get(name) is not None
    actor = name if known else "(onbekend)"
    wait = portal.throttle.charge(name, address)
    if wait:
        portal.audit.append(actor, "login_throttled", "", address)
        return None, wait
    account = await asyncio.get_running_loop().run_in_executor(
        _HASHING, portal.accounts.authenticate, name, password)
    if account is not None:
        portal.throttle.succeeded(name, address)
    portal.audit.append(account.name if account else actor,
                        "login" if account else "login_failed", "", address)
    return account, 0


def _set_session_cookie(portal: Portal, response: HTTPResponse, token: str) -> None:
    set_cookie(response, portal, portal.session_cookie, token)
    clear_cookie(response, portal, csrf.LOGIN_COOKIE)


def _login_page(request: Request, error: str = "", status: int = 200,
                headers: dict[str, str] | None = None) -> HTTPResponse:
    portal = portal_of(request)
    token = csrf.new_token()
    response = render(request, "login.html", {"login_csrf": token, "error": error},
                      status=status, headers=headers)
    set_cookie(response, portal, csrf.LOGIN_COOKIE, token, max_age=3600)
    return response


def register(app: Sanic) -> None:
    @app.get("/login")
    async def login_form(request: Request) -> HTTPResponse:
        account = current_account(request)
        if account is not None:
            return redirect(HOME[account.role], status=303)
        return _login_page(request)

    @app.post("/login")
    async def login(request: Request) -> HTTPResponse:
        # The double-submit check ran in the CSRF middleware.
        portal = portal_of(request)
        account, wait = await _attempt(
            request, request.form.get("name", ""), request.form.get("password", ""))
        if wait:
            minutes = max(1, round(wait / 60))
            return _login_page(
                request, f"{MESSAGES[429]} U kunt het over ongeveer {minutes} minuten weer "
                "proberen.", status=429, headers={"Retry-After": str(wait)})
        if account is None:
            return _login_page(request, LOGIN_FAILED, status=401)
        token, _session = portal.sessions.create(account.name)
        response = redirect(HOME[account.role], status=303)
        _set_session_cookie(portal, response, token)
        return response

    @app.post("/logout")
    async def logout(request: Request) -> HTTPResponse:
        portal = portal_of(request)
        session = current_session(request)
        if session is not None:
            portal.sessions.end(session.token_hash)
            portal.audit.append(session.account, "logout", "", client_address(request))
        response = redirect("/login", status=303)
        clear_cookie(response, portal, portal.session_cookie)
        return response

    # "/" is the residents' page with the chat widget (widget/); the portal starts here.
    @app.get("/portal")
    @requires("counsellor", "analyst", "admin")
    async def home(request: Request) -> HTTPResponse:
        return redirect(HOME[current_account(request).role], status=303)

    @app.post("/api/login")
    async def api_login(request: Request) -> HTTPResponse:
        body = request.json if isinstance(request.json, dict) else {}
        name, password = body.get("name"), body.get("password")
        if not isinstance(name, str) or not isinstance(password, str):
            return error_response(request, 400, "Geef 'name' en 'password' mee.",
                                  reason="name and password required")
        account, wait = await _attempt(request, name, password)
        if wait:
            return error_response(request, 429, reason="too many failed log-ins",
                                  headers={"Retry-After": str(wait)})
        if account is None:
            return error_response(request, 401, LOGIN_FAILED, reason="wrong name or password")
        portal = portal_of(request)
        token, session = portal.sessions.create(account.name)
        response = json({"account": account.name, "role": account.role,
                         "teams": list(account.teams), "csrf_token": session.csrf_token})
        _set_session_cookie(portal, response, token)
        return response

    @app.post("/api/logout")
    @requires("counsellor", "analyst", "admin")
    async def api_logout(request: Request) -> HTTPResponse:
        portal = portal_of(request)
        session = current_session(request)
        portal.sessions.end(session.token_hash)
        portal.audit.append(session.account, "logout", "", client_address(request))
        response = json({"status": "uitgelogd"})
        clear_cookie(response, portal, portal.session_cookie)
        return response

    @app.get("/api/me")
    @requires("counsellor", "analyst", "admin")
    async def me(request: Request) -> HTTPResponse:
        account = current_account(request)
        return json({"account": account.name, "role": account.role, "teams": list(account.teams),
                     "csrf_token": current_session(request).csrf_token})


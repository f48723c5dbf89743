"""Administrators: accounts and the audit log. No resident data is reachable from here."""

from __future__ import annotations

from typing import Any

from sanic import Request, Sanic
from sanic.response import HTTPResponse, json, redirect

from portal.accounts import Account, AccountError, DuplicateAccount, UnknownAccount
from portal.audit import AuditEntry
from portal.passwords import PasswordError
from portal.web import (
    ROLE_NAMES,
    client_address,
    current_account,
    error_response,
    is_api,
    portal_of,
    render,
    requires,
)


def account_dict(account: Account) -> dict[str, Any]:
    return {"name": account.name, "role": account.role, "teams": list(account.teams),
            "active": account.active, "created_at": account.created_at.isoformat()}


def entry_dict(entry: AuditEntry) -> dict[str, Any]:
    return {"id": entry.id, "at": entry.at.isoformat(), "actor": entry.actor,
            "action": entry.action, "target": entry.target, "address": entry.address}


def _refusal(request: Request, exc: Exception) -> HTTPResponse:
    status = 409 if isinstance(exc, DuplicateAccount) else 404 if isinstance(
        exc, UnknownAccount) else 400
    return error_response(request, status, str(exc), reason=type(exc).__name__)


# Confirmations after a redirect, by code: free text from the URL is never shown, so a crafted
# link cannot put words in the portal's mouth.
NOTICES = {
    "aangemaakt": "Het account is aangemaakt.",
    "uitgeschakeld": "Het account is uitgeschakeld. Wie ermee was ingelogd, is uitgelogd.",
    "wachtwoord": "Het nieuwe wachtwoord is ingesteld. Wie ermee was ingelogd, is uitgelogd.",
}


def _accounts_page(request: Request, message: str = "", status: int = 200) -> HTTPResponse:
    portal = portal_of(request)
    return render(request, "accounts.html", {
        "accounts": portal.accounts.list(), "role_names": ROLE_NAMES, "message": message,
    }, status=status)


def register(app: Sanic) -> None:
    @app.get("/accounts")
    @requires("admin")
    async def accounts_page(request: Request) -> HTTPResponse:
        portal = portal_of(request)
        portal.audit.append(current_account(request).name, "accounts_view", "",
                            client_address(request))
        return _accounts_page(request, NOTICES.get(request.args.get("melding", ""), ""))

    @app.get("/api/accounts")
    @requires("admin")
    async def api_accounts(request: Request) -> HTTPResponse:
        portal = portal_of(request)
        portal.audit.append(current_account(request).name, "accounts_view", "",
                            client_address(request))
        return json({"accounts": [account_dict(a) for a in portal.accounts.list()]})

    @app.post("/accounts", name="accounts_create")
    @app.post("/api/accounts", name="api_accounts_create")
    @requires("admin")
    async def create_account(request: Request) -> HTTPResponse:
        if is_api(request):
            body = request.json if isinstance(request.json, dict) else {}
            teams = body.get("teams") or []
            fields = (body.get("name"), body.get("role"), body.get("password"))
            if not all(isinstance(f, str) for f in fields) or not isinstance(teams, list):
                return error_response(request, 400, "Geef name, role, password en teams mee.",
                                      reason="name, role, password (and teams) required")
            name, role, password = fields
        else:
            name, role = request.form.get("name", ""), request.form.get("role", "")
            password, teams = request.form.get("password", ""), request.form.getlist("team") or []
        portal = portal_of(request)
        try:
            account = portal.accounts.add(
                name.strip(), role, password, [str(t) for t in teams],
                actor=current_account(request).name, address=client_address(request))
        except (AccountError, PasswordError) as exc:
            return _refusal(request, exc)
        if is_api(request):
            return json(account_dict(account), status=201)
        return redirect("/accounts?melding=aangemaakt", status=303)

    @app.post("/accounts/<name:str>/disable", name="accounts_disable")
    @app.post("/api/accounts/<name:str>/disable", name="api_accounts_disable")
    @requires("admin")
    async def disable_account(request: Request, name: str) -> HTTPResponse:
        portal = portal_of(request)
        admin = current_account(request)
        if name == admin.name:
            return error_response(request, 409, "U kunt uw eigen account niet uitschakelen.",
                                  reason="cannot disable yourself")
        try:
            account = portal.accounts.disable(name, actor=admin.name,
                                              address=client_address(request))
        except AccountError as exc:
            return _refusal(request, exc)
        if is_api(request):
            return json(account_dict(account))
        return redirect("/accounts?melding=uitgeschakeld", status=303)

    @app.post("/accounts/<name:str>/password", name="accounts_password")
    @app.post("/api/accounts/<name:str>/password", name="api_accounts_password")
    @requires("admin")
    async def reset_password(request: Request, name: str) -> HTTPResponse:
        portal = portal_of(request)
        if is_api(request):
            body = request.json if isinstance(request.json, dict) else {}
            password = body.get("password")
        else:
            password = request.form.get("password")
        if not isinstance(password, str):
            return error_response(request, 400, "Geef een nieuw wachtwoord.",
                                  reason="password required")
        try:
            portal.accounts.set_password(name, password, actor=current_account(request).name,
                                         address=client_address(request))
        except (AccountError, PasswordError) as exc:
            return _refusal(request, exc)
        if is_api(request):
            return json({"name": name, "password": "gewijzigd"})
        return redirect("/accounts?melding=wachtwoord", status=303)

    @app.get("/audit", name="audit_page")
    @app.get("/api/audit", name="api_audit")
    @requires("admin")
    async def audit(request: Request) -> HTTPResponse:
        portal = portal_of(request)
        portal.audit.append(current_account(request).name, "audit_view", "",
                            client_address(request))
        entries = portal.audit.entries(limit=_limit(request))
        if is_api(request):
            return json({"entries": [entry_dict(e) for e in entries]})
        return render(request, "audit.html", {"entries": entries})


def _limit(request: Request) -> int:
    try:
        return max(1, min(5000, int(request.args.get("limit", "500"))))
    except ValueError:
        return 500

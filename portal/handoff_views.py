"""The counsellor's queue and cases. Only counsellors come here, and each sees only:

* new hand-offs of their own team(s), without contact details, and
* the cases they claimed themselves, with contact details while the case is open.

Anything else answers 404, as if it did not exist. Every view and every step is audited, and so
is every answer that carries contact details (``handoff_view_contact``) and every refusal (409 for
a step out of order, 403 for a wrong role or a missing form token).
"""

from __future__ import annotations

from typing import Any

from sanic import Request, Sanic
from sanic.response import HTTPResponse, json, redirect

from portal.accounts import Account
from portal.web import (
    client_address,
    current_account,
    error_response,
    is_api,
    portal_of,
    render,
    requires,
)
from privacy.queue import Handoff, HandoffError

OPEN = ("claimed", "contacted")
STATUS_NAMES = {"new": "nieuw", "claimed": "opgepakt", "contacted": "contact gehad",
                "closed": "afgesloten"}
STEPS = {  # url part -> (queue method, audit action)
    "claim": ("claim", "handoff_claim"),
    "contacted": ("mark_contacted", "handoff_contacted"),
    "close": ("close", "handoff_close"),
}


def access(handoff: Handoff, account: Account) -> str | None:
    """``"claimer"``, ``"team"`` (new, own team, no contact details) or None (no access)."""
    if handoff.claimed_by == account.name:
        return "claimer"
    if handoff.status == "new" and handoff.claimed_by is None and handoff.team in account.teams:
        return "team"
    return None


def as_dict(handoff: Handoff, teams: dict[str, str],
            topic_names: dict[str, str] | None = None) -> dict[str, Any]:
    names = topic_names or {}
    data: dict[str, Any] = {
        "id": handoff.id,
        "team": handoff.team,
        "team_name": teams.get(handoff.team, handoff.team),
        "topics": list(handoff.topics),
        "topic_names": [names.get(t, t) for t in handoff.topics],
        "contact_way": handoff.contact_way,
        "preferred_moment": handoff.preferred_moment,
        "summary": handoff.summary,
        "status": handoff.status,
        "status_name": STATUS_NAMES.get(handoff.status, handoff.status),
        "claimed_by": handoff.claimed_by,
        "created_at": handoff.created_at.isoformat(),
        "updated_at": handoff.updated_at.isoformat(),
    }
    if handoff.contact:
        data["contact"] = handoff.contact
    return data


def _load(request: Request, handoff_id: str, reveal_for_claimer: bool) -> tuple[Handoff | None,
                                                                                 str | None]:
    """The hand-off and the account's access to it; contact details only for the open claimer."""
    portal = portal_of(request)
    account = current_account(request)
    handoff = portal.services.queue.get(handoff_id)
    role = access(handoff, account) if handoff else None
    if role is None:
        portal.audit.append(account.name, "handoff_denied", handoff_id[:64],
                            client_address(request))
        return None, None
    if role == "claimer" and reveal_for_claimer and handoff.status in OPEN:
        handoff = portal.services.queue.get(handoff_id, reveal=True)
    return handoff, role


def _queue(request: Request) -> tuple[list[Handoff], list[Handoff]]:
    portal = portal_of(request)
    account = current_account(request)
    new = [h for team in account.teams
           for h in portal.services.queue.list(team=team, statuses=["new"])]
    new.sort(key=lambda h: h.created_at)
    mine = portal.services.queue.list(claimed_by=account.name)
    portal.audit.append(account.name, "queue_view", ",".join(account.teams),
                        client_address(request))
    return new, mine


def _step(request: Request, handoff_id: str, step: str) -> tuple[Handoff | None, HTTPResponse |
                                                                 None]:
    """Do one status step; the hand-off after it, or an error response."""
    portal = portal_of(request)
    account = current_account(request)
    if step not in STEPS:
        return None, error_response(request, 404, reason="unknown step")
    handoff, _access = _load(request, handoff_id, reveal_for_claimer=False)
    if handoff is None:
        return None, error_response(request, 404, reason="hand-off not found")
    method, action = STEPS[step]
    try:
        getattr(portal.services.queue, method)(handoff_id, account.name)
    except HandoffError as exc:
        portal.audit.append(account.name, "handoff_step_refused", handoff_id,
                            client_address(request))
        return None, error_response(request, 409, reason=str(exc))
    portal.audit.append(account.name, action, handoff_id, client_address(request))
    after = portal.services.queue.get(handoff_id, reveal=True)
    if after is not None and after.status not in OPEN:
        after = portal.services.queue.get(handoff_id)
    return after, None


def _delete(request: Request, handoff_id: str) -> HTTPResponse | None:
    """The claimer deletes a case (e.g. the resident asked); recorded in the deletion log."""
    portal = portal_of(request)
    account = current_account(request)
    handoff, role = _load(request, handoff_id, reveal_for_claimer=False)
    if handoff is None:
        return error_response(request, 404, reason="hand-off not found")
    if role != "claimer":
        portal.audit.append(account.name, "handoff_step_refused", handoff_id,
                            client_address(request))
        return error_response(request, 409, "Pak de aanmelding eerst op.",
                              reason="only the claimer can delete")
    if portal.services.queue.delete(handoff_id):
        portal.services.deletions.record(handoff.conversation, "request", ["handoff"])
    portal.audit.append(account.name, "handoff_delete", handoff_id, client_address(request))
    return None


HANDOFF_PATHS = ("/handoffs", "/api/handoffs")


async def audit_forbidden(request: Request, response: HTTPResponse) -> None:
    """Audit every 403 on a hand-off path: the role guard and the CSRF check answer before any
    view runs, so they are caught here, on the way out."""
    if response.status != 403 or not request.path.startswith(HANDOFF_PATHS):
        return
    account = current_account(request)
    target = str(request.match_info.get("handoff_id", ""))[:64]
    portal_of(request).audit.append(account.name if account else "", "handoff_forbidden",
                                    target, client_address(request))


def _contact_shown(request: Request, handoff: Handoff | None) -> None:
    """An answer that carries contact details is a view of them, whatever the endpoint."""
    if handoff is not None and handoff.contact:
        portal_of(request).audit.append(current_account(request).name, "handoff_view_contact",
                                        handoff.id, client_address(request))


def register(app: Sanic) -> None:
    app.register_middleware(audit_forbidden, "response")

    @app.get("/handoffs")
    @requires("counsellor")
    async def queue_page(request: Request) -> HTTPResponse:
        new, mine = _queue(request)
        return render(request, "handoffs.html", {
            "new": new, "mine": [h for h in mine if h.status in OPEN],
            "closed": [h for h in mine if h.status == "closed"], "status_names": STATUS_NAMES,
        })

    @app.get("/handoffs/<handoff_id:str>")
    @requires("counsellor")
    async def handoff_page(request: Request, handoff_id: str) -> HTTPResponse:
        return _view(request, handoff_id)

    @app.post("/handoffs/<handoff_id:str>/<step:str>")
    @requires("counsellor")
    async def handoff_step(request: Request, handoff_id: str, step: str) -> HTTPResponse:
        if step == "delete":
            if request.form.get("confirm") != "ja":
                return error_response(request, 400, "Vink aan dat u zeker weet dat u de "
                                      "aanmelding wilt verwijderen.", reason="confirm missing")
            failed = _delete(request, handoff_id)
            return failed or redirect("/handoffs", status=303)
        handoff, failed = _step(request, handoff_id, step)
        if failed:
            return failed
        if handoff is None or handoff.status == "closed":
            return redirect("/handoffs", status=303)
        return redirect(f"/handoffs/{handoff_id}", status=303)

    @app.get("/api/handoffs")
    @requires("counsellor")
    async def api_queue(request: Request) -> HTTPResponse:
        portal = portal_of(request)
        new, mine = _queue(request)
        return json({"new": [as_dict(h, portal.teams, portal.topic_names) for h in new],
                     "mine": [as_dict(h, portal.teams, portal.topic_names) for h in mine]})

    @app.get("/api/handoffs/<handoff_id:str>")
    @requires("counsellor")
    async def api_handoff(request: Request, handoff_id: str) -> HTTPResponse:
        return _view(request, handoff_id)

    @app.post("/api/handoffs/<handoff_id:str>/<step:str>")
    @requires("counsellor")
    async def api_step(request: Request, handoff_id: str, step: str) -> HTTPResponse:
        if step == "delete":
            return _delete(request, handoff_id) or json({"id": handoff_id, "deleted": True})
        handoff, failed = _step(request, handoff_id, step)
        if failed:
            return failed
        portal = portal_of(request)
        _contact_shown(request, handoff)
        return json(as_dict(handoff, portal.teams, portal.topic_names))


def _view(request: Request, handoff_id: str) -> HTTPResponse:
    portal = portal_of(request)
    account = current_account(request)
    handoff, role = _load(request, handoff_id, reveal_for_claimer=True)
    if handoff is None:
        return error_response(request, 404, reason="hand-off not found")
    action = "handoff_view_contact" if handoff.contact else "handoff_view"
    portal.audit.append(account.name, action, handoff_id, client_address(request))
    if is_api(request):
        return json(as_dict(handoff, portal.teams, portal.topic_names))
    return render(request, "handoff.html", {
        "handoff": handoff, "access": role, "status_names": STATUS_NAMES,
    })

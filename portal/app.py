"""The portal's Sanic application: ``create_app`` wires settings and services into the views.

Cross-cutting protections live here, so no view can forget them: the session is loaded for every
request, every state-changing request is checked for CSRF, and every response carries the
security headers (strict CSP, no framing, no referrer, no caching of resident data).
"""

from __future__ import annotations

import logging
from datetime import timedelta

from sanic import Request, Sanic
from sanic.exceptions import SanicException
from sanic.response import HTTPResponse, json
from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from bot.consent import load_consent_texts
from portal import admin_views, auth_views, csrf, handoff_views, report_views, widget
from portal.accounts import Accounts, known_teams
from portal.audit import AuditLog
from portal.audit.chain import chain_key
from portal.sessions import SessionStore
from portal.settings import PortalSettings
from portal.tables import accounts as accounts_table
from portal.tables import create_portal_tables
from portal.throttle import LoginThrottle
from portal.web import (
    STATIC_DIR,
    Portal,
    add_static,
    client_address,
    error_response,
    make_templates,
    portal_of,
)
from privacy.keys import load_master_key
from privacy.services import PrivacyServices

logger = logging.getLogger(__name__)

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
        "frame-ancestors 'none'"
    ),
    "X-Frame-Options": "DENY",
    # Not no-referrer: under it Chromium sends ``Origin: null`` on same-origin form posts, which
    # the (strict) CSRF origin check has to refuse - counsellors could not log in.
    "Referrer-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


def create_app(
    settings: PortalSettings, services: PrivacyServices, name: str = "dh_portal"
) -> Sanic:
    """The app with its own tables created on the privacy services' engine."""
    create_portal_tables(services.engine)
    audit = AuditLog(services.engine, key=chain_key(load_master_key(services.settings.key_file)))
    teams = known_teams()
    topic_names = load_consent_texts(services.settings.consent_file).topic_names
    portal = Portal(
        settings=settings,
        services=services,
        accounts=Accounts(services.engine, audit, teams),
        sessions=SessionStore(services.engine, timedelta(minutes=settings.session_minutes)),
        throttle=LoginThrottle(services.engine, settings.login_max_failures,
                               timedelta(minutes=settings.login_window_minutes)),
        audit=audit,
        teams=teams,
        templates=make_templates(topic_names),
        topic_names=topic_names,
    )
    app = Sanic(name)
    app.ctx.portal = portal
    app.config.REQUEST_MAX_SIZE = 1_000_000
    app.config.FALLBACK_ERROR_FORMAT = "json"
    add_static(app, "/static", STATIC_DIR, "static")

    app.register_middleware(load_session, "request")
    app.register_middleware(check_csrf, "request")
    app.register_middleware(add_security_headers, "response")
    app.error_handler.add(Exception, handle_error)

    @app.get("/health")
    async def health(request: Request) -> HTTPResponse:
        """200 only when the database answers with the portal's own tables in it."""
        try:
            with services.engine.connect() as connection:
                connection.execute(select(func.count()).select_from(accounts_table))
        except SQLAlchemyError:
            return json({"status": "unavailable"}, status=503)
        return json({"status": "ok"})

    auth_views.register(app)
    handoff_views.register(app)
    report_views.register(app)
    admin_views.register(app)
    # The residents' chat: demo page /, /privacy, /chat/send, /widget/*.
    widget.register(app, portal_settings=settings)
    return app


async def load_session(request: Request) -> None:
    """Put the signed-in account (or None) on ``request.ctx``; a disabled account is signed out."""
    if getattr(request.ctx, "session_loaded", False):
        return  # Sanic runs request middleware again when it handles an exception
    request.ctx.session_loaded = True
    request.ctx.session = None
    request.ctx.account = None
    if request.path.startswith("/static/") or request.path == "/health":
        return
    portal = portal_of(request)
    token = request.cookies.get(portal.session_cookie, "")
    if not token:
        return
    session, expired_account = portal.sessions.lookup(token)
    if expired_account:
        portal.audit.append(expired_account, "session_expired", "", client_address(request))
    if session is None:
        return
    account = portal.accounts.get(session.account)
    if account is None or not account.active:
        portal.sessions.end(session.token_hash)
        return
    request.ctx.session = session
    request.ctx.account = account


async def check_csrf(request: Request) -> HTTPResponse | None:
    """403 for a state-changing request without the right token, or from a foreign origin."""
    if request.method in SAFE_METHODS or getattr(request.ctx, "csrf_checked", False):
        return None
    request.ctx.csrf_checked = True
    # Decide by the route Sanic matched, so "/login/" or "/login//" cannot skip the token.
    path = csrf.canonical_path(request.route.path if request.route else request.path)
    chat = path.startswith(widget.routes.CHAT_PREFIX)
    extra = portal_of(request).settings.chat_origin_set if chat else frozenset()
    if not csrf.origin_allowed(request.headers.get("origin"), request.host, extra):
        return error_response(request, 403, "Dit verzoek komt niet van de portal.",
                              reason="foreign origin")
    if path == "/login":
        if csrf.tokens_match(request.cookies.get(csrf.LOGIN_COOKIE),
                             request.form.get(csrf.FIELD)):
            return None
        return error_response(request, 403, "Het formulier is verlopen. Laad de pagina opnieuw.",
                              reason="csrf token missing or wrong")
    if path == "/api/login" or chat:
        # A cross-site form cannot send JSON without a CORS preflight, which is granted only to
        # the configured chat origins, for the chat. It needs no portal session.
        if request.content_type.split(";")[0].strip() == "application/json":
            return None
        return error_response(request, 403, reason="log-in needs application/json")
    session = getattr(request.ctx, "session", None)
    if session is None:
        return None  # not signed in: the view answers 401 or redirects to /login
    supplied = request.headers.get(csrf.HEADER)
    if supplied is None and request.content_type.startswith(
            ("application/x-www-form-urlencoded", "multipart/form-data")):
        supplied = request.form.get(csrf.FIELD)
    if csrf.tokens_match(session.csrf_token, supplied):
        return None
    return error_response(request, 403, "Het formulier is verlopen. Laad de pagina opnieuw.",
                          reason="csrf token missing or wrong")


async def add_security_headers(request: Request, response: HTTPResponse) -> None:
    for header, value in SECURITY_HEADERS.items():
        if header not in response.headers:
            response.headers[header] = value
    if not request.path.startswith("/static/"):
        # Pages may show resident data: never keep them in a browser or proxy cache.
        response.headers["Cache-Control"] = "no-store"
        response.headers["Pragma"] = "no-cache"


def handle_error(request: Request, exception: Exception) -> HTTPResponse:
    """Sanic's own errors keep their status; anything else is a 500 without details."""
    if isinstance(exception, SanicException):
        status = getattr(exception, "status_code", 500) or 500
        return error_response(request, status, reason=type(exception).__name__)
    logger.error("unhandled %s on %s %s", type(exception).__name__, request.method,
                 request.path)
    return error_response(request, 500, reason="internal error")

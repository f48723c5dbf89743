"""The widget's routes on the portal's Sanic app.

| route | what |
|---|---|
| ``GET /`` | demo page of the (fictional) municipality with the widget embedded |
| ``GET /privacy`` | what happens with a resident's data, in B1 Dutch |
| ``POST /chat/send`` | relay ``{sender, message, metadata}`` to Rasa's redacting REST channel |
| ``OPTIONS /chat/send`` | CORS preflight, granted only to the configured ``portal.chat_origins`` |
| ``GET /widget/<file>`` | the widget's own script and style sheet (no CDN) |

All are public. The portal's middleware adds the security headers (strict CSP); the chat
endpoint takes JSON only, so a cross-site form cannot post to it, and only from the portal's own
origin or one in ``portal.chat_origins`` (see ``portal.app.check_csrf``). It is rate limited per
conversation and per address (``portal.chat_per_minute_*``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from sanic import Request, Sanic
from sanic.response import HTTPResponse, html, json

from portal.settings import PortalSettings, load_portal_settings
from portal.web import add_static, client_address
from portal.widget.limits import SlidingWindowLimit
from portal.widget.relay import TOO_MANY, ChatRelay, RelayError, parse_request
from portal.widget.settings import WidgetSettings, load_widget_settings

PACKAGE_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = PACKAGE_DIR / "templates"
STATIC_DIR = PACKAGE_DIR / "static"
CHAT_PREFIX = "/chat/"  # public JSON endpoints: no portal session or CSRF token needed
# Residents get an answer to a request about their data (inzage, deletion, withdrawal) within
# this many weeks: the municipal privacy policy's promise (seed 002, "afhandeling van de aanvraag
# binnen 4 weken"), inside the AVG's one month (art. 12(3)). The privacy page and the generated
# register (runtime.privacy_docs) both say it.
RIGHTS_ANSWER_WEEKS = 4


def _templates() -> Environment:
    return Environment(
        loader=FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def cors_headers(request: Request, allowed: frozenset[str]) -> dict[str, str]:
    """Access-Control-Allow-Origin for a configured other site; nothing for anyone else."""
    origin = (request.headers.get("origin") or "").rstrip("/").lower()
    if origin not in allowed:
        return {}
    return {"Access-Control-Allow-Origin": origin, "Vary": "Origin"}


def register(app: Sanic, settings: WidgetSettings | None = None,
             portal_settings: PortalSettings | None = None) -> None:
    """Add the widget's routes and the relay's life cycle to ``app``."""
    settings = settings or load_widget_settings()
    portal_settings = portal_settings or load_portal_settings()
    origins = portal_settings.chat_origin_set
    limit = SlidingWindowLimit(60.0)
    templates = _templates()
    relay = ChatRelay(settings.rest_url, settings.timeout_s)
    page_values: dict[str, Any] = {
        "max_chars": settings.max_message_chars,
        "vault_minutes": f"{settings.vault_idle_minutes:g}",
        "handoff_days": f"{settings.handoff_retention_days:g}",
        "session_minutes": settings.session_expiry_minutes,
        "gemeente": settings.municipality,
        "gemeente_telefoon": settings.municipality_phone,
        "example": settings.example,
        "rights_weeks": RIGHTS_ANSWER_WEEKS,
    }

    async def open_relay(_app: Sanic, _loop: Any) -> None:
        await relay.open()

    async def close_relay(_app: Sanic, _loop: Any) -> None:
        await relay.close()

    app.register_listener(open_relay, "after_server_start")
    app.register_listener(close_relay, "before_server_stop")
    add_static(app, "/widget", STATIC_DIR, "widget_static")

    @app.get("/")
    async def demo_page(request: Request) -> HTTPResponse:
        return html(templates.get_template("demo.html").render(**page_values))

    @app.get("/privacy")
    async def privacy_page(request: Request) -> HTTPResponse:
        return html(templates.get_template("privacy.html").render(**page_values))

    @app.route(CHAT_PREFIX + "send", methods=["OPTIONS"])
    async def chat_preflight(request: Request) -> HTTPResponse:
        """Only a configured other site may send; everyone else gets no CORS grant."""
        headers = cors_headers(request, origins)
        if not headers:
            return json({"error": 403, "message": "Dit verzoek komt niet van een bekende site.",
                         "reason": "origin not allowed"}, status=403)
        headers.update({"Access-Control-Allow-Methods": "POST",
                        "Access-Control-Allow-Headers": "Content-Type",
                        "Access-Control-Max-Age": "600"})
        return HTTPResponse(status=204, headers=headers)

    @app.post(CHAT_PREFIX + "send")
    async def chat_send(request: Request) -> HTTPResponse:
        headers = cors_headers(request, origins)
        try:
            try:
                body = request.json
            except Exception:  # noqa: BLE001 — Sanic raises its own error for bad JSON
                body = None
            chat = parse_request(body, settings.max_message_chars, settings.context_keys)
            wait = limit.take([
                ("conversation:" + chat.sender, portal_settings.chat_per_minute_conversation),
                ("address:" + client_address(request), portal_settings.chat_per_minute_address),
            ])
            if wait:
                headers["Retry-After"] = str(wait)
                raise RelayError(429, TOO_MANY.format(seconds=wait), "too many messages",
                                 seconds=wait)
            messages = await relay.send(chat)
        except RelayError as error:
            answer = {"error": error.status, "message": error.message, "reason": error.reason,
                      "retry": error.retry}
            if error.seconds is not None:
                answer["seconds"] = error.seconds  # the widget words the wait in its language
            return json(answer, status=error.status, headers=headers)
        return json({"messages": messages}, headers=headers)

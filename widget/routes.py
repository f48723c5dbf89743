"""The widget's routes on the portal's Sanic app.

| route | what |
|---|---|
| ``GET /`` | demo page of the (fictional) municipality with the widget embedded |
| ``GET /privacy`` | what happens with a resident's data, in B1 Dutch |
| ``POST /chat/send`` | relay ``{sender, message, metadata}`` to Rasa's redacting REST channel |
| ``GET /widget/<file>`` | the widget's own script and style sheet (no CDN) |

All are public. The portal's middleware adds the security headers (strict CSP); the chat
endpoint takes JSON only, so a cross-site form cannot post to it (see ``portal.app.check_csrf``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from sanic import Request, Sanic
from sanic.response import HTTPResponse, html, json

from widget.relay import ChatRelay, RelayError, parse_request
from widget.settings import WidgetSettings, load_widget_settings

PACKAGE_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = PACKAGE_DIR / "templates"
STATIC_DIR = PACKAGE_DIR / "static"
CHAT_PREFIX = "/chat/"  # public JSON endpoints: no portal session or CSRF token needed


def _templates() -> Environment:
    return Environment(
        loader=FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def register(app: Sanic, settings: WidgetSettings | None = None) -> None:
    """Add the widget's routes and the relay's life cycle to ``app``."""
    settings = settings or load_widget_settings()
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
    }

    async def open_relay(_app: Sanic, _loop: Any) -> None:
        await relay.open()

    async def close_relay(_app: Sanic, _loop: Any) -> None:
        await relay.close()

    app.register_listener(open_relay, "after_server_start")
    app.register_listener(close_relay, "before_server_stop")
    app.static("/widget", str(STATIC_DIR), name="widget_static")

    @app.get("/")
    async def demo_page(request: Request) -> HTTPResponse:
        return html(templates.get_template("demo.html").render(**page_values))

    @app.get("/privacy")
    async def privacy_page(request: Request) -> HTTPResponse:
        return html(templates.get_template("privacy.html").render(**page_values))

    @app.post(CHAT_PREFIX + "send")
    async def chat_send(request: Request) -> HTTPResponse:
        try:
            try:
                body = request.json
            except Exception:  # noqa: BLE001 — Sanic raises its own error for bad JSON
                body = None
            chat = parse_request(body, settings.max_message_chars, settings.context_keys)
            messages = await relay.send(chat)
        except RelayError as error:
            return json({"error": error.status, "message": error.message,
                         "reason": error.reason, "retry": error.retry}, status=error.status)
        return json({"messages": messages})

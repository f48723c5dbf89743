"""Rasa input channels that redact every message before Rasa sees it.

Registered in ``credentials.yml`` by module path; each keeps the name of the channel it wraps,
so residents still post to ``/webhooks/rest/webhook`` and the widget still uses ``/socket.io``.
Rasa's tracker store, event broker and logs therefore only ever receive redacted text.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable, Collection
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from rasa.core.channels import channel, rest, socketio, telegram, twilio
from rasa.core.channels.channel import UserMessage

from bot import resilience
from handoff.services import open_privacy_services
from redaction.analyzer import build_redactor
from redaction.page_context import page_context
from redaction.redactor import Redactor
from redaction.settings import load_redaction_settings
from vault.janitor import start_purging

logger = logging.getLogger(__name__)
REPLIES_FILE = Path(__file__).with_name("replies.yml")
# A button payload such as "/debt" names an intent and carries no resident text. Payloads with
# entities ("/debt{...}") are not exempt: their JSON could hold anything.
INTENT_PAYLOAD = re.compile(r"/[a-z][a-z0-9_]{0,60}")
Handler = Callable[[UserMessage], Awaitable[Any]]


def load_replies(path: Path = REPLIES_FILE) -> dict[str, str]:
    replies = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {key: " ".join(str(value).split()) for key, value in replies.items() if key != "version"}


class RedactingBoundary:
    """Redact, refuse what is too long, and fail closed: raw text never goes further."""

    def __init__(
        self, redactor: Redactor, max_chars: int, replies: dict[str, str],
        context_keys: Collection[str] = (),
    ) -> None:
        self._redactor = redactor
        self._max_chars = max_chars
        self._replies = replies
        self._context_keys = frozenset(context_keys)

    async def handle(self, message: UserMessage, on_new_message: Handler) -> None:
        text = message.text if isinstance(message.text, str) else ""
        message.metadata = page_context(message.metadata, self._context_keys, self._redactor)
        if len(text) > self._max_chars:
            logger.info("refused a message of %d characters (limit %d)", len(text), self._max_chars)
            await self._reply(message, "message_too_long")
            return
        if INTENT_PAYLOAD.fullmatch(text):
            await self._forward(message, on_new_message)
            return
        try:
            message.text, findings = self._redactor.redact(text, message.sender_id)
        except Exception as error:  # noqa: BLE001 — the text must not reach a log or Rasa
            logger.error("redaction failed (%s); message dropped", type(error).__name__)
            await self._reply(message, "technical_problem")
            return
        if findings:
            logger.info("redacted %s", sorted({f.entity_type for f in findings}))
        await self._forward(message, on_new_message)

    async def _forward(self, message: UserMessage, on_new_message: Handler) -> None:
        try:
            await on_new_message(message)
        except (Exception, asyncio.CancelledError) as error:  # noqa: BLE001
            # Rasa's REST handler would log its copy of the *raw* text; handle it here instead.
            logger.error("handling a redacted message failed (%s)", type(error).__name__)
            await self._reply(message, "technical_problem")

    async def _reply(self, message: UserMessage, key: str) -> None:
        await message.output_channel.send_text_message(message.sender_id, self._replies[key])


@lru_cache(maxsize=1)
def boundary() -> RedactingBoundary:
    """One per process, shared by every channel; originals go to the encrypted vault.

    The vault keeps them only for a consented hand-off, and purges them when idle.
    """
    settings = load_redaction_settings()
    privacy = open_privacy_services()
    start_purging(privacy.purge, privacy.settings.purge_interval_seconds)
    redactor = build_redactor(settings, store=privacy.vault)
    return RedactingBoundary(
        redactor, settings.max_message_chars, load_replies(), settings.context_keys)


class RedactingInput(channel.InputChannel):
    """Mixin: wraps the callback the channel hands each message to."""

    def blueprint(self, on_new_message: Handler) -> Any:
        gate = boundary()
        guarded = resilience.turn_guard().wrap(on_new_message)  # kind replies on failures

        async def redact_then_handle(message: UserMessage) -> None:
            await gate.handle(message, guarded)

        return super().blueprint(redact_then_handle)


class RestInput(RedactingInput, rest.RestInput):
    """``POST /webhooks/rest/webhook``, redacted; ``metadata`` carries the page context."""

    def blueprint(self, on_new_message: Handler) -> Any:
        """Malformed bodies get a 400 with the reason; ``GET /webhooks/rest/health`` added."""
        return resilience.checked_rest(super().blueprint(on_new_message))

    def get_metadata(self, request: Any) -> dict[str, Any] | None:
        body = request.json if isinstance(request.json, dict) else {}
        metadata = body.get("metadata")
        return metadata if isinstance(metadata, dict) else None


class SocketIOInput(RedactingInput, socketio.SocketIOInput):
    """The web widget's socket.io channel, redacted."""


class TelegramInput(RedactingInput, telegram.TelegramInput):
    """Telegram webhook, redacted (off unless configured in credentials.yml)."""


class TwilioInput(RedactingInput, twilio.TwilioInput):
    """Twilio (SMS/WhatsApp) webhook, redacted (off unless configured in credentials.yml)."""

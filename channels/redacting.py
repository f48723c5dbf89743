"""Rasa input channels that redact every message before Rasa sees it.

Registered in ``credentials.yml`` by module path; each keeps the name of the channel it wraps,
so residents still post to ``/webhooks/rest/webhook`` and the widget still uses ``/socket.io``.
Rasa's tracker store, event broker and logs therefore only ever receive redacted text.
"""

from __future__ import annotations

import asyncio
import json
import logging
import uuid
from collections.abc import Awaitable, Callable, Mapping
from pathlib import Path
from typing import Any

import yaml
from rasa.core.channels import channel, rest, socketio
from rasa.core.channels.channel import UserMessage

from channels import context, input_gate, resilience
from channels.replies import Replies, read_replies
from channels.revealing import Revealer, RevealingOutput
from channels.screen import Screened, Screening
from redaction import log_filter

logger = logging.getLogger(__name__)
REPLIES_FILE = Path(__file__).with_name("replies.yml")
Handler = Callable[[UserMessage], Awaitable[Any]]


def load_replies(path: Path = REPLIES_FILE) -> Replies:
    return read_replies(yaml.safe_load(path.read_text(encoding="utf-8")))


class RedactingBoundary:
    """Redact, refuse what is too long, and fail closed: raw text never goes further.

    Before redacting, the safety check reads the resident's own words (in memory only): its
    outcome, an intent name and clear/weak, travels on in the message metadata, so no
    placeholder can hide "suicide" or a threat from the dialogue. That work is the
    :class:`~channels.screen.Screen`'s, run here or in a worker process.
    """

    def __init__(
        self, screening: Screening, max_chars: int, replies: Mapping[str, str],
        reveals: Revealer | None = None,
    ) -> None:
        self._screening = screening
        self._max_chars = max_chars
        self._replies = replies if isinstance(replies, Replies) else Replies(replies)
        self._reveals = reveals  # fills in a new case code on the way out (channels.revealing)

    async def handle(self, message: UserMessage, on_new_message: Handler) -> None:
        text = message.text if isinstance(message.text, str) else ""
        if len(text) > self._max_chars:
            logger.info("refused a message of %d characters (limit %d)", len(text), self._max_chars)
            await self._reply(message, "message_too_long")
            return
        try:
            screened = await self._screening.screen(text, message.sender_id, message.metadata)
        except Exception as error:  # noqa: BLE001 — e.g. the worker died; fail closed
            screened = Screened(failure=type(error).__name__)
        if screened.safety_failure:
            logger.error("safety check of the original text failed (%s)", screened.safety_failure)
        if not screened.ok:
            logger.error("redaction failed (%s); message dropped", screened.failure)
            await self._reply(message, "technical_problem", screened.metadata)
            return
        if screened.found:
            logger.info("redacted %s", list(screened.found))
        message.text, message.metadata = screened.text, screened.metadata
        if self._reveals is not None:
            message.output_channel = RevealingOutput(message.output_channel, self._reveals)
        await self._forward(message, on_new_message)

    async def _forward(self, message: UserMessage, on_new_message: Handler) -> None:
        try:
            await on_new_message(message)
        except (Exception, asyncio.CancelledError) as error:  # noqa: BLE001
            # Rasa's REST handler would log its copy of the *raw* text; handle it here instead.
            logger.error("handling a redacted message failed (%s)", type(error).__name__)
            await self._reply(message, "technical_problem", message.metadata)

    async def _reply(self, message: UserMessage, key: str, metadata: Any = None) -> None:
        """Say it in the language the screen read the message in (English or Dutch); Dutch
        when it did not read it (e.g. too long to check)."""
        text = self._replies.for_message(metadata)[key]
        await message.output_channel.send_text_message(message.sender_id, text)


def boundary() -> RedactingBoundary:
    """The process's boundary; its originals go to the encrypted vault, which keeps them only
    for a consented hand-off and purges them when idle (built by ``runtime.bootstrap``)."""
    return context.current().boundary


HEALTH_ROUTES = frozenset({"health", "store_health"})


def _is_health_check(request: Any) -> bool:
    route = getattr(request, "route", None)
    name = str(getattr(route, "name", "") or "").rsplit(".", 1)[-1]
    return request.method in ("GET", "HEAD") and name in HEALTH_ROUTES


def _request_texts(request: Any) -> list[Any]:
    """What a request carries that may be the resident's (for the log filter's safety net)."""
    texts: list[Any] = [request.query_string]
    try:
        texts.append(json.loads(request.body or b"null"))
    except (ValueError, UnicodeDecodeError):
        try:
            texts.append({key: values for key, values in request.form.items()})
        except Exception:  # noqa: BLE001 — an unreadable body holds no words to mind
            pass
    return texts


class RedactingInput(channel.InputChannel):
    """Mixin: every request passes the input gate, every message the redacting boundary."""

    def blueprint(self, on_new_message: Handler) -> Any:
        log_filter.install()
        gate = boundary()
        guarded = resilience.turn_guard().wrap(on_new_message)  # kind replies on failures
        name = self.name()

        async def redact_then_handle(message: UserMessage) -> None:
            message.input_channel = input_gate.fixed_channel(name)  # never the client's value
            token = log_filter.remember([message.text])
            try:
                await gate.handle(message, guarded)
            finally:
                log_filter.forget(token)

        webhook = super().blueprint(redact_then_handle)
        self.guard(webhook, redact_then_handle)
        return webhook

    def guard(self, webhook: Any, handler: Handler) -> None:
        """Run :meth:`refuse` before every route of the blueprint but its health check.

        Blueprint middleware applies to the blueprint's routes, whatever path variant matched
        them (``/webhook``, ``/webhook/``, ``/webhook//``), so no variant skips it.
        """
        refuse = self.refuse

        @webhook.middleware("request")
        async def input_gate_check(request: Any) -> Any:
            if _is_health_check(request):
                return None
            log_filter.remember(_request_texts(request), fresh=True)
            return refuse(request)

    def refuse(self, request: Any) -> Any:
        """None to let the request through, else the 400/403 response. Never logs content."""
        return None


class RestInput(RedactingInput, rest.RestInput):
    """``POST /webhooks/rest/webhook``, redacted; ``metadata`` carries the page context."""

    def blueprint(self, on_new_message: Handler) -> Any:
        """Malformed bodies get a 400 with the reason; ``GET /webhooks/rest/health`` added."""
        return resilience.checked_rest(super().blueprint(on_new_message))

    def refuse(self, request: Any) -> Any:
        problem = input_gate.rest_problem(request.body, request.query_string)
        if problem:
            logger.info("refused a REST request (%s)", problem)
            return input_gate.bad_request(problem)
        return None

    def _extract_input_channel(self, request: Any) -> str:
        return input_gate.fixed_channel(self.name())

    def get_metadata(self, request: Any) -> dict[str, Any] | None:
        body = request.json if isinstance(request.json, dict) else {}
        metadata = body.get("metadata")
        return metadata if isinstance(metadata, dict) else None


class SocketIOInput(RedactingInput, socketio.SocketIOInput):
    """The web widget's socket.io channel, redacted; configured origins only; the session id
    the client chose is stored only as a keyed pseudonym.

    Telegram and Twilio: ``channels/messaging.py`` (pseudonymous senders, signed or secret
    webhooks); Rasa's bare connectors are deliberately not wrapped here.
    """

    def guard(self, webhook: Any, handler: Handler) -> None:
        sio = self.sio
        if sio is None:
            return
        # python-engineio refuses a request whose Origin is not listed (400), on every
        # transport; requests without an Origin (not from a browser) are let through.
        sio.eio.cors_allowed_origins = list(context.current().socketio_origins)
        namespace, metadata_key = self.namespace, self.metadata_key
        output_event, persistent = self.bot_message_evt, self.session_persistence

        async def session_request(sid: str, data: Any) -> None:
            session = input_gate.socketio_session(data) or uuid.uuid4().hex
            # Rasa 3.6 forgets to await enter_room: replies go to the pseudonym's room.
            await sio.enter_room(sid, input_gate.session_pseudonym(session), namespace=namespace)
            await sio.emit("session_confirm", session, room=sid, namespace=namespace)

        async def handle_message(sid: str, data: Any) -> None:
            problem = input_gate.socketio_problem(data, metadata_key, persistent)
            if problem:
                logger.info("refused a socket.io message (%s)", problem)
                return
            token = log_filter.remember([data], fresh=True)
            try:
                sender = input_gate.session_pseudonym(data["session_id"] if persistent else sid)
                await sio.enter_room(sid, sender, namespace=namespace)
                message = UserMessage(
                    data["message"], socketio.SocketIOOutput(sio, output_event), sender,
                    input_channel=self.name(), metadata=data.get(metadata_key))
                await handler(message)
            finally:
                log_filter.forget(token)

        sio.on("session_request", session_request, namespace=namespace)
        sio.on(self.user_message_evt, handle_message, namespace=namespace)

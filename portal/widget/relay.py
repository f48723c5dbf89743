"""Forward a widget message to Rasa's redacting REST channel on loopback.

The browser never talks to Rasa itself: the page, the script and this relay share one origin, so
the Content-Security-Policy can stay ``default-src 'self'`` and Rasa's port stays on loopback.
The relay checks the shape of a message but never logs or stores its text: redaction happens in
the channel (``channels.redacting.RestInput``), as for every other channel.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

import httpx

logger = logging.getLogger(__name__)

# The widget makes 32 random hex digits per browser tab; the prefix keeps web conversations apart
# from the messaging channels' pseudonyms.
SENDER_ID = re.compile(r"[A-Za-z0-9_-]{16,64}")
SENDER_PREFIX = "web-"
UNREACHABLE = (
    "De digitale assistent is nu even niet bereikbaar. Je bericht is niet verstuurd. "
    "Probeer het over een paar minuten opnieuw. Heb je nu hulp nodig? Bel 112 bij gevaar, "
    "113 (0800-0113) als je aan zelfmoord denkt, of Veilig Thuis (0800-2000) bij geweld thuis."
)
TOO_SLOW = (
    "De digitale assistent antwoordt nu te langzaam. Probeer het over een paar minuten opnieuw. "
    "Heb je nu hulp nodig? Bel 112 bij gevaar."
)
TOO_LONG = (
    "Je bericht is te lang: het mag hoogstens {limit} tekens hebben. Het is niet verstuurd. "
    "Schrijf het korter, of stuur een paar kleine berichten."
)

TOO_MANY = (
    "Je stuurt veel berichten kort na elkaar. Wacht even, ongeveer {seconds} seconden, en stuur "
    "je bericht dan opnieuw. Heb je nu hulp nodig? Bel 112 bij gevaar, of 113 (0800-0113) als je "
    "aan zelfmoord denkt."
)


class RelayError(Exception):
    """The message was not delivered; ``status`` and a Dutch ``message`` for the resident.

    The widget words the known statuses in the conversation's own language; the Dutch message
    serves other clients of the relay.
    """

    def __init__(self, status: int, message: str, reason: str, retry: bool = False,
                 seconds: int | None = None) -> None:
        super().__init__(reason)
        self.status = status
        self.message = message
        self.reason = reason
        self.retry = retry
        self.seconds = seconds


@dataclass(frozen=True)
class ChatRequest:
    sender: str
    message: str
    metadata: dict[str, str]


def parse_request(body: Any, max_chars: int, context_keys: tuple[str, ...]) -> ChatRequest:
    """Check what the widget sent; refuse long messages before anything else sees them."""
    if not isinstance(body, dict):
        raise RelayError(400, "Het verzoek klopt niet.", "body must be a JSON object")
    sender, message = body.get("sender"), body.get("message")
    if not isinstance(sender, str) or not SENDER_ID.fullmatch(sender):
        raise RelayError(400, "Het verzoek klopt niet.", "sender must be 16-64 letters or digits")
    if not isinstance(message, str) or not message.strip():
        raise RelayError(400, "Typ eerst een bericht.", "message must be non-empty text")
    if len(message) > max_chars:
        raise RelayError(413, TOO_LONG.format(limit=max_chars), "message too long")
    raw = body.get("metadata")
    metadata = {
        key: value for key, value in (raw.items() if isinstance(raw, dict) else ())
        if key in context_keys and isinstance(value, str) and len(value) <= 40
    }
    return ChatRequest(SENDER_PREFIX + sender, message, metadata)


WIDGET_LANGUAGES = ("nl", "en")  # the widget's own texts exist in these


def bot_messages(replies: Any) -> list[dict[str, Any]]:
    """Only what the widget shows: text, quick-reply buttons (title + payload), and the language
    the conversation switched to (a response's ``custom.language``: the widget follows it).

    Images are left out: the strict CSP allows none from elsewhere.
    """
    shown: list[dict[str, Any]] = []
    for reply in replies if isinstance(replies, list) else ():
        if not isinstance(reply, dict):
            continue
        item: dict[str, Any] = {}
        if isinstance(reply.get("text"), str):
            item["text"] = reply["text"]
        buttons = [
            {"title": str(b["title"]), "payload": str(b["payload"])}
            for b in reply.get("buttons") or ()
            if isinstance(b, dict) and b.get("title") and b.get("payload")
        ]
        if buttons:
            item["buttons"] = buttons
        custom = reply.get("custom")
        if isinstance(custom, dict) and custom.get("language") in WIDGET_LANGUAGES:
            item["language"] = custom["language"]
        if item:
            shown.append(item)
    return shown


class ChatRelay:
    """One pooled HTTP client to Rasa, opened and closed with the server."""

    def __init__(self, rest_url: str, timeout_s: float) -> None:
        self.rest_url = rest_url
        self._timeout = httpx.Timeout(timeout_s, connect=3.0)
        self._client: httpx.AsyncClient | None = None

    async def open(self) -> None:
        self._client = httpx.AsyncClient(timeout=self._timeout, trust_env=False)

    async def close(self) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    async def send(self, chat: ChatRequest) -> list[dict[str, Any]]:
        if self._client is None:
            await self.open()
        assert self._client is not None
        payload = {"sender": chat.sender, "message": chat.message, "metadata": chat.metadata}
        try:
            response = await self._client.post(self.rest_url, json=payload)
        except (httpx.ConnectError, httpx.ConnectTimeout, httpx.RemoteProtocolError) as error:
            # Rasa did not get the message: safe for the widget to try again.
            logger.warning("assistant unreachable (%s)", type(error).__name__)
            raise RelayError(503, UNREACHABLE, "assistant unreachable", retry=True) from None
        except httpx.TimeoutException as error:
            # Rasa may have handled it: a retry could send the message twice.
            logger.warning("assistant too slow (%s)", type(error).__name__)
            raise RelayError(504, TOO_SLOW, "assistant timed out") from None
        if response.status_code != 200:
            logger.warning("assistant answered %d", response.status_code)
            raise RelayError(502, UNREACHABLE, f"assistant answered {response.status_code}")
        try:
            return bot_messages(response.json())
        except ValueError:
            raise RelayError(502, UNREACHABLE, "assistant answered no JSON") from None

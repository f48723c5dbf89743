"""One gate for every input: the shape of a request is checked before Rasa reads it.

Rasa's connectors read request bodies as they come, and when a field has an unexpected type
they fail somewhere inside Rasa, which then logs the raw body. So every route of every channel
(slash variants included: Sanic serves ``/webhook`` and ``/webhook/`` alike) goes through
:func:`refuse_bad_request` first; a bad body gets a 400 with a Dutch reason and is never logged.

Besides the shape, this module holds what the channels store *next to* the text:

- ``input_channel`` is the channel's own name, whatever the client sent (:func:`fixed_channel`);
- socket.io session ids become keyed pseudonyms (``sio-…``, HMAC with a key derived from the
  master key), so the tracker store never holds what a client chose as its id;
- slash messages: only a plain payload naming a known intent passes as a payload; entities are
  kept only for entity types in the domain, with their values redacted; anything else that
  starts with "/" is treated as ordinary text (:class:`SlashPayloads`).

Nothing here runs at import time; keys and the domain are read on first use.
"""

from __future__ import annotations

import hmac
import json
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from channels import context

MAX_SENDER_CHARS = 128
MAX_SESSION_CHARS = 128
DOMAIN_FILE = Path(__file__).resolve().parent.parent / "domain.yml"

# Dutch reasons for a 400; they name the field, never its content.
REASONS: dict[str, str] = {
    "json": "Het verzoek is geen geldige JSON.",
    "object": "Het verzoek moet een JSON-object zijn.",
    "sender": f"Het veld 'sender' moet een tekst van 1 tot {MAX_SENDER_CHARS} tekens zijn.",
    "message": "Het veld 'message' moet een tekst zijn die niet leeg is.",
    "metadata": "Het veld 'metadata' moet een JSON-object zijn.",
    "input_channel": "Het veld 'input_channel' moet een tekst zijn als het er is.",
    "query": "Dit adres neemt geen parameters na het vraagteken aan.",
    "update": "Dit is geen Telegram-update die ik kan lezen.",
    "form": "Dit is geen Twilio-bericht dat ik kan lezen.",
    "session": "Het veld 'session_id' moet een tekst van 1 tot 128 tekens zijn.",
}


def bad_request(key: str) -> Any:
    """A 400 with the Dutch reason (the English ``error`` stays for scripts)."""
    from sanic import response

    return response.json({"error": "bad request", "reason": REASONS[key]}, status=400)


def forbidden() -> Any:
    from sanic import response

    return response.text("", status=403)


# --- shapes ------------------------------------------------------------------------------------

def _json_body(body: bytes) -> tuple[Any, str | None]:
    try:
        return json.loads(body or b""), None
    except (ValueError, UnicodeDecodeError):
        return None, "json"


def rest_problem(body: bytes, query_string: str = "") -> str | None:
    """Why a REST webhook request cannot be a resident's message (a ``REASONS`` key), or None.

    A query string is refused: ``?stream=true`` would take a path without the turn guard, and
    Sanic quotes the whole URL when it logs an error.
    """
    if query_string:
        return "query"
    payload, problem = _json_body(body)
    if problem:
        return problem
    if not isinstance(payload, dict):
        return "object"
    sender = payload.get("sender")
    if not isinstance(sender, str) or not sender.strip() or len(sender) > MAX_SENDER_CHARS:
        return "sender"
    message = payload.get("message")
    if not isinstance(message, str) or not message.strip():
        return "message"
    if payload.get("metadata") is not None and not isinstance(payload["metadata"], dict):
        return "metadata"
    if payload.get("input_channel") is not None and not isinstance(payload["input_channel"], str):
        return "input_channel"
    return None


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def telegram_problem(body: bytes) -> str | None:
    """A Telegram update Rasa's connector can read without failing on our data, or a reason."""
    update, problem = _json_body(body)
    if problem:
        return problem
    if not isinstance(update, dict) or not _is_int(update.get("update_id")):
        return "update"
    query = update.get("callback_query")
    if query is not None:
        if not isinstance(query, dict) or not isinstance(query.get("data"), str):
            return "update"
        message = query.get("message")
    else:
        message = update.get("edited_message", update.get("message"))
        if message is None:
            return None  # other update kinds (member changes …): Rasa's connector ignores them
    if not isinstance(message, dict):
        return "update"
    chat = message.get("chat")
    if not isinstance(chat, dict) or not _is_int(chat.get("id")):
        return "update"
    if message.get("text") is not None and not isinstance(message["text"], str):
        return "update"
    return None


def _values(form: Mapping[str, Any], key: str) -> list[Any]:
    """All values of a form field (Sanic's ``form.get`` gives only the first)."""
    getlist = getattr(form, "getlist", None)
    values = getlist(key) if callable(getlist) else form.get(key)
    return list(values or [])


def twilio_problem(form: Mapping[str, Any]) -> str | None:
    """A Twilio webhook form needs one sender and at most one body."""
    senders = _values(form, "From")
    bodies = _values(form, "Body")
    if len(senders) != 1 or not str(senders[0]).strip() or len(bodies) > 1:
        return "form"
    return None


def socketio_session(data: Any) -> str | None:
    """The session id a socket.io client sent, if it is usable."""
    if not isinstance(data, dict):
        return None
    session = data.get("session_id")
    if isinstance(session, str) and session.strip() and len(session) <= MAX_SESSION_CHARS:
        return session
    return None


def socketio_problem(data: Any, metadata_key: str = "metadata",
                     needs_session: bool = True) -> str | None:
    """A socket.io ``user_uttered`` event with a text, a session and plain metadata, or why not."""
    if not isinstance(data, dict):
        return "object"
    if needs_session and socketio_session(data) is None:
        return "session"
    if not isinstance(data.get("message"), str) or not data["message"].strip():
        return "message"
    metadata = data.get(metadata_key)
    if metadata is not None and not isinstance(metadata, dict):
        return "metadata"
    return None


# --- what is stored beside the text ------------------------------------------------------------

def fixed_channel(name: str) -> str:
    """The ``input_channel`` stored with a message: the channel's own name, never client input."""
    return name


def channel_key(purpose: str) -> bytes:
    """A key of its own per purpose, derived from the privacy master key the root loaded."""
    return context.current().key(purpose)


def session_pseudonym(session_id: str) -> str:
    """The sender id Rasa gets for a socket.io session: keyed, so it cannot be guessed back."""
    from privacy.keys import pseudonym

    return f"sio-{pseudonym(channel_key('socketio-session'), session_id)}"


def telegram_secret(access_token: str) -> str:
    """The ``secret_token`` Telegram must echo in ``X-Telegram-Bot-Api-Secret-Token``.

    Derived from the master key and the bot's token: stable across restarts and instances, and
    only in 1-256 of ``[A-Za-z0-9_-]`` as Telegram requires.
    """
    from privacy.keys import pseudonym

    return pseudonym(channel_key("telegram-webhook-secret"), access_token)


def secret_matches(expected: str, given: str | None) -> bool:
    return bool(given) and hmac.compare_digest(expected.encode(), str(given).encode())


# --- slash payloads ----------------------------------------------------------------------------

_PAYLOAD = re.compile(r"/(?P<intent>[a-z][a-z0-9_]{0,60})(?P<entities>\{.*\})?", re.DOTALL)


@dataclass(frozen=True)
class Domain:
    intents: frozenset[str]
    entities: frozenset[str]


def _names(items: Any) -> set[str]:
    names: set[str] = set()
    for item in items or []:
        if isinstance(item, str):
            names.add(item)
        elif isinstance(item, dict):
            names.update(str(key) for key in item)
    return names


@lru_cache(maxsize=4)
def load_domain(path: Path = DOMAIN_FILE) -> Domain:
    """Intent and entity names of the assistant's domain (plus Rasa's default intents)."""
    from rasa.shared.core.constants import DEFAULT_INTENTS

    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return Domain(frozenset(_names(raw.get("intents")) | set(DEFAULT_INTENTS)),
                  frozenset(_names(raw.get("entities"))))


Redact = Callable[[str], str]


class SlashPayloads:
    """Decides what a message starting with "/" becomes before Rasa sees it.

    Rasa reads "/name{json}" as an intent with entities and, when the name is unknown or the
    rest does not parse, logs a warning quoting the whole message. So only known intents pass
    as payloads, entities only of known types with redacted values; the rest is plain text.
    """

    def __init__(self, intents: Collection[str], entities: Collection[str] = ()) -> None:
        self.intents = frozenset(intents)
        self.entities = frozenset(entities)

    def plain(self, text: str) -> bool:
        """A button payload such as "/debt": names a known intent and carries no other text."""
        match = _PAYLOAD.fullmatch(text)
        return bool(match) and match["intent"] in self.intents and not match["entities"]

    def payload(self, text: str, redact: Redact) -> str | None:
        """The payload Rasa may see for ``text``, or None when ``text`` is to be read as text."""
        match = _PAYLOAD.fullmatch(text)
        if not match or match["intent"] not in self.intents:
            return None
        if not match["entities"]:
            return text
        try:
            entities = json.loads(match["entities"])
        except ValueError:
            return None
        if not isinstance(entities, dict):
            return None
        kept: dict[str, Any] = {}
        for name, value in entities.items():
            if name not in self.entities:
                continue  # Rasa would warn quoting the message, and drop it anyway
            values = value if isinstance(value, list) else [value]
            redacted = [redact(v) for v in values if isinstance(v, str)]
            if redacted:
                kept[name] = redacted if isinstance(value, list) else redacted[0]
        if not kept:
            return f"/{match['intent']}"
        return f"/{match['intent']}" + json.dumps(kept, ensure_ascii=False, separators=(",", ":"))

    @staticmethod
    def as_text(text: str) -> str:
        """Text that only looked like a payload, without its leading slashes.

        Rasa strips (Unicode) whitespace before it looks for the "/", so "/ /debt{…}" must not
        become " /debt{…}": slashes and whitespace go until neither leads.
        """
        text = text.strip()
        while text.startswith("/"):
            text = text[1:].strip()
        return text

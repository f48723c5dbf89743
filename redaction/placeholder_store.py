"""Per-conversation numbering of redacted values: the same value keeps the same placeholder.

The numbering needs the original values, so it is personal data: it lives in memory only, per
conversation, and is forgotten after an idle period. The encrypted vault of the consent issue
implements the same ``PlaceholderStore`` protocol and takes its place.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from redaction.normalise import normalise

_SEPARATORS = re.compile(r"[\s.\-/()]+")


# Types whose separators are only formatting: "06-12 34" and "0612 34" are one number. In an
# e-mail address, URL, IP address or street name a dot or dash tells values apart.
_FORMATTED_TYPES = frozenset({
    "PHONE_NUMBER", "NL_BSN", "IBAN_CODE", "NL_POSTCODE", "NL_LICENSE_PLATE", "ID_NUMBER",
    "DATE_TIME", "NL_CASE_CODE",
})


def normalise_value(entity_type: str, value: str) -> str:
    """Spelling-insensitive identity, without merging values that differ by a dot or dash.

    Read on the recognizers' view (``redaction.normalise``): "06\u00a01234\u200b5678" and
    "06 1234 5678" are one number; the store itself keeps the original as it was typed.
    """
    folded = " ".join(normalise(value).text.casefold().split())
    if entity_type in _FORMATTED_TYPES:
        return _SEPARATORS.sub("", folded)
    return folded


class PlaceholderStore(Protocol):
    def number_for(self, conversation_id: str, entity_type: str, value: str) -> int:
        """The value's number within its type in this conversation; the next free one if new."""

    def forget(self, conversation_id: str) -> None:
        """Drop everything known about a conversation (deletion, consent refused)."""


@dataclass
class _Conversation:
    last_used: float
    numbers: dict[tuple[str, str], int] = field(default_factory=dict)
    counters: dict[str, int] = field(default_factory=dict)


class InMemoryPlaceholderStore:
    """Thread-safe, idle-expiring numbering; nothing is written to disk."""

    def __init__(
        self, idle_expiry_s: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._idle_expiry_s = idle_expiry_s
        self._clock = clock
        self._conversations: dict[str, _Conversation] = {}
        self._lock = threading.Lock()

    def number_for(self, conversation_id: str, entity_type: str, value: str) -> int:
        key = (entity_type, normalise_value(entity_type, value))
        now = self._clock()
        with self._lock:
            self._expire(now)
            conversation = self._conversations.setdefault(conversation_id, _Conversation(now))
            conversation.last_used = now
            if key not in conversation.numbers:
                conversation.counters[entity_type] = conversation.counters.get(entity_type, 0) + 1
                conversation.numbers[key] = conversation.counters[entity_type]
            return conversation.numbers[key]

    def forget(self, conversation_id: str) -> None:
        with self._lock:
            self._conversations.pop(conversation_id, None)

    def __len__(self) -> int:
        with self._lock:
            self._expire(self._clock())
            return len(self._conversations)

    def _expire(self, now: float) -> None:
        stale = [
            cid for cid, c in self._conversations.items()
            if now - c.last_used > self._idle_expiry_s
        ]
        for cid in stale:
            del self._conversations[cid]

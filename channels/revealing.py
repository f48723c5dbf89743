"""The reply's way out: a value meant for the resident's eyes only is filled in here.

A new case code is the one thing the assistant tells a resident that must stay out of Rasa's
tracker store, event stream and logs (``privacy.reveals``): the action utters a marker, and this
output channel, wrapped around the real one for each message, swaps the marker for the value
while the reply goes out - once; the value is deleted as it is read.
"""

from __future__ import annotations

import logging
from typing import Any, Protocol

from rasa.core.channels.channel import OutputChannel

from privacy.reveals import MARKER

logger = logging.getLogger(__name__)
# Shown when the value is gone (taken already, or older than its minute) - never the marker.
GONE = "(niet meer te tonen)"


class Revealer(Protocol):
    def take(self, sender_id: str) -> str | None: ...


class RevealingOutput(OutputChannel):
    """Passes every reply on unchanged, but for the marker in its text."""

    def __init__(self, inner: OutputChannel, reveals: Revealer) -> None:
        self._inner = inner
        self._reveals = reveals

    def name(self) -> str:  # Rasa records the channel's name with the events
        return self._inner.name()

    def __getattr__(self, attribute: str) -> Any:  # e.g. a collector's ``messages``
        return getattr(self._inner, attribute)

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        text = message.get("text")
        if isinstance(text, str) and MARKER in text:
            message = {**message, "text": text.replace(MARKER, self._value(recipient_id))}
        await self._inner.send_response(recipient_id, message)

    # Every other way out goes straight to the real channel, unchanged.
    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        await self._inner.send_text_message(recipient_id, text, **kwargs)

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        await self._inner.send_text_with_buttons(recipient_id, text, buttons, **kwargs)

    async def send_quick_replies(
        self, recipient_id: str, text: str, quick_replies: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        await self._inner.send_quick_replies(recipient_id, text, quick_replies, **kwargs)

    async def send_custom_json(
        self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any
    ) -> None:
        await self._inner.send_custom_json(recipient_id, json_message, **kwargs)

    def _value(self, recipient_id: str) -> str:
        try:
            value = self._reveals.take(recipient_id)
        except Exception as error:  # noqa: BLE001 - the reply still goes, without the value
            logger.error("a value to show could not be read (%s)", type(error).__name__)
            value = None
        return value if value is not None else GONE

"""The boundary's work on one message: safety check on the original words, then redaction.

Apart from the channel so it can run where the CPU is free: in the Rasa process (tests, the
CLI) or in a worker process of its own (``channels.screen_pool``), which takes the redactor's
milliseconds per message off the event loop that serves every conversation. Nothing here
imports Presidio or spaCy: the redactor and the safety check are handed in.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from bot.boundary_signals import read_language, signal_metadata
from bot.language_id import METADATA_LANGUAGE
from channels import input_gate
from redaction.page_context import page_context

if TYPE_CHECKING:
    from bot.languages import LanguageCheck
    from bot.safety import SafetySignal
    from bot.safety_check import SafetyCheck
    from redaction.redactor import Redactor


@dataclass(frozen=True)
class Screened:
    """What Rasa may see of one message, or why it may see nothing.

    Only text that went through the redactor (or a payload with redacted values) and
    non-personal metadata cross back from a worker: no finding carries a value.
    """

    text: str = field(default="", repr=False)
    metadata: dict[str, str] | None = None
    found: tuple[str, ...] = ()  # entity types, for the log line
    failure: str | None = None  # the type of the exception that stopped redaction
    safety_failure: str | None = None  # the safety check failed; Rasa's own check still runs

    @property
    def ok(self) -> bool:
        return self.failure is None


class Screening(Protocol):
    """Runs :class:`Screen` somewhere: here, or in a worker process."""

    async def screen(self, text: str, sender_id: str, metadata: Any) -> Screened: ...


class Screen:
    """Page context, payloads, the safety check on the original text and redaction - in memory.

    Never raises: a failure becomes a :class:`Screened` without text, so the boundary fails
    closed and no exception (whose arguments may quote the message) leaves this object.
    """

    def __init__(
        self, redactor: Redactor, context_keys: Collection[str] = (),
        payloads: input_gate.SlashPayloads | None = None, safety: SafetyCheck | None = None,
        language: LanguageCheck | None = None,
    ) -> None:
        self._redactor = redactor
        self._context_keys = frozenset(context_keys)
        self._payloads = payloads
        self._safety = safety
        self._language = language

    @property
    def payloads(self) -> input_gate.SlashPayloads:
        """The domain's intents, read on first use (tests may pass their own)."""
        if self._payloads is None:
            domain = input_gate.load_domain()
            self._payloads = input_gate.SlashPayloads(domain.intents, domain.entities)
        return self._payloads

    async def screen(self, text: str, sender_id: str, metadata: Any) -> Screened:
        return self(text, sender_id, metadata)

    def __call__(self, text: str, sender_id: str, metadata: Any) -> Screened:
        language = None
        try:
            kept = page_context(metadata, self._context_keys, self._redactor)
            if text.strip().startswith("/"):  # Rasa strips before it looks for a payload
                payload = self.payloads.payload(
                    text.strip(), lambda value: self._redactor.redact(value, sender_id)[0])
                if payload is not None:
                    return Screened(payload, kept)
                text = self.payloads.as_text(text)  # looked like a payload: read it as text
            signal, safety_failure = self._check_safety(text)
            language, foreign_signal = self._check_language(text)
            redacted, findings = self._redactor.redact(text, sender_id)
        except Exception as error:  # noqa: BLE001 — the text must not reach a log or Rasa
            # Only the language code goes with a failure: the boundary's reply speaks it.
            known = {METADATA_LANGUAGE: language} if language is not None else None
            return Screened(metadata=known, failure=type(error).__name__)
        signals = signal_metadata(signal, language, foreign_signal)
        if signals:
            kept = {**(kept or {}), **signals}
        return Screened(redacted, kept, tuple(sorted({f.entity_type for f in findings})),
                        safety_failure=safety_failure)

    def _check_language(self, text: str) -> tuple[str | None, SafetySignal | None]:
        """The language when sure of it ("nl" only for a clearly Dutch message), and that
        language's safety words; None (in doubt: the conversation keeps its language) on a
        failure."""
        if self._language is None:
            return None, None
        try:
            return read_language(self._language, text)
        except Exception:  # noqa: BLE001 — in doubt is the safe default; never the text in a log
            return None, None

    def _check_safety(self, text: str) -> tuple[SafetySignal | None, str | None]:
        """The check must never cost the message: on a failure Rasa's own check still runs."""
        if self._safety is None:
            return None, None
        try:
            return self._safety.check(text), None
        except Exception as error:  # noqa: BLE001 — never the text in the log
            return None, type(error).__name__

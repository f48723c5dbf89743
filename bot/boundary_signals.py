"""What the boundary tells Rasa about a message read in its original words: non-personal signals.

One place for the rule, used by the boundary (``channels.screen``) and by the blind evaluation
(``bot.blind_messages``), so a blind figure is what the running system would answer: the safety
signal of the Dutch check, or of the message's own language when that one is clearer, and the
language when the check was sure of it (also "nl" for a clearly Dutch message; none when unsure,
so the conversation keeps its language).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.language_id import DUTCH, METADATA_LANGUAGE

if TYPE_CHECKING:
    from bot.languages import LanguageCheck
    from bot.safety import SafetySignal


def read_language(check: LanguageCheck, text: str) -> tuple[str | None, SafetySignal | None]:
    """The language when sure of it ("nl" only for a clearly Dutch message) and that language's
    safety signal. May raise: the caller decides what a failure means."""
    code, signal = check.check(text)
    if code == DUTCH and not check.clearly_dutch(text):
        code = None
    return code, signal


def signal_metadata(signal: SafetySignal | None, language: str | None,
                    foreign_signal: SafetySignal | None) -> dict[str, str]:
    """The metadata keys Rasa reads: a clear signal in the message's language wins over an
    unclear Dutch one."""
    if foreign_signal is not None and (signal is None or not signal.clear):
        signal = foreign_signal
    kept = dict(signal.as_metadata()) if signal is not None else {}
    if language is not None:
        kept[METADATA_LANGUAGE] = language
    return kept

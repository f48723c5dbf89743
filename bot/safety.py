"""Deterministic Dutch safety phrases: crisis and domestic violence never hinge on a classifier.

Safety comes before privacy (source 004 §4): when a resident signals acute danger, the emergency
routes are given at once. The phrase list lives in ``bot/safety_phrases.yml``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from settings.core import PROJECT_ROOT

SAFETY_PHRASES_FILE = PROJECT_ROOT / "bot" / "safety_phrases.yml"
# The order decides which route is given when a message matches both lists.
SAFETY_INTENTS = ("crisis_suicide", "domestic_violence")
# A weak signal is passed to the dialogue as one of these entities (no value from the message):
# the rules then add utter_safety_line_suicide or utter_safety_line_violence to the normal answer.
WEAK_SIGNAL_ENTITIES = {
    "crisis_suicide": "weak_signal_suicide",
    "domestic_violence": "weak_signal_violence",
}
# The kinds of safety message, as the blind sets and the language lists name them.
KIND_INTENT = {"suicide": "crisis_suicide", "violence": "domestic_violence"}
# The boundary passes its check of the original text to Rasa in the message metadata.
METADATA_INTENT = "safety_signal"
METADATA_STRENGTH = "safety_strength"


@dataclass(frozen=True)
class SafetySignal:
    """What the boundary tells Rasa: an intent name and a strength, nothing of the message."""

    intent: str
    clear: bool

    def as_metadata(self) -> dict[str, str]:
        return {METADATA_INTENT: self.intent, METADATA_STRENGTH: "clear" if self.clear else "weak"}

    @classmethod
    def from_metadata(cls, metadata: Any) -> SafetySignal | None:
        """The signal a message's metadata carries, or None; anything malformed is ignored."""
        if not isinstance(metadata, Mapping):
            return None
        intent, strength = metadata.get(METADATA_INTENT), metadata.get(METADATA_STRENGTH)
        if intent not in SAFETY_INTENTS or strength not in ("clear", "weak"):
            return None
        return cls(str(intent), strength == "clear")


def strongest(*signals: SafetySignal | None) -> SafetySignal | None:
    """A clear signal beats a weak one; between equals, the first given (the safety order)."""
    found = [s for s in signals if s is not None]
    clear = [s for s in found if s.clear]
    return (clear or found or [None])[0]


def normalise(text: str) -> str:
    """Lowercase, drop accents and collapse white space, so 'Suïcide' and 'suicide' match alike."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.lower().split())


Patterns = Mapping[str, tuple[re.Pattern[str], ...]]


def _compile(raw: Mapping[str, Iterable[str]], where: str) -> Patterns:
    unknown = set(raw) - set(SAFETY_INTENTS)
    if unknown:
        raise ValueError(f"unknown safety intents{where}: {sorted(unknown)}")
    return {
        intent: tuple(re.compile(p) for p in raw.get(intent, ()) or ())
        for intent in SAFETY_INTENTS
    }


def _first_match(patterns: Patterns, text: str | None) -> str | None:
    if not text:
        return None
    plain = normalise(text)
    for intent in SAFETY_INTENTS:
        if any(p.search(plain) for p in patterns.get(intent, ())):
            return intent
    return None


@dataclass(frozen=True)
class SafetyPhrases:
    patterns: Patterns
    weak: Patterns = field(default_factory=dict)

    @classmethod
    def from_mapping(cls, raw: Mapping[str, Any]) -> SafetyPhrases:
        clear = {k: v for k, v in raw.items() if k not in ("version", "weak")}
        return cls(_compile(clear, ""), _compile(raw.get("weak") or {}, " under 'weak'"))

    def as_mapping(self) -> dict[str, Any]:
        mapping: dict[str, Any] = {
            intent: [p.pattern for p in pats] for intent, pats in self.patterns.items()
        }
        mapping["weak"] = {intent: [p.pattern for p in pats] for intent, pats in self.weak.items()}
        return mapping

    def match(self, text: str | None) -> str | None:
        """The safety intent the text clearly signals (the full safety answer), or None."""
        return _first_match(self.patterns, text)

    def match_weak(self, text: str | None) -> str | None:
        """The safety intent a weak phrase points to (one extra line), or None."""
        return _first_match(self.weak, text)


def weak_signal(
    phrases: SafetyPhrases,
    text: str | None,
    intent: str | None,
    ranking: Mapping[str, float],
    threshold: float,
    signal: SafetySignal | None = None,
) -> str | None:
    """The safety intent whose short line the answer gets, or None.

    A weak phrase decides first, then the safety check's weak signal (the detector's, or the
    boundary's on the original words); otherwise the classifier's confidence in a safety intent must
    reach ``threshold``. "A needless line costs little, a missing one can cost a life", so the
    threshold is low. A safety intent on top keeps its mark: when the fallback later finds it too
    unsure for the full answer, the fallback's answer still carries the line (the full safety
    answer's rules add none).
    """
    if intent in SAFETY_INTENTS:
        return intent
    phrase = phrases.match_weak(text)
    if phrase is not None:
        return phrase
    if signal is not None:
        return signal.intent
    scores = {i: float(ranking.get(i) or 0.0) for i in SAFETY_INTENTS}
    best = max(SAFETY_INTENTS, key=lambda i: scores[i])
    return best if scores[best] >= threshold else None


def load_safety_phrases(path: Path = SAFETY_PHRASES_FILE) -> SafetyPhrases:
    """Read and compile the phrase file; a broken pattern fails loudly at training time."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return SafetyPhrases.from_mapping(raw)

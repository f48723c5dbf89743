"""Deterministic Dutch safety phrases: crisis and domestic violence never hinge on a classifier.

Safety comes before privacy (source 004 §4): when a resident signals acute danger, the emergency
routes are given at once. The phrase list lives in ``bot/safety_phrases.yml``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from settings.core import PROJECT_ROOT

SAFETY_PHRASES_FILE = PROJECT_ROOT / "bot" / "safety_phrases.yml"
# The order decides which route is given when a message matches both lists.
SAFETY_INTENTS = ("crisis_suicide", "domestic_violence")


def normalise(text: str) -> str:
    """Lowercase, drop accents and collapse white space, so 'Suïcide' and 'suicide' match alike."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.lower().split())


@dataclass(frozen=True)
class SafetyPhrases:
    patterns: Mapping[str, tuple[re.Pattern[str], ...]]

    @classmethod
    def from_mapping(cls, raw: Mapping[str, Iterable[str]]) -> SafetyPhrases:
        unknown = set(raw) - set(SAFETY_INTENTS) - {"version"}
        if unknown:
            raise ValueError(f"unknown safety intents: {sorted(unknown)}")
        return cls(
            {
                intent: tuple(re.compile(p) for p in raw.get(intent, ()) or ())
                for intent in SAFETY_INTENTS
            }
        )

    def as_mapping(self) -> dict[str, list[str]]:
        return {intent: [p.pattern for p in pats] for intent, pats in self.patterns.items()}

    def match(self, text: str | None) -> str | None:
        """The safety intent the text signals, or None."""
        if not text:
            return None
        plain = normalise(text)
        for intent in SAFETY_INTENTS:
            if any(p.search(plain) for p in self.patterns.get(intent, ())):
                return intent
        return None


def load_safety_phrases(path: Path = SAFETY_PHRASES_FILE) -> SafetyPhrases:
    """Read and compile the phrase file; a broken pattern fails loudly at training time."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return SafetyPhrases.from_mapping(raw)

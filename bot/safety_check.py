"""One safety check for a message: the phrase list and the learned detector together.

The same check runs twice: on the resident's original words inside the redaction boundary (so a
placeholder can never hide "suicide" or a threat), and on the redacted text inside Rasa (so a
message that reached Rasa another way is checked too). Only the outcome - an intent name and
clear/weak - ever leaves the check.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.safety import SafetyPhrases, SafetySignal, load_safety_phrases, strongest
from bot.safety_detector import SHORT_WORDS, SafetyDetector, load

DETECTOR_DIR_NAME = "safety-nl"


@dataclass(frozen=True)
class SafetyCheck:
    phrases: SafetyPhrases
    detector: SafetyDetector | None = None

    def check(self, text: str | None) -> SafetySignal | None:
        """Clear: a safety phrase, or the detector sure on a message of some words. Weak: a
        weak phrase, or the detector above its low threshold."""
        if not text or not text.strip():
            return None
        phrase = self.phrases.match(text)
        if phrase is not None:
            return SafetySignal(phrase, clear=True)
        found = self.detector.signal(text) if self.detector is not None else None
        if found is not None and found.clear and len(text.split()) <= SHORT_WORDS:
            found = SafetySignal(found.intent, clear=False)
        weak = self.phrases.match_weak(text)
        return strongest(found, SafetySignal(weak, clear=False) if weak else None)


def load_safety_check(model_dir: Path) -> SafetyCheck:
    """The phrase file in force and the detector ``make train`` built under ``model_dir``."""
    return SafetyCheck(load_safety_phrases(), load(model_dir / DETECTOR_DIR_NAME))

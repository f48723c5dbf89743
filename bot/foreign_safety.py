"""A learned crisis and violence check for messages in the residents' other languages.

Why: the word lists of ``bot/languages.yml`` know the phrasings someone thought of; residents
write "не хочу просыпаться", "kocam içince" or "ana ta3bana" in ways no list foresees, and on
fresh blind sets the lists found only about half of the crisis and violence messages. This
model learns suicide / violence / none from character and word n-grams of resident messages in
those languages (the blind language sets retired into training, listed in
``bot/foreign_safety.yml``). It only ever adds a signal to a message the boundary read as
another language than Dutch or English; the lists stay in force beside it. (The lists' words
as extra examples were tried: they outnumber the messages and raised false alarms on calm
messages threefold.)

``python -m bot.foreign_safety build --out models/safety-foreign`` trains it; the threshold is
chosen out of fold (one training set held out at a time), never on an evaluation set. Plain JSON.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from bot.language_id import DUTCH, ENGLISH
from bot.language_sets import SETS_DIR, build_command, read_config, set_messages
from bot.ngram_model import NgramModel, ThresholdedModel, load_json
from bot.safety import normalise
from bot.spelling_fold import fold
from bot.transliterate import latin_script, romanise
from settings.core import PROJECT_ROOT

CONFIG_FILE = PROJECT_ROOT / "bot" / "foreign_safety.yml"
MODEL_DIR_NAME = "safety-foreign"
MODEL_FILE = "model.json"
NONE = "none"
KINDS = ("suicide", "violence")
FULL_LANGUAGES = (DUTCH, ENGLISH)  # answered in full, with their own safety detector
THRESHOLDS = tuple(round(0.30 + 0.05 * i, 2) for i in range(11))  # 0.30 … 0.80


def plain(text: str) -> str:
    """The form the model reads: folded like the word lists, so both see the same letters."""
    return fold(normalise(text))


@dataclass(frozen=True)
class Example:
    text: str
    kind: str  # none | suicide | violence
    group: str  # the training set it came from: held out together


@dataclass(frozen=True)
class ForeignSafetyModel(ThresholdedModel):
    def kind(self, text: str) -> str | None:
        """ "suicide" or "violence" when the model is sure enough this message is about it."""
        row = self.model.probabilities_of(plain(text))
        labels = self.model.labels
        if 1.0 - row[labels.index(NONE)] < self.threshold:
            return None
        return max((k for k in labels if k != NONE), key=lambda k: row[labels.index(k)])


def read_foreign_config(path: Path = CONFIG_FILE) -> dict[str, Any]:
    return read_config(path, {"regularisation": 10.0, "false_alarms": 0.03})


def set_examples(name: str, sets_dir: Path = SETS_DIR) -> list[Example]:
    """Every message of a language set in a language the assistant does not answer in full
    (Dutch and English have their own detector, trained on the trainers' examples), and those in
    a script of their own once more in Latin letters (``bot.transliterate``)."""
    examples = []
    for message in set_messages(name, sets_dir):
        text, kind = str(message["text"]), str(message.get("safety") or NONE)
        if message["label"] in FULL_LANGUAGES:
            continue
        examples.append(Example(plain(text), kind, name))
        if not latin_script(text):  # and as residents type it without their keyboard
            examples.append(Example(plain(romanise(text)), kind, name))
    return examples


def _flagged(model: NgramModel, texts: Sequence[str]) -> np.ndarray:
    """The probability that each text is about suicide or violence."""
    return 1.0 - model.probabilities(texts)[:, list(model.labels).index(NONE)]


def choose_threshold(examples: Sequence[Example], c: float, false_alarms: float) -> float:
    """The lowest threshold whose out-of-fold false alarms on calm messages stay within the
    goal: each training set is held out in turn."""
    scores: list[tuple[float, str]] = []
    for group in sorted({e.group for e in examples}):
        train = [e for e in examples if e.group != group]
        held = [e for e in examples if e.group == group]
        model = NgramModel.fit([e.text for e in train], [e.kind for e in train], c)
        scores += zip(_flagged(model, [e.text for e in held]), [e.kind for e in held],
                      strict=True)
    calm = [s for s, kind in scores if kind == NONE]
    for threshold in THRESHOLDS:
        if sum(s >= threshold for s in calm) <= false_alarms * len(calm):
            return threshold
    return THRESHOLDS[-1]


def build(examples: Sequence[Example], c: float, false_alarms: float) -> ForeignSafetyModel:
    threshold = choose_threshold(examples, c, false_alarms)
    model = NgramModel.fit([e.text for e in examples], [e.kind for e in examples], c)
    return ForeignSafetyModel(model, threshold)


def load_foreign_safety(model_dir: Path) -> ForeignSafetyModel:
    return ForeignSafetyModel.from_mapping(
        load_json(model_dir / MODEL_DIR_NAME / MODEL_FILE, "safety model for other languages"))


def main(argv: list[str] | None = None) -> int:
    def built() -> tuple[ForeignSafetyModel, int]:
        config = read_foreign_config()
        examples = [e for name in config["training_sets"] for e in set_examples(name)]
        return build(examples, config["regularisation"], config["false_alarms"]), len(examples)

    return build_command(argv, "bot.foreign_safety", __doc__, MODEL_DIR_NAME, MODEL_FILE, built)


if __name__ == "__main__":
    sys.exit(main())

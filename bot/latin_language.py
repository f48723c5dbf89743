"""Which language a message in Latin letters is written in, learned from residents' messages.

Why: the language detector (lingua, trigrams only to stay small) was trained on texts of other
kinds; on residents' short messages it read "is there a food bank in Middelburg" as Dutch, and it
cannot read Russian, Tigrinya or Farsi typed in Latin letters at all. This model learns the
languages from the blind language sets retired into training (their messages in their own script
transliterated, ``bot.transliterate``) and from the trainers' Dutch and English examples. The
identifier asks it only where it would otherwise fall back to Dutch for want of certainty, and
follows it only above a threshold chosen out of fold so that Dutch messages stay Dutch.

``python -m bot.latin_language build --out models/language-latin`` trains it. Plain JSON.
"""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from bot.foreign_safety import plain
from bot.language_id import DUTCH, ENGLISH, ENGLISH_FUNCTION_WORDS
from bot.language_sets import SETS_DIR, build_command, read_config, set_messages
from bot.ngram_model import NgramModel, ThresholdedModel, load_json
from bot.nlu_examples import load_examples_by_language
from bot.transliterate import OWN_SCRIPT_LANGUAGES, latin_script, romanise
from settings.core import PROJECT_ROOT

CONFIG_FILE = PROJECT_ROOT / "bot" / "latin_language.yml"
MODEL_DIR_NAME = "language-latin"
MODEL_FILE = "model.json"
SEED = 2611
THRESHOLDS = tuple(round(0.50 + 0.05 * i, 2) for i in range(10))  # 0.50 … 0.95
TRAINERS = "nlu_data"  # the group of the trainers' examples: never held out
# Dutch data holds messages of residents with little Dutch ("my son does not listen, where can
# parents get advice"): labelled by their topic, not their language. Two English words that are
# no Dutch words keep an example out of the Dutch examples.
_ENGLISH_ONLY = ENGLISH_FUNCTION_WORDS - {"is", "me", "u", "a", "an", "r", "im"}
_WORDS = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Example:
    text: str  # in the model's form (``plain``)
    language: str
    group: str  # the language set it came from, held out together


@dataclass(frozen=True)
class LatinLanguageModel(ThresholdedModel):
    def language(self, text: str) -> str | None:
        """The language when the model is sure enough of one other than Dutch, else None."""
        row = self.model.probabilities_of(plain(text))
        best = int(np.argmax(row))
        code = self.model.labels[best]
        return code if code != DUTCH and row[best] >= self.threshold else None


def read_latin_config(path: Path = CONFIG_FILE) -> dict[str, Any]:
    return read_config(path, {"dutch_examples": 3000, "english_examples": 1500,
                              "regularisation": 10.0, "dutch_misread": 0.005})


def set_examples(name: str, sets_dir: Path = SETS_DIR) -> list[Example]:
    """A language set's messages in Latin letters, and those in their own script transliterated."""
    examples = []
    for message in set_messages(name, sets_dir):
        text, code = str(message["text"]), str(message["label"])
        if latin_script(text):
            examples.append(Example(plain(text), code, name))
        elif code in OWN_SCRIPT_LANGUAGES:
            examples.append(Example(plain(romanise(text)), code, name))
    return examples


def trainer_examples(dutch: int, english: int) -> tuple[list[Example], list[str]]:
    """A fixed sample of the trainers' Dutch and English examples, and the Dutch ones left out."""
    by_language = load_examples_by_language()
    rng = random.Random(SEED)
    chosen: list[Example] = []
    left_out: list[str] = []
    for code, size in ((DUTCH, dutch), (ENGLISH, english)):
        texts = sorted({t for texts in by_language.get(code, {}).values() for t in texts
                        if code != DUTCH or not _english(t)})
        rng.shuffle(texts)
        chosen += [Example(plain(t), code, TRAINERS) for t in texts[:size]]
        if code == DUTCH:
            left_out = [plain(t) for t in texts[size:]]
    return chosen, left_out


def _english(text: str) -> bool:
    return len(set(_WORDS.findall(text.lower())) & _ENGLISH_ONLY) >= 2


def _dutch_share(model: NgramModel, texts: Sequence[str]) -> np.ndarray:
    """Per text: the probability of its most likely language when that is not Dutch, else 0."""
    if not texts:
        return np.zeros(0)
    rows = model.probabilities(list(texts))
    best = rows.argmax(axis=1)
    not_dutch = np.array([model.labels[i] != DUTCH for i in best])
    return np.where(not_dutch, rows.max(axis=1), 0.0)


def choose_threshold(examples: Sequence[Example], left_out: Sequence[str], c: float,
                     goal: float, full: NgramModel | None = None) -> float:
    """The lowest threshold whose out-of-fold Dutch misreadings stay within the goal: each
    language set held out in turn, and the trainers' Dutch examples the model (``full``, when
    already fitted on all examples) never saw."""
    scores: list[float] = []
    for group in sorted({e.group for e in examples} - {TRAINERS}):
        train = [e for e in examples if e.group != group]
        model = NgramModel.fit([e.text for e in train], [e.language for e in train], c)
        held = [e.text for e in examples if e.group == group and e.language == DUTCH]
        scores += list(_dutch_share(model, held))
    if full is None:
        full = NgramModel.fit([e.text for e in examples], [e.language for e in examples], c)
    scores += list(_dutch_share(full, left_out))
    for threshold in THRESHOLDS:
        if sum(s >= threshold for s in scores) <= goal * len(scores):
            return threshold
    return THRESHOLDS[-1]


def build(examples: Sequence[Example], left_out: Sequence[str], c: float,
          goal: float) -> LatinLanguageModel:
    model = NgramModel.fit([e.text for e in examples], [e.language for e in examples], c)
    return LatinLanguageModel(model, choose_threshold(examples, left_out, c, goal, model))


def load_latin_language(model_dir: Path) -> LatinLanguageModel:
    return LatinLanguageModel.from_mapping(
        load_json(model_dir / MODEL_DIR_NAME / MODEL_FILE, "language model for Latin letters"))


def main(argv: list[str] | None = None) -> int:
    def built() -> tuple[LatinLanguageModel, int]:
        config = read_latin_config()
        examples = [e for name in config["training_sets"] for e in set_examples(name)]
        trainers, left_out = trainer_examples(config["dutch_examples"],
                                              config["english_examples"])
        model = build(examples + trainers, left_out, config["regularisation"],
                      config["dutch_misread"])
        return model, len(examples) + len(trainers)

    return build_command(argv, "bot.latin_language", __doc__, MODEL_DIR_NAME, MODEL_FILE, built)


if __name__ == "__main__":
    sys.exit(main())

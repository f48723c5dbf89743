"""A learned crisis and violence detector beside the phrase list and the topic classifier.

Why a third check: the phrase list knows textbook wording and the topic classifier spreads its
confidence over sixteen intents, so an indirect "het hoeft voor mij allemaal niet meer" inside a
story about debts gets neither. This detector answers one question only - is this about suicide,
self-harm or violence? - on word and character n-grams of the whole message, trained here on the
trainers' examples (no pretrained Dutch model exists offline). It runs on the resident's original
text inside the redaction boundary and again on the redacted text inside Rasa.

``python -m bot.safety_detector build --out models/safety-nl`` trains it; its two thresholds are
chosen on out-of-fold scores of the training data (never on an evaluation set) and stored with it.
The model is plain JSON (vocabularies, weights): no pickle is ever loaded.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.model_selection import StratifiedKFold

from bot.form_answers import form_answers
from bot.ngram_model import SEED, NgramModel, load_json, save_json
from bot.nlu_examples import NLU_DIR, load_examples, load_weak_signals
from bot.safety import SAFETY_INTENTS, SafetySignal, normalise

MODEL_FILE = "detector.json"
FORMAT_VERSION = 1
NONE = "none"
LABELS = (NONE, *SAFETY_INTENTS)
FOLDS = 5
C = 20.0  # weak regularisation: the safety examples are many and varied
# Out-of-fold goals the thresholds are chosen for (see choose_thresholds).
WEAK_FALSE_ALARM_RATE = 0.03   # share of ordinary training messages that may get the short line
CLEAR_PRECISION = 0.99         # a clear signal replaces the answer: it must almost never be wrong
# A detector score alone on a message this short ("morgenochtend" as an answer to "wanneer?")
# is a weak signal: the letters of one or two words say too little for the full answer
# (bot.safety_check), so such examples do not decide the clear threshold either.
SHORT_WORDS = 2
_PLACEHOLDER = re.compile(r"<[A-Z][A-Z_]*_\d+>")


def detector_text(text: str) -> str:
    """The text the detector reads: placeholders and names out, case and accents folded."""
    return normalise(_PLACEHOLDER.sub(" ", text))


@dataclass(frozen=True)
class Thresholds:
    weak: float
    clear: float


class SafetyDetector:
    """Scores a message per safety intent; :meth:`signal` applies the stored thresholds."""

    def __init__(self, model: NgramModel, thresholds: Thresholds,
                 report: Mapping[str, Any] | None = None) -> None:
        self._model = model
        self.thresholds = thresholds
        self.report = dict(report or {})
        self._rows = [model.labels.index(i) if i in model.labels else None
                      for i in SAFETY_INTENTS]

    def scores(self, text: str) -> dict[str, float]:
        """Probability per safety intent."""
        if not text or not text.strip():
            return {intent: 0.0 for intent in SAFETY_INTENTS}
        probabilities = self._model.probabilities_of(detector_text(text))
        return {intent: (0.0 if row is None else float(probabilities[row]))
                for intent, row in zip(SAFETY_INTENTS, self._rows, strict=True)}

    def highest_scores(self, texts: Sequence[str]) -> np.ndarray:
        """Each text's highest safety probability, all in one pass; the texts are already in
        the detector's form (``detector_text``), an empty one scores 0."""
        probabilities = self._model.probabilities(texts)
        best = np.column_stack([probabilities[:, row] if row is not None
                                else np.zeros(len(texts)) for row in self._rows]).max(axis=1)
        return np.where([bool(t.strip()) for t in texts], best, 0.0)

    def signal(self, text: str) -> SafetySignal | None:
        scores = self.scores(text)
        best = max(SAFETY_INTENTS, key=lambda i: scores[i])
        if scores[best] >= self.thresholds.clear:
            return SafetySignal(best, clear=True)
        if scores[best] >= self.thresholds.weak:
            return SafetySignal(best, clear=False)
        return None

    def as_mapping(self) -> dict[str, Any]:
        return {
            "format": FORMAT_VERSION,
            **self._model.as_mapping(),
            "thresholds": {"weak": self.thresholds.weak, "clear": self.thresholds.clear},
            "report": self.report,
        }

    @classmethod
    def from_mapping(cls, raw: Mapping[str, Any]) -> SafetyDetector:
        if raw.get("format") != FORMAT_VERSION:
            raise ValueError(f"safety detector format {raw.get('format')!r}; retrain (make train)")
        thresholds = Thresholds(float(raw["thresholds"]["weak"]), float(raw["thresholds"]["clear"]))
        return cls(NgramModel.from_mapping(raw), thresholds, raw.get("report"))


def training_set(examples: Mapping[str, Sequence[str]],
                 weak_signals: Mapping[str, str] | None = None) -> tuple[list[str], list[str]]:
    """Every NLU example, labelled with its safety intent or ``none``; an example marked as a
    weak signal (``bot.nlu_examples.load_weak_signals``) with the safety intent it signals."""
    weak_signals = weak_signals or {}
    texts, labels = [], []
    for intent in sorted(examples):
        for example in examples[intent]:
            texts.append(detector_text(example))
            labels.append(intent if intent in SAFETY_INTENTS
                          else weak_signals.get(example, NONE))
    return texts, labels


def _fit(
    texts: Sequence[str], labels: Sequence[str], thresholds: Thresholds = Thresholds(1.0, 1.0),
    report: Mapping[str, Any] | None = None,
) -> SafetyDetector:
    return SafetyDetector(NgramModel.fit(texts, labels, C), thresholds, report)


def out_of_fold_scores(texts: Sequence[str], labels: Sequence[str]) -> np.ndarray:
    """Each example's highest safety probability from a model that never saw it."""
    scores = np.zeros(len(texts))
    folds = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=SEED)
    for train, held in folds.split(np.zeros(len(labels)), labels):
        model = _fit([texts[i] for i in train], [labels[i] for i in train])
        scores[held] = model.highest_scores([texts[i] for i in held])
    return scores


def choose_thresholds(
    scores: np.ndarray, is_safety: np.ndarray, can_be_clear: np.ndarray | None = None
) -> tuple[Thresholds, dict[str, Any]]:
    """Weak: at most WEAK_FALSE_ALARM_RATE of ordinary messages reach it. Clear: the lowest
    score from which at least CLEAR_PRECISION of the messages are safety messages, counted over
    the messages a clear detector signal can reach (``can_be_clear``; default all): a one-word
    greeting that shares letters with "he hits me" never gets the full answer from the detector."""
    ordinary = np.sort(scores[~is_safety])
    weak = float(ordinary[int(np.ceil(len(ordinary) * (1 - WEAK_FALSE_ALARM_RATE))) - 1]) + 1e-6
    counted = np.ones(len(scores), bool) if can_be_clear is None else np.asarray(can_be_clear)
    clear = 1.0
    for candidate in sorted(set(scores[is_safety & counted]), reverse=True):
        above = (scores >= candidate) & counted
        if is_safety[above].mean() < CLEAR_PRECISION:
            break
        clear = float(candidate)
    clear = max(clear, weak)
    report = {
        "folds": FOLDS,
        "safety_examples": int(is_safety.sum()),
        "ordinary_examples": int((~is_safety).sum()),
        "weak_recall": round(float((scores[is_safety] >= weak).mean()), 4),
        "clear_recall": round(float((scores[is_safety] >= clear).mean()), 4),
        "weak_false_alarms": round(float((scores[~is_safety] >= weak).mean()), 4),
        "clear_false_alarms": round(float((scores[~is_safety] >= clear).mean()), 4),
    }
    return Thresholds(round(weak, 6), round(clear, 6)), report


def build(examples: Mapping[str, Sequence[str]],
          weak_signals: Mapping[str, str] | None = None,
          form_answers: Sequence[str] = ()) -> SafetyDetector:
    """Train on every example; thresholds and the report come from out-of-fold scores.

    Weak signals are taught as signals (the short line is what they should get) but do not
    count for the clear threshold: a clear signal must be one the full safety answer fits.
    Form answers (``bot.form_answers``) are taught as calm text but do not count for either
    threshold: they are easy, short calm texts, and counting them would lower the weak
    threshold for every whole message."""
    texts, labels = training_set(examples, weak_signals)
    weak = {detector_text(e) for e in (weak_signals or {})}
    is_safety = np.asarray([label != NONE for label in labels])
    is_weak = np.asarray([text in weak for text in texts])
    can_be_clear = np.asarray([len(text.split()) > SHORT_WORDS for text in texts]) & ~is_weak
    answers = [detector_text(a) for a in form_answers]
    texts, labels = texts + answers, labels + [NONE] * len(answers)
    all_scores = out_of_fold_scores(texts, labels)
    scores = all_scores[:len(is_safety)]
    thresholds, report = choose_thresholds(scores, is_safety, can_be_clear)
    if answers:
        report["form_answer_examples"] = len(answers)
        report["form_answers_reaching_weak"] = round(
            float((all_scores[len(is_safety):] >= thresholds.weak).mean()), 4)
    if is_weak.any():
        report["weak_signal_examples"] = int(is_weak.sum())
        report["weak_signals_reaching_clear"] = round(
            float((scores[is_weak] >= thresholds.clear).mean()), 4)
        report["weak_signals_reaching_weak"] = round(
            float((scores[is_weak] >= thresholds.weak).mean()), 4)
    report["data_sha256"] = hashlib.sha256("\n".join(
        f"{label}\t{text}" for text, label in zip(texts, labels, strict=True)).encode()).hexdigest()
    return _fit(texts, labels, thresholds, report)


def save(detector: SafetyDetector, out_dir: Path) -> Path:
    return save_json(detector.as_mapping(), out_dir, MODEL_FILE)


def load(model_dir: Path) -> SafetyDetector:
    return SafetyDetector.from_mapping(load_json(model_dir / MODEL_FILE, "safety detector"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.safety_detector", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    build_cmd = commands.add_parser("build", help="train on nlu_data and write detector.json")
    build_cmd.add_argument("--out", type=Path, default=Path("models/safety-nl"))
    build_cmd.add_argument("--data", type=Path, default=NLU_DIR)
    args = parser.parse_args(argv)
    detector = build(load_examples(args.data), load_weak_signals(args.data), form_answers())
    path = save(detector, args.out)
    report, t = detector.report, detector.thresholds
    print(f"built {path}: thresholds weak {t.weak:.3f} clear {t.clear:.3f}; out-of-fold recall "
          f"weak {report['weak_recall']:.3f} clear {report['clear_recall']:.3f}, false alarms "
          f"weak {report['weak_false_alarms']:.3f} clear {report['clear_false_alarms']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

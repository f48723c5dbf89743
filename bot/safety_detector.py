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
import json
import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from bot.nlu_examples import NLU_DIR, load_examples
from bot.safety import SAFETY_INTENTS, SafetySignal, normalise

MODEL_FILE = "detector.json"
FORMAT_VERSION = 1
NONE = "none"
LABELS = (NONE, *SAFETY_INTENTS)
SEED = 2611
FOLDS = 5
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


def _vectorizers() -> tuple[TfidfVectorizer, TfidfVectorizer]:
    return (
        TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True,
                        token_pattern=r"(?u)\b\w+\b", dtype=np.float64),
        TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2,
                        dtype=np.float64),
    )


def _classifier() -> LogisticRegression:
    return LogisticRegression(C=20.0, class_weight="balanced", max_iter=3000, random_state=SEED)


@dataclass(frozen=True)
class Thresholds:
    weak: float
    clear: float


class SafetyDetector:
    """Scores a message per safety intent; :meth:`signal` applies the stored thresholds."""

    def __init__(
        self,
        vectorizers: Sequence[TfidfVectorizer],
        classifier: LogisticRegression,
        thresholds: Thresholds,
        report: Mapping[str, Any] | None = None,
    ) -> None:
        self._vectorizers = tuple(vectorizers)
        self._classifier = classifier
        self.thresholds = thresholds
        self.report = dict(report or {})
        self._one = _OneMessage(self._vectorizers, classifier)

    def scores(self, text: str) -> dict[str, float]:
        """Probability per safety intent."""
        if not text or not text.strip():
            return {intent: 0.0 for intent in SAFETY_INTENTS}
        return self._one.scores(detector_text(text))

    def highest_scores(self, texts: Sequence[str]) -> np.ndarray:
        """Each text's highest safety probability, all in one pass; the texts are already in
        the detector's form (``detector_text``), an empty one scores 0."""
        best = self._safety_probabilities(texts).max(axis=1)
        return np.where([bool(t.strip()) for t in texts], best, 0.0)

    def _safety_probabilities(self, texts: Sequence[str]) -> np.ndarray:
        """One column per safety intent, in SAFETY_INTENTS order (0 for a label not trained)."""
        probs = self._classifier.predict_proba(self._features(texts))
        labels = list(self._classifier.classes_)
        return np.column_stack([probs[:, labels.index(i)] if i in labels else np.zeros(len(texts))
                                for i in SAFETY_INTENTS])

    def signal(self, text: str) -> SafetySignal | None:
        scores = self.scores(text)
        best = max(SAFETY_INTENTS, key=lambda i: scores[i])
        if scores[best] >= self.thresholds.clear:
            return SafetySignal(best, clear=True)
        if scores[best] >= self.thresholds.weak:
            return SafetySignal(best, clear=False)
        return None

    def _features(self, texts: Sequence[str]) -> sp.csr_matrix:
        return sp.hstack([v.transform(texts) for v in self._vectorizers]).tocsr()

    def as_mapping(self) -> dict[str, Any]:
        return {
            "format": FORMAT_VERSION,
            "labels": [str(c) for c in self._classifier.classes_],
            "vectorizers": [
                {"vocabulary": {t: int(i) for t, i in sorted(v.vocabulary_.items())},
                 "idf": [round(float(x), 6) for x in v.idf_]}
                for v in self._vectorizers
            ],
            "coef": [[round(float(x), 6) for x in row] for row in self._classifier.coef_],
            "intercept": [round(float(x), 6) for x in self._classifier.intercept_],
            "thresholds": {"weak": self.thresholds.weak, "clear": self.thresholds.clear},
            "report": self.report,
        }

    @classmethod
    def from_mapping(cls, raw: Mapping[str, Any]) -> SafetyDetector:
        if raw.get("format") != FORMAT_VERSION:
            raise ValueError(f"safety detector format {raw.get('format')!r}; retrain (make train)")
        vectorizers = _vectorizers()
        for vectorizer, stored in zip(vectorizers, raw["vectorizers"], strict=True):
            vectorizer.vocabulary_ = dict(stored["vocabulary"])
            vectorizer.idf_ = np.asarray(stored["idf"], dtype=np.float64)
        classifier = _classifier()
        classifier.classes_ = np.asarray(raw["labels"])
        classifier.coef_ = np.asarray(raw["coef"], dtype=np.float64)
        classifier.intercept_ = np.asarray(raw["intercept"], dtype=np.float64)
        thresholds = Thresholds(float(raw["thresholds"]["weak"]), float(raw["thresholds"]["clear"]))
        return cls(vectorizers, classifier, thresholds, raw.get("report"))


class _OneMessage:
    """The detector's scores for one message without sparse matrices or sklearn's checks.

    It runs twice on every turn (on the original words at the boundary, on the redacted text
    in Rasa), where building a one-row sparse matrix costs more than the arithmetic: the same
    tf-idf features (sublinear tf, idf, l2 norm per vectorizer) and the same multinomial
    logistic model, computed directly. Tests hold it to sklearn's answers.
    """

    def __init__(self, vectorizers: Sequence[TfidfVectorizer],
                 classifier: LogisticRegression) -> None:
        self._blocks = []
        offset = 0
        for vectorizer in vectorizers:
            self._blocks.append((vectorizer.build_analyzer(), vectorizer.vocabulary_,
                                 np.asarray(vectorizer.idf_, dtype=np.float64), offset))
            offset += len(vectorizer.idf_)
        labels = [str(c) for c in classifier.classes_]
        rows = [labels.index(i) if i in labels else None for i in SAFETY_INTENTS]
        self._coef = np.asarray(classifier.coef_, dtype=np.float64)
        self._intercept = np.asarray(classifier.intercept_, dtype=np.float64)
        self._rows = rows

    def scores(self, text: str) -> dict[str, float]:
        indices: list[np.ndarray] = []
        values: list[np.ndarray] = []
        for analyze, vocabulary, idf, offset in self._blocks:
            counts: dict[int, int] = {}
            for gram in analyze(text):
                column = vocabulary.get(gram)
                if column is not None:
                    counts[column] = counts.get(column, 0) + 1
            if not counts:
                continue
            columns = np.fromiter(counts, dtype=np.int64, count=len(counts))
            tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
            weights = (np.log(tf) + 1.0) * idf[columns]
            indices.append(columns + offset)
            values.append(weights / np.linalg.norm(weights))
        logits = self._intercept.copy()
        if indices:
            logits += self._coef[:, np.concatenate(indices)] @ np.concatenate(values)
        if len(logits) == 1:  # two labels: sklearn's logistic, not the softmax
            positive = 1.0 / (1.0 + np.exp(-logits[0]))
            probabilities = np.array([1.0 - positive, positive])
        else:
            probabilities = np.exp(logits - logits.max())
            probabilities /= probabilities.sum()
        return {intent: (0.0 if row is None else float(probabilities[row]))
                for intent, row in zip(SAFETY_INTENTS, self._rows, strict=True)}


def training_set(examples: Mapping[str, Sequence[str]]) -> tuple[list[str], list[str]]:
    """Every NLU example, labelled with its safety intent or ``none``."""
    texts, labels = [], []
    for intent in sorted(examples):
        for example in examples[intent]:
            texts.append(detector_text(example))
            labels.append(intent if intent in SAFETY_INTENTS else NONE)
    return texts, labels


def _fit(
    texts: Sequence[str], labels: Sequence[str], thresholds: Thresholds = Thresholds(1.0, 1.0),
    report: Mapping[str, Any] | None = None,
) -> SafetyDetector:
    vectorizers = _vectorizers()
    features = sp.hstack([v.fit_transform(texts) for v in vectorizers]).tocsr()
    classifier = _classifier().fit(features, labels)
    return SafetyDetector(vectorizers, classifier, thresholds, report)


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


def build(examples: Mapping[str, Sequence[str]]) -> SafetyDetector:
    """Train on every example; thresholds and the report come from out-of-fold scores."""
    texts, labels = training_set(examples)
    is_safety = np.asarray([label != NONE for label in labels])
    can_be_clear = np.asarray([len(text.split()) > SHORT_WORDS for text in texts])
    thresholds, report = choose_thresholds(
        out_of_fold_scores(texts, labels), is_safety, can_be_clear)
    report["data_sha256"] = hashlib.sha256("\n".join(
        f"{label}\t{text}" for text, label in zip(texts, labels, strict=True)).encode()).hexdigest()
    return _fit(texts, labels, thresholds, report)


def save(detector: SafetyDetector, out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / MODEL_FILE
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(detector.as_mapping(), separators=(",", ":")), encoding="utf-8")
    tmp.replace(path)
    return path


def load(model_dir: Path) -> SafetyDetector:
    path = model_dir / MODEL_FILE
    if not path.exists():
        raise FileNotFoundError(f"no safety detector at {path}; run `make train`")
    return SafetyDetector.from_mapping(json.loads(path.read_text(encoding="utf-8")))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.safety_detector", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    build_cmd = commands.add_parser("build", help="train on nlu_data and write detector.json")
    build_cmd.add_argument("--out", type=Path, default=Path("models/safety-nl"))
    build_cmd.add_argument("--data", type=Path, default=NLU_DIR)
    args = parser.parse_args(argv)
    detector = build(load_examples(args.data))
    path = save(detector, args.out)
    report, t = detector.report, detector.thresholds
    print(f"built {path}: thresholds weak {t.weak:.3f} clear {t.clear:.3f}; out-of-fold recall "
          f"weak {report['weak_recall']:.3f} clear {report['clear_recall']:.3f}, false alarms "
          f"weak {report['weak_false_alarms']:.3f} clear {report['clear_false_alarms']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""A logistic regression on tf-idf word and character n-grams, stored as plain JSON.

Why one shared model: the safety detector and the intent classifier both have to learn Dutch
and English from the trainers' examples alone (no pretrained encoder can be installed
offline), and on resident messages nobody here wrote a linear model on these n-grams
generalises better than DIET on the same examples (docs/trainers.md). Stored as vocabularies
and weights, never as a pickle, and scored for one message without sparse matrices: it runs on
every turn.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Self

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

SEED = 2611


def _vectorizers() -> tuple[TfidfVectorizer, TfidfVectorizer]:
    return (
        TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True,
                        token_pattern=r"(?u)\b\w+\b", dtype=np.float64),
        TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2,
                        dtype=np.float64),
    )


def _classifier(c: float) -> LogisticRegression:
    return LogisticRegression(C=c, class_weight="balanced", max_iter=3000, random_state=SEED)


class NgramModel:
    """Probabilities per label for texts already in the reader's form (lower case, folded)."""

    def __init__(self, vectorizers: Sequence[TfidfVectorizer],
                 classifier: LogisticRegression) -> None:
        self._vectorizers = tuple(vectorizers)
        self._classifier = classifier
        self.labels: tuple[str, ...] = tuple(str(c) for c in classifier.classes_)
        self._one = _OneText(self._vectorizers, classifier)

    @classmethod
    def fit(cls, texts: Sequence[str], labels: Sequence[str], c: float) -> NgramModel:
        vectorizers = _vectorizers()
        features = sp.hstack([v.fit_transform(texts) for v in vectorizers]).tocsr()
        return cls(vectorizers, _classifier(c).fit(features, labels))

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        """One row per text, one column per label (``labels`` order), in one pass."""
        features = sp.hstack([v.transform(texts) for v in self._vectorizers]).tocsr()
        return self._classifier.predict_proba(features)

    def probabilities_of(self, text: str) -> np.ndarray:
        """The same row as :meth:`probabilities` for one text, without sklearn's overhead."""
        return self._one.probabilities(text)

    def as_mapping(self) -> dict[str, Any]:
        return {
            "labels": list(self.labels),
            "vectorizers": [
                {"vocabulary": {t: int(i) for t, i in sorted(v.vocabulary_.items())},
                 "idf": [round(float(x), 6) for x in v.idf_]}
                for v in self._vectorizers
            ],
            "coef": [[round(float(x), 6) for x in row] for row in self._classifier.coef_],
            "intercept": [round(float(x), 6) for x in self._classifier.intercept_],
        }

    @classmethod
    def from_mapping(cls, raw: Mapping[str, Any]) -> NgramModel:
        vectorizers = _vectorizers()
        for vectorizer, stored in zip(vectorizers, raw["vectorizers"], strict=True):
            vectorizer.vocabulary_ = dict(stored["vocabulary"])
            vectorizer.idf_ = np.asarray(stored["idf"], dtype=np.float64)
        classifier = _classifier(1.0)
        classifier.classes_ = np.asarray(raw["labels"])
        classifier.coef_ = np.asarray(raw["coef"], dtype=np.float64)
        classifier.intercept_ = np.asarray(raw["intercept"], dtype=np.float64)
        return cls(vectorizers, classifier)


class _OneText:
    """sklearn's tf-idf features (sublinear tf, idf, l2 norm per vectorizer) and multinomial
    logistic model for one text, computed directly: building a one-row sparse matrix costs
    more than the arithmetic. Tests hold it to sklearn's answers."""

    def __init__(self, vectorizers: Sequence[TfidfVectorizer],
                 classifier: LogisticRegression) -> None:
        self._blocks = []
        offset = 0
        for vectorizer in vectorizers:
            self._blocks.append((vectorizer.build_analyzer(), vectorizer.vocabulary_,
                                 np.asarray(vectorizer.idf_, dtype=np.float64), offset))
            offset += len(vectorizer.idf_)
        self._coef = np.asarray(classifier.coef_, dtype=np.float64)
        self._intercept = np.asarray(classifier.intercept_, dtype=np.float64)

    def probabilities(self, text: str) -> np.ndarray:
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
            return np.array([1.0 - positive, positive])
        probabilities = np.exp(logits - logits.max())
        return probabilities / probabilities.sum()


def save_json(mapping: Mapping[str, Any], out_dir: Path, name: str) -> Path:
    """Write a model's JSON whole or not at all: a reader never finds half a model."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / name
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(mapping, separators=(",", ":")), encoding="utf-8")
    tmp.replace(path)
    return path


def load_json(path: Path, what: str) -> dict[str, Any]:
    """A built model's JSON, or an error that names the command that builds it."""
    if not path.exists():
        raise FileNotFoundError(f"no {what} at {path}; run `make train`")
    return json.loads(path.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class ThresholdedModel:
    """A model and the probability its answer needs: the threshold is chosen when it is built."""

    model: NgramModel
    threshold: float

    def as_mapping(self) -> dict[str, Any]:
        return {"threshold": self.threshold, "model": self.model.as_mapping()}

    @classmethod
    def from_mapping(cls, raw: Mapping[str, Any]) -> Self:
        return cls(NgramModel.from_mapping(raw["model"]), float(raw["threshold"]))

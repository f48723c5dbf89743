"""Scores that say what redaction really needs: nothing of a value may survive.

Entity level (per type): a prediction matches a gold value of the same type when the spans
overlap (one-to-one). Type-blind token level: a gold token counts as covered when every character
is inside some predicted span, whatever its type; that is what keeps a value out of the logs.
Leak rate: share of utterances with personal data in which any gold token is not covered.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from redaction.evaluation.corpus import Span, Utterance

TOKEN = re.compile(r"\w+", re.UNICODE)
Z95 = 1.959964


def wilson(successes: int, total: int) -> tuple[float, float]:
    """95 % Wilson interval for a proportion; (0, 1) when there is nothing to count."""
    if total == 0:
        return 0.0, 1.0
    p = successes / total
    centre = (p + Z95**2 / (2 * total)) / (1 + Z95**2 / total)
    half = Z95 * math.sqrt(p * (1 - p) / total + Z95**2 / (4 * total**2)) / (1 + Z95**2 / total)
    low = 0.0 if successes == 0 else max(0.0, centre - half)
    high = 1.0 if successes == total else min(1.0, centre + half)
    return low, high


def f_beta(precision: float, recall: float, beta: float) -> float:
    if precision + recall == 0:
        return 0.0
    return (1 + beta**2) * precision * recall / (beta**2 * precision + recall)


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return f_beta(self.precision, self.recall, 1)


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def entity_counts(gold: Sequence[Span], predicted: Sequence[Span], entity_type: str) -> Counts:
    golds = [g for g in gold if g.entity_type == entity_type]
    preds = [p for p in predicted if p.entity_type == entity_type]
    matched: set[int] = set()
    tp = 0
    for g in golds:
        for i, p in enumerate(preds):
            if i not in matched and _overlap(g, p):
                matched.add(i)
                tp += 1
                break
    return Counts(tp, len(preds) - len(matched), len(golds) - tp)


def _covered(start: int, end: int, predicted: Sequence[Span]) -> bool:
    return all(any(p.start <= i < p.end for p in predicted) for i in range(start, end))


def token_counts(utterance: Utterance, predicted: Sequence[Span]) -> Counts:
    """Type-blind: gold tokens covered (tp) or not (fn); predicted tokens outside gold (fp)."""
    counts = Counts()
    for token in TOKEN.finditer(utterance.text):
        in_gold = _covered(token.start(), token.end(), utterance.gold)
        in_pred = _covered(token.start(), token.end(), predicted)
        counts.tp += in_gold and in_pred
        counts.fn += in_gold and not in_pred
        counts.fp += in_pred and not in_gold
    return counts


def leaks(utterance: Utterance, predicted: Sequence[Span]) -> bool:
    return any(
        not _covered(t.start(), t.end(), predicted)
        for g in utterance.gold
        for t in TOKEN.finditer(utterance.text, g.start, g.end)
    )


@dataclass
class Scores:
    per_type: dict[str, Counts]
    tokens: Counts
    leaked: int
    with_pii: int
    f2_interval: tuple[float, float]
    # Messages without personal data the redactor changed anyway (issue 14: at most 3 %): a
    # needless placeholder costs the resident an answer about "<PERSOON_1>" instead of a vos.
    touched_clean: int = 0
    clean: int = 0

    @property
    def leak_rate(self) -> float:
        return self.leaked / self.with_pii if self.with_pii else 0.0

    @property
    def clean_touched_rate(self) -> float:
        return self.touched_clean / self.clean if self.clean else 0.0


def score(
    corpus: Sequence[Utterance], predictions: Sequence[Sequence[Span]], entity_types: Sequence[str],
    bootstrap: int = 1000, seed: int = 2611,
) -> Scores:
    per_type = {t: Counts() for t in entity_types}
    per_utterance_tokens: list[Counts] = []
    leaked = with_pii = touched_clean = 0
    for utterance, predicted in zip(corpus, predictions, strict=True):
        for t in entity_types:
            c = entity_counts(utterance.gold, predicted, t)
            per_type[t].tp += c.tp
            per_type[t].fp += c.fp
            per_type[t].fn += c.fn
        per_utterance_tokens.append(token_counts(utterance, predicted))
        if utterance.gold:
            with_pii += 1
            leaked += leaks(utterance, predicted)
        else:
            touched_clean += bool(predicted)
    tokens = _sum(per_utterance_tokens)
    return Scores(per_type, tokens, leaked, with_pii,
                  _bootstrap(per_utterance_tokens, lambda c: f_beta(c.precision, c.recall, 2),
                             bootstrap, seed),
                  touched_clean, len(corpus) - with_pii)


def _sum(counts: Sequence[Counts]) -> Counts:
    return Counts(sum(c.tp for c in counts), sum(c.fp for c in counts), sum(c.fn for c in counts))


def _bootstrap(
    counts: Sequence[Counts], statistic: Callable[[Counts], float], rounds: int, seed: int
) -> tuple[float, float]:
    """95 % percentile interval, resampling utterances."""
    rng = random.Random(seed)
    values = sorted(
        statistic(_sum([counts[rng.randrange(len(counts))] for _ in counts]))
        for _ in range(rounds)
    )
    return values[int(0.025 * rounds)], values[int(0.975 * rounds) - 1]

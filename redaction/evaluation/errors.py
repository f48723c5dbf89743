"""Error analysis on a development corpus: which values leaked, what was over-redacted.

    python -m redaction.evaluation.errors tests/redaction/data/dev_corpus_3.yml

Prints per-type recall/precision and, per utterance, the gold values not fully covered and the
predicted spans outside any gold value. It refuses the held-out test corpus: looking at its errors
would turn it into a tuning set (score that one only with ``python -m redaction.evaluation``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from redaction.evaluation import systems
from redaction.evaluation.corpus import CORPUS_FILE, Span, Utterance, load_corpus
from redaction.evaluation.metrics import TOKEN, score, wilson
from redaction.placeholders import LABELS


def _covered(start: int, end: int, spans: list[Span]) -> bool:
    return all(any(s.start <= i < s.end for s in spans) for i in range(start, end))


def misses(utterance: Utterance, predicted: list[Span]) -> list[Span]:
    """Gold values of which some token is not redacted."""
    return [
        g for g in utterance.gold
        if any(not _covered(t.start(), t.end(), predicted)
               for t in TOKEN.finditer(utterance.text, g.start, g.end))
    ]


def over_redactions(utterance: Utterance, predicted: list[Span]) -> list[Span]:
    """Predicted spans that cover a token outside every gold value."""
    return [
        p for p in predicted
        if any(not _covered(t.start(), t.end(), list(utterance.gold))
               for t in TOKEN.finditer(utterance.text, p.start, p.end))
    ]


def wrong_types(utterance: Utterance, predicted: list[Span]) -> list[tuple[Span, Span]]:
    """Gold values redacted only under another type (safe, but they count against per-type)."""
    pairs = []
    for g in utterance.gold:
        touching = [p for p in predicted if p.start < g.end and g.start < p.end]
        if touching and all(p.entity_type != g.entity_type for p in touching):
            pairs.append((g, touching[0]))
    return pairs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m redaction.evaluation.errors",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    args = parser.parse_args(argv)
    if args.corpus.resolve() == CORPUS_FILE.resolve():
        parser.error("the held-out test corpus is not for error analysis")
    corpus = load_corpus(args.corpus)
    system = systems.ours()
    predictions = [system(u.text) for u in corpus]
    for utterance, predicted in zip(corpus, predictions, strict=True):
        text = utterance.text
        for g in misses(utterance, predicted):
            print(f"MISS {g.entity_type:<16} {text[g.start:g.end]!r:<40} | {text}")
        for p in over_redactions(utterance, predicted):
            print(f"OVER {p.entity_type:<16} {text[p.start:p.end]!r:<40} | {text}")
        for g, p in wrong_types(utterance, predicted):
            print(f"TYPE {g.entity_type:<16} {text[g.start:g.end]!r:<40} as {p.entity_type}"
                  f" {text[p.start:p.end]!r} | {text}")
    scores = score(corpus, predictions, list(LABELS), bootstrap=50)
    t = scores.tokens
    print(f"\n{args.corpus.name}: {len(corpus)} utterances; token recall {t.recall:.3f}, "
          f"precision {t.precision:.3f}, leak {scores.leaked}/{scores.with_pii} "
          f"= {scores.leak_rate:.1%}")
    for entity_type, c in scores.per_type.items():
        if c.tp + c.fn or c.fp:
            low, high = wilson(c.tp, c.tp + c.fn)
            print(f"  {entity_type:<16} support {c.tp + c.fn:>3}  recall {c.recall:.3f} "
                  f"[{low:.2f}-{high:.2f}]  precision {c.precision:.3f}  (fn {c.fn}, fp {c.fp})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

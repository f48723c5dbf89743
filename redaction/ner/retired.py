"""Evaluation corpora that have done their work as measures become NER training data.

The generator's templates are the team's own wording; every round's first score on a fresh corpus
showed how far that carries (round 10: 8.6 % of messages leaked on the judge against 1.7 % on
the held-out corpus). A blind corpus is honest only until its round has read it; once a later
round has judged that work, its PERSON spans - written by people who never saw the recognizers,
with names of many origins, lowercase names and surnames that are ordinary words - are worth more
as training data than as another development set (issue 14: "train the NER on more varied text,
including annotated dev corpora you retire from error analysis").

Which corpora are retired is data (``retired_corpora.yml``); the held-out corpus and the current
round's corpora are never listed (``tests/redaction/ner`` fails if they are). Only PERSON spans are
taught; other annotated values are ordinary tokens outside a name. An utterance the recognizers'
view changes (Unicode spaces, disguised numbers) is left out: the NER reads the view.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from redaction.evaluation.corpus import load_corpus
from redaction.ner.generate import LABEL, Example
from redaction.normalise import normalise
from settings.core import PROJECT_ROOT

RETIRED_LIST = Path(__file__).with_name("retired_corpora.yml")
CORPORA_DIR = PROJECT_ROOT / "tests" / "redaction" / "data"
NEVER_RETIRED = frozenset({"eval_corpus"})  # the held-out corpus


@dataclass(frozen=True)
class RetiredExamples:
    examples: tuple[Example, ...]
    left_out: int  # utterances whose recognizers' view differs from the text


def retired_corpora(path: Path = RETIRED_LIST) -> list[Path]:
    names = [str(n) for n in (yaml.safe_load(path.read_text(encoding="utf-8")) or {})
             .get("corpora") or []]
    if NEVER_RETIRED & set(names):
        raise ValueError(f"{path.name}: the held-out corpus is never training data")
    if len(names) != len(set(names)):
        raise ValueError(f"{path.name}: a corpus is listed twice")
    paths = [CORPORA_DIR / f"{name}.yml" for name in names]
    missing = [p.name for p in paths if not p.exists()]
    if missing:
        raise ValueError(f"{path.name}: no such corpus: {', '.join(missing)}")
    return paths


def retired_examples(paths: list[Path]) -> RetiredExamples:
    """Every utterance of the corpora with its PERSON spans, in file order."""
    examples: list[Example] = []
    left_out = 0
    for path in paths:
        for utterance in load_corpus(path):
            if normalise(utterance.text).text != utterance.text:
                left_out += 1
                continue
            examples.append(Example(utterance.text, tuple(
                (span.start, span.end, LABEL) for span in utterance.gold
                if span.entity_type == LABEL)))
    return RetiredExamples(tuple(examples), left_out)

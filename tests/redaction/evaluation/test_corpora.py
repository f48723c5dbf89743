"""Every shipped redaction corpus parses, with annotations of known types that cut no word."""

from __future__ import annotations

from pathlib import Path

import pytest

from redaction.evaluation.__main__ import ENTITY_TYPES
from redaction.evaluation.corpus import load_corpus

DATA = Path(__file__).resolve().parents[1] / "data"
CORPORA = sorted(DATA.glob("*corpus*.yml"))


@pytest.mark.parametrize("path", CORPORA, ids=[p.name for p in CORPORA])
def test_corpus_parses_with_known_types(path: Path):
    corpus = load_corpus(path)
    assert len(corpus) >= (180 if "_en_" in path.name else 200)  # English corpora are smaller
    spans = [span for utterance in corpus for span in utterance.gold]
    assert spans, f"{path.name} annotates nothing"
    assert {span.entity_type for span in spans} <= set(ENTITY_TYPES)
    for utterance in corpus:
        for span in utterance.gold:
            assert 0 <= span.start < span.end <= len(utterance.text)

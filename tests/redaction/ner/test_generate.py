"""The synthetic NER data: aligned spans, determinism, and the mix the model needs."""

from __future__ import annotations

import re

import pytest
import spacy

from redaction.ner import templates
from redaction.ner.build import to_docbin
from redaction.ner.generate import LABEL, generate
from redaction.ner.names import build_pools

SEED = 2611


@pytest.fixture(scope="module")
def examples():
    return generate(3000, SEED)


@pytest.fixture(scope="module")
def tokenizer():
    return spacy.blank("nl")


def test_spans_fall_on_token_boundaries(examples, tokenizer):
    for example in examples:
        doc = tokenizer.make_doc(example.text)
        for start, end, label in example.spans:
            assert label == LABEL
            span = doc.char_span(start, end, label=label, alignment_mode="strict")
            assert span is not None, f"{example.text!r}: {example.text[start:end]!r}"


def test_spans_are_clean_names_in_order(examples):
    for example in examples:
        previous_end = 0
        for start, end, _ in example.spans:
            value = example.text[start:end]
            assert start >= previous_end, example.text
            assert value == value.strip() and value, example.text
            assert "<" not in value and ">" not in value, example.text
            previous_end = end


def test_same_seed_same_messages_other_seed_other_messages():
    assert generate(300, SEED) == generate(300, SEED)
    assert generate(300, SEED) != generate(300, SEED + 1)


def test_a_healthy_share_of_messages_has_no_name(examples):
    share = sum(1 for e in examples if not e.spans) / len(examples)
    assert 0.33 <= share <= 0.45


def test_about_a_third_of_names_are_typed_in_lower_case(examples):
    names = [e.text[s:t] for e in examples for s, t, _ in e.spans]
    lower = sum(1 for name in names if name == name.lower())
    assert 0.2 <= lower / len(names) <= 0.45
    # Some residents type whole messages without a single capital.
    assert sum(1 for e in examples if e.spans and e.text == e.text.lower()) > len(examples) * 0.05


def test_messages_hold_several_names_sometimes(examples):
    assert sum(1 for e in examples if len(e.spans) >= 2) > len(examples) * 0.05
    assert any(len(e.spans) >= 3 for e in examples)


def test_must_survive_words_and_placeholders_are_never_names(examples):
    survivors = re.compile(
        r"Belastingdienst|CJIB|UWV|DUO|DigiD|Voedselbank|Veilig Thuis|Kindertelefoon|"
        r"Albert Heijn|Wmo-loket|<[A-Z_]+_\d>|maandag|januari|\bOpa\b|\bBank\b"
    )
    seen = 0
    for example in examples:
        for match in survivors.finditer(example.text):
            seen += 1
            for start, end, _ in example.spans:
                assert not (start < match.end() and match.start() < end), example.text
    assert seen > 200


def test_names_come_from_many_origins(examples):
    pools = build_pools(SEED, "train")
    names = {e.text[s:t].lower() for e in examples for s, t, _ in e.spans}
    origins_seen = {
        origin for origin in pools.origins()
        if any(first.lower() in names for first in pools.firsts[origin][:400])
    }
    assert {"dutch", "moroccan", "turkish", "eritrean", "surinamese"} <= origins_seen
    assert any(re.match(r"^[A-Z]\.", name) or re.match(r"^[a-z]\.", name)
               for e in examples for name in [e.text[s:t] for s, t, _ in e.spans])


def test_dev_names_are_held_out_of_training():
    train, dev = build_pools(SEED, "train"), build_pools(SEED, "dev")
    assert not set(train.firsts["dutch"]) & set(dev.firsts["dutch"])
    assert not set(train.surnames["dutch"]) & set(dev.surnames["dutch"])
    assert dev.firsts["dutch"]


def test_there_are_enough_templates():
    assert len(templates.POSITIVE) + len(templates.NEGATIVE) + len(templates.CLAUSES) >= 120


def test_docbin_marks_unnamed_tokens_as_outside(examples, tokenizer):
    docbin, skipped = to_docbin(examples[:200], tokenizer)
    assert skipped == 0
    docs = list(docbin.get_docs(tokenizer.vocab))
    assert len(docs) == 200
    for doc, example in zip(docs, examples[:200], strict=True):
        assert all(token.ent_iob_ in ("B", "I", "O") for token in doc)
        assert [(e.start_char, e.end_char) for e in doc.ents] == [
            (s, t) for s, t, _ in example.spans
        ]

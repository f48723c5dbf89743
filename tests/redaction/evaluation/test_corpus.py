import pytest

from redaction.evaluation.corpus import Span, load_corpus, parse_annotated
from redaction.placeholders import LABELS


def test_inline_annotations_become_offsets_into_the_plain_text():
    u = parse_annotated("ik ben [Fatima el Amrani](PERSON), bel [06-12345678](PHONE_NUMBER)")
    assert u.text == "ik ben Fatima el Amrani, bel 06-12345678"
    assert u.gold == (Span("PERSON", 7, 23), Span("PHONE_NUMBER", 29, 40))
    assert [u.text[s.start:s.end] for s in u.gold] == ["Fatima el Amrani", "06-12345678"]


def test_text_without_annotations_is_unchanged():
    assert parse_annotated("ik heb schulden bij het CJIB").gold == ()


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


def test_corpus_is_large_and_mostly_realistic(corpus):
    assert len(corpus) >= 300
    without = sum(1 for u in corpus if not u.gold)
    assert 0.3 <= without / len(corpus) <= 0.6, "many utterances carry no personal data"


def test_corpus_uses_only_known_types_and_no_stray_brackets(corpus):
    assert {s.entity_type for u in corpus for s in u.gold} <= set(LABELS)
    assert not any(ch in u.text for u in corpus for ch in "[]")

"""Retired evaluation corpora as NER training data: never the held-out or the newest corpus."""

from __future__ import annotations

import re

import pytest

from redaction.evaluation.corpus import parse_annotated
from redaction.ner.generate import LABEL
from redaction.ner.retired import CORPORA_DIR, retired_corpora, retired_examples

BLIND = re.compile(r"blind_corpus_(\d+)$")


def test_the_held_out_and_the_newest_blind_corpus_are_never_training_data():
    listed = {p.stem for p in retired_corpora()}
    newest = max((int(m.group(1)), p.stem) for p in CORPORA_DIR.glob("*.yml")
                 if (m := BLIND.match(p.stem)))[1]
    assert "eval_corpus" not in listed
    assert newest not in listed


def test_listing_the_held_out_corpus_is_refused(tmp_path):
    listing = tmp_path / "retired.yml"
    listing.write_text("corpora: [blind_corpus_1, eval_corpus]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="held-out"):
        retired_corpora(listing)


@pytest.mark.parametrize("line, names", [
    ("Mijn buurman [Henk Visser](PERSON) belt op [06 12345678](PHONE_NUMBER).", ["Henk Visser"]),
    ("Ik heb een vraag over de visser van de markt.", []),
    ("[fatima el amrani](PERSON) en haar zus [Noor](PERSON) zoeken werk", ["fatima el amrani",
                                                                          "Noor"]),
])
def test_only_person_spans_are_taught_on_the_plain_text(tmp_path, line, names):
    corpus = tmp_path / "c.yml"
    corpus.write_text(f"version: 1\nutterances:\n  - {line!r}\n".replace("'", '"'),
                      encoding="utf-8")
    [example] = retired_examples([corpus]).examples
    assert example.text == parse_annotated(line).text
    assert [example.text[s:e] for s, e, label in example.spans if label == LABEL] == names
    assert {label for _, _, label in example.spans} <= {LABEL}


def test_an_utterance_the_recognizers_read_differently_is_left_out(tmp_path):
    corpus = tmp_path / "c.yml"
    corpus.write_text('utterances:\n  - "Bel [06\\u00a012345678](PHONE_NUMBER)"\n'
                      '  - "Hallo, ik ben [Piet](PERSON)"\n', encoding="utf-8")
    taught = retired_examples([corpus])
    assert [e.text for e in taught.examples] == ["Hallo, ik ben Piet"]
    assert taught.left_out == 1

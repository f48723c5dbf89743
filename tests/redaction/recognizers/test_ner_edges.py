"""The NER's spans begin and end on word boundaries, and a role word before a name is no part of
it (sentences invented for these tests)."""

from __future__ import annotations

import pytest
from presidio_analyzer import RecognizerResult
from presidio_analyzer.predefined_recognizers import SpacyRecognizer

from redaction.recognizers import NlNerPersonRecognizer
from redaction.recognizers._ner_edges import whole_words

# (text, the span the NER's tokens give, the whole words)
CUT_WORDS = [
    ("ik ben o'neil statia en bel over mijn pas", "neil statia", "o'neil statia"),
    ("mijn buurvrouw D’Souza is gevallen", "Souza", "D’Souza"),
    ("ik heb Jan-Wil gebeld", "Wil", "Wil"),  # a hyphen is a boundary
    ("graag contact met Nadia Benali", "adia Benal", "Nadia Benali"),
    ("de fiets van Daan's broer", "Daan", "Daan"),  # the possessive 's stays outside
]


@pytest.mark.parametrize(("text", "span", "whole"), CUT_WORDS)
def test_a_span_is_moved_to_the_edges_of_its_words(text, span, whole):
    start = text.index(span)
    new_start, new_end = whole_words(text, start, start + len(span))
    assert text[new_start:new_end] == whole


# (text, the NER's span, what it reports)
NER_SPANS = [
    ("ik bel namens o'neil statia, zij spreekt geen Nederlands", "neil statia", "o'neil statia"),
    ("Ik ben voogd van Yusuf Warsame, hij is vijftien", "voogd van Yusuf Warsame",
     "Yusuf Warsame"),
    ("ik ben bewindvoerder van Sanne Visser sinds maart", "bewindvoerder van Sanne Visser",
     "Sanne Visser"),
    ("de buurvrouw Karin Jansen helpt mij", "buurvrouw Karin Jansen", "Karin Jansen"),
]


@pytest.mark.parametrize(("text", "span", "reported"), NER_SPANS)
def test_the_ner_reports_whole_words_without_a_role(monkeypatch, text, span, reported):
    start = text.index(span)
    monkeypatch.setattr(
        SpacyRecognizer, "analyze",
        lambda self, text, entities, nlp_artifacts=None: [
            RecognizerResult("PERSON", start, start + len(span), 0.85)
        ],
    )
    results = NlNerPersonRecognizer().analyze(text, ["PERSON"])
    assert [text[r.start:r.end] for r in results] == [reported]

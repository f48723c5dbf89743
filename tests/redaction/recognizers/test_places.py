"""Places are no names: a town of several words after "in/uit/naar" ("in Capelle aan den IJssel",
"uit Hoek van Holland"), and "van" + a district that is no surname after a name ("ik ben Nadia
Rosa van Charlois": where she lives). ``recognizers/_places.py`` and ``_person/spans.py``;
sentences invented for these tests."""

from __future__ import annotations

import pytest

from redaction.recognizers._places import multiword_place_spans
from tests.redaction.recognizers.helpers import assert_spans

PLACES = frozenset({"almere poort", "capelle aan den ijssel", "hoek van holland", "de horst"})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("we wonen nu in Almere Poort bij mijn tante", ["Almere Poort"]),
        ("ze komt uit Hoek van Holland, net als ik", ["Hoek van Holland"]),
        ("verhuisd naar Capelle aan den IJssel vorig jaar", ["Capelle aan den IJssel"]),
        ("ik was bij Almere Poort", []),  # "bij": at someone's, not only where
        ("we wonen in De Horst", []),  # opens like a surname: left to the name rules
        ("ik woon in Almere", []),  # one word: the person rules know single places
    ],
)
def test_multiword_place_spans(text, expected):
    assert [text[s:e] for s, e in multiword_place_spans(text, PLACES)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ik ben Nadia Rosa van Charlois en mijn huur is te hoog", ["Nadia Rosa"]),
        ("mijn naam is Sevgi Aydın van Delfshaven, bel me terug", ["Sevgi Aydın"]),
        ("Ik ben Jan van Hulst en ik zoek hulp", ["Jan van Hulst"]),  # a surname too: the name
        ("sinds maart wonen we in Almere Poort, zonder huurcontract", []),
        ("mijn moeder woont nog in Sas van Gent en kan niet meer koken", []),
    ],
)
def test_a_place_ends_or_is_no_name(analyzer, text, expected):
    assert_spans(analyzer, text, "PERSON", expected)


@pytest.mark.parametrize(
    "text",
    [
        "ik woon sinds kort in Capelle aan den IJssel en zoek een huisarts",
        "mijn opa woont in Alphen aan den Rijn en kan niet meer alleen douchen",
    ],
)
def test_the_ner_reads_no_name_inside_a_place(redactor, text):
    assert [f for f in redactor.redact(text)[1] if f.entity_type == "PERSON"] == [], text

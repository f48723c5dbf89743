"""Lowercase names of many origins right after "ik ben", "mijn naam is", "ik heet": East Asian
syllables, apostrophe surnames, and a second name part that is also a word
(``_person/foreign_shapes.py``, ``_person/triggered.py``; sentences invented for these tests)."""

from __future__ import annotations

import pytest

from tests.redaction.recognizers.helpers import assert_spans

NAMES = [
    # East Asian names of two or more syllables
    ("mijn naam is zhang min en ik woon in Breda", ["zhang min"]),
    ("hallo, ik ben liu yang, ik bel over de toeslag", ["liu yang"]),
    ("ik heet tran thi mai en mijn zoon zit op school", ["tran thi mai"]),
    ("mijn naam is nguyen van an, ik wil een afspraak", ["nguyen van an"]),
    ("mijn naam is ma li en ik spreek weinig Nederlands", ["ma li"]),
    ("ik ben park ji-woo, student in Delft", ["park ji-woo"]),
    # a surname with a glued apostrophe prefix
    ("ik ben o'connor en mijn huur is te hoog", ["o'connor"]),
    ("hoi ik ben d’souza, mijn pas is verlopen", ["d’souza"]),
    ("mijn schoonmoeder mei ling chen woont bij ons", ["mei ling chen"]),  # a month opening
    # two or three words no word list knows, right after a trigger
    ("ik ben georgi petrov, ik werk in de kassen", ["georgi petrov"]),
    ("dit is emeka okafor namens mijn broer", ["emeka okafor"]),
    ("met dropatie ramlal, goedemorgen", ["dropatie ramlal"]),
    # a second name part that the word lists call a word
    ("ik heet ali can en ik zoek werk", ["ali can"]),
    ("ik ben bram schipper, ik heb een vraag", ["bram schipper"]),
    ("mijn buurman dirk koster is gevallen", ["dirk koster"]),
    ("hoi ik ben sharita doelwijt en mijn huur is verhoogd", ["sharita doelwijt"]),
    ("Hello, I'm Noah Carter, I need a parking permit", ["Noah Carter"]),  # "carter": Dutch too
    ("ik ben dewi sari, ik heb een vraag over de bijstand", ["dewi sari"]),
    ("mijn naam is agnes tol telefoon volgt", ["agnes tol"]),
]
WORDS = [
    ("ik ben lang ziek geweest en kan niet werken", []),  # one syllable alone
    ("ik ben min of meer dakloos sinds mei", []),
    ("ik ben ma kwijt in de winkel", []),  # a function word opening, after "ik ben"
    ("ik ben van de gemeente weggestuurd", []),
    ("ze heette Sanne geloof ik, de consulent", ["Sanne"]),  # a verb after the name
    ("ik ben sanne bang, help me", ["sanne"]),  # a feeling after a self-introduction
    ("ik ben anna moeder van twee kinderen", ["anna"]),
    ("my name is tom can you help me", ["tom"]),  # English after the name
    ("ik ben heel errg moe vandaag", []),  # a typo is no unknown name

]


@pytest.mark.parametrize(("text", "expected"), NAMES + WORDS)
def test_lowercase_names_after_a_trigger(analyzer, text, expected):
    assert_spans(analyzer, text, "PERSON", expected)

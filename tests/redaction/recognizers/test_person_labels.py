"""A form's "Naam <who>:" field, initials before a surname after a name trigger, and double
surnames of listed names (data/person_labels.txt, ``_person/triggered.py``; sentences invented
for these tests)."""

from __future__ import annotations

import pytest

from tests.redaction.recognizers.helpers import assert_spans

CASES = [
    ("Rekening NL91ABNA0417164300. Naam rekeninghouder: T. Bos-Visser.", ["T. Bos-Visser"]),
    ("Naam aanvrager: yara el idrissi, geboren in Breda", ["yara el idrissi"]),
    ("Naam van de huurder: Priscilla Doelwijt\nAdres volgt", ["Priscilla Doelwijt"]),
    ("Naam ouder/verzorger: sevda aksoy", ["sevda aksoy"]),
    ("Naam aanvrager: kees schipper", ["kees schipper"]),  # a surname that is a word too
    ("Naam: J.H. Bakker", ["J.H. Bakker"]),  # initials after a naming trigger
    ("Mijn naam is A.B. van der Meer-Jansen", ["A.B. van der Meer-Jansen"]),
    ("graag overmaken naar t. bos-visser, alvast dank", ["t. bos-visser"]),  # a double surname
    ("Mevrouw B. Huisman te Zwolle vraagt uitstel van betaling", ["B. Huisman"]),  # where she lives
    ("Mevrouw R. te Winkel belt morgen terug", ["R. te Winkel"]),  # a "te" surname
    # whose account: "t.n.v.", "ten name van"
    ("Graag terugstorten op NL91ABNA0417164300 t.n.v. K.R. Doelwijt", ["K.R. Doelwijt"]),
    ("IBAN NL91ABNA0417164300 ten name van mevrouw A. Doelwijt", ["A. Doelwijt"]),
    ("het staat t.n.v. de gemeente, klopt dat?", []),
    # the name of a thing, not of a person
    ("Naam school: De Regenboog, groep 6", []),
    ("Naam bestand: aanvraag.pdf", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_labels_initials_and_double_surnames(analyzer, text, expected):
    assert_spans(analyzer, text, "PERSON", expected)

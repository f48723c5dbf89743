"""Initials where a name is due, and interfixes abbreviated the way forms write them (sentences
invented for these tests)."""

from __future__ import annotations

import pytest

GONE = [
    ("Alvast bedankt voor het meedenken, R.J.", ["R.J"]),
    ("Met vriendelijke groet,\nW.F.", ["W.F"]),
    ("Liefs, S.", ["S."]),
    ("Mijn voorletters zijn H.G.M. en ik woon in Tiel", ["H.G.M"]),
    ("Achternaam Dijkstra\nVoorletters: E.T.", ["E.T", "Dijkstra"]),
    ("Ingevuld door L. v.d. Brink, graag terugbellen", ["L.", "Brink"]),
    ("Graag overmaken aan G. v. Rijn, hij is mijn bewindvoerder", ["G.", "Rijn"]),
    ("contactpersoon A. v/d Wal van de woningbouw", ["A.", "Wal"]),
]

KEPT = [
    "Kunt u mij o.a. de regels van de bijstand sturen?",
    "Het bedrag staat t.n.v. de gemeente, klopt dat?",
    "Ik heb de brief m.b.t. de huur gekregen, bedankt.",
    "Bedankt voor de hulp, o.a. met de formulieren!",
    "Ik lever de papieren maandag in, N.B.",
    "De rekening staat op naam van de zaak, B.V.",
]


@pytest.mark.parametrize(("text", "parts"), GONE)
def test_initials_and_abbreviated_interfixes_are_a_name(redactor, text, parts):
    redacted, _ = redactor.redact(text)
    for part in parts:
        assert part not in redacted, redacted


@pytest.mark.parametrize("text", KEPT)
def test_dotted_abbreviations_are_no_initials(redactor, text):
    redacted, _ = redactor.redact(text)
    assert "<PERSOON" not in redacted, redacted

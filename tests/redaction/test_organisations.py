"""Schools, funds, firms, hospitals and streets named after a person stay readable; the people
around them do not (sentences invented for these tests)."""

from __future__ import annotations

import pytest

from redaction.organisations import is_organisation_word, person_part

KEPT = [
    "Mijn dochter zit op het Hendrik Lorentz in Hilversum en wordt buitengesloten.",
    "Krijg ik korting bij het Theo Thijssen Museum met de stadspas?",
    "De Gerrit Rietveld Academie vraagt een verklaring van de gemeente.",
    "Is de Anton de Kom-bibliotheek op zaterdag open?",
    "Het Maxima Medisch Centrum stuurt me naar de Wmo.",
    "Stichting Klaas Vaak betaalt de zwemles niet meer, wat nu?",
    "De huur gaat naar Beheer Willemsen BV, maar die reageren niet.",
    "Ik kreeg een brief van Advocatenkantoor Brouwer over de schuld.",
    "De bus stopt niet meer bij de Karel Doormanstraat, hoe kom ik bij het wijkcentrum?",
    "Op het Koningin Julianaplein staat al dagen een kapotte fiets.",
    "Our son goes to the Maria Montessorischool and needs a laptop.",
    "Mijn zoon wil bij de Koninklijke Landmacht, mag dat met een taakstraf?",
]

FOUND = [
    # a person of an organisation keeps the name
    ("Meester Joris van de Jan Ligthartschool belt morgen terug", "Joris"),
    ("De gezinscoach Fenna Bosman van de Stichting Jeugdkracht belt niet terug", "Fenna Bosman"),
    # names beside organisation words that are no part of them
    ("Ik ben Nijhuis en ik werk bij een school in Enschede", "Nijhuis"),
    ("Mevrouw Verkerk van het buurthuis helpt me met de formulieren", "Verkerk"),
    ("Mijn broer Sarena? Nee, mijn zus Sarena Jagroep woont bij mij", "Sarena Jagroep"),
]


@pytest.mark.parametrize("text", KEPT)
def test_names_of_organisations_and_streets_stay(redactor, text):
    redacted, findings = redactor.redact(text)
    assert "<PERSOON" not in redacted, redacted


@pytest.mark.parametrize(("text", "name"), FOUND)
def test_people_beside_organisations_are_still_found(redactor, text, name):
    redacted, _ = redactor.redact(text)
    assert name not in redacted, redacted


@pytest.mark.parametrize(
    ("word", "expected"),
    [("BV", True), ("Kinderziekenhuis", True), ("Gerechtsdeurwaarderskantoor", True),
     ("Gerechtsdeurwaarders", True), ("Nijhuis", False), ("Verkerk", False), ("Jagroep", False),
     ("Sarena", False), ("Stichting", True), ("stichting", False)],
)
def test_organisation_words(word, expected):
    assert is_organisation_word(word) is expected


def test_a_person_of_an_organisation_keeps_the_name_before_van():
    text = "juf Romy van de Wilhelminaschool"
    start = text.index("Romy")
    assert person_part(text, start, len(text)) == (start, start + len("Romy"))
    assert person_part(text, text.index("Wilhelminaschool"), len(text)) is None

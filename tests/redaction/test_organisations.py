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
    # a school after "op het": its whole name, "van" included
    "Onze dochter gaat na de zomer naar het Erasmus van Rotterdam en heeft een fiets nodig.",
    # a shop named by its owner, after a shop word; where it stands is no part of a surname
    "Slagerij Öztürk op de Beijerlandselaan verkoopt ook halal voor de voedselbank.",
    "Is Toko Wong op de Nieuwe Binnenweg open op zondag?",
    "Bakkerij Hendriks bij de Oude Haven zoekt een vrijwilliger.",
    # a known street named after someone, without a house number
    "Op de Laan van Nieuw Oost-Indië is de stoep kapot, bij wie meld ik dat?",
    "Bij de halte Cornelis Lelylaan is het donker, kan er een lamp bij?",
    "Waarom is de Johan Huizingalaan afgesloten voor fietsers?",
    # round 14: the street found around the name, also where the name is only part of it
    "Op de Paul Krugerlaan zit toch een inloop van het Leger des Heils?",
    "Ik woon aan de Boulevard de Ruyter in Vlissingen en het is zo koud in huis.",
    "Bij Toko Lie op de Herman Costerstraat kun je met de Ooievaarspas betalen, klopt dat?",
    # a care organisation and a shop chain named by one word (named_organisations.txt)
    "Mijn begeleider van Philadelphia is ziek en ik moet een brief van het energiebedrijf snappen.",
    "Bij welke Hema of Zeeman kan ik de kortingspas gebruiken?",
    # chains named like a person, and care organisations deduce lists
    "Mijn broer werkt bij Jan Linders en verdient te weinig voor de huur.",
    "Kan ik met de stadspas korting krijgen bij Dirk van den Broek?",
    "Ipse de Bruggen heeft een wachtlijst voor dagbesteding, wat kan de gemeente doen?",
    "Zuyderland stuurt mij door naar het Wmo-loket voor een rolstoel.",
]

FOUND = [
    # a person of an organisation keeps the name
    ("Meester Joris van de Jan Ligthartschool belt morgen terug", "Joris"),
    ("De gezinscoach Fenna Bosman van de Stichting Jeugdkracht belt niet terug", "Fenna Bosman"),
    # names beside organisation words that are no part of them
    ("Ik ben Nijhuis en ik werk bij een school in Enschede", "Nijhuis"),
    ("Mevrouw Verkerk van het buurthuis helpt me met de formulieren", "Verkerk"),
    ("Mijn broer Sarena? Nee, mijn zus Sarena Jagroep woont bij mij", "Sarena Jagroep"),
    # a person who bears a chain's name, after a trigger, is still a person
    ("Goedemiddag, ik ben Jan Linders en ik woon in Venlo", "Jan Linders"),
    ("mevrouw Linders van hiernaast is gevallen", "Linders"),
    ("mevrouw Zeeman van hiernaast is gevallen", "Zeeman"),
    # a name before "van de" and a street: the street is no part of the surname
    ("Ik ben Noor Visser van de Hoefkade 12 en de verwarming doet het niet", "Noor Visser"),
    ("Kunt u mij terugbellen? Ik ben mevr. Soekhoe van de Paul Krugerlaan.", "Soekhoe"),
    ("Mijn buurman Piet Verlaan is gevallen", "Piet Verlaan"),  # a surname with a street ending
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


def test_a_name_before_a_known_street_keeps_only_the_name():
    text = "Ik ben mevr. Soekhoe van de Paul Krugerlaan."
    start = text.index("Soekhoe")
    assert person_part(text, start, len(text) - 1) == (start, start + len("Soekhoe"))
    assert person_part(text, text.index("Paul"), len(text) - 1) is None


def test_a_person_of_an_organisation_keeps_the_name_before_van():
    text = "juf Romy van de Wilhelminaschool"
    start = text.index("Romy")
    assert person_part(text, start, len(text)) == (start, start + len("Romy"))
    assert person_part(text, text.index("Wilhelminaschool"), len(text)) is None

"""Where an address starts and ends: a town or a name before "op/van" + a listed street is no
part of it, nor is the label on the line after a postcode; a first name with a surname that is
also a hamlet is one name (sentences invented for these tests)."""

from __future__ import annotations

import pytest

# (text, words that must stay readable, words that must go)
CASES = [
    ("Mijn vader woont in Vlissingen op de Badhuisstraat 14, kan er iemand langs?",
     ["Vlissingen"], ["Badhuisstraat", "14"]),
    ("we zitten nu in Almelo op Wierdensestraat 102 bij mijn schoonouders",
     ["Almelo"], ["Wierdensestraat", "102"]),
    ("Mijn buurvrouw Ineke van Molenstraat 9 hoort niks meer, wie kan ik bellen?",
     ["van"], ["Ineke", "Molenstraat", "9"]),
    ("Aanmaning\nNaam: Ruud Kramer\nAdres: Dorpsstraat 4, 7441 BD Nijverdal\n"
     "Herinnering € 310,00",
     ["Herinnering", "310"], ["Dorpsstraat", "7441"]),
    ("Kopie:\nDebiteur: Ilse Smit, 2312 AB Leiden\nVordering € 95,00",
     ["Vordering"], ["Ilse", "2312"]),
    # streets whose name holds a first name or a preposition stay whole
    ("ik woon op de Jan van Galenstraat 18 drie hoog", [], ["Jan", "Galenstraat", "18"]),
    ("Mijn oma woont aan de Vincent van Goghweg 30", [], ["Vincent", "Goghweg", "30"]),
    # a first name and a surname that is also a hamlet ("De Boer", "Den Hoorn")
    ("Mijn buurman Pieter-Jan de Boer zet zijn afval steeds bij ons neer", ["buurman"],
     ["Pieter-Jan", "Boer"]),
]


@pytest.mark.parametrize(("text", "kept", "gone"), CASES)
def test_address_and_name_edges(redactor, text, kept, gone):
    redacted, _ = redactor.redact(text)
    for word in kept:
        assert word in redacted, redacted
    for word in gone:
        assert word not in redacted, redacted


# A listed street that is also a word ("Markt", "Brink", "Haven") needs a word that says an
# address follows - also in English and Frisian - or a postcode.
STREET_WORDS = [
    ("our flat at Haven 21 has mould on every wall", "Haven 21"),
    ("I have lived at Brink 4 since March, can I get huurtoeslag?", "Brink 4"),
    ("The house at Markt 9 is too cold for my mother", "Markt 9"),
]
STREET_WORDS_KEPT = [
    "De markt 12 keer per jaar in het dorp, klopt dat?",
    "Is de haven 24 uur per dag open voor bezoekers?",
]


@pytest.mark.parametrize(("text", "address"), STREET_WORDS)
def test_a_street_that_is_a_word_after_an_address_word(redactor, text, address):
    redacted, findings = redactor.redact(text)
    assert address not in redacted, redacted
    assert any(f.entity_type == "NL_ADDRESS" for f in findings)


@pytest.mark.parametrize("text", STREET_WORDS_KEPT)
def test_a_street_word_without_an_address_word_stays(redactor, text):
    assert "<ADRES" not in redactor.redact(text)[0]

"""Words around a name that are no part of it: greetings and function words of other languages,
nationalities, English titles, a form's labels, cities residents come from; and a form's name
fields anywhere in a line (sentences invented for these tests)."""

from __future__ import annotations

import pytest

# (text, names that must go, words that must stay)
CASES = [
    ("Guten Morgen, ich brauche Hilfe mit meiner Miete. Ich heiße Jürgen Albers.",
     ["Jürgen Albers"], ["Guten", "brauche", "Hilfe"]),
    ("Bună seara, sunt Mihaela Rusu și am nevoie de ajutor cu chiria.",
     ["Mihaela Rusu"], ["sunt"]),
    ("Bonjour monsieur, je suis Amadou Diallo, j'habite à Almere depuis mars.",
     ["Amadou Diallo"], ["Bonjour", "monsieur"]),
    ("Dear madam, my name is Tomás Herrera and I am Colombian, I need a BRP extract.",
     ["Tomás Herrera"], ["Dear", "madam", "Colombian"]),
    ("Hello, I am Korean, name Kim Ji-woo, can I register at the gemeente without a contract?",
     ["Kim Ji-woo"], ["Korean"]),
    ("Our neighbour Mrs Okafor is alone since her husband died, who can visit her?",
     ["Okafor"], ["Mrs"]),
    ("Ik kom uit Lviv en woon nu met mijn dochter in Emmen, kan ik leefgeld krijgen?",
     [], ["Lviv"]),
    ("My brother Oleksandr is still in Zaporizhzhia, can he come to us in Delft?",
     ["Oleksandr"], ["Zaporizhzhia"]),
    ("Merhaba, Türkçe konuşan biri var mı? Ik ben Sevgi Aydın.",
     ["Sevgi Aydın"], ["Türkçe", "konuşan"]),
    ("Uit de brief: Naam: Rahma Yusuf Geboortedatum: 14-02-1979 Klantnummer volgt",
     ["Rahma Yusuf"], ["Geboortedatum"]),
    ("Formulier: Voornaam: Berend Achternaam: Smid Woonplaats: Assen",
     ["Berend", "Smid"], ["Achternaam", "Woonplaats"]),
    ("first name: Grace, surname: Addo, that is what the form says",
     ["Grace", "Addo"], ["surname"]),
]


def _gone_and_kept(redactor, text, gone, kept):
    redacted, _ = redactor.redact(text)
    for name in gone:
        assert name not in redacted, redacted
    for word in kept:
        assert word in redacted, redacted


@pytest.mark.parametrize(("text", "gone", "kept"), CASES)
def test_names_go_and_their_neighbours_stay(redactor, text, gone, kept):
    _gone_and_kept(redactor, text, gone, kept)


# Roles residents name a person by (a trigger table in redaction/recognizers/_person/triggers.py)
ROLES = [
    ("de deurwaarder kees van dam stond vanochtend voor de deur", "kees van dam"),
    ("onze maatschappelijk werker Yvette belt steeds af", "Yvette"),
    ("mijn advocaat mr. Bos zegt dat ik bezwaar moet maken", "Bos"),
    ("de jongerenwerker youssef zei dat ik hier moest zijn", "youssef"),
]


@pytest.mark.parametrize(("text", "name"), ROLES)
def test_a_name_after_a_role_word_goes(redactor, text, name):
    assert name not in redactor.redact(text)[0]


def test_a_role_word_without_a_name_stays(redactor):
    text = "de huisarts zegt dat de deurwaarder niet zomaar binnen mag"
    assert redactor.redact(text)[0] == text


@pytest.mark.parametrize(
    ("text", "names", "kept"),
    [
        # a nickname after "noemt mij", "noem me maar"
        ("Ik heet Wilhelmina maar de buren noemen me gewoon Mien, bel me gerust",
         ["Wilhelmina", "Mien"], ["buren", "bel"]),
        ("hij noemt mij altijd lui en dom", [], ["lui", "dom"]),
        # a nickname in quotes inside a full name
        ("mijn tante Geertruida ‘Truus’ de Graaf woont alleen", ["Geertruida", "Truus", "Graaf"],
         ["tante", "woont"]),
        ("Ik bel voor mijn buurman Mohammed 'Mo' Bakkali, hij is gevallen",
         ["Mohammed", "Mo", "Bakkali"], ["buurman", "gevallen"]),
        # a lowercase given name after a particle carries the name on ("maria de fátima")
        ("mijn schoonmoeder ana de fátima gonçalves tavares spreekt geen nederlands",
         ["ana", "fátima", "gonçalves", "tavares"], ["spreekt"]),
    ],
)
def test_nicknames_and_lowercase_given_names(redactor, text, names, kept):
    _gone_and_kept(redactor, text, names, kept)

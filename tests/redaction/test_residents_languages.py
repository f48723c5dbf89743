"""Words of the languages residents mix into their Dutch are no names (data/never_name_words.txt,
data/nationality_words.txt): languages named ("alleen Papiamentu"), a request or courtesy in
Turkish, Romanian, Hungarian, Bulgarian, Polish, Cape Verdean or Sranan, and the names of foreign
identity documents. Sentences invented for these tests; the real redactor, because the NER is
what reads them as names."""

from __future__ import annotations

import pytest

CLEAN = [
    "mijn vader praat alleen Papiamentu, kan er iemand mee naar de afspraak?",
    "Sranan tongo is makkelijker voor mijn oma, is er een tolk?",
    "Arapça konuşan biri lazım, babam için, hij snapt de brief niet",
    "Bună ziua, am nevoie de ajutor met de huurtoeslag",
    "Mantenha, tudu bon? ik zoek hulp bij de administratie",
    "Köszönöm, ik begrijp het nu beter",
    "Dzień dobry, proszę o pomoc met de aanvraag",
    "mijn dowód osobisty is verlopen, kan ik toch inschrijven?",
    "de lichna karta van mijn moeder is kwijt, wat moet ik doen?",
]


@pytest.mark.parametrize("text", CLEAN)
def test_words_of_other_languages_are_no_names(redactor, text):
    assert [f for f in redactor.redact(text)[1] if f.entity_type == "PERSON"] == [], text


NAMED = [
    ("Ercan Doğan adına geliyorum, hij is mijn buurman", "Ercan Doğan"),
    ("Szabó Réka vagyok, ik werk in de kassen in het Westland", "Szabó Réka"),
    ("Sunt Vasile Munteanu, am nevoie de ajutor", "Vasile Munteanu"),
]


@pytest.mark.parametrize(("text", "name"), NAMED)
def test_a_name_ends_before_the_words_of_its_language(redactor, text, name):
    names = [text[f.start:f.end] for f in redactor.redact(text)[1] if f.entity_type == "PERSON"]
    assert names == [name], text

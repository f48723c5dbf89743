"""A job said of someone stays readable; a person with a job's surname does not (sentences
invented for these tests)."""

from __future__ import annotations

import pytest

from redaction.occupations import is_occupation

JOBS = [
    ("ik ben kok in een verzorgingshuis en wil minder uren werken", "kok"),
    ("ik ben de kok van het buurthuis, mag ik daar een vergunning voor?", "de kok"),
    ("Mijn vader werkt al jaren als Visser op de Noordzee", "Visser"),
    ("ik heb een baan als schilder gevonden, stopt mijn uitkering dan?", "schilder"),
    ("Mijn zwager is Smid van beroep en zoekt een werkplaats", "Smid"),
    ("Onze zoon wil Visser worden, kan hij op een kotter stage lopen?", "Visser"),
    ("Mijn bus is mijn werk, ik ben klusser. Nu heeft de deurwaarder beslag gelegd.", "klusser"),
]
NAMES = [
    ("Ik ben Henk Kok en woon in Venlo", "Henk Kok"),
    ("Ik ben mantelzorger voor meneer Kok", "Kok"),
    ("Kok belde gisteren terug", "Kok"),
    ("ik heb gebeld met mevrouw Bakker, als Bakker niet opneemt bel ik u", "Bakker"),
]


@pytest.mark.parametrize(("text", "word"), JOBS)
def test_a_job_said_of_someone_is_an_occupation(text, word):
    start = text.index(word)
    assert is_occupation(text, start, start + len(word))


@pytest.mark.parametrize(("text", "name"), NAMES)
def test_a_name_is_no_occupation(text, name):
    start = text.rindex(name)
    assert not is_occupation(text, start, start + len(name))


@pytest.mark.parametrize(("text", "word"), JOBS[:3] + JOBS[-1:])
def test_the_redactor_keeps_the_job(redactor, text, word):
    assert word in redactor.redact(text)[0]


def test_the_redactor_still_redacts_a_surname_that_is_a_job(redactor):
    assert "Kok" not in redactor.redact("Ik ben Henk Kok en woon in Venlo")[0]

"""A given name written short ("Ma.", "Md.", "Wm.") goes with the name after it; "ma." for
Monday stays (sentences invented for these tests)."""

from __future__ import annotations

import pytest

from redaction.findings import Finding
from redaction.name_abbreviations import extend_over_abbreviations

# (text, the name as redacted)
CASES = [
    ("De huur staat op naam van Ma. Teresa Santos, mijn schoonmoeder", "Ma. Teresa Santos"),
    ("Mijn buurman Md. Rahman helpt mij met de formulieren", "Md. Rahman"),
    ("Aan: Wm. Hendriks, Stationsweg 3", "Wm. Hendriks"),
]


@pytest.mark.parametrize(("text", "name"), CASES)
def test_an_abbreviated_given_name_goes_with_the_name(redactor, text, name):
    _, findings = redactor.redact(text)
    assert name in [text[f.start:f.end] for f in findings if f.entity_type == "PERSON"]


@pytest.mark.parametrize(("text", "start"), [
    ("afspraak ma. Jan komt ook", 13),  # "ma." lowercase: Monday
    ("ik zag Sma. Jan", 11),  # part of another word
])
def test_only_a_capitalised_abbreviation_of_its_own_counts(text, start):
    finding = Finding("PERSON", start, start + 3, 0.9)
    assert extend_over_abbreviations(text, [finding]) == [finding]

"""Dates of birth said with ordinals: the day and month as "vierde", "8e", the year in words."""

from __future__ import annotations

import pytest

from redaction.ordinal_dates import ordinal_date_edits, ordinal_value
from redaction.placeholders import PLACEHOLDER


@pytest.mark.parametrize(
    ("word", "value"),
    [("eerste", 1), ("derde", 3), ("negende", 9), ("twaalfde", 12), ("negentiende", 19),
     ("twintigste", 20), ("eenendertigste", 31), ("5e", 5), ("23ste", 23), ("second", 2),
     ("tweeëntwintigste", 22), ("zesendertigste", None), ("kinderen", None), ("onde", None)],
)
def test_ordinal_values(word, value):
    assert ordinal_value(word) == value


@pytest.mark.parametrize(
    ("text", "rewritten"),
    [
        ("geboren de negende van de derde, negentien tweeënzestig", "9-3-1962"),
        ("op de twintigste van de achtste tweeduizendvijf geboren", "20-8-2005"),
        ("geb. de 2e van de 10e 1958", "2-10-1958"),
        ("geboren op de elfde juli negentienhonderd zeventig", "11 juli 1970"),
        ("born on the ninth of May 1971", "9 May 1971"),
        ("jarig op de zestiende van de vijfde", "16-5"),
    ],
)
def test_an_ordinal_date_is_rewritten_numerically(text, rewritten):
    [(start, end, value)] = ordinal_date_edits(text)
    assert value == rewritten


@pytest.mark.parametrize(
    "text",
    [
        "de tweede van de drie brieven kwam niet aan",  # a count, not a month
        "het is de eerste van de maand",
        "de derde vierde moet ik nog betalen",  # two ordinals without "van de"
        "mijn zoon is de vijfde van de klas",
    ],
)
def test_ordinals_that_are_no_date_stay(text):
    assert ordinal_date_edits(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mijn oma is geboren de negende van de derde, negentien tweeënzestig.",
         "Mijn oma is geboren de <X>."),
        ("ik ben geboren op de twintigste van de achtste tweeduizendvijf, klopt dat",
         "ik ben geboren op de <X>, klopt dat"),
        ("geboortedatum: de 2e van de 10e 1958", "geboortedatum: de <X>"),
        ("hij is geboren de elfde juli negentienhonderd zeventig in Paramaribo",
         "hij is geboren de <X> in Paramaribo"),
        # an appointment said with ordinals is no date of birth
        ("ik heb op de derde van de vierde een afspraak op het stadskantoor",
         "ik heb op de derde van de vierde een afspraak op het stadskantoor"),
    ],
)
def test_an_ordinal_date_of_birth_is_redacted_whole(redactor, text, expected):
    assert PLACEHOLDER.sub("<X>", redactor.redact(text)[0]) == expected

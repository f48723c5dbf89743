"""A value corrected while it is typed: the corrected tail goes with the value."""

from __future__ import annotations

import pytest

from redaction.corrections import extend_corrections
from redaction.findings import Finding
from redaction.placeholders import PLACEHOLDER


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tel 06-8432 1967 oh nee 1976", "tel <X>"),
        ("postcode 3072 KB eh nee KD", "postcode <X>"),
        ("mijn bsn is 123456782, nee sorry, het is 3", "mijn bsn is <X>"),
        # what follows a correction word but is no tail of the value stays
        ("mijn bsn is 123456782 sorry, ik heb 50 euro",
         "mijn bsn is <X> sorry, ik heb 50 euro"),
        ("bel 0612345678, nee sorry ik bedoel morgen",
         "bel <X>, nee sorry ik bedoel morgen"),
        ("Ik ben 45 jaar, nee sorry 46", "Ik ben 45 jaar, nee sorry 46"),
        # a value retyped whole after a correction word is one corrected value
        ("mijn nummer 0612345678 nee wacht 0612345687", "mijn nummer <X>"),
        ("bsn 246813581 oh wacht, 246813593 is het goede", "bsn <X> is het goede"),
        ("kenteken 52-KXT-7... nee 52-KTX-7, een grijze Opel", "kenteken <X>, een grijze Opel"),
        ("geboren 03-11-1961, nee sorry 11-03-1961", "geboren <X>"),
        ("my BSN is 246813581, no sorry, 246813593", "my BSN is <X>"),
        ("call 06 21 43 65 87, no wait, 06 21 43 65 78 please", "call <X> please"),
        ("mail me: anna.ko@gmial.com oh nee gmail.com", "mail me: <X>"),
        ("tel 06 21 43 65 87 nee wacht, eindigt op 91", "tel <X>"),
        # English "no" before words, or two values without a correction word, stay apart
        ("my number is 0612345678 no need to call before ten", "my number is <X> no need to call "
         "before ten"),
        ("bsn 246813581 en mijn nummer 0612345678", "bsn <X> en mijn nummer <X>"),
    ],
)
def test_the_corrected_tail_is_redacted_with_the_value(redactor, text, expected):
    """Which placeholder does not matter here (a corrected phone number may read as a case
    number); that nothing of the value is left does."""
    assert PLACEHOLDER.sub("<X>", redactor.redact(text)[0]) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a number broken off and typed again after a correction word: the false start goes too
        ("bereikbaar op 06-3391 nee wacht 06-3319 2240 na het werk",
         "bereikbaar op <X> na het werk"),
        ("ons vaste nummer is 010 - 4471, nee sorry, 010 - 447 19 23.",
         "ons vaste nummer is <X>."),
        ("app mijn zus op 06 27, nee, 06 - 72 18 44 90 als het kan",
         "app mijn zus op <X> als het kan"),
        ("call me on 06 51 oops 06 15 98 33 20", "call me on <X>"),
        # an IBAN's head broken off: its country code and bank code go with it (issue 14)
        ("Mijn IBAN is NL13 RABO 4782 nee, NL13 RABO 4782 2216 53. Sorry, de oude pas.",
         "Mijn IBAN is <X>. Sorry, de oude pas."),
        # digits before a correction word that start another number stay
        ("ik heb 3 nee 4 kinderen, bel 0612345678", "ik heb 3 nee 4 kinderen, bel <X>"),
        ("huisnummer 12 nee sorry, bel 0612345678", "huisnummer 12 nee sorry, bel <X>"),
    ],
)
def test_a_false_start_before_the_corrected_number_is_redacted(redactor, text, expected):
    assert PLACEHOLDER.sub("<X>", redactor.redact(text)[0]) == expected


def test_a_tail_never_reaches_into_the_next_finding_or_extends_a_name():
    text = "Jan nee 12 en 0612345678 nee 9"
    findings = [Finding("PERSON", 0, 3, 0.9), Finding("PHONE_NUMBER", 14, 24, 0.9)]
    extended = extend_corrections(text, findings)
    assert extended[0] == findings[0]  # a name is retyped whole, never corrected by digits
    assert extended[1].end == len(text)

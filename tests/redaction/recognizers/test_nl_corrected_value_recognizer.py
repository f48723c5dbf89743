"""A value corrected halfway, where neither part is a value (issue 14): the first attempt with
its last groups replaced by the correction must pass its type's check (all invented: BSN
123456782 passes the 11-proef, BE49063512345643 and NL13RABO4782221653 mod-97)."""

from __future__ import annotations

import pytest

CORRECTED = [
    ("mijn nummer is 06 23 71 nee 17 45 88 sorry mn duim",
     "mijn nummer is <TELEFOONNUMMER_1> sorry mn duim"),
    ("Mijn rekening is NL13 RABO 4782 2216 35, nee sorry, 2216 53, die twee had ik omgedraaid.",
     "Mijn rekening is <IBAN_1>, die twee had ik omgedraaid."),
    ("IBAN BE49 0635 1234 5634 nee sorry 5643", "IBAN <IBAN_1>"),
    ("mijn bsn is 123 465 nee 456 782", "mijn bsn is <BSN_1>"),
]

KEPT = [
    # the corrected value fails its check, or no context word names the type
    "mijn bsn is 123 465 nee 456 783",
    "IBAN BE49 0635 1234 5634 nee sorry 5644",
    "ik heb 3 nee 4 kinderen en 12 34 nee 56 euro schuld",
    "we waren met 06 17 48 nee 84 29 05 mensen",
]


@pytest.mark.parametrize(("text", "expected"), CORRECTED)
def test_a_value_corrected_halfway_is_one_value(redactor, text: str, expected: str) -> None:
    assert redactor.redact(text)[0] == expected


@pytest.mark.parametrize("text", KEPT)
def test_no_checked_value_no_corrected_value(redactor, text: str) -> None:
    redacted = redactor.redact(text)[0]
    assert "<BSN" not in redacted and "<TELEFOON" not in redacted and "<IBAN" not in redacted, (
        redacted)

"""A label in capitals before a spelled value stays a label: "BSN: twee vier ..." is a BSN after
the word BSN, not a code "BSN246813581" (sentences invented; 246813581 passes the 11-proef,
NL71KNAB0419283746 mod-97)."""

from __future__ import annotations

import pytest

CASES = [
    ("Waar blijft mijn toeslag? BSN: twee vier zes acht een drie vijf acht een",
     "Waar blijft mijn toeslag? BSN: <BSN_1>"),
    ("BSN twee vier zes acht 1 3 5 acht een, graag terugbellen",
     "BSN <BSN_1>, graag terugbellen"),
    ("IBAN NL zeven een KNAB nul vier een negen twee acht drie zeven vier zes",
     "IBAN <IBAN_1>"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_the_label_stays_and_the_value_is_checked(redactor, text, expected):
    assert redactor.redact(text)[0] == expected

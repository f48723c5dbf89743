"""The start of a number, typed and abandoned, anywhere in the message that then gives it whole:
"Mijn telefoonnummer is 06 24 61.. sorry ik druk op verzenden. 06 24 61 89 50".

Why: ``redaction.corrections`` joins a false start to its value when only correction words stand
between them ("06-2354 nee wacht 06-2345 7781"). Residents also explain themselves in a sentence
first ("sorry ik druk op verzenden", "nee even opnieuw, ik tik te snel"), and the fragment is
too short for any recognizer. A run of at least four digits that is how a found number begins is
that number's beginning: it is redacted as the same type, wherever it stands in the message.
"""

from __future__ import annotations

import re

from redaction.findings import Finding

# Numbers a resident types in groups and may break off: the start of one stays personal data.
_RETYPED = frozenset({"PHONE_NUMBER", "NL_BSN", "IBAN_CODE", "ID_NUMBER"})
_MIN_DIGITS = 4
# Digit groups with single spaces, hyphens or dots between them, a "+" in front.
_RUN = re.compile(r"(?<![\w+.,-])\+?\d+(?:(?: ?[-–.] ?| )\d+)*(?![\w@])")
_NOT_ALNUM = re.compile(r"[\W_]")
_YEAR = re.compile(r"(?:19|20)\d{2}")


def with_false_starts(text: str, findings: list[Finding]) -> list[Finding]:
    """``findings`` (sorted, not overlapping) and the abandoned starts of the numbers among them."""
    values = [(f, _NOT_ALNUM.sub("", text[f.start:f.end]).upper())
              for f in findings if f.entity_type in _RETYPED]
    if not values:
        return findings
    added = []
    for run in _RUN.finditer(text):
        if any(f.start < run.end() and run.start() < f.end for f in findings):
            continue
        digits = _NOT_ALNUM.sub("", run.group())
        if len(digits) < _MIN_DIGITS or _YEAR.fullmatch(digits):
            continue  # a year opens many a case number ("2026/DW/048812"): it stays
        begun = next((f for f, value in values
                      if len(digits) < len(value) and value.startswith(digits)), None)
        if begun is not None:
            added.append(Finding(begun.entity_type, run.start(), run.end(), begun.score))
    return sorted([*findings, *added], key=lambda f: f.start) if added else findings

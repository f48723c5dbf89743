"""A value corrected as it is typed: "tel 06-8432 1967 oh nee 1976", "postcode 3072 KB eh nee KD".

The recognizers find the value; the correction's tail ("1976", "KD") alone is no value, yet it
is part of the resident's number. A short run of digits or capitals right after a correction
word that follows a found value belongs to that value: the finding is extended over it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from redaction.findings import Finding
from redaction.wordlists import read_term_file

WORDS_FILE = Path(__file__).with_name("recognizers") / "data" / "correction_words.txt"
# Values whose tail a resident corrects; a name or an address is retyped whole.
CORRECTABLE = frozenset({"PHONE_NUMBER", "NL_BSN", "IBAN_CODE", "NL_POSTCODE", "ID_NUMBER",
                         "NL_LICENSE_PLATE", "DATE_TIME"})


@lru_cache(maxsize=1)
def _correction() -> re.Pattern[str]:
    words = sorted(read_term_file(WORDS_FILE), key=len, reverse=True)
    marker = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(
        rf"[\s,.]*(?:(?:{marker})\b[\s,.:!]*)+"  # "oh nee", "nee sorry,", "eh nee"
        r"(?:het\s+is\s+|dat\s+is\s+)?"
        r"(?P<tail>\d{1,6}(?:[\s.-]\d{1,6}){0,2}|[A-Z]{1,2}(?:\s?[A-Z])?)(?![\w@])"
        r"(?!\s*(?:euro|eur|%|procent|uur|u\b|jaar|keer|minuten|dagen|weken|maanden|kinderen))",
        re.IGNORECASE,
    )


def extend_corrections(text: str, findings: list[Finding]) -> list[Finding]:
    """``findings`` (sorted, not overlapping) with each corrected value's tail included."""
    extended: list[Finding] = []
    for index, found in enumerate(findings):
        if found.entity_type in CORRECTABLE:
            match = _correction().match(text, found.end)
            following = findings[index + 1].start if index + 1 < len(findings) else len(text)
            if match and match.end() <= following and _tail_fits(match["tail"]):
                found = replace(found, end=match.end("tail"))
        extended.append(found)
    return extended


def _tail_fits(tail: str) -> bool:
    """Digits, or one or two capital letters (a postcode's letters); not a lowercase word."""
    return any(ch.isdigit() for ch in tail) or tail.replace(" ", "").isupper()

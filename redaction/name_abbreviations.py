"""Abbreviated given names in front of a name: "Ma. Luisa Dela Cruz" (Maria), "Joh. de Vries"
(Johannes), "Md. Rahman" (Mohammed).

Letters, forms and residents from the Philippines, South Asia or an older Dutch generation write a
given name short with a full stop. The recognizers find the name after it, but the abbreviation is
part of the name: the finding is extended over it. Which abbreviations is data
(``recognizers/data/given_name_abbreviations.txt``); they count only capitalised, so "ma." for
Monday stays.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from redaction.findings import Finding
from redaction.wordlists import DATA_DIR, read_term_file

ABBREVIATIONS_FILE = DATA_DIR / "given_name_abbreviations.txt"
_WINDOW = 30  # characters before a name that may hold its abbreviated given names


@lru_cache(maxsize=1)
def _abbreviations_before() -> re.Pattern[str]:
    words = sorted(read_term_file(ABBREVIATIONS_FILE), key=len, reverse=True)
    one = rf"(?:{'|'.join(map(re.escape, words))})\.[^\S\n]*"
    return re.compile(rf"(?<![\w.])(?:{one})+$", re.IGNORECASE)


def extend_over_abbreviations(text: str, findings: list[Finding]) -> list[Finding]:
    """Each PERSON finding starts at the capitalised given-name abbreviations right before it."""
    pattern = _abbreviations_before()
    extended = []
    for finding in findings:
        if finding.entity_type == "PERSON":
            match = pattern.search(text, max(0, finding.start - _WINDOW), finding.start)
            if match and text[match.start()].isupper():
                finding = replace(finding, start=match.start())
        extended.append(finding)
    return extended

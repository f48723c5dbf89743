"""A value corrected as it is typed: "tel 06-8432 1967 oh nee 1976", "postcode 3072 KB eh nee KD",
"bsn 559308281 oh nee 559308280", "piet@gmail.com nee hotmail.com".

The recognizers find the value; the correction's tail ("1976", "KD", "hotmail.com") alone is no
value, yet it is part of the resident's number. A short run of digits or capitals (a domain for
an e-mail address) right after a correction word that follows a found value belongs to that
value: the finding is extended over it. When the correction is a whole value again, found by a
recognizer of a correctable type, the two are one corrected value and become one finding,
correction words included - nothing of either survives, and the conversation gets one
placeholder for the one number the resident meant. A false start too short to be a value
("06-2354 nee wacht 06-2345 7781") joins the value it begins.
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
                         "NL_LICENSE_PLATE", "DATE_TIME", "EMAIL_ADDRESS"})
_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)+")


@lru_cache(maxsize=1)
def correction_marker() -> str:
    """What stands between a value and its correction: "oh nee", "nee sorry,", "... no wait,"."""
    words = sorted(read_term_file(WORDS_FILE), key=len, reverse=True)
    marker = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    # "oh nee", "nee sorry,", "eh nee", "... no wait,"; then "het is", "eindigt op"
    return (
        rf"[\s,.…]*(?:(?:{marker})\b[\s,.:!…]*)+"
        r"(?:het\s+is\s+|dat\s+is\s+|it\s+is\s+|(?:het\s+)?eindigt\s+(?:op|met)\s+"
        r"|(?:it\s+)?ends\s+(?:in|with)\s+)?"
    )


@lru_cache(maxsize=1)
def _correction() -> re.Pattern[str]:
    return re.compile(
        correction_marker()
        + r"(?P<tail>\d{1,6}(?:[\s.-]\d{1,6}){0,2}|[A-Z]{1,2}(?:\s?[A-Z])?)(?![\w@])"
        r"(?!\s*(?:euro|eur|%|procent|uur|u\b|jaar|keer|minuten|dagen|weken|maanden|kinderen))",
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _correction_only() -> re.Pattern[str]:
    return re.compile(correction_marker(), re.IGNORECASE)


def extend_corrections(text: str, findings: list[Finding]) -> list[Finding]:
    """``findings`` (sorted, not overlapping) with each corrected value's tail included, and a
    value and its corrected retyping merged into one finding."""
    extended: list[Finding] = []
    for index, found in enumerate(findings):
        if extended and _corrects(text, extended[-1], found):
            extended[-1] = replace(extended[-1], end=found.end)
            continue
        if found.entity_type in CORRECTABLE:
            start = _false_start(text, found, extended[-1].end if extended else 0)
            if start is not None:
                found = replace(found, start=start)
        if found.entity_type in CORRECTABLE:
            following = findings[index + 1].start if index + 1 < len(findings) else len(text)
            end = _tail_end(text, found, following)
            if end is not None:
                found = replace(found, end=end)
        extended.append(found)
    return extended


def _corrects(text: str, before: Finding, found: Finding) -> bool:
    """ "0641582739 nee sorry 0641582793": ``found`` retypes the value ``before`` after a
    correction word (both of a correctable type)."""
    domain_of_email = before.entity_type == "EMAIL_ADDRESS" and found.entity_type == "URL"
    if before.entity_type not in CORRECTABLE or (found.entity_type not in CORRECTABLE
                                                 and not domain_of_email):
        return False
    between = _correction_only().match(text, before.end)
    return between is not None and between.end() == found.start and found.start > before.end


@lru_cache(maxsize=1)
def _false_start_re() -> re.Pattern[str]:
    return re.compile(
        r"(?<![\w.,+-])(?P<part>(?:\+|[A-Z]{2}\d{2}[ .-]?(?:[A-Z]{4}[ .-]?)?)?\d[\d .-]*\d)"
        + correction_marker() + r"\Z", re.IGNORECASE
    )


def _false_start(text: str, found: Finding, previous_end: int) -> int | None:
    """ "06-2354 nee wacht 06-2345 7781", "040 - 2118, nee wacht, 040 - ...", "NL11 INGB 0038
    nee, NL11 INGB 3803 0739 72": the start of a number typed wrong and begun again after a
    correction word. The broken-off part is too short for any recognizer, but it is the start of
    the same number (same first two characters), so the finding begins there."""
    match = _false_start_re().search(text, previous_end, found.start)
    if match is None or match.end() != found.start:
        return None
    part = re.sub(r"[\W_]", "", match["part"]).upper()
    value = re.sub(r"[\W_]", "", text[found.start:found.end]).upper()
    if len(part) >= 2 and len(part) <= len(value) and part[:2] == value[:2]:
        return match.start("part")
    return None


def _tail_end(text: str, found: Finding, following: int) -> int | None:
    """Where the corrected tail after ``found`` ends, if one follows (before ``following``)."""
    if found.entity_type == "EMAIL_ADDRESS":  # "piet@gmail.com nee hotmail.com"
        between = _correction_only().match(text, found.end)
        domain = _DOMAIN.match(text, between.end()) if between else None
        if domain and between.end() > found.end and domain.end() <= following:
            return domain.end()
        return None
    match = _correction().match(text, found.end)
    if match and match.end() <= following and _tail_fits(match["tail"]):
        return match.end("tail")
    return None


def _tail_fits(tail: str) -> bool:
    """Digits, or one or two capital letters (a postcode's letters); not a lowercase word."""
    return any(ch.isdigit() for ch in tail) or tail.replace(" ", "").isupper()

"""Dates written with ordinals, as people say a date of birth: "de vierde van de zesde,
negentien zevenentachtig", "de 8e van de 11e 1990", "de twaalfde mei '64", "the fourth of June".

No date pattern sees a day or a month written as an ordinal. This pass of the recognizers' view
rewrites such a date to the numeric form the date recognizer reads ("4-6-1987", "12 mei 64"),
every produced character mapping to the whole original date, so the finding covers it all.
Whether the date is a date of birth stays the date recognizer's decision (its context words and
``_date_purpose``): "op de derde van de vierde heb ik een afspraak" is rewritten, not redacted.
"""

from __future__ import annotations

from functools import lru_cache

import regex as re

from redaction.number_words import fold, number_word_value
from redaction.wordlists import DATA_DIR, read_term_file

_WORD = r"[^\W\d_]+(?:-[^\W\d_]+)*"
# "4e", "12de", "1ste", "3rd", "21st": an ordinal in digits.
_DIGIT_ORDINAL = re.compile(r"(?P<n>\d{1,2})(?:e|de|ste|st|nd|rd|th)", re.IGNORECASE)
_DATE = re.compile(
    rf"(?<![\w-])(?P<day>{_WORD}|\d{{1,2}}[a-z]{{1,3}})"
    r"(?:\s+(?P<of>van(?:\s+de)?|of(?:\s+the)?))?"
    rf"\s+(?P<month>{_WORD}|\d{{1,2}}[a-z]{{1,3}})(?![\w-])"
    rf"(?:(?P<gap>\s*,?\s+|\s*,\s*)(?P<year>['’]\d{{2}}(?!\w)|(?:19|20)\d{{2}}(?!\w)"
    rf"|{_WORD}(?:[ -]{_WORD})?))?",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _month_names() -> frozenset[str]:
    """Month names and abbreviations in the languages residents write (date_month_names.txt)."""
    return frozenset(fold(m).rstrip(".") for m in read_term_file(DATA_DIR / "date_month_names.txt"))


@lru_cache(maxsize=1)
def _irregular() -> dict[str, int]:
    lines = read_term_file(DATA_DIR / "ordinal_words.txt")
    return {word: int(value) for word, value in (line.split() for line in lines)}


def ordinal_value(word: str) -> int | None:
    """1-31 for an ordinal ("vierde", "achtste", "eenentwintigste", "3e", "fourth"), else None."""
    digits = _DIGIT_ORDINAL.fullmatch(word)
    if digits:
        value = int(digits["n"])
        return value if 1 <= value <= 31 else None
    folded = fold(word).replace("-", "")
    value = _irregular().get(folded)
    for suffix in ("ste", "de"):
        if value is None and folded.endswith(suffix) and len(folded) > len(suffix) + 2:
            value = number_word_value(folded[: -len(suffix)])
    return value if value is not None and 1 <= value <= 31 else None


def _year_value(text: str) -> str | None:
    """ "1987", "'87", "negentien zevenentachtig", "negentienhonderdnegentig" → digits."""
    if text[0] in "'’" or text.isdigit():
        return text.lstrip("'’") if not text.isdigit() else text
    words = re.split(r"[ -]", text)
    values = [number_word_value(w) for w in words]
    if any(v is None for v in values):
        return None
    if len(values) == 1:
        year = values[0]
    elif values[0] in (19, 20) and 0 <= values[1] < 100:  # "negentien zevenentachtig"
        year = values[0] * 100 + values[1]
    elif values[0] in (1900, 2000) and 0 < values[1] < 100:  # "negentienhonderd negentig"
        year = values[0] + values[1]
    else:
        return None
    if 1900 <= year <= 2099:
        return str(year)
    return str(year) if 10 <= year < 100 else None  # "zevenentachtig"; not "een afspraak"


def _year(match: re.Match[str]) -> tuple[str | None, int]:
    """The year after the month (its digits) and where the date ends; a second word that is
    no part of the year stays out ("zevenentachtig geboren")."""
    if match["year"] is None:
        return None, match.end("month")
    year = _year_value(match["year"])
    if year is not None:
        return year, match.end()
    first = re.match(_WORD, match["year"])
    if first is not None and first.end() < len(match["year"]):
        year = _year_value(first.group())
        if year is not None:
            return year, match.start("year") + first.end()
    return None, match.end("month")


def ordinal_date_edits(text: str) -> list[tuple[int, int, str]]:
    """(start, end, replacement) for each ordinal date in ``text``: day and month numeric
    ("de vierde van de zesde" → "4-6"), a month name kept ("vierde mei" → "4 mei"), a year
    in words or digits appended when it follows."""
    edits: list[tuple[int, int, str]] = []
    position = 0
    while (match := _DATE.search(text, position)) is not None:
        position = match.start() + 1
        day = ordinal_value(match["day"])
        if day is None or (edits and match.start() < edits[-1][1]):
            continue
        month_word = match["month"]
        month = ordinal_value(month_word)
        is_name = fold(month_word).rstrip(".") in _month_names()
        if month is None and not is_name:
            continue
        if month is not None and (month > 12 or not match["of"]):
            continue  # "de derde vierde": two ordinals need "van de" between them
        year, end = _year(match)
        if month is not None:
            value = f"{day}-{month}" + (f"-{year}" if year else "")
        else:
            value = f"{day} {month_word}" + (f" {year}" if year else "")
        edits.append((match.start(), end, value))
        position = end
    return edits

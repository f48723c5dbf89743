"""Addresses as residents write them in English: the house number before the street ("12
Kerkstraat", "45B Oudegracht", "at 21 Hoofdweg") and a flat or floor beside it ("flat 3, 12
Kerkstraat", "Rijnlaan 210, apt 14", "Kerkstraat 12, 2nd floor", "room 412").

The street must still be Dutch: a word with a street suffix or a street on deduce's list, so
"3 Kids", "12 May" and "2 Bedrooms" stay as they are.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import regex as re

# A number (with a letter) and up to four capitalised words or name particles after it, on one
# line; not a postcode's digits ("9718 AJ Groningen\nVordering" is no "12 Kerkstraat").
_NUMBER_FIRST = re.compile(
    r"(?<![\w.,/:+-])(?P<number>[1-9]\d{0,4}[a-zA-Z]?)[^\S\n]+(?!(?-i:[A-Z]{2})\b)"
    r"(?P<street>[^\W\d_][\w'’-]*"
    r"(?:[^\S\n]+(?:van|de|der|den|het|op|aan|[^\W\d_][\w'’-]*)){0,4})"
)
# "flat 3", "apt 14", "apt. 2B", "room 412", "unit 5", "2nd floor", "ground floor".
_UNIT = (
    r"(?:(?:flat|apt\.?|apartment|unit|room|suite|app\.?)\s*#?\d{1,4}[a-zA-Z]?"
    r"|\d{1,2}(?:st|nd|rd|th)\s+floor|(?:ground|first|second|third|top)\s+floor)"
)
_UNIT_AFTER = re.compile(r",?\s*" + _UNIT + r"(?!\w)", re.IGNORECASE)
_UNIT_BEFORE = re.compile(r"(?<!\w)" + _UNIT + r"\s*,?\s*$", re.IGNORECASE)


def number_first_streets(
    text: str, is_street: Callable[[list[str]], bool]
) -> Iterator[tuple[int, int]]:
    """Spans of "12 Kerkstraat": the number and the longest run of words after it that
    ``is_street`` accepts (the words of the street, in order)."""
    for match in _NUMBER_FIRST.finditer(text):
        words = list(re.finditer(r"\S+", match.group("street")))
        for size in range(len(words), 0, -1):
            parts = [w.group().rstrip(",.;:!?") for w in words[:size]]
            if parts[0][:1].isupper() and is_street(parts):
                end = match.start("street") + words[size - 1].start() + len(parts[-1])
                yield match.start(), end
                break


def with_units(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen an address over a flat, apartment, room or floor right before or after it."""
    after = _UNIT_AFTER.match(text, end)
    if after:
        end = after.end()
    before = _UNIT_BEFORE.search(text[max(0, start - 30) : start])
    if before:
        start = max(0, start - 30) + before.start()
    return start, end

"""Where a place is named: after "in", "uit", "naar" ... a town, also one of several words.

Shared by both person recognizers: a place after such a preposition is where someone lives or goes,
not a person ("nu in Almere Poort", "woont in Sas van Gent", "uit Bergen op Zoom").
"""

from __future__ import annotations

import regex as re

PLACE_PREPOSITION_BEFORE = re.compile(
    r"(?:^|\s)(?:in|bij|naar|uit|rond|richting|buiten|vanuit|from|to|near|at)\s+$", re.IGNORECASE
)
# A preposition, then two to four words of which the first is capitalised and no article or
# interfix: a candidate place. Not "bij" ("ik was bij De Haan": at someone's) and not a place
# that opens like a surname ("in De Horst" is found as before).
_PLACE_AFTER_PREPOSITION = re.compile(
    r"(?<![\w-])(?i:in|naar|uit|rond|richting|buiten|vanuit|te)\s+"
    r"(?!(?i:de|den|der|het|ter|ten|van|la|le|el|al)\s)"
    r"(?P<words>\p{Lu}[\w'’-]*(?:[ \t]+[\w'’-]+){1,3})"
)
_WORD = re.compile(r"[\w'’-]+")


def multiword_place_spans(text: str, places: frozenset[str]) -> list[tuple[int, int]]:
    """Spans of listed places of two to four words right after a place preposition, longest
    first: "in Almere Poort" gives "Almere Poort", though "Poort" alone is a surname."""
    spans = []
    for match in _PLACE_AFTER_PREPOSITION.finditer(text, overlapped=True):
        words = list(_WORD.finditer(text, match.start("words"), match.end("words")))
        for size in range(len(words), 1, -1):
            if " ".join(w.group().lower() for w in words[:size]) in places:
                spans.append((words[0].start(), words[size - 1].end()))
                break
    return spans


def inside_any(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """``start``-``end`` lies within one of ``spans``."""
    return any(s <= start and end <= e for s, e in spans)

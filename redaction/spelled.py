"""Values spelled out character by character or in words: spaced-out runs and e-mail.

"0 6 1 2 3 4 5 6 7 8", "S a n n e", "M.o.h.a.m.e.d", "p e t r a @ g m a i l . c o m",
"petra at gmail punt com": rewrites of the view (start, end, replacement), made by
``redaction/disguises.py``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import regex

from redaction.wordlists import read_term_file

_DATA = Path(__file__).with_name("recognizers") / "data"

# Five or more single characters, each separated by one space: "S a n n e", "0 6 1 2 3 4",
# "p e t r a @ …"; two or three spaces inside are the gap between two words ("d e  V r i e s",
# "M a r i e k e   d e   W i t"); a comma or full stop may follow the last one ("K o l k m a n,
# niet Kalkman").
_SPACED = re.compile(r"(?<!\S)\S(?: {1,3}\S){4,}(?![^\s,.;:!?)])")
# ... or by one other separator, the same throughout: "M.o.h.a.m.e.d", "2-6-9-4-5-7-2-4-0",
# "s-a-n-n-e-…" (letters and digits only; longer words may follow: "…-e-s-at-hotmail").
_JOINED = re.compile(r"(?<![^\W_])[^\W_]([.\-/])[^\W_](?:\1[^\W_]){3,}(?![^\W_])")
_SPACED_MIN_ALNUM = 5
_SHORT_RUN = 11  # five characters and four spaces ("S a n n e"); shorter runs need a capital
# Symbols typed between the digits or letters of a value: "06 🔥 53 🔥 71", "4*6*7*4",
# "A🌸N🌸O🌸U🌸K", "😅 830 😅 451" (emoji, dingbats, "*", "•", "·"; not "+", "#", "<", "=").
_SYMBOL_GAP = regex.compile(
    r"(?<=(?<![^\W_])(?:\d+|[^\W\d_]))"  # after a digit group or a single letter ...
    r" *(?:[\p{So}\p{Sk}*•·] *)+"
    r"(?=(?:\d+|[^\W\d_])(?![^\W_]))"  # ... before one
)

# "at", "(at)", "[at]", "{at}", "(a)", "apenstaartje", "at-teken", "@" or " @ " (not "x @y") …
_EMAIL_HINTS = ("at", "(a)", "[a]", "{a}", "<a>", "apenstaartje", "apestaartje", "@", "bij")
_EMAIL_AT = re.compile(
    r"(?:\s+(?:at|apenstaartje|apestaartje|at-teken|at\ teken|bij)\s+"
    r"|\s*[(\[{<]\s*(?:at|a|@|apenstaartje)\s*[)\]}>]\s*|\ @\ |\n\ ?@|@\ ?\n|@"
    r"|-(?:at|apenstaartje)-)",  # "s-a-n-n-e-at-hotmail-punt-com", the joined run of spelled.py
    re.IGNORECASE,
)
# "bij" is an at only in an address spelled out whole ("tamara bij gmail punt com"), never in
# "kijk bij wijzeringeldzaken.nl".
_AT_ONLY_SPELLED = "bij"
# ... and "punt", "dot", "(punt)", "[dot]", "(.)", "." or " . "
_EMAIL_DOT = re.compile(
    r"(?:\s+(?:punt|dot)\s+|-(?:punt|dot)-|\s*[(\[{<]\s*(?:punt|dot|\.)\s*[)\]}>]\s*|\ \.\ |\.)",
    re.IGNORECASE,
)


# In a spoken local part: "underscore" is "_", and the space after a tussenvoegsel goes
# ("pietje punt de boer apenstaartje hotmail punt com", "alles aan elkaar").
_EMAIL_UNDERSCORE = regex.compile(r"\s+(?:underscore|liggend streepje)\s+", regex.IGNORECASE)
_TUSSENVOEGSEL_SPACE = regex.compile(
    r"(?<=(?<![\w.])(?:de|van|der|den|ter|ten|la|le|el|al))\s(?=\w)",
    regex.IGNORECASE)
# A tussenvoegsel opening the local part of an address typed with a plain "@": the sentence's
# word, not the address's ("een mail van b.boer@ziggo.nl"); only a spoken address is joined.
_LEADING_TUSSENVOEGSEL = regex.compile(r"(?:de|van|der|den|ter|ten|la|le|el|al)\s+(?=\w)",
                                       regex.IGNORECASE)


@lru_cache(maxsize=1)
def _email_pattern() -> regex.Pattern[str]:
    words = read_term_file(_DATA / "email_tlds.txt")
    tlds = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    part = r"[^\W_](?:[\w+-]*[^\W_])?"
    at, dot = _EMAIL_AT.pattern, _EMAIL_DOT.pattern
    joins = (rf"[._]|\ \.\ |\s+(?:punt|dot|underscore|liggend streepje)\s+"  # " . ": "h . de wit"
             rf"|{_TUSSENVOEGSEL_SPACE.pattern}")
    return regex.compile(
        rf"(?<![\w.@+-]){part}(?:(?:{joins}){part})*"  # local part
        rf"{at}{part}(?:{dot}{part})*?{dot}(?:{tlds})(?![\w@])",
        regex.IGNORECASE,
    )


def symbol_gap_edits(text: str) -> list[tuple[int, int, str]]:
    """Symbols (and the spaces around them) between digit groups or single letters → " "."""
    if text.isascii() and "*" not in text:
        return []
    return [(m.start(), m.end(), " ") for m in _SYMBOL_GAP.finditer(text)]


def spaced_edits(text: str) -> list[tuple[int, int, str]]:
    """The separators inside a run of five or more single characters go ("S a n n e" → "Sanne",
    "M.o.h.a.m.e.d" → "Mohamed"); two or three spaces in a spaced run become one ("de Vries")."""
    edits: list[tuple[int, int, str]] = []
    if " " in text:
        for match in _SPACED.finditer(text):
            if sum(c.isalnum() for c in match.group()) < _SPACED_MIN_ALNUM or (
                len(match.group()) < _SHORT_RUN and not match.group()[0].isupper()
            ):
                continue  # five letters need a name's capital: "S a n n e", not "j a a a a"
            position = match.start() + 1
            while position < match.end():
                gap = len(text[position:match.end()]) - len(text[position:match.end()].lstrip(" "))
                edits.append((position, position + gap, " " if gap > 1 else ""))
                position += gap + 1
    for match in _JOINED.finditer(text):
        if all(match.start() >= end or match.end() <= start for start, end, _ in edits):
            edits += [(i, i + 1, "") for i in range(match.start() + 1, match.end(), 2)]
    return sorted(edits)


def email_edits(text: str) -> list[tuple[int, int, str]]:
    """ "petra at gmail punt com", "petra (at) hotmail dot nl" → "petra@gmail.com" …"""
    lowered = text.casefold() if text.isascii() else text.lower()
    if not any(w in lowered for w in _EMAIL_HINTS):
        return []
    edits: list[tuple[int, int, str]] = []
    for match in _email_pattern().finditer(text):
        at = _EMAIL_AT.search(text, match.start(), match.end())
        if at is None:
            continue
        if at.group().strip().casefold() == _AT_ONLY_SPELLED and not any(
            dot.group() != "." for dot in _EMAIL_DOT.finditer(text, at.end(), match.end())
        ):
            continue
        local = match.start()
        while at.group() == "@" and (lead := _LEADING_TUSSENVOEGSEL.match(text, local, at.start())):
            local = lead.end()
        edits += [(m.start(), m.end(), "_")
                  for m in _EMAIL_UNDERSCORE.finditer(text, local, at.start())]
        edits += [(m.start(), m.end(), "")
                  for m in _TUSSENVOEGSEL_SPACE.finditer(text, local, at.start())]
        for separator, sign, start, end in (("dot", ".", local, at.start()),
                                            ("at", "@", at.start(), at.end()),
                                            ("dot", ".", at.end(), match.end())):
            if separator == "at":
                if text[start:end] != "@":
                    edits.append((start, end, "@"))
                continue
            for dot in _EMAIL_DOT.finditer(text, start, end):
                if dot.group() != ".":
                    edits.append((dot.start(), dot.end(), sign))
    return sorted(edits)


"""Values spelled out character by character or in words: spaced-out runs and e-mail.

"0 6 1 2 3 4 5 6 7 8", "S a n n e", "M.o.h.a.m.e.d", "p e t r a @ g m a i l . c o m",
"petra at gmail punt com": rewrites of the view (start, end, replacement), made by
``redaction/disguises.py``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from redaction.wordlists import read_term_file

_DATA = Path(__file__).with_name("recognizers") / "data"

# Six or more single characters, each separated by one space: "0 6 1 2 3 4", "p e t r a @ …".
_SPACED = re.compile(r"(?<!\S)\S(?: \S){5,}(?!\S)")
_SPACED_MIN_ALNUM = 5

# "at", "(at)", "[at]", "{at}", "(a)", "apenstaartje", "at-teken", "@" or " @ " (not "x @y") …
_EMAIL_HINTS = ("at", "(a)", "[a]", "{a}", "<a>", "apenstaartje", "apestaartje", "@")
_EMAIL_AT = re.compile(
    r"(?:\s+(?:at|apenstaartje|apestaartje|at-teken|at\ teken)\s+"
    r"|\s*[(\[{<]\s*(?:at|a|@|apenstaartje)\s*[)\]}>]\s*|\ @\ |@)",
    re.IGNORECASE,
)
# ... and "punt", "dot", "(punt)", "[dot]", "(.)", "." or " . "
_EMAIL_DOT = re.compile(
    r"(?:\s+(?:punt|dot)\s+|\s*[(\[{<]\s*(?:punt|dot|\.)\s*[)\]}>]\s*|\ \.\ |\.)",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _email_pattern() -> re.Pattern[str]:
    words = read_term_file(_DATA / "email_tlds.txt")
    tlds = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    part = r"[^\W_](?:[\w+-]*[^\W_])?"
    at, dot = _EMAIL_AT.pattern, _EMAIL_DOT.pattern
    return re.compile(
        rf"(?<![\w.@+-]){part}(?:(?:[._]|\s+(?:punt|dot)\s+){part})*"  # local part
        rf"{at}{part}(?:{dot}{part})*?{dot}(?:{tlds})(?![\w@])",
        re.IGNORECASE,
    )


def spaced_edits(text: str) -> list[tuple[int, int, str]]:
    """The spaces inside a run of six or more single characters ("0 6 1 2 3 4 5 6") go."""
    if " " not in text:
        return []
    edits: list[tuple[int, int, str]] = []
    for match in _SPACED.finditer(text):
        if sum(c.isalnum() for c in match.group()) < _SPACED_MIN_ALNUM:
            continue
        edits += [(i, i + 1, "") for i in range(match.start() + 1, match.end(), 2)]
    return edits




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
        for separator, sign, start, end in (("dot", ".", match.start(), at.start()),
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


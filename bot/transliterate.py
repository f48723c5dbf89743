"""Messages in Latin letters for languages with a script of their own.

Residents type Russian, Ukrainian, Tigrinya, Arabic and Farsi in Latin letters on a phone without
their keyboard ("ne khochu zhit", "hagez yedliyeni", "mikham khodkoshi konam"); the blind language
sets held few such messages, so the learned checks saw too few of them to learn from. Every
message in its own script is also given to them transliterated (anyascii: a table per script,
offline) - the same words in the letters residents use.
"""

from __future__ import annotations

import re

from anyascii import anyascii

# Languages whose residents write in a script of their own or, as often, in Latin letters.
OWN_SCRIPT_LANGUAGES = frozenset({"ar", "fa", "ru", "uk", "ti"})
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_MARKS = re.compile(r"['`’ʼ]")  # residents leave out the apostrophes of soft signs and glottals


def latin_script(text: str) -> bool:
    """Mostly Latin letters (or no letters at all)."""
    letters = [ch for ch in text if ch.isalpha()]
    return not letters or sum(bool(_LATIN.match(ch)) for ch in letters) / len(letters) >= 0.5


def romanise(text: str) -> str:
    """The message in Latin letters, lower case: "не хочу жить" → "ne khochu zhit"."""
    return _MARKS.sub("", anyascii(text)).lower()

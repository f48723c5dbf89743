"""The project's own word lists and the accent fold they are compared with.

A leaf (it imports nothing of the project), so the lexicon, the redactor and the normalised view
read lists and fold accents the same way without importing each other.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

DATA_DIR = Path(__file__).with_name("recognizers") / "data"
CHAT_WORDS_FILE = DATA_DIR / "chat_words.txt"


def read_term_file(path: Path) -> frozenset[str]:
    """One term per line, lowercased; '#' starts a comment."""
    return frozenset(
        line.split("#", 1)[0].strip().lower()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.split("#", 1)[0].strip()
    )


def fold_accents(word: str) -> str:
    """ "privé" -> "prive": residents on a phone or a foreign keyboard rarely type the accent."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))

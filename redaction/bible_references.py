"""A Bible reference is no person: "Jeremia 29 vers 11 houdt me op de been", "Johannes 3:16".

Residents of the Bible belt quote chapter and verse; many books bear a person's name (Jeremia,
Johannes, Lucas, Ruth), which both person recognizers read as one. A book (``data/
bible_books.txt``) followed by a chapter and a verse is a reference; a book name with a number
alone stays a possible name ("Lucas 5 jaar", "Ruth 2").
"""

from __future__ import annotations

import re
from functools import lru_cache

from redaction.wordlists import DATA_DIR, fold_accents, read_term_file

# Chapter and verse after the book: "29 vers 11", "3:16", "13 : 4-7", "5, 12", "23 vs. 4".
_CHAPTER_AND_VERSE = re.compile(
    r"\s+\d{1,3}\s*(?::|,|\bvers\b|\bverzen\b|\bvs\b\.?|\bverse\b)\s*\d{1,3}(?!\d)", re.IGNORECASE
)


@lru_cache(maxsize=1)
def _books() -> frozenset[str]:
    return frozenset(fold_accents(b) for b in read_term_file(DATA_DIR / "bible_books.txt"))


def is_bible_reference(text: str, start: int, end: int) -> bool:
    """Whether the span ``text[start:end]`` is a Bible book right before chapter and verse."""
    book = fold_accents(text[start:end].strip().casefold())
    return book in _books() and _CHAPTER_AND_VERSE.match(text, end) is not None

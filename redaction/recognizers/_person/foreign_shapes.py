"""Name shapes the Dutch name lists do not cover: East Asian names of short syllables and
surnames with a glued apostrophe prefix.

"li wei", "zhang min", "nguyen van an", "park ji-woo": the syllables are short and often Dutch
words too ("li", "van", "ma", "do"), so after "ik ben" or "mijn naam is" the lists call them words
and the name leaks. Two or more syllables of ``data/east_asian_name_parts.txt`` in a row right
after a trigger are a name; one alone is not ("ik ben lang ziek"). "o'neil", "d'souza",
"n'diaye": no Dutch word has a letter, an apostrophe and three more letters.
"""

from __future__ import annotations

from functools import cache

import regex as re

from redaction.recognizers import _lexicon
from redaction.recognizers._person.tokens import _Tok
from redaction.wordlists import DATA_DIR, fold_accents, read_term_file

_APOSTROPHE_SURNAME = re.compile(r"(?:o|d|n|l|mc)['’]\p{L}{3,}", re.IGNORECASE)
# Vietnamese middle names that are Dutch function words: only between two syllables.
_MIDDLE_ONLY = frozenset({"van", "thi"})
_MAX_SYLLABLES = 4


@cache
def east_asian_name_parts() -> frozenset[str]:
    return read_term_file(DATA_DIR / "east_asian_name_parts.txt")


def apostrophe_surname(tok: _Tok) -> bool:
    """ "o'neil", "D’Souza", "n'diaye": a surname with a glued apostrophe prefix."""
    return _APOSTROPHE_SURNAME.fullmatch(tok.text) is not None


def _syllable(tok: _Tok) -> bool:
    parts = fold_accents(tok.low).split("-")  # "ji-woo", "thị" typed with its accent
    return all(p in east_asian_name_parts() for p in parts)


def east_asian_name_end(tokens: list[_Tok], index: int, naming: bool = False) -> int | None:
    """The last token of an East Asian name of two to four syllables starting at ``index``
    ("li wei", "nguyen van an"), or None. The first syllable is no Dutch function word ("ik ben
    ma ..."), except right after "mijn naam is", "ik heet" ("ma li", "do van ba") when the
    second one is none either, or anywhere before two more ("ik ben mei ling chen")."""
    head = tokens[index]
    if not head.is_word or head.low in _MIDDLE_ONLY or not _syllable(head):
        return None
    function_words = _lexicon.function_words()
    if head.low in function_words:
        following = tokens[index + 1:index + (2 if naming else 3)]
        if len(following) < (1 if naming else 2) or not all(
            _syllable(t) and (t.low not in function_words or t.low in _MIDDLE_ONLY)
            for t in following
        ):
            return None
    last = index
    position = index + 1
    while position < len(tokens) and position - index < _MAX_SYLLABLES:
        tok = tokens[position]
        if tok.start - tokens[position - 1].end != 1 or not tok.is_word or not _syllable(tok):
            break
        if tok.low in _MIDDLE_ONLY and not (
            position + 1 < len(tokens) and _syllable(tokens[position + 1])
            and tokens[position + 1].low not in _MIDDLE_ONLY
        ):
            break
        last = position
        position += 1
    if tokens[last].low in _MIDDLE_ONLY:
        last -= 1
    return last if last > index else None

"""A job said of someone is no name: "ik ben kok", "hij is de kok", "ik werk als Schilder".

Many occupations are Dutch surnames or first names too (Kok, Bakker, Visser, Smid), so the person
recognizers read the word alone as a name after "ik ben" or mid-sentence with a capital. This
filter looks at the words around a PERSON finding that is only such a word (with "de"/"een"):
after "ik ben"/"hij is" in lowercase, after "werk als"/"baan als" in any case, or before "van
beroep", "worden", "geworden" ("mijn zoon wil Bakker worden"). "Henk Kok", "meneer Bakker",
"Ik ben Kok" (capitalised: a name) stay names. The words are data
(``recognizers/data/occupation_words.txt``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from redaction.wordlists import DATA_DIR, read_term_file

_ARTICLE = re.compile(r"(?:de|een)\s+", re.IGNORECASE)
# Words that may stand between the verb and the job: "ik ben nu zelfstandig kok".
_BETWEEN = r"(?:(?:nu|al|zelf|ook|nog|gewoon|een|de|zelfstandig|zzp|parttime|fulltime)\s+)*"
# "ik ben", "hij is", "was ze", "mijn man is": the job as what someone is (lowercase only).
_IS_BEFORE = re.compile(
    rf"\b(?:ben|bent|is|was|waren|zijn|word|wordt|werd)\s+{_BETWEEN}$", re.IGNORECASE
)
# "ik werk als", "een baan als", "aan de slag als", "ervaring als": the job (any case).
_AS_BEFORE = re.compile(
    rf"\b(?:werk\w*|gewerkt|baan|job|slag|ervaring|stage|ingeschreven)\s+(?:\w+\s+){{0,2}}als\s+"
    rf"{_BETWEEN}$",
    re.IGNORECASE,
)
# "Visser van beroep", "wil Bakker worden", "is kok geworden".
_PROFESSION_AFTER = re.compile(r"\s+(?:van\s+beroep|worden|geworden)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def occupation_words() -> frozenset[str]:
    return read_term_file(DATA_DIR / "occupation_words.txt")


def is_occupation(text: str, start: int, end: int) -> bool:
    """Whether the PERSON finding ``text[start:end]`` is a job said of someone."""
    article = _ARTICLE.match(text, start, end)
    word = text[article.end() if article else start:end]
    if word.casefold() not in occupation_words():
        return False
    before = text[max(0, start - 60):start]
    if _AS_BEFORE.search(before) or _PROFESSION_AFTER.match(text, end):
        return True
    return word.islower() and _IS_BEFORE.search(before) is not None

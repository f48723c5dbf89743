"""A person-shaped name that names an organisation, a building or a street is no person.

Residents name schools, hospitals, funds, bailiffs and landlords after the person they were named
for: "het Prins Bernhard Cultuurfonds", "Vastgoed Hendriks BV", "Stichting Jan Klaassen", "the
Willem de Zwijgerschool", "de stoep van de Willem Barentszstraat". Both person recognizers read
the name alone; this filter looks at the words around it, for every PERSON finding at once. The
words are data (``recognizers/data/organisation_words.txt``); a lone name after "op het", "in het"
is a building or a school ("op het Piter Jelles") - people are never "het". A known street of two
words or more (deduce's list) found around the name is a street, also where the name is only part
of it ("aan de Boulevard de Ruyter") or where a person's name comes first ("mevr. Soekhoe van de
Paul Krugerlaan": only "Soekhoe" is the person).
"""

from __future__ import annotations

import re
from functools import lru_cache

from redaction.street_suffixes import STREET_SUFFIXES, STRONG_STREET_SUFFIXES
from redaction.wordlists import DATA_DIR, read_term_file

_WORD = re.compile(r"[^\W\d_][\w'’.&-]*")
# A particle between a first name and the rest of a building's name: "Willem de Zwijgerschool".
# Not "van": "Hanneke van de Anne Frankschool" is a person of the school.
_PARTICLES = frozenset("de der den ter ten te 't".split())
# Street endings no Dutch surname has (not "laan", "dijk", "weg", "kade", "steeg": Verlaan,
# Verdijk, Hoogeweg, Verkade, Versteeg are people).
_STREET_ENDINGS = ("straat", "plein", "gracht", "singel", "boulevard", "plantsoen")
# "op het", "in 't", or "Het" opening a sentence, right before the name.
_HET_BEFORE = re.compile(
    r"(?:(?:^|[.!?]\s+)het|\b(?:op|in|naar|van|bij|aan|uit|voor|met|via|door)\s+(?:het|'t))\s+$",
    re.IGNORECASE,
)
# A title or a name trigger right before a name: then it is a person's, whatever shop bears it.
_PERSON_BEFORE = re.compile(
    r"\b(?:meneer|mevrouw|mevr|mw|dhr|heer|juf|meester|ik\s+ben|heet|heten|naam\s+is|"
    r"mijn\s+\w+|onze\s+\w+|met)\.?\s+$",
    re.IGNORECASE,
)
_SAME_LINE_SPACE = re.compile(r"[ \t]+")
# A person of an organisation: "Hanneke van de Anne Frankschool", "Irene Mulder van de William
# Schrikker Stichting" - the name before the word stays a name.
_OF_WORDS = frozenset("van uit bij from of at".split())
# How far around a name a known street is looked for, and its longest name in words.
_STREET_REACH = 40
_STREET_MAX_WORDS = 6
# What joins a name to the street after it: "van de", "op de", "aan het", "uit de".
_STREET_LINKS = frozenset("van de der den het 't op aan in uit bij".split())


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], tuple[str, ...]]:
    terms = read_term_file(DATA_DIR / "organisation_words.txt")
    whole = frozenset(t for t in terms if not t.startswith("*"))
    endings = tuple(t[1:] for t in terms if t.startswith("*"))
    return whole, endings


def is_organisation_word(word: str) -> bool:
    """ "BV", "Kinderziekenhuis", "Gerechtsdeurwaarderskantoor": a word an organisation's name
    holds. Compound endings count only for a capitalised word longer than the ending."""
    whole, endings = _words()
    folded = word.casefold().rstrip(".,:;")
    if folded in whole:
        return True
    return word[:1].isupper() and any(
        folded.endswith(e) and len(folded) >= len(e) for e in endings
    )


def _is_street_word(word: str) -> bool:
    folded = word.casefold()
    return word[:1].isupper() and any(
        folded.endswith(e) and len(folded) > len(e) + 2 for e in _STREET_ENDINGS
    )


def _street_shaped(words: list[str]) -> bool:
    """A street's words: the last has a street ending and is no surname ("Cornelis Lelylaan",
    "Willem van Oranjelaan"; not "Piet Verlaan"), or the first is a street word ("Boulevard de
    Ruyter", "Laan van Meerdervoort")."""
    from redaction.recognizers import _lexicon  # the lists load with the recognizers

    last = words[-1].casefold()
    if last.endswith(STRONG_STREET_SUFFIXES + ("haven",)) and last not in _lexicon.surnames():
        return True
    return words[0][:1].isupper() and words[0].casefold() in STREET_SUFFIXES


def _listed_street_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A known street of two words or more, on the span's line, that holds a word of the span:
    "aan de Boulevard de Ruyter" around "Ruyter", "Op de Paul Krugerlaan", "mevr. Soekhoe van de
    Paul Krugerlaan" (the street starts inside the span). The widest such street, or None."""
    from redaction.recognizers import _lexicon

    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    window = (max(line_start, start - _STREET_REACH),
              min(line_end if line_end >= 0 else len(text), end + _STREET_REACH))
    words = [(w.start(), w.group().rstrip(".,:;")) for w in _WORD.finditer(text, *window)]
    best: tuple[int, int] | None = None
    for first in range(len(words)):
        for last in range(first + 1, min(first + _STREET_MAX_WORDS, len(words))):
            span = (words[first][0], words[last][0] + len(words[last][1]))
            if span[0] >= end or span[1] <= start:
                continue
            names = [word for _, word in words[first:last + 1]]
            if (" ".join(names).casefold() in _lexicon.street_names() and _street_shaped(names)
                    and (best is None or span[1] - span[0] > best[1] - best[0])):
                best = span
    return best


def _name_before_street(text: str, start: int, street_start: int) -> tuple[int, int] | None:
    """ "Soekhoe van de Paul Krugerlaan" -> "Soekhoe": the words before the street, without the
    "van de", "op de" that join them to it; None when only such words are left ("Op de")."""
    words = list(_WORD.finditer(text, start, street_start))
    while words and words[-1].group().casefold() in _STREET_LINKS:
        words.pop()
    if not words or all(w.group().casefold() in _STREET_LINKS for w in words):
        return None
    return start, words[-1].end()


@lru_cache(maxsize=1)
def _named() -> tuple[frozenset[str], int]:
    from redaction.recognizers._organisation_lists import care_organisations  # with the lists

    names = read_term_file(DATA_DIR / "named_organisations.txt") | care_organisations()
    folded = frozenset(" ".join(_WORD.findall(n)) for n in names)
    return folded, max(len(n.split()) for n in folded)


def _inside_named(text: str, start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in named_organisation_spans(text))


@lru_cache(maxsize=64)
def named_organisation_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where ``text`` names a listed shop chain, hospital or care organisation
    (data/named_organisations.txt and deduce's lists) - not right after a title or a name
    trigger ("mevrouw Linders", "ik ben Jan Linders": a person of that name)."""
    names, longest = _named()
    words = list(_WORD.finditer(text))
    lowered = [w.group().casefold() for w in words]
    spans = []
    for first in range(len(words)):
        for size in range(min(longest, len(words) - first), 0, -1):
            if " ".join(lowered[first:first + size]) in names:
                if not _PERSON_BEFORE.search(text, 0, words[first].start()):
                    spans.append((words[first].start(), words[first + size - 1].end()))
                break
    return tuple(spans)


def _words_after(text: str, end: int, limit: int = 3) -> list[str]:
    """The words after ``end`` on the same line, separated by spaces only."""
    words: list[str] = []
    cursor = end
    while len(words) < limit:
        gap = _SAME_LINE_SPACE.match(text, cursor)
        if gap is None:
            break
        word = _WORD.match(text, gap.end())
        if word is None:
            break
        words.append(word.group())
        cursor = word.end()
    return words


def person_part(text: str, start: int, end: int) -> tuple[int, int] | None:
    """What is left of the person-shaped span ``text[start:end]`` as a person's name: all of it,
    the name before "van/uit/from" when the rest names an organisation ("Juf Hanneke van de Anne
    Frankschool"), or None when the span is an organisation's, a building's or a street's name."""
    if not names_an_organisation(text, start, end):
        return start, end
    street = _listed_street_span(text, start, end)
    if street is not None:
        name = None if street[0] <= start else _name_before_street(text, start, street[0])
        return None if name is None else person_part(text, *name)  # "Toko Lie op de ...straat"
    if (_HET_BEFORE.search(text[max(0, start - 20):start]) or _inside_named(text, start, end)
            or _organisation_word_before(text, start)):
        return None  # "op het Wolfert van Borselen", "Dirk van den Broek", "Bakkerij Hendriks
        # bij de Haven": the organisation's name, "van" or "bij" and all
    words = list(_WORD.finditer(text, start, end))
    for index, word in enumerate(words[1:], start=1):
        if word.group().casefold() in _OF_WORDS:
            return start, words[index - 1].end()
    return None


def names_an_organisation(text: str, start: int, end: int) -> bool:
    """Whether the person-shaped span ``text[start:end]`` is (part of) an organisation's,
    a building's or a street's name (see the module docstring)."""
    inside = _WORD.findall(text, start, end)
    if not inside:
        return False
    if _inside_named(text, start, end):
        return True  # "bij Dirk van den Broek", "Ipse de Bruggen", "Zuyderland"
    if any(map(is_organisation_word, inside)) or _is_street_word(inside[-1]):
        return True
    if _listed_street_span(text, start, end) is not None:
        return True  # "aan de Pieter Calandlaan", "de Boulevard de Ruyter": a known street
    after = _words_after(text, end)
    if len(after) > 1 and after[0].casefold() in _PARTICLES and _is_street_word(after[1]):
        return True  # "Pieter de Hoochplein" read as "Pieter" and a street
    for word in after:  # the rest of the name, then its head: "Gerrit Rietveld Academie"
        if not word[:1].isupper() and word.casefold() not in _PARTICLES:
            break
        if word[:1].isupper() and is_organisation_word(word):
            return True
    if _organisation_word_before(text, start):
        return True
    return bool(_HET_BEFORE.search(text[max(0, start - 20):start]))


def _organisation_word_before(text: str, start: int) -> bool:
    """ "Kapsalon Yılmaz", "Stichting Jan Klaassen": a capitalised organisation word right
    before the name."""
    before = _WORD.findall(text[max(0, start - 40):start])
    gap = text[max(0, start - 1):start]
    return bool(before) and gap == " " and before[-1][:1].isupper() and is_organisation_word(
        before[-1])

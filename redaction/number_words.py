"""Dutch, Frisian (and English digit) number words and their values, from recognizers/data.

Used by the disguised-values pass (``redaction/disguises.py``) to read "nul zes twaalf
vierendertig", "negentienachtentachtig" or "dubbel vier" as digits; the word lists are data
(``number_words.txt``, ``month_words.txt``, ``letter_words.txt``), compounds are built here.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from redaction.wordlists import fold_accents, read_term_file

_DATA = Path(__file__).with_name("recognizers") / "data"


def _word_list(name: str) -> frozenset[str]:
    return read_term_file(_DATA / name)


def _number_word_lines() -> list[tuple[str, str]]:
    return [tuple(line.split()) for line in _word_list("number_words.txt")]  # type: ignore[misc]


@lru_cache(maxsize=1)
def number_words() -> dict[str, int]:
    return {word: int(value) for word, value in _number_word_lines() if value.isdigit()}


@lru_cache(maxsize=1)
def repeat_words() -> dict[str, int]:
    """ "dubbel vier" → "44" """
    return {word: int(value[1:]) for word, value in _number_word_lines() if value[0] == "x"}


@lru_cache(maxsize=1)
def separator_words() -> dict[str, str]:
    """ "nul zes streepje drie …" → "06-3…", "tweeëntachtig punt 73 …" → "82.73…" """
    return {word: value for word, value in _number_word_lines() if value in ("-", ".", "/")}


@lru_cache(maxsize=1)
def month_words() -> frozenset[str]:
    return _word_list("month_words.txt")


@lru_cache(maxsize=1)
def value_labels() -> frozenset[str]:
    """ "BSN", "IBAN", "TEL": labels before a spelled value, never letters of it."""
    return _word_list("value_labels.txt")


@lru_cache(maxsize=1)
def no_noun_words() -> frozenset[str]:
    """Words that never follow the article "een" (no_noun_words.txt)."""
    return _word_list("no_noun_words.txt")


@lru_cache(maxsize=1)
def letter_words() -> dict[str, str]:
    """Names of letters residents spell a code with ("ka iks" → "KX"), from letter_words.txt."""
    return {word: letter.upper() for word, letter in map(str.split, _word_list("letter_words.txt"))}


def fold(word: str) -> str:
    return fold_accents(word.casefold())


def _below_hundred(word: str) -> int | None:
    words = number_words()
    if word in words:
        return words[word]
    unit, en, tens = word.partition("en")  # "eenentwintig", "drieentwintig" (ë folded)
    while en:
        if unit in words and words[unit] < 10 and words.get(tens, 0) in range(20, 100, 10):
            if unit in ("oh", "zero", "nul") or not unit.isascii():
                return None
            return words[unit] + words[tens]
        head, en, tens = tens.partition("en")
        unit = unit + "en" + head
    return None


@lru_cache(maxsize=2)
def _scale_words(value: int) -> tuple[str, ...]:
    """The words for a hundred or a thousand in the data ("honderd", Frisian "hûndert"), longest
    first, so a compound is cut at the right one."""
    return tuple(sorted((w for w, v in number_words().items() if v == value), key=len,
                        reverse=True))


def _cut_at_scale(word: str, value: int) -> tuple[str, str] | None:
    """ "driehonderdvijftig" → ("drie", "vijftig") at a word for ``value``; None without one."""
    for scale in _scale_words(value):
        times, found, rest = word.partition(scale)
        if found:
            return times, rest
    return None


def _below_thousand(word: str) -> int | None:
    cut = _cut_at_scale(word, 100)
    if cut is None:
        return _below_hundred(word) if word in number_words() or "en" in word else None
    times, rest = cut  # "driehonderdvijftig", "negentienhonderd", "njoggentjinhûndert"
    factor = 1 if not times else _below_hundred(times)
    rest = rest.removeprefix("en")
    tail = 0 if not rest else _below_hundred(rest)
    if factor is None or tail is None or not 0 < factor < 100:
        return None
    return factor * 100 + tail


def _year(word: str) -> int | None:
    """ "negentienachtentachtig" → 1988: a number from 10 to 99, then one from 1 to 99."""
    for cut in range(3, len(word) - 2):
        century = _below_hundred(word[:cut])
        if century is not None and 10 <= century < 100:
            rest = _below_hundred(word[cut:])
            if rest is not None and 0 < rest < 100:
                return century * 100 + rest
    return None


def number_word_value(word: str) -> int | None:
    """The value of a Dutch (or English digit) number word, compounds included; else None."""
    word = fold(word).replace("-", "")
    cut = _cut_at_scale(word, 1000)
    if cut is None:
        value = _below_thousand(word)
        return value if value is not None else _year(word)
    times, rest = cut
    factor = 1 if not times else _below_thousand(times)
    tail = 0 if not rest else _below_thousand(rest.removeprefix("en"))
    if factor is None or tail is None or not 0 < factor < 1000:
        return None
    return factor * 1000 + tail


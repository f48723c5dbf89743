"""Disguised values read as the values they are: number words, spaced-out characters, e-mail.

Residents (and anyone probing the redaction) write values so that no pattern sees them: "nul
zes twaalf vierendertig …", "0 6 1 2 3 4 5 6 7 8", "p e t r a @ g m a i l . c o m",
"petra at gmail punt com". Three general rewrites of the view, each one linear pass driven by
word lists in recognizers/data, turn them back into the value; every character they produce
maps to the original characters it stands for, and dropped separators fall inside the span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from redaction.view import Normalised
from redaction.wordlists import fold_accents, read_term_file

_DATA = Path(__file__).with_name("recognizers") / "data"
# A token: a word (letters, digits, and combining accents as in "e\u0301e\u0301n") ...
_TOKEN = re.compile(r"[^\W_](?:[^\W_]|[\u0300-\u036f])*")
# ... and what may stand between the tokens of one run of numbers ("nul zes, twaalf - 34").
_RUN_GAP = re.compile(r"[ ,;:./-]{1,3}")
_JOINING_GAP = re.compile(r"[ ,;:]+")  # dropped inside a run: the parts of one number
_MIN_RUN = 4
# Six or more single characters, each separated by one space: "0 6 1 2 3 4", "p e t r a @ …".
_SPACED = re.compile(r"(?<!\S)\S(?: \S){5,}(?!\S)")
_SPACED_MIN_ALNUM = 5


def _word_list(name: str) -> frozenset[str]:
    return read_term_file(_DATA / name)


def _number_word_lines() -> list[tuple[str, str]]:
    return [tuple(line.split()) for line in _word_list("number_words.txt")]  # type: ignore[misc]


@lru_cache(maxsize=1)
def _number_words() -> dict[str, int]:
    return {word: int(value) for word, value in _number_word_lines() if value.isdigit()}


@lru_cache(maxsize=1)
def _repeat_words() -> dict[str, int]:
    """ "dubbel vier" → "44" """
    return {word: int(value[1:]) for word, value in _number_word_lines() if value[0] == "x"}


@lru_cache(maxsize=1)
def _separator_words() -> frozenset[str]:
    """ "nul zes streepje drie …" → "06-3…" """
    return frozenset(word for word, value in _number_word_lines() if value == "-")


@lru_cache(maxsize=1)
def _month_words() -> frozenset[str]:
    return _word_list("month_words.txt")


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
    tlds = "|".join(sorted(map(re.escape, _word_list("email_tlds.txt")), key=len, reverse=True))
    part = r"[^\W_](?:[\w+-]*[^\W_])?"
    at, dot = _EMAIL_AT.pattern, _EMAIL_DOT.pattern
    return re.compile(
        rf"(?<![\w.@+-]){part}(?:(?:[._]|\s+(?:punt|dot)\s+){part})*"  # local part
        rf"{at}{part}(?:{dot}{part})*?{dot}(?:{tlds})(?![\w@])",
        re.IGNORECASE,
    )


def _fold(word: str) -> str:
    return fold_accents(word.casefold())


def _below_hundred(word: str) -> int | None:
    words = _number_words()
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


def _below_thousand(word: str) -> int | None:
    if "honderd" not in word:
        return _below_hundred(word) if word in _number_words() or "en" in word else None
    times, _, rest = word.partition("honderd")  # "driehonderdvijftig", "negentienhonderd"
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
    word = _fold(word).replace("-", "")
    if "duizend" not in word:
        value = _below_thousand(word)
        return value if value is not None else _year(word)
    times, _, rest = word.partition("duizend")
    factor = 1 if not times else _below_thousand(times)
    tail = 0 if not rest else _below_thousand(rest.removeprefix("en"))
    if factor is None or tail is None or not 0 < factor < 1000:
        return None
    return factor * 1000 + tail


@dataclass(frozen=True)
class _Token:
    """A number token of a run: ``text`` is what it becomes ("" = stays as it is: a month
    name; "-": a separator word), ``weight`` how many words it counts for."""

    start: int
    end: int
    text: str
    weight: int = 1

    @property
    def is_number(self) -> bool:
        return self.text not in ("", "-")


def _number_tokens(text: str) -> list[_Token]:
    """The tokens of ``text`` that can stand in a run of numbers.

    A digit group counts as it is; "twee en twintig" and "negentienhonderd vijfentachtig" are
    one number of two words, "dubbel vier" is "44"; a month name stays; "streepje" is "-".
    """
    tokens: list[_Token] = []
    matches = list(_TOKEN.finditer(text))
    words = _number_words()
    index = 0
    while index < len(matches):
        match = matches[index]
        word = match.group()
        index += 1
        if word.isdigit() and word.isascii():
            tokens.append(_Token(match.start(), match.end(), word))
            continue
        folded = _fold(word)
        if folded in _month_words():
            tokens.append(_Token(match.start(), match.end(), ""))
            continue
        if folded in _separator_words():
            tokens.append(_Token(match.start(), match.end(), "-", 0))
            continue
        nxt = matches[index] if index < len(matches) else None
        gap = text[match.end():nxt.start()] if nxt else ""
        if folded in _repeat_words() and nxt and gap == " ":
            value = number_word_value(nxt.group()) if not nxt.group().isdigit() else None
            small = str(value) if value is not None and value < 10 else None
            digits = nxt.group() if nxt.group().isdigit() else small
            if digits:  # "dubbel vier" → "44"
                tokens.append(_Token(match.start(), nxt.end(), digits * _repeat_words()[folded], 2))
                index += 1
                continue
        value = number_word_value(folded)
        if value is None:
            continue
        if folded in words and words[folded] < 10 and index + 1 < len(matches):
            # "twee en twintig", "twee-en-twintig": a unit, "en", tens
            connector, tens = matches[index], matches[index + 1]
            compound = number_word_value(folded + "en" + _fold(tens.group()))
            if (
                _fold(connector.group()) == "en"
                and compound is not None
                and text[match.end():connector.start()] in (" ", "-")
                and text[connector.end():tens.start()] in (" ", "-")
            ):
                tokens.append(_Token(match.start(), tens.end(), str(compound), 2))
                index += 2
                continue
        if value >= 100 and value % 100 == 0 and nxt and gap in (" ", "-"):
            # "negentienhonderd vijfentachtig", "tweeduizend-vier": one number of two words
            tail = number_word_value(nxt.group()) if not nxt.group().isdigit() else None
            if tail is not None and 0 < tail < 100:
                tokens.append(_Token(match.start(), nxt.end(), str(value + tail), 2))
                index += 1
                continue
        tokens.append(_Token(match.start(), match.end(), str(value)))
    return tokens


def _number_word_edits(text: str) -> list[tuple[int, int, str]]:
    """Number words → digits inside a run of at least four number words or digits (three when a
    month name stands in it: "vijftien augustus negentienachtentachtig") holding a word.

    Inside such a run spaces and commas between numbers are dropped ("nul zes twaalf" → "0612",
    "negentien vijfentachtig" → "1985"); "-", "/" and "." stay (dates); next to a month name one
    space stays ("12 maart 1985"). Outside a run nothing changes: "twee kinderen", "een brief".
    """
    tokens = _number_tokens(text)
    edits: list[tuple[int, int, str]] = []
    run: list[_Token] = []
    for token in [*tokens, None]:
        if token is not None and run and _RUN_GAP.fullmatch(text, run[-1].end, token.start):
            run.append(token)
            continue
        while run and not run[-1].is_number and run[-1].text:
            run.pop()  # a separator word at the end is a word
        while run and not run[0].is_number and run[0].text:
            run.pop(0)
        weight = sum(t.weight for t in run)
        has_month = any(  # a date: a month name, then a year ("mei negentienachtentachtig")
            not t.text and any(len(u.text) >= 2 and u.is_number for u in run[i + 1:])
            for i, t in enumerate(run)
        )
        if weight >= (_MIN_RUN - 1 if has_month else _MIN_RUN) and any(
            t.is_number and not text[t.start:t.end].isdigit() for t in run
        ):
            edits += _run_edits(text, run)
        run = [token] if token is not None else []
    return edits


def _run_edits(text: str, run: list[_Token]) -> list[tuple[int, int, str]]:
    edits: list[tuple[int, int, str]] = []
    for position, token in enumerate(run):
        if token.text and text[token.start:token.end] != token.text:
            edits.append((token.start, token.end, token.text))
        if position + 1 == len(run):
            break
        following = run[position + 1]
        gap = text[token.end:following.start]
        if not token.text or not following.text:
            replacement = " "  # next to a month name
        elif _JOINING_GAP.fullmatch(gap) or not token.is_number or not following.is_number:
            replacement = ""
        else:
            replacement = gap.strip(" ,;:")[:1]
        if replacement != gap:
            edits.append((token.end, following.start, replacement))
    return edits


def _spaced_edits(text: str) -> list[tuple[int, int, str]]:
    """The spaces inside a run of six or more single characters ("0 6 1 2 3 4 5 6") go."""
    if " " not in text:
        return []
    edits: list[tuple[int, int, str]] = []
    for match in _SPACED.finditer(text):
        if sum(c.isalnum() for c in match.group()) < _SPACED_MIN_ALNUM:
            continue
        edits += [(i, i + 1, "") for i in range(match.start() + 1, match.end(), 2)]
    return edits




def _email_edits(text: str) -> list[tuple[int, int, str]]:
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


def _apply(view: Normalised, edits: list[tuple[int, int, str]]) -> Normalised:
    """``view`` with the non-overlapping ``edits`` (start, end, replacement) made; every
    replacement character maps to the original range of what it replaces."""
    if not edits:
        return view
    text = view.text
    count = len(text)
    starts = view.starts if view.starts is not None else range(count)
    ends = view.ends if view.ends is not None else range(1, count + 1)
    pieces: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    cursor = 0
    for start, end, replacement in edits:
        pieces += [text[cursor:start], replacement]
        new_starts += starts[cursor:start]
        new_ends += ends[cursor:start]
        if replacement:
            new_starts += [starts[start]] * len(replacement)
            new_ends += [ends[end - 1]] * len(replacement)
        cursor = end
    pieces.append(text[cursor:])
    new_starts += starts[cursor:]
    new_ends += ends[cursor:]
    return Normalised("".join(pieces), tuple(new_starts), tuple(new_ends))


def read_disguises(view: Normalised) -> Normalised:
    """Number words, spaced-out characters and spelled-out e-mail read as the values they are."""
    view = _apply(view, _number_word_edits(view.text))
    view = _apply(view, _spaced_edits(view.text))
    return _apply(view, _email_edits(view.text))

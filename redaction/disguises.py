"""Disguised values read as the values they are: number words, ordinal dates, spaced-out
characters, e-mail.

Residents (and anyone probing the redaction) write values so that no pattern sees them: "nul
zes twaalf vierendertig …", "0 6 1 2 3 4 5 6 7 8", "p e t r a @ g m a i l . c o m",
"petra at gmail punt com". Three general rewrites of the view, each one linear pass driven by
word lists in recognizers/data, turn them back into the value; every character they produce
maps to the original characters it stands for, and dropped separators fall inside the span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import regex

from redaction.number_words import (
    fold,
    letter_words,
    month_words,
    no_noun_words,
    number_word_value,
    number_words,
    repeat_words,
    separator_words,
    value_labels,
)
from redaction.ordinal_dates import ordinal_date_edits
from redaction.spelled import email_edits, spaced_edits, symbol_gap_edits
from redaction.street_suffixes import STREET_SUFFIXES
from redaction.view import Normalised

# A token: a word (letters, digits, and combining accents as in "e\u0301e\u0301n") ...
_TOKEN = re.compile(r"[^\W_](?:[^\W_]|[\u0300-\u036f])*")
# ... and what may stand between the tokens of one run of numbers ("nul zes, twaalf - 34"),
# including the words residents dictate a number with ("nul zes, dan 5 2", "4417. en dan 20386"),
# in any case: a new sentence opens with "Dan" ("nul zes. Dan vier zeven.").
_FILLER = r"[ ,;:.]*\b(?i:(?:en )?(?:dan|daarna|daarachter))\b[ ,;:]*"
_RUN_GAP = re.compile(r"[ ,;:./-]{1,3}|" + _FILLER)
_JOINING_GAP = re.compile(r"[ ,;:]+|" + _FILLER)  # dropped inside a run: parts of one number
_MIN_RUN = 4
_MIN_NUMBERS_WITH_LETTERS = 2  # "G X vier acht twee T": letters count only beside numbers
_MAX_CODE_CAPITALS = 4  # "NL", "ASNB": a bank or country code, not a word in capitals
_ARTICLE = "een"  # unaccented, before a word that is no number: "een brief", not "één"


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
        """A value part (digits or a letter of a code), not a month name or a separator."""
        return self.text not in ("", "-", ".", "/")

    @property
    def is_digits(self) -> bool:
        return self.text.isdigit()


def _number_tokens(text: str) -> list[_Token]:
    """The tokens of ``text`` that can stand in a run of numbers.

    A digit group counts as it is; "twee en twintig" and "negentienhonderd vijfentachtig" are
    one number of two words, "dubbel vier" is "44"; a month name stays; "streepje" is "-",
    "punt" is "."; capitals ("N L", "RBRB") and names of letters ("ka iks") are letters of a
    code (they join a run but never make one: see ``_number_word_edits``).
    """
    tokens: list[_Token] = []
    matches = list(_TOKEN.finditer(text))
    words = number_words()
    index = 0
    while index < len(matches):
        match = matches[index]
        word = match.group()
        index += 1
        if word.isdigit() and word.isascii():
            tokens.append(_Token(match.start(), match.end(), word))
            continue
        folded = fold(word)
        if folded in month_words():
            tokens.append(_Token(match.start(), match.end(), ""))
            continue
        if folded in separator_words():
            tokens.append(_Token(match.start(), match.end(), separator_words()[folded], 0))
            continue
        nxt = matches[index] if index < len(matches) else None
        gap = text[match.end():nxt.start()] if nxt else ""
        if folded in repeat_words() and nxt and gap == " ":
            value = number_word_value(nxt.group()) if not nxt.group().isdigit() else None
            small = str(value) if value is not None and value < 10 else None
            digits = nxt.group() if nxt.group().isdigit() else small
            if digits:  # "dubbel vier" → "44"
                tokens.append(_Token(match.start(), nxt.end(), digits * repeat_words()[folded], 2))
                index += 1
                continue
        if (
            folded == _ARTICLE and word.isascii() and nxt and gap.isspace()
            and _is_word_after_article(nxt.group())
            and not (tokens and tokens[-1].end >= match.start() - 2
                     and (fold(nxt.group()) in no_noun_words()
                          or _code_letters(nxt.group(), fold(nxt.group()))))
        ):
            continue  # "een VN-234-B bestelbus", "7-TFX-39, een oude Fiat": the article
        value = number_word_value(folded)
        if value is None:
            letters = _code_letters(word, folded)
            if letters:  # "N L", "ASNB", "ka iks": the letters of a code spelled among numbers
                tokens.append(_Token(match.start(), match.end(), letters))
            continue
        if folded in words and words[folded] < 10 and index + 1 < len(matches):
            # "twee en twintig", "twee-en-twintig": a unit, "en", tens
            connector, tens = matches[index], matches[index + 1]
            compound = number_word_value(folded + "en" + fold(tens.group()))
            if (
                fold(connector.group()) == "en"
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


def _is_word_after_article(word: str) -> bool:
    """A word that makes "een" before it the article: not a number, "en" (of "een-en-twintig"),
    a month, a single letter or the name of one ("een K X", "een april"). Only a word right
    after it ("nul een. zij" is a 1), and after a number neither a function word ("negen een
    dat") nor the letters of a code ("drie nul acht een AB")."""
    folded = fold(word)
    return not (
        word.isdigit() or len(word) == 1 or folded == "en" or number_word_value(word) is not None
        or folded in repeat_words() or folded in month_words() or folded in letter_words()
    )


def _code_letters(word: str, folded: str) -> str | None:
    """The letters a token stands for in a code: "N", "NL", "ASNB" as typed; "ka" → "K"; not a
    value's label ("BSN: twee zeven ...")."""
    if folded in value_labels():
        return None
    if word.isascii() and word.isalpha() and word.isupper() and len(word) <= _MAX_CODE_CAPITALS:
        return word
    return letter_words().get(folded)


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
        numbers = sum(t.weight for t in run if t.is_digits)
        if (
            weight >= (_MIN_RUN - 1 if has_month else _MIN_RUN)
            and numbers >= _MIN_NUMBERS_WITH_LETTERS
            and any(_disguised(text, t) for t in run)
        ):
            edits += _run_edits(text, run)
        run = [token] if token is not None else []
    return edits


# A house number written as a word: right after a street ("Mijnsherenlaan honderdtwaalf b") or
# after "nummer" ("Slinge nummer achtentachtig A"). "een" stays: "in de Kerkstraat een huis".
_HOUSE_NUMBER_WORD = regex.compile(
    r"(?<=(?:\b(?:nummer|nr\.?|huisnummer)|[^\W\d_]{2}(?:"
    + "|".join(sorted(set(STREET_SUFFIXES), key=len, reverse=True))
    + r"))\s+)(?P<word>[^\W\d_]{3,})\b",
    regex.IGNORECASE,
)


def _house_number_edits(text: str) -> list[tuple[int, int, str]]:
    """A number word right after a street or "nummer" → its digits."""
    edits: list[tuple[int, int, str]] = []
    for match in _HOUSE_NUMBER_WORD.finditer(text):
        value = number_word_value(match.group("word"))
        if value is not None and value > 1:
            edits.append((match.start("word"), match.end("word"), str(value)))
    return edits


def _disguised(text: str, token: _Token) -> bool:
    """A number word, or a separator word between digits ("77 punt 161 punt 40 punt 9")."""
    written = text[token.start:token.end]
    return (token.is_digits and not written.isdigit()) or (
        token.text in ("-", ".", "/") and written.isalpha())


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
    view = _apply(view, symbol_gap_edits(view.text))
    view = _apply(view, ordinal_date_edits(view.text))
    view = _apply(view, _number_word_edits(view.text))
    view = _apply(view, _house_number_edits(view.text))
    view = _apply(view, spaced_edits(view.text))
    return _apply(view, email_edits(view.text))

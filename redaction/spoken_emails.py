"""E-mail addresses read out or typed loosely, read as the addresses they are.

Why: fresh text spells addresses in ways the disguise reader (``redaction/disguises.py``) leaves
alone: the letters spaced out around spoken signs ("p h a m punt h o a apenstaartje g m a i l
punt c o m"), the signs in the resident's own language ("jan.nowicki małpa wp kropka pl"),
hyphens said as words ("mohammed streepje el streepje khattabi apenstaartje ..."), or a space
on one side of "@" or the last dot ("marieke.jansen@ kpnmail .nl"). Around a word or sign for
"@" this pass joins spaced letters, turns those words into their signs and drops those spaces;
the disguise reader's e-mail rewrite then reads the result. It keeps nothing unless that
rewrite finds an address there, so other text is never changed.

A pass of its own, after ``normalise``: the normaliser and the disguise reader are what the NER
is trained on, and stay as they are.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import regex

from redaction.disguises import _apply as apply_edits  # disguises.py is an NER input: reused
from redaction.number_words import number_word_value
from redaction.spelled import email_edits
from redaction.view import Normalised
from redaction.wordlists import read_term_file

_DATA = Path(__file__).with_name("recognizers") / "data"
WORDS_FILE = _DATA / "email_symbol_words.txt"
TLDS_FILE = _DATA / "email_tlds.txt"
_WINDOW_BEFORE = 80  # how far before the "@" the local part may start
_WINDOW_AFTER = 60  # and how far after it the domain may end
# Two or more single letters or digits, each one space apart: "p h a m", "h o a", "c o m".
_SPACED_RUN = regex.compile(r"(?<![^\W_])[^\W_](?: [^\W_]){1,}(?![^\W_])")
# A space after "@", or before the last dot of the domain: "jansen@ kpnmail .nl" (not before
# "@": "mn insta is @sterre.vdberg_" is a handle).
_LOOSE_SPACE = regex.compile(r"(?<=[^\W_]@) +(?=[^\W_])"
                             r"|(?<=[^\W_]) +(?=\.[^\W\d_]{2,6}(?![^\W_]))")


@cache
def symbol_words() -> dict[str, str]:
    """Word → sign, from ``data/email_symbol_words.txt``."""
    words: dict[str, str] = {}
    for line in WORDS_FILE.read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0]
        if "=" in entry:
            word, sign = (part.strip() for part in entry.split("=", 1))
            words[word.casefold()] = sign
    return words


@cache
def _tlds() -> frozenset[str]:
    return read_term_file(TLDS_FILE)


@cache
def _word_pattern() -> regex.Pattern[str]:
    words = sorted(symbol_words(), key=len, reverse=True)
    alternatives = "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in words)
    return regex.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])", regex.IGNORECASE)


# The Dutch words the disguise reader's e-mail rewrite knows for "@" and ".".
_SPOKEN = {"@": "at", ".": "punt"}
_PLAIN_EMAIL = regex.compile(
    r"(?<![\w.@])[^\W_][\w.+-]*@[^\W_][\w-]*(?:\.[\w-]+)*\.(?P<tld>[^\W\d_]+)(?![\w@])")
_AT_WORDS = r"(?:at|apenstaartje|apestaartje)"  # the words the e-mail rewrite knows for "@"
_SIGNS = rf"(?:@|\.|-|_|{_AT_WORDS}|punt|dot)"
_SIGN_AFTER = regex.compile(rf" ?{_SIGNS}(?![^\W_])", regex.IGNORECASE)
_SIGN_BEFORE = regex.compile(rf"(?<![^\W_]){_SIGNS} ?$", regex.IGNORECASE)
_AT = regex.compile(rf"@|(?<![^\W_]){_AT_WORDS}(?![^\W_])", regex.IGNORECASE)


def read_spoken_emails(view: Normalised) -> Normalised:
    """``view`` with loosely written e-mail addresses rewritten as addresses."""
    text = view.text
    edits = _sign_word_edits(text)
    if not edits and not _AT.search(text):
        return view
    # Rewritten on a view of the view, so that what this pass changed can be told apart.
    changed = apply_edits(Normalised(text), edits)
    changed = apply_edits(changed, _joining_edits(changed.text))
    if changed.text == text:
        return view
    changed = apply_edits(changed, email_edits(changed.text))
    if not any(_touches_edit(changed, address.start(), address.end())
               and address["tld"].casefold() in _tlds()
               for address in _PLAIN_EMAIL.finditer(changed.text)):
        return view
    return _composed(view, changed)


def _composed(view: Normalised, changed: Normalised) -> Normalised:
    """``changed`` (a rewrite of ``view.text``) mapped onto the original message."""
    if view.starts is None or view.ends is None or changed.starts is None:
        return changed
    assert changed.ends is not None
    return Normalised(changed.text, tuple(view.starts[i] for i in changed.starts),
                      tuple(view.ends[i - 1] for i in changed.ends))


def _touches_edit(view: Normalised, start: int, end: int) -> bool:
    """Whether this pass changed something inside ``view.text[start:end]``: its characters no
    longer map one to one onto the view they came from."""
    if view.starts is None or view.ends is None:
        return False
    spans = [(view.starts[i], view.ends[i]) for i in range(start, end)]
    return any(b - a != 1 for a, b in spans) or any(
        spans[i + 1][0] != spans[i][1] for i in range(len(spans) - 1))


def _sign_word_edits(text: str) -> list[tuple[int, int, str]]:
    """Sign words near a word for "@": "małpa" → "at", "kropka" → "punt", "streepje" → "-"."""
    matches = list(_word_pattern().finditer(text))
    ats = [m for m in matches if symbol_words()[_key(m.group())] == "@"]
    ats += list(_AT.finditer(text))
    edits = []
    for match in matches:
        sign = symbol_words()[_key(match.group())]
        if not any(-_WINDOW_BEFORE < at.start() - match.start() < _WINDOW_AFTER for at in ats):
            continue
        edits.append((match.start(), match.end(), _SPOKEN.get(sign, sign)))
    return _without_spaces_around_joiners(text, edits)


def _without_spaces_around_joiners(
    text: str, edits: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """A hyphen or underscore said as a word joins its neighbours: "el streepje k" → "el-k"."""
    widened = []
    for start, end, sign in edits:
        if sign in "-_":
            while start > 0 and text[start - 1] == " ":
                start -= 1
            while end < len(text) and text[end] == " ":
                end += 1
        widened.append((start, end, sign))
    return widened


def _joining_edits(text: str) -> list[tuple[int, int, str]]:
    """Spaced letters near "@" joined ("g m a i l" → "gmail"); one-sided spaces dropped."""
    ats = [m.start() for m in _AT.finditer(text)]
    if not ats:
        return []

    def near(position: int) -> bool:
        return any(-_WINDOW_BEFORE < at - position < _WINDOW_AFTER for at in ats)

    edits = [(m.start() + i, m.start() + i + 1, "")
             for m in _SPACED_RUN.finditer(text) if near(m.start()) and _beside_a_sign(text, m)
             for i in range(1, len(m.group()), 2)]
    edits += [(m.start(), m.end(), "") for m in _LOOSE_SPACE.finditer(text) if near(m.start())]
    edits += [(m.start(), m.end(), "") for m in _DOUBLE_AT.finditer(text)]
    edits += _number_before_at_edits(text)
    edits += [(m.start(), m.end(), "") for domain in _SPACED_DOMAIN.finditer(text)
              if domain["tld"].casefold() in _tlds()
              for m in _SPACES.finditer(text, domain.start("name"), domain.end("name"))]
    return _without_overlaps(sorted(set(edits)))


_SPACES = regex.compile(" +")
# "k.vermeulen@@ziggo.nl": a doubled "@" is a slip of the finger.
_DOUBLE_AT = regex.compile(r"(?<=@)@+")
# The words of a domain said with spaces: "at kpn mail punt nl", "@ hot mail.com" - an address
# holds no space, so between "@" and the dot before a known ending they are one name.
_SPACED_DOMAIN = regex.compile(
    rf"(?:@|(?<![^\W_]){_AT_WORDS})[ ]+"
    r"(?P<name>[^\W_]+(?: [^\W_]+){1,2})"
    r"(?: +(?:punt|dot) +|\.)(?P<tld>[^\W\d_]{2,6})(?![^\W_])", regex.IGNORECASE)
# A number said in words at the end of the part before "@": "jansen zeventig apenstaartje".
_NUMBER_BEFORE_AT = regex.compile(
    rf"(?<=[^\W\d_]) (?P<number>[^\W\d_]+) *(?=@|{_AT_WORDS}(?![^\W_]))",
    regex.IGNORECASE)


def _number_before_at_edits(text: str) -> list[tuple[int, int, str]]:
    """ "jansen zeventig at" → "jansen70 at": the digits of an address's local part, said."""
    edits = []
    for match in _NUMBER_BEFORE_AT.finditer(text):
        value = number_word_value(match["number"])
        if value is not None:
            edits.append((match.start(), match.end("number"), str(value)))
    return edits


def _without_overlaps(edits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    kept: list[tuple[int, int, str]] = []
    for edit in edits:
        if not kept or edit[0] >= kept[-1][1]:
            kept.append(edit)
    return kept


def _beside_a_sign(text: str, run: regex.Match[str]) -> bool:
    """ "p h a m punt", "apenstaartje g m a i l": a spaced run next to a sign or its word, not
    "Nasci a 3 fev" in the sentence before an address."""
    return bool(_SIGN_AFTER.match(text, run.end()) or _SIGN_BEFORE.search(text, 0, run.start()))


def _key(word: str) -> str:
    return " ".join(word.casefold().split())

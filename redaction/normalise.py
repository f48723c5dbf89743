"""A normalised view of a message for the recognizers, with a map back to the original text.

Why: residents paste values from contact cards and PDFs, which carry non-breaking, thin, figure
and ideographic spaces, tabs, zero-width characters, BOMs, word joiners and soft hyphens; they
type fullwidth digits, "＠", keycap digits and the letters O/o/l for 0/1 ("O6-l2345678"). The
recognizers' patterns and checksums only know plain ASCII, so such values leaked. The recognizers
therefore read a normalised view, and every span they find there is mapped back to the original
characters, invisible ones included, so that the redactor replaces the whole original value and
nothing of it (nor of the separators inside it) survives.

What the view does, in one linear pass:

- NFKC per character (fullwidth → ASCII, "＠" → "@", "①" → "1");
- decimal digits of other scripts ("٠٦", "０６") and enclosed digits ("❶", "1️⃣") → ASCII digits;
- every dash (non-breaking hyphen, en dash, minus sign …) → "-";
- format characters (Unicode category Cf: zero-width space/joiner/non-joiner, BOM, word joiner,
  soft hyphen) and enclosing marks/variation selectors are removed;
- every line break (CR LF, LS, PS, NEL, VT, FF) → "\\n" (the recognizers read a line break as a
  sentence boundary), every other space (tab, NBSP, thin, figure, ideographic …) → " ";
- a letter O/o or l in a run of digits ("O6-l2345678", "1234 o6") → 0 or 1;
- a line break or underscore between two digits ("06_41_30", a number typed one part a line), or
  between a digit and a short code in capitals ("1103\\nTV", "NL36_KNAB_8308"), and a line break
  beside a dash between digits ("013 -\\n544 27 18") → " ": there it separates the parts of one
  value, not sentences or words.

Plain ASCII text without tabs or O/l-in-digits is its own view, with no copying.

Disguised values (number words, spaced-out characters, spelled-out e-mail) are read in a second
pass: ``redaction/disguises.py``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from redaction.disguises import read_disguises
from redaction.view import Normalised

_LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
# Characters an ASCII message may hold that the view changes (tab and the rarer line breaks).
_ASCII_CHANGED = re.compile(r"[\t\r\x0b\x0c\x1c-\x1e]")
_CRLF = re.compile(r"\r\n")
# A run of digits and the letters O/o/l, standing alone (no other letter or digit glued to it).
_DIGITISH = re.compile(r"(?<![^\W_])[0-9Ool]+(?![^\W_])")
_DIGIT = re.compile(r"[0-9]")
_LOOKALIKE = str.maketrans("Ool", "001")
# What may stand between the parts of one number: "O6 l2", "06-l2", "12.o3", "o6/12", "o6_29".
_PART_SEPARATORS = frozenset(" -./_\n")
# A line break or underscore after a digit, before a digit or a short code in capitals ...
_DIGIT_GAP = re.compile(r"(?<=[0-9])[\n_](?=[0-9]|[A-Z]{1,4}(?![^\W_]))")
# ... or after a short code in capitals ("NL", "KNAB"), before a digit.
_CODE_GAP = re.compile(r"(?<![^\W_])([A-Z]{1,4})[\n_](?=[0-9])")
# A line break next to a dash between two digits: "013 -\n544 27 18" (a number broken across a
# PDF's lines after its area code), "013\n- 544".
_DASH_GAP = re.compile(
    r"(?:(?<=[0-9]-)|(?<=[0-9] -)) ?\n(?= ?[0-9])"  # "013 -\n544"
    r"|(?<=[0-9]) ?\n(?= ?- ?[0-9])"  # "013\n- 544"
)


def normalise(text: str) -> Normalised:
    """The recognizers' view of ``text``: linear in its length, pure."""
    if text.isascii() and not _ASCII_CHANGED.search(text):
        return read_disguises(Normalised(read_number_parts(text)))
    pieces = list(map(_view_of_char, text))
    for crlf in _CRLF.finditer(text):
        pieces[crlf.start()] = ""  # CR LF is one line break
    starts: list[int] = []
    ends: list[int] = []
    for position, piece in enumerate(pieces):
        if len(piece) == 1:
            starts.append(position)
            ends.append(position + 1)
        elif piece:  # "½" → "1⁄2": every character of it stands for the one original
            starts.extend([position] * len(piece))
            ends.extend([position + 1] * len(piece))
        elif ends and ends[-1] == position and unicodedata.category(text[position])[0] == "M":
            ends[-1] = position + 1  # a dropped keycap mark belongs to its digit
    return read_disguises(
        Normalised(read_number_parts("".join(pieces)), tuple(starts), tuple(ends))
    )


@lru_cache(maxsize=8192)  # a message repeats its characters; the cache keeps this cheap
def _view_of_char(char: str) -> str:
    """One character's view. Per character, so a combining accent stays apart from its letter
    (as it was before normalisation); a keycap's variation selector and enclosing mark go."""
    if char.isascii():
        if char in _LINE_BREAKS:
            return "\n"
        return " " if char == "\t" else char
    if char in _LINE_BREAKS:
        return "\n"
    category = unicodedata.category(char)
    if category == "Cf":
        return ""
    if char.isspace() or category == "Zs":
        return " "
    return "".join(_normalise_char(c) for c in unicodedata.normalize("NFKC", char))


def _normalise_char(char: str) -> str:
    if char.isascii():
        return char
    category = unicodedata.category(char)
    if category in ("Cf", "Me") or _is_variation_selector(char):
        return ""
    if char.isspace() or category == "Zs":
        return "\n" if char in _LINE_BREAKS else " "
    if category == "Pd" or char == "\u2212":
        return "-"
    digit = unicodedata.decimal(char, None)
    if digit is None and category == "No":
        digit = unicodedata.digit(char, None)
    return str(digit) if digit is not None else char


def _is_variation_selector(char: str) -> bool:
    code = ord(char)
    return 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF


def read_number_parts(text: str) -> str:
    """Look-alike digits as digits; then line breaks and underscores inside numbers as spaces."""
    text = read_lookalike_digits(text)
    if "\n" not in text and "_" not in text:
        return text
    text = _DASH_GAP.sub(lambda gap: " " * len(gap.group()), text)
    return _CODE_GAP.sub(r"\1 ", _DIGIT_GAP.sub(" ", text))


def read_lookalike_digits(text: str) -> str:
    """O/o → 0 and l → 1 where they stand in a number; same length, so offsets still hold.

    A run of digits and O/o/l with no other letter glued to it is a number when it holds a digit
    ("O6", "l2345678", "1o"); a run of only O/o/l ("O", "Ol") when it is one separator away from
    such a number ("06 O 12", "O269 Ol", "O-6-2"). Words ("lol", "Ole", "10 liter") stay.
    """
    if "o" not in text and "O" not in text and "l" not in text:
        return text
    runs = list(_DIGITISH.finditer(text))
    if not runs:
        return text
    has_digit = [bool(_DIGIT.search(run.group())) for run in runs]
    pieces: list[str] = []
    cursor = 0
    for position, run in enumerate(runs):
        if run.group().isdigit():
            continue
        if not has_digit[position] and (_after_a_word(text, run.start()) or not (
            (_joined(text, runs, position - 1, position) and has_digit[position - 1])
            or (_joined(text, runs, position, position + 1) and has_digit[position + 1])
        )):
            continue
        pieces += [text[cursor:run.start()], run.group().translate(_LOOKALIKE)]
        cursor = run.end()
    if not pieces:
        return text
    pieces.append(text[cursor:])
    return "".join(pieces)


def _after_a_word(text: str, start: int) -> bool:
    """ "t/o 23", "t.o. 8": an O glued by a separator to a letter ends an abbreviation."""
    return start >= 2 and text[start - 1] in "/." and text[start - 2].isalpha()


def _joined(text: str, runs: list[re.Match[str]], left: int, right: int) -> bool:
    """Whether two runs are parts of one number: one separator character between them."""
    if left < 0 or right >= len(runs):
        return False
    gap = text[runs[left].end():runs[right].start()]
    return len(gap) == 1 and gap in _PART_SEPARATORS

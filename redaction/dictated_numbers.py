"""A number dictated from "nul" in fewer words than the disguise reader needs: "het nummer staat
er als nul zes-en-twintig, daaronder 351 en dan 44 02".

Why: the disguise reader (``redaction/disguises.py``) reads number words as digits only in a run
of four or more, so that "twee kinderen" stays words; "nul zes-en-twintig" is two. No count starts
at zero: "nul" (or "zero") followed by a number word begins a phone number or a code being
dictated, so those words are read as digits ("026") and the split-value reader can put the parts
together. A pass of its own after ``normalise``, like ``spoken_emails``: the disguise reader's view
is what the NER is trained on, and stays as it is.
"""

from __future__ import annotations

import regex

from redaction.disguises import _apply as apply_edits  # disguises.py is an NER input: reused
from redaction.number_words import number_word_value
from redaction.view import Normalised

_ZERO = regex.compile(r"(?<![^\W_])(?:nul|zero)(?![^\W_])", regex.IGNORECASE)
_WORD = regex.compile(r"[ -]+(?P<word>[^\W_]+)")
_MAX_WORDS_IN_ONE_NUMBER = 3  # "zes en twintig", "zes-en-twintig"


def read_dictated_zero(view: Normalised) -> Normalised:
    """``view`` with each number said from "nul" on written in digits."""
    edits = []
    for zero in _ZERO.finditer(view.text):
        if edits and zero.start() < edits[-1][1]:
            continue
        end, digits = zero.end(), "0"
        while (number := _next_number(view.text, end)) is not None:
            end, value = number
            digits += value
        if len(digits) > 1:
            edits.append((zero.start(), end, digits))
    return apply_edits(view, edits)


def _next_number(text: str, position: int) -> tuple[int, str] | None:
    """The end and the digits of the number said right after ``position``, if one is."""
    words = []
    while len(words) < _MAX_WORDS_IN_ONE_NUMBER and (
            word := _WORD.match(text, words[-1].end() if words else position)):
        words.append(word)
    for count in range(len(words), 0, -1):  # the longest reading: "zes en twintig" is 26
        said = "".join(w["word"] for w in words[:count])
        value = said if said.isdigit() and count == 1 else number_word_value(said)
        if value is not None and not (count > 1 and words[0]["word"].isdigit()):
            return words[count - 1].end(), str(value)
    return None

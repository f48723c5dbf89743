"""A short answer of ordinary words holds no name: "Sure", "Telephone please", "Prima".

A phone keyboard writes the first word of a message with a capital, and the NER reads a capital
at the start of a one-word message as a name: "Sure", the answer to the hand-off form's "May I
pass on your question?", became <PERSOON_1> before Rasa saw it, and the form asked the same
question three times (conv_en_blind_4). A message of at most ``SHORT_ANSWER_WORDS`` words that
are all everyday Dutch or English words, none of them a first name unless it is among the most
frequent English words ("fine", "will"), holds no name. "Sanne", "ik ben Noor" and "Mark
Visser" keep theirs.
"""

from __future__ import annotations

import re

from redaction.recognizers import _lexicon

SHORT_ANSWER_WORDS = 3
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_OTHER = re.compile(r"[\w<>@]")  # digits, placeholders, addresses: more than words


def is_short_answer(text: str) -> bool:
    """Whether ``text`` is a few everyday words and nothing else."""
    words = _WORD.findall(text)
    if not words or len(words) > SHORT_ANSWER_WORDS or _OTHER.search(_WORD.sub(" ", text)):
        return False
    if any(len(w) == 1 for w in words):
        return False  # "Liefs, S.": an initial is a name
    return all(_everyday(w.lower()) for w in words)


def _everyday(word: str) -> bool:
    if word in _lexicon.english_frequent_words():
        return True
    if word in _lexicon.first_names():
        return False
    return word in _lexicon.english_common_words() or _lexicon.is_dutch_word(word)

"""Tokens of a chat message as the person recognizer sees them, and where they stand.

Every strategy walks the same ``_Tok`` list, so the token shape and the position tests live here.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex as re

_TOKEN = re.compile(
    r"<[A-Z]+(?:_[A-Z]+)*_\d+>"  # placeholder, one token
    r"|[^\W\d_]+(?:(?!['’]s\b)['’-][^\W\d_]+)*"  # word, also Jan-Willem, O'Neill; not "lisa's"
    r"|'[st]\b|\d+|[^\w\s]",
)
# Tokens that are (part of) an e-mail address or link. Matched per whitespace-separated token:
# a pattern like \S*(?:@|…)\S* backtracks quadratically on one long token.
_LINK_MARKER = re.compile(r"@|://|www\.|\.(?:nl|com|org|net|be|eu)\b", re.IGNORECASE)
_NON_SPACE = re.compile(r"\S+")


def _linkish_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _NON_SPACE.finditer(text) if _LINK_MARKER.search(m.group())]


# "al-Masri", "el-Amrani": an article glued to the surname.
_GLUED_ARTICLE = re.compile(r"^(?:al|el|ul|ad|as|ash|at|az|an|ar|ed|es)[-‑]", re.IGNORECASE)


@dataclass(frozen=True)
class _Tok:
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def core(self) -> str:
        """The word without a glued article: "masri" for "al-Masri"."""
        return _GLUED_ARTICLE.sub("", self.text).lower()

    @property
    def capital(self) -> bool:
        return _GLUED_ARTICLE.sub("", self.text)[:1].isupper()

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalpha()


def _is_blocked(tok: _Tok, blocked: list[tuple[int, int]]) -> bool:
    return any(start < tok.end and tok.start < end for start, end in blocked)


def _sentence_initial(text: str, tokens: list[_Tok], index: int) -> bool:
    if index == 0:
        return True
    previous = tokens[index - 1]
    return previous.text in ".!?:;\"'(-" or "\n" in text[previous.end : tokens[index].start]


def _only_symbols(rest: str) -> bool:
    """Whatever follows a closing name is punctuation or emoji, not more words."""
    return not re.search(r"[\w]", rest)

"""The words right before a house number, nearest first: what the address recognizer decides on."""

from __future__ import annotations

from typing import NamedTuple

from redaction.recognizers._house_numbers import _WORD_BEFORE


class Token(NamedTuple):
    start: int
    text: str


def index_at(tokens: list[Token], start: int) -> int | None:
    """Which of the words before the number starts at ``start``."""
    return next((i for i, t in enumerate(tokens) if t.start == start), None)


def tokens_before(text: str, end: int, limit: int = 6) -> list[Token]:
    """Whitespace-separated words right before ``end``, nearest first; stops at punctuation
    and at a line break between two words (a street is on one line: "Mvg\nGiovanni Winklaar\n
    Tweede Oosterparkstraat 88-1" holds no street of five words)."""
    tokens: list[Token] = []
    while len(tokens) < limit:
        match = _WORD_BEFORE.search(text, max(0, end - 60), end)
        if not match or (tokens and "\n" in text[match.end("word"):end]):
            break
        word = match.group("word")
        tokens.append(Token(match.start("word"), word))
        if word[-1] in ",;":
            break
        end = match.start("word")
    return tokens

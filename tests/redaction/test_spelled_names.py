"""Names spelled out letter by letter, with a wider gap between the words, and the words that
announce a spelling (sentences invented for these tests)."""

from __future__ import annotations

import pytest

from redaction.normalise import normalise

CASES = [
    ("Mijn achternaam spel je W I J N B E R G E N, met een ij", ["W I J N", "Wijnbergen"]),
    ("de naam gespeld: J a s m i j n   v a n   D o n k", ["J a s", "v a n", "D o n k"]),
    ("voornaam M A I   A N H, achternaam T R A N", ["M A I", "A N H", "T R A N"]),
    ("ik schrijf het voor u: P r i y a   S h a r m a", ["P r i", "S h a r m a"]),
]


@pytest.mark.parametrize(("text", "parts"), CASES)
def test_a_spelled_name_goes_whole(redactor, text, parts):
    redacted, _ = redactor.redact(text)
    for part in parts:
        assert part not in redacted, redacted


def test_three_spaces_between_spelled_words_become_one():
    assert normalise("K o e n   d e   J o n g").text == "Koen de Jong"

"""A resident's typo of a frequent word is that word, not a name (``_typos``)."""

from __future__ import annotations

import pytest

from redaction.recognizers import _typos


@pytest.mark.parametrize(
    ("word", "typo"),
    [
        ("zitte", True),
        ("wachtwoort", True),
        ("zekerhijd", True),  # "ei" written "ij": one edit
        ("meijer", False),  # a surname with "ij" stays a name
        ("noor", False),
        ("fatima", False),
        ("a" * 100_000, False),
    ],
)
def test_typos_of_frequent_words_are_recognised_cheaply(word, typo):
    assert _typos.is_typo_of_frequent_word(word) is typo


@pytest.mark.parametrize(("word", "variant"), [("zekerhijd", "zekerheid"), ("mein", "mijn")])
def test_ei_and_ij_are_one_sound(word, variant):
    assert variant in _typos.same_sound_variants(word)

"""Messages in their own script, once more in the Latin letters residents type them in."""

from __future__ import annotations

import pytest

from bot.transliterate import latin_script, romanise


@pytest.mark.parametrize(("text", "latin"), [
    ("не хочу больше жить", "ne khochu bolshe zhit"),
    ("чоловік б'є мене", "cholovik bie mene"),
    ("ሓገዝ የድልየኒ", "hagez yedlyeni"),
    ("Kocam beni dövüyor", "kocam beni dovuyor"),
])
def test_a_message_reads_in_latin_letters_without_soft_signs(text, latin):
    assert romanise(text) == latin


@pytest.mark.parametrize(("text", "expected"), [
    ("ne khochu zhit", True), ("ik heb schulden", True), ("dzień dobry", True), ("123 !", True),
    ("не хочу жить", False), ("أريد أن أموت", False), ("ሓገዝ", False),
    ("mijn man zegt: не звони", True),  # mostly Latin letters
])
def test_latin_script_is_mostly_latin_letters(text, expected):
    assert latin_script(text) is expected

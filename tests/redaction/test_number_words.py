"""Number words in the data (``redaction/number_words.py``): compounds are cut at whichever word
for a hundred or a thousand the data holds, so Frisian dates are read as Dutch ones are
(sentences invented for these tests)."""

from __future__ import annotations

import pytest

from redaction.number_words import number_word_value


@pytest.mark.parametrize(("word", "value"), [
    ("njoggentjinhûndert", 1900),
    ("fjouwerentritich", 34),
    ("tusenenien", 1001),
    ("driehonderdvijftig", 350),  # Dutch as before
    ("tweeduizendvier", 2004),
])
def test_dutch_and_frisian_compounds(word, value):
    assert number_word_value(word) == value


@pytest.mark.parametrize(("text", "expected"), [
    ("Myn mem is berne op fyftjin maaie njoggentjinhûndert fjouwerentritich.",
     "Myn mem is berne op <DATUM_1>."),
    ("Us heit is berne op alve jannewaris njoggentjinhûndert santjin, hy is hast hûndert",
     "Us heit is berne op <DATUM_1>, hy is hast hûndert"),
])
def test_a_frisian_date_of_birth_in_words_goes(redactor, text, expected):
    assert redactor.redact(text)[0] == expected

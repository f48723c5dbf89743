"""Another language: the safety answer first when there is a signal, the numbers always."""

from __future__ import annotations

import pytest

from actions.other_language import answer_messages, safety_kind
from bot.languages import load_languages

VALUES = {"gemeente_naam": "Gemeente Voorbeeldstad", "gemeente_telefoon": "14 0999",
          "inloop": "Stadhuisplein 1"}


@pytest.fixture(scope="module")
def turkish():
    return load_languages().get("tr")


@pytest.mark.parametrize(("latest", "kind"), [
    ({"metadata": {"safety_signal": "crisis_suicide", "safety_strength": "clear"}}, "suicide"),
    ({"metadata": {"safety_signal": "domestic_violence", "safety_strength": "clear"}},
     "violence"),
    ({"metadata": {"safety_signal": "crisis_suicide", "safety_strength": "weak"}}, None),
    ({"intent_ranking": [{"name": "other_language", "confidence": 1.0},
                         {"name": "domestic_violence", "confidence": 1.0}]}, "violence"),
    ({"intent_ranking": [{"name": "other_language", "confidence": 1.0},
                         {"name": "crisis_suicide", "confidence": 0.4}]}, None),
    ({}, None),
])
def test_safety_kind(latest, kind):
    assert safety_kind(latest) == kind


@pytest.mark.parametrize("kind", [None, "suicide", "violence"])
def test_the_numbers_are_in_every_answer_and_safety_comes_first(turkish, kind):
    texts = answer_messages(turkish, kind, VALUES)
    joined = " ".join(texts)
    for number in ("112", "0800-0113", "0800-2000", "14 0999"):
        assert number in joined
    if kind == "suicide":
        assert texts[0] == turkish.safety_answer_suicide and "0800-0113" in texts[0]
    elif kind == "violence":
        assert texts[0] == turkish.safety_answer_violence and "0800-2000" in texts[0]
    else:
        assert len(texts) == 2

"""Only listed wijken and doelgroepen reach the store; anything else is unknown."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("value", "expected"), [
    ("Noord", "Noord"), ("noord", "Noord"), ("  Noord ", "Noord"), ("Kerkstraat 12", None),
    ("", None), (None, None), (12, None), ("x" * 500, None),
])
def test_wijk(vocabulary, value, expected):
    assert vocabulary.wijk(value) == expected


def test_doelgroep(vocabulary):
    assert vocabulary.doelgroep("Mantelzorger") == "mantelzorger"
    assert vocabulary.doelgroep("Fatima, 34 jaar") is None


def test_safety_intents_are_not_report_topics(vocabulary):
    assert "crisis_suicide" not in vocabulary.topics
    assert "domestic_violence" not in vocabulary.topics
    assert {"debt", "loneliness", "youth", "digital_help"} <= set(vocabulary.topics)

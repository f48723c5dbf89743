"""Only listed wijken, doelgroepen and languages reach the store; anything else is unknown (a
language: "other")."""

from __future__ import annotations

import pytest
import yaml


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


@pytest.mark.parametrize(("value", "expected"), [
    ("tr", "tr"), ("nl", "nl"), ("EN", "en"), (" pl ", "pl"),          # listed codes
    ("de", "other"), ("tlh", "other"), ("Fatima, 34 jaar", "other"),  # never the client's text
    ("x" * 500, "other"), (12, "other"), (["en"], "other"), ({"code": "en"}, "other"),
    (None, None), ("", None), ("  ", None),                           # absent: keeps its language
])
def test_language(vocabulary, value, expected):
    assert vocabulary.language(value) == expected


def test_the_languages_are_dutch_and_those_the_boundary_recognises(vocabulary, project_root):
    """``trends`` may not import ``bot`` (import contract), so the list is its own: kept equal
    to ``bot/languages.yml`` here, with the same Dutch names."""
    boundary = yaml.safe_load((project_root / "bot" / "languages.yml").read_text("utf-8"))
    names = {code: entry["dutch_name"] for code, entry in boundary["languages"].items()}
    assert vocabulary.languages == {"nl": "Nederlands", **names}

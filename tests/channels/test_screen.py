"""The screen names another language and its safety words - and nothing else of the message."""

from __future__ import annotations

import pytest

from bot.language_id import METADATA_LANGUAGE as LANGUAGE_KEY
from bot.languages import load_language_check
from channels.screen import Screen


class KeepsText:
    """A stand-in redactor: these messages hold no personal data."""

    def redact(self, text: str, conversation_id: str | None = None):
        return text, []


class Broken:
    def check(self, text: str):
        raise RuntimeError(f"failed on {text}")


@pytest.fixture(scope="module")
def screen() -> Screen:
    return Screen(KeepsText(), language=load_language_check())


@pytest.mark.parametrize(("text", "language", "signal"), [
    ("ik heb schulden", "nl", None),  # clearly Dutch: the conversation may follow it
    ("ok", None, None),  # unsure: the conversation keeps its language
    ("hallo", None, None),
    ("yes please", None, None),
    ("I have debts and I cannot pay my rent anymore", "en", None),
    ("I want to kill myself, I can't go on like this", "en", "crisis_suicide"),
    ("Kocam beni dövüyor, çok korkuyorum", "tr", "domestic_violence"),
])
def test_language_and_safety_travel_as_metadata(screen, text, language, signal):
    screened = screen(text, "resident-1", {"language": "ar", "safety_signal": "x"})
    metadata = screened.metadata or {}
    assert screened.text == text
    assert metadata.get(LANGUAGE_KEY) == language, "the client's own value is never kept"
    assert metadata.get("safety_signal") == signal
    assert set(metadata) <= {LANGUAGE_KEY, "safety_signal", "safety_strength"}


def test_a_failing_language_check_leaves_the_message_dutch_and_delivered():
    screened = Screen(KeepsText(), language=Broken())("I have debts and no money", "r", None)
    assert screened.ok and screened.text == "I have debts and no money"
    assert LANGUAGE_KEY not in (screened.metadata or {})

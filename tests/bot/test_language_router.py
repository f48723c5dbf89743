"""The conversation's language: followed for Dutch and English, routed for the others."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, METADATA, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.language_router import LanguageRouter, load_switch_words, requested_language


def routed(text: str, intent: str, language: str | None) -> Message:
    top = {"name": intent, "confidence": 0.9}
    message = Message(data={TEXT: text, INTENT: top, INTENT_RANKING_KEY: [top],
                            METADATA: {"language": language} if language else {}})
    LanguageRouter(["nl", "en"], load_switch_words()).process([message])
    return message


def language_entity(message: Message) -> str | None:
    values = [e["value"] for e in message.get(ENTITIES) or [] if e["entity"] == "language"]
    assert len(values) <= 1
    return values[0] if values else None


@pytest.mark.parametrize(("text", "intent", "language", "expected"), [
    ("I have debts and I cannot pay my rent anymore", "debt", "en", "en"),
    ("ik heb schulden en de huur is te hoog", "debt", "nl", "nl"),
    ("ok", "affirm", None, None),  # the boundary was unsure: the slot keeps its value
    ("English please", "switch_language", "en", "en"),
    ("in het Engels graag", "switch_language", "nl", "en"),  # what it asks for, not how
    ("can we speak Dutch please", "switch_language", "en", "nl"),
    ("Nederlands graag", "switch_language", None, "nl"),
    ("do you speak another language?", "switch_language", "en", "en"),
])
def test_dutch_and_english_set_the_language_and_keep_the_intent(text, intent, language, expected):
    message = routed(text, intent, language)
    assert message.get(INTENT)["name"] == intent
    assert language_entity(message) == expected


def test_another_language_is_routed_and_sets_no_language():
    message = routed("Borçlarım var ve kiramı ödeyemiyorum", "debt", "tr")
    assert message.get(INTENT)["name"] == "other_language"
    assert message.get(INTENT_RANKING_KEY)[1]["name"] == "debt"
    assert language_entity(message) is None


def test_a_language_the_assistant_does_not_speak_in_full_is_routed():
    message = Message(data={TEXT: "I have debts and no money left", METADATA: {"language": "en"},
                            INTENT: {"name": "debt", "confidence": 0.9}})
    LanguageRouter(["nl"], load_switch_words()).process([message])
    assert message.get(INTENT)["name"] == "other_language"


@pytest.mark.parametrize(("text", "expected"), [
    ("English please", "en"),
    ("kunnen we in het engels praten", "en"),
    ("ik wil liever Nederlands", "nl"),
    ("Engels of Nederlands, maakt niet uit", None),  # names both: keep the conversation's
    ("can you speak Turkish", None),
])
def test_the_requested_language_is_read_from_whole_words(text, expected):
    assert requested_language(text, load_switch_words()) == expected

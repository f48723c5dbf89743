"""English in full, through the real boundary, Rasa and action server: the language is read at
the boundary on the original words, the answers follow it, and a resident can switch."""

from __future__ import annotations

import re

import pytest

from bot.referrals import load_referrals
from tests.e2e.conftest import texts

pytestmark = pytest.mark.e2e
DUTCH_WORDS = re.compile(r"\b(je|jij|jou|jouw|het|een|niet|kun|kunt|wil|bel|dan|ook)\b", re.I)


def dutch_words(text: str) -> list[str]:
    """Common Dutch function words: an English answer has none, once the names of services and
    places (Veilig Thuis, the municipality's services and addresses) are left out."""
    for service in load_referrals().services.values():
        for value in service.values():
            if isinstance(value, str):
                text = text.replace(value, "")
    return DUTCH_WORDS.findall(text.replace("Veilig Thuis", ""))


def test_an_english_question_gets_english_help_from_the_welcome_on(assistant):
    replies = assistant.say(assistant.new_sender(), "I have debts and I cannot pay my rent anymore")
    assert {"language": "en"} in [r.get("custom") for r in replies], "the widget follows"
    welcome, *answers = [r for r in replies if r.get("text")]
    assert "assistant" in welcome["text"].lower() and dutch_words(welcome["text"]) == []
    answer = texts(answers)
    assert "debt" in answer.lower()
    assert dutch_words(answer) == [], answer


@pytest.mark.parametrize(("message", "number"), [
    ("I don't want to live anymore, I want to end my life", "0800-0113"),
    ("My husband hits me and I am scared to go home", "0800-2000"),
])
def test_an_english_crisis_gets_the_english_safety_answer_first(assistant, message, number):
    _, first, *_ = [r for r in assistant.say(assistant.new_sender(), message) if r.get("text")]
    assert number in first["text"] and "112" in first["text"]
    assert dutch_words(first["text"]) == [], first["text"]


def test_a_resident_switches_language_and_the_answers_follow(assistant):
    sender = assistant.new_sender()
    assert "schuld" in texts(assistant.say(sender, "ik heb schulden bij de energie")).lower()
    switched = assistant.say(sender, "kunnen we in het Engels praten?")
    assert dutch_words(texts(switched)) == [], texts(switched)
    assert {"language": "en"} in [r.get("custom") for r in switched], "the widget follows"
    unsure = texts(assistant.say(sender, "ok"))  # too short to name a language: stays English
    assert dutch_words(unsure) == [], unsure
    back = assistant.say(sender, "Nederlands graag")
    assert dutch_words(texts(back)), texts(back)
    assert {"language": "nl"} in [r.get("custom") for r in back]

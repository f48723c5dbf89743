"""Stopping or diverting requests need the bar's confidence; topics and payloads do not."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.request_bar import RequestConfidenceBar

GUARDED = ["stay_anonymous", "ask_decision", "delete_my_data"]


def _bar() -> RequestConfidenceBar:
    return RequestConfidenceBar.create({"intents": GUARDED, "threshold": 0.4},
                                       None, None, None)  # type: ignore[arg-type]


def _message(text: str, intent: str, confidence: float) -> Message:
    ranking = [{"name": intent, "confidence": confidence},
               {"name": "debt", "confidence": round(1 - confidence, 3)}]
    return Message(data={"text": text, "intent": ranking[0], "intent_ranking": ranking})


@pytest.mark.parametrize(("text", "intent", "confidence"), [
    ("wanneer jullie willen", "stay_anonymous", 0.31),
    ("dinsdag of donderdag, dan heb ik vrij", "ask_decision", 0.33),
    ("weg ermee", "delete_my_data", 0.39),
])
def test_an_unsure_stopping_request_is_not_understood_and_keeps_its_ranking(
        text, intent, confidence):
    message = _bar().process([_message(text, intent, confidence)])[0]
    assert message.get("intent") == {"name": "nlu_fallback", "confidence": 0.4}
    assert [r["name"] for r in message.get("intent_ranking")] == ["nlu_fallback", intent, "debt"]


@pytest.mark.parametrize(("text", "intent", "confidence"), [
    ("ik wil anoniem blijven", "stay_anonymous", 0.93),      # sure enough
    ("kan ik de huur niet betalen", "debt", 0.3),             # a topic: the fallback decides
    ("/stay_anonymous", "stay_anonymous", 0.0),               # a button the resident pressed
])
def test_sure_requests_topics_and_buttons_pass_unchanged(text, intent, confidence):
    message = _bar().process([_message(text, intent, confidence)])[0]
    assert message.get("intent") == {"name": intent, "confidence": confidence}


def test_a_message_without_an_intent_is_left_alone():
    message = _bar().process([Message(data={"text": "hoi"})])[0]
    assert message.get("intent") is None

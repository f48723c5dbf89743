"""Two intents that lead to the same place are no ambiguity; any other pair still is."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.agreeing_intents import AgreeingIntents

PAIRS = [["request_callback", "affirm"], ["request_callback", "request_human"]]


def _component() -> AgreeingIntents:
    return AgreeingIntents.create({"pairs": PAIRS}, None, None, None)  # type: ignore[arg-type]


def _message(text: str, *ranking: tuple[str, float]) -> Message:
    ranked = [{"name": name, "confidence": confidence} for name, confidence in ranking]
    return Message(data={"text": text, "intent": ranked[0], "intent_ranking": ranked})


@pytest.mark.parametrize(("text", "first", "second"), [
    ("ja ik wil wel dat iemand me belt", ("request_callback", 0.38), ("affirm", 0.38)),
    ("ja graag, bel me maar", ("affirm", 0.41), ("request_callback", 0.37)),
    ("kan ik iemand spreken die me terugbelt", ("request_human", 0.4), ("request_callback", 0.39)),
])
def test_a_listed_pair_becomes_its_first_intent_with_both_confidences(text, first, second):
    message = _component().process([_message(text, first, second, ("debt", 0.05))])[0]
    assert message.get("intent") == {"name": "request_callback",
                                     "confidence": pytest.approx(first[1] + second[1])}
    assert [r["name"] for r in message.get("intent_ranking")] == ["request_callback", "debt"]


@pytest.mark.parametrize(("text", "first", "second"), [
    ("ja", ("affirm", 0.5), ("deny", 0.45)),                          # not a pair
    ("bel me over de huur", ("debt", 0.4), ("request_callback", 0.38)),  # a topic and a request
    ("ja ok", ("affirm", 0.6), ("debt", 0.2)),                          # pair not in the top two
])
def test_other_rankings_pass_unchanged(text, first, second):
    message = _component().process([_message(text, first, second, ("request_callback", 0.01))])[0]
    assert message.get("intent") == {"name": first[0], "confidence": first[1]}
    assert len(message.get("intent_ranking")) == 3


def test_a_message_without_a_ranking_is_left_alone():
    assert _component().process([Message(data={"text": "hoi"})])[0].get("intent") is None

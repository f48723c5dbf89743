"""After a topic answer: the other topics the message was about are offered as buttons, then the
contact question - never for a pressed button, never the answered topic again."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.offer_contact import ActionOfferContact, other_topics


def parsed(text: str, intent: str, **confidences: float) -> dict:
    ranked = [{"name": intent, "confidence": 1.0 - sum(confidences.values())}]
    ranked += [{"name": n, "confidence": c} for n, c in confidences.items()]
    return {"text": text, "intent": {"name": intent, "confidence": ranked[0]["confidence"]},
            "intent_ranking": ranked, "entities": []}


def run(domain_dict: dict, latest: dict, **slots) -> list[dict]:
    tracker = Tracker("r1", slots, latest, [], False, None, {}, "utter_debt")
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionOfferContact().run(dispatcher, tracker, domain_dict))
    return dispatcher.messages


MIXED = ("De huur van november is niet betaald en er komt een deurwaarder. Ik slaap slecht "
         "en sinds mijn vrouw weg is ken ik hier niemand meer.")


def test_other_topics_of_the_message_come_as_buttons_with_the_contact_question(domain_dict):
    (offer,) = run(domain_dict, parsed(MIXED, "debt", loneliness=0.3, stress=0.15))
    assert offer["response"] == "utter_offer_contact_and_topics"
    assert [(b["title"], b["payload"]) for b in offer["buttons"]] == [
        ("Eenzaam", "/loneliness"), ("Stress", "/stress")], "after the response's own yes and no"


def test_the_combined_offer_asks_the_contact_question_word_for_word(domain_dict):
    """The resident (and the conversation evaluation) must still see the contact question."""
    responses = domain_dict["responses"]
    for plain, combined in zip(responses["utter_offer_contact"],
                               responses["utter_offer_contact_and_topics"], strict=True):
        assert plain["text"] in combined["text"] and plain["buttons"] == combined["buttons"]


def test_buttons_follow_the_conversation_language(domain_dict):
    (offer,) = run(domain_dict, parsed("I owe rent and I feel so alone here", "debt",
                                       loneliness=0.3), language="en")
    assert [b["title"] for b in offer["buttons"]] == ["Lonely"]


@pytest.mark.parametrize("latest", [
    parsed("Ik heb een betalingsregeling nodig voor mijn energierekening.", "debt",
           money_worries=0.1, stress=0.05),          # the others too unlikely
    parsed("/debt", "debt", loneliness=0.3),          # a button: the resident chose one topic
    parsed("Wat moet ik doen?", "ask_decision", debt=0.3, stress=0.2),  # no topic answered
])
def test_only_the_contact_question_when_nothing_else_was_heard(domain_dict, latest):
    assert [m["response"] for m in run(domain_dict, latest)] == ["utter_offer_contact"]


def test_at_most_two_other_topics_and_never_the_answered_one():
    latest = parsed(MIXED, "debt", loneliness=0.2, stress=0.18, money_worries=0.15)
    assert other_topics(latest) == ["loneliness", "stress"]


def test_the_offer_has_a_text_in_every_conversation_language(domain_dict):
    variants = domain_dict["responses"]["utter_offer_contact_and_topics"]
    assert {v.get("condition", [{}])[0].get("value", "nl") for v in variants} == {"nl", "en"}

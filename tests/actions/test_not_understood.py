"""Unsure of a message: a follow-up gets the topic's service, a guess gets "Bedoel je …?",
nothing likely gets the menu, and an earlier safety answer keeps its number in the reply."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.decision import question_topic
from actions.not_understood import ActionNotUnderstood, likely_topics


def ranking(**confidences: float) -> dict:
    ranked = [{"name": "nlu_fallback", "confidence": 0.45}]
    ranked += [{"name": n, "confidence": c} for n, c in confidences.items()]
    return {"text": "…", "intent": {"name": "nlu_fallback", "confidence": 0.45},
            "intent_ranking": ranked, "entities": []}


def run(domain_dict, latest, events=(), **slots):
    tracker = Tracker("r1", slots, latest, list(events), False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionNotUnderstood().run(dispatcher, tracker, domain_dict))
    return dispatcher.messages


def payloads(message: dict) -> list[str]:
    return [b["payload"] for b in message.get("buttons") or []]


def test_topics_are_offered_most_likely_first_and_at_most_three():
    latest = ranking(stress=0.1, debt=0.3, greet=0.4, youth=0.05, parenting=0.09, loneliness=0.2)
    assert likely_topics(latest) == ["debt", "loneliness", "stress"]


def test_no_topic_yet_asks_which_of_the_likely_topics(privacy, domain_dict):
    (message,) = run(domain_dict, ranking(debt=0.3, money_worries=0.2))
    assert message["response"] == "utter_suggest_topics"
    assert payloads(message) == ["/debt", "/money_worries", "/nlu_fallback"]
    assert message["buttons"][0]["title"] == "Schulden"


@pytest.mark.parametrize("latest", [
    ranking(greet=0.4),
    {"text": "/nlu_fallback", "intent": {"name": "nlu_fallback", "confidence": 1.0},
     "intent_ranking": [{"name": "nlu_fallback", "confidence": 1.0}], "entities": []},
])
def test_nothing_likely_or_something_else_pressed_shows_the_whole_menu(
        privacy, domain_dict, latest):
    (message,) = run(domain_dict, latest)
    assert message["response"] == "utter_fallback"


def test_a_follow_up_gets_the_service_of_the_topic_in_play(privacy, domain_dict):
    (message,) = run(domain_dict, ranking(stress=0.2, debt=0.1), help_topic="debt")
    assert message["response"] == "utter_topic_followup"
    assert message["dienst"] == "Schuldhulpverlening Voorbeeldstad"
    assert message["telefoon"] == "0999-123 450"
    assert payloads(message) == ["/stress", "/nlu_fallback"], "the other likely topics"


def test_after_a_safety_answer_the_number_stays_in_the_reply(privacy, domain_dict):
    events = [{"event": "action", "name": "utter_domestic_violence"},
              {"event": "user", "text": "…"}]
    messages = run(domain_dict, ranking(), events=events)
    assert [m["response"] for m in messages] == ["utter_fallback", "utter_safety_line_violence"]


def test_a_new_session_forgets_the_safety_answer(privacy, domain_dict):
    events = [{"event": "action", "name": "utter_crisis_suicide"},
              {"event": "session_started"}, {"event": "user", "text": "…"}]
    assert [m["response"] for m in run(domain_dict, ranking(), events=events)] == [
        "utter_fallback"]


def test_a_weak_signal_leaves_the_line_to_its_rule(privacy, domain_dict):
    latest = ranking()
    latest["entities"] = [{"entity": "weak_signal_suicide", "value": "weak"}]
    events = [{"event": "action", "name": "utter_crisis_suicide"}]
    assert [m["response"] for m in run(domain_dict, latest, events=events)] == ["utter_fallback"]


# --- a decision question names the service of its topic (actions/decision.py) -----------------

def run_decision(domain_dict, latest, **slots):
    from actions.decision import ActionDecisionService

    tracker = Tracker("r1", slots, latest, [], False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionDecisionService().run(dispatcher, tracker, domain_dict))
    return dispatcher.messages


def decision(**confidences: float) -> dict:
    ranked = [{"name": "ask_decision", "confidence": 0.6}]
    ranked += [{"name": n, "confidence": c} for n, c in confidences.items()]
    return {"text": "heb ik recht op een traplift?", "entities": [],
            "intent": {"name": "ask_decision", "confidence": 0.6}, "intent_ranking": ranked}


def test_a_decision_question_gets_the_service_of_the_topic_it_is_about(privacy, domain_dict):
    (message,) = run_decision(domain_dict, decision(social_support=0.3, debt=0.05))
    assert message["response"] == "utter_decision_service"
    from actions.context import current

    assert message["dienst"] == current().referrals.service_for_topic("social_support")["naam"]


def test_the_topic_in_play_goes_before_the_guess(privacy, domain_dict):
    (message,) = run_decision(domain_dict, decision(social_support=0.3), help_topic="debt")
    assert message["dienst"] == "Schuldhulpverlening Voorbeeldstad"


def test_a_decision_question_about_nothing_in_particular_gets_no_service(privacy, domain_dict):
    assert run_decision(domain_dict, decision(greet=0.3)) == []


@pytest.mark.parametrize("confidences, topic", [
    # "heb ik recht op een traplift?": the decision takes nearly all confidence
    ({"social_support": 0.034, "digital_help": 0.003, "debt": 0.002}, "social_support"),
    ({"debt": 0.001, "money_worries": 0.0002}, "debt"),
    ({"debt": 0.004, "money_worries": 0.004, "stress": 0.003}, None),  # no topic leads
    ({"greet": 0.02}, None),
])
def test_the_topic_of_a_confident_decision_question_is_read_among_the_topics(confidences, topic):
    assert question_topic(decision(**confidences)) == topic


def test_an_unsure_read_of_another_topic_keeps_the_conversations_topic(privacy, domain_dict):
    """bot/topic_followup.py sends it here; the slot mapping already set the other topic."""
    latest = {"text": "kan ik ook gewoon ergens langs komen?",
              "intent": {"name": "digital_help", "confidence": 0.41},
              "intent_ranking": [{"name": "digital_help", "confidence": 0.41},
                                 {"name": "debt", "confidence": 0.3}], "entities": []}
    events = [{"event": "user", "text": "ik heb schulden"},
              {"event": "slot", "name": "help_topic", "value": "debt"},
              {"event": "user", "text": latest["text"]},
              {"event": "slot", "name": "help_topic", "value": "digital_help"}]
    tracker = Tracker("r1", {"help_topic": "digital_help"}, latest, events, False, None, {},
                      "action_listen")
    dispatcher = CollectingDispatcher()
    result = asyncio.run(ActionNotUnderstood().run(dispatcher, tracker, domain_dict))
    (message,) = dispatcher.messages
    assert message["response"] == "utter_topic_followup"
    assert message["dienst"] == "Schuldhulpverlening Voorbeeldstad"
    assert payloads(message) == ["/digital_help", "/nlu_fallback"]
    assert result == [{"event": "slot", "timestamp": None, "name": "help_topic", "value": "debt"}]

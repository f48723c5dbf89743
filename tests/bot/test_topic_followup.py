"""A follow-up read, unsure, as another topic stays with the conversation's topic."""

from __future__ import annotations

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActiveLoop, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.topic_followup import TopicFollowUpPolicy
from settings.core import PROJECT_ROOT

LISTEN = "action_listen"
FOLLOW_UP = "action_not_understood"


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(PROJECT_ROOT / "domain.yml")


@pytest.fixture(scope="module")
def policy() -> TopicFollowUpPolicy:
    config = {**TopicFollowUpPolicy.get_default_config(), "also": ["out_of_scope"]}
    context = ExecutionContext(GraphSchema({}), "test")
    return TopicFollowUpPolicy(config, None, None, context)  # type: ignore[arg-type]


def conversation(domain: Domain, first: str | None, intent: str, confidence: float,
                 *extra) -> DialogueStateTracker:
    """A first topic answered (its slot set), then a message read as ``intent``; the slot
    mapping has already set the slot from it, as Rasa does before the policies run."""
    events = [SessionStarted(), ActionExecuted(LISTEN)]
    if first is not None:
        events += [UserUttered("...", {"name": first, "confidence": 0.9}),
                   SlotSet("help_topic", first), ActionExecuted(f"utter_{first}"),
                   ActionExecuted(LISTEN)]
    events += [*extra, UserUttered("kan ik ook gewoon ergens langs komen?",
                                   {"name": intent, "confidence": confidence}),
               SlotSet("help_topic", intent)]
    return DialogueStateTracker.from_events("resident", events, domain.slots)


@pytest.mark.parametrize(("first", "intent", "confidence", "expected"), [
    pytest.param("debt", "digital_help", 0.41, FOLLOW_UP, id="unsure other topic stays"),
    pytest.param("parenting", "social_support", 0.30, FOLLOW_UP, id="unsure after parenting"),
    pytest.param("debt", "stress", 0.94, None, id="a sure switch switches"),
    pytest.param("debt", "debt", 0.30, None, id="the same topic is answered as usual"),
    pytest.param(None, "digital_help", 0.41, None, id="a first topic is answered as usual"),
    pytest.param("debt", "privacy_info", 0.30, None, id="not a topic: the rules decide"),
    pytest.param("money_worries", "out_of_scope", 0.38, FOLLOW_UP, id="unsure out of scope stays"),
    pytest.param("money_worries", "out_of_scope", 0.81, None, id="a sure out of scope is so"),
    pytest.param(None, "out_of_scope", 0.38, None, id="no topic yet: out of scope as usual"),
])
def test_an_unsure_read_of_another_topic_gets_the_follow_up(policy, domain, first, intent,
                                                             confidence, expected):
    assert policy.next_action(conversation(domain, first, intent, confidence)) == expected


def test_never_inside_a_form(policy, domain):
    t = conversation(domain, "debt", "digital_help", 0.41, ActiveLoop("handoff_form"))
    assert policy.next_action(t) is None


def test_it_listens_after_its_own_answer_only(policy, domain):
    t = conversation(domain, "debt", "digital_help", 0.41)
    t.update(ActionExecuted(FOLLOW_UP, policy="policy_1_TopicFollowUpPolicy"))
    assert policy.next_action(t) == LISTEN
    other = conversation(domain, "debt", "digital_help", 0.9)
    other.update(ActionExecuted(FOLLOW_UP, policy="policy_0_RulePolicy"))
    assert policy.next_action(other) is None


def test_the_prediction_names_the_follow_up_action(policy, domain):
    prediction = policy.predict_action_probabilities(
        conversation(domain, "debt", "digital_help", 0.41), domain)
    assert prediction.probabilities[domain.index_for_action(FOLLOW_UP)] == 1.0

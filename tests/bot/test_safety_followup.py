"""After a safety answer, the next answers keep 113 / Veilig Thuis in view."""

from __future__ import annotations

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActiveLoop,
    BotUttered,
    SessionStarted,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from bot.safety_followup import SafetyFollowUpPolicy, turn_ending_actions
from settings.core import PROJECT_ROOT

LISTEN = "action_listen"
ENDS = ["action_offer_contact", "utter_privacy_info", "utter_thank", "action_not_understood"]


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(PROJECT_ROOT / "domain.yml")


@pytest.fixture(scope="module")
def policy() -> SafetyFollowUpPolicy:
    config = SafetyFollowUpPolicy.get_default_config()
    context = ExecutionContext(GraphSchema({}), "test")
    return SafetyFollowUpPolicy(config, None, None, context, turn_ends=ENDS)  # type: ignore[arg-type]


def turn(intent: str, *actions: str, text: str = "...") -> list:
    return [UserUttered(text, {"name": intent, "confidence": 1.0}),
            *[ActionExecuted(a) for a in actions]]


def tracker(domain: Domain, *turns: list) -> DialogueStateTracker:
    events = [SessionStarted(), ActionExecuted(LISTEN)]
    for t in turns:
        events += [*t, ActionExecuted(LISTEN)]
    return DialogueStateTracker.from_events("resident", events[:-1], domain.slots)


VIOLENCE = turn("domestic_violence", "utter_domestic_violence")
CRISIS = turn("crisis_suicide", "utter_crisis_suicide")


@pytest.mark.parametrize(("answered", "reminder"), [
    (VIOLENCE, "utter_safety_reminder_violence"),
    (CRISIS, "utter_safety_reminder_suicide"),
])
def test_the_answer_after_a_safety_answer_ends_with_the_reminder(policy, domain, answered,
                                                                  reminder):
    t = tracker(domain, answered, turn("privacy_info", "utter_privacy_info"))
    assert policy.next_action(t, domain) == reminder
    t.update(ActionExecuted(reminder))
    assert policy.next_action(t, domain) == LISTEN


def test_the_reminder_follows_for_three_messages_then_stops(policy, domain):
    follow = turn("thank", "utter_thank")
    for later in range(1, 5):
        t = tracker(domain, VIOLENCE, *[follow] * later)
        expected = "utter_safety_reminder_violence" if later <= 3 else None
        assert policy.next_action(t, domain) == expected, later


def test_the_short_line_of_a_weak_signal_is_not_repeated(policy, domain):
    weak = turn("debt", "utter_debt", "utter_safety_line_violence", "action_offer_contact")
    assert policy.next_action(tracker(domain, weak, turn("thank", "utter_thank")), domain) is None


def test_the_latest_safety_answer_decides_the_kind(policy, domain):
    t = tracker(domain, VIOLENCE, CRISIS, turn("thank", "utter_thank"))
    assert policy.next_action(t, domain) == "utter_safety_reminder_suicide"


def test_nothing_is_added_mid_answer_or_without_an_earlier_safety_answer(policy, domain):
    mid = tracker(domain, VIOLENCE, turn("debt", "utter_debt"))
    assert policy.next_action(mid, domain) is None  # utter_debt does not end a turn
    calm = tracker(domain, turn("debt", "utter_debt", "action_offer_contact"))
    assert policy.next_action(calm, domain) is None


def test_a_turn_that_showed_the_number_gets_no_second_one(policy, domain):
    again = tracker(domain, VIOLENCE, turn("domestic_violence", "utter_domestic_violence"))
    assert policy.next_action(again, domain) is None
    t = tracker(domain, VIOLENCE, turn("nlu_fallback", "action_not_understood"))
    t.update(BotUttered("Bel gratis Veilig Thuis: 0800-2000."))
    assert policy.next_action(t, domain) is None


def test_a_form_asks_its_question_undisturbed(policy, domain):
    t = tracker(domain, VIOLENCE, turn("request_callback", "action_offer_contact"))
    t.update(ActiveLoop("handoff_form"))
    assert policy.next_action(t, domain) is None


def test_a_new_session_starts_clean(policy, domain):
    t = tracker(domain, VIOLENCE)
    for event in [ActionExecuted(LISTEN), SessionStarted(), ActionExecuted(LISTEN),
                  *turn("thank", "utter_thank")]:
        t.update(event)
    assert policy.next_action(t, domain) is None


def _actions(*names: str) -> list:
    return [ActionExecuted(n) for n in names]


def test_turn_ends_are_the_actions_always_followed_by_listening_outside_forms():
    sequences = [
        _actions(LISTEN, "utter_debt", "action_offer_contact", LISTEN),
        _actions(LISTEN, "utter_debt", "utter_safety_line_suicide", "action_offer_contact", LISTEN),
        _actions(LISTEN, "utter_greet", LISTEN, "utter_privacy_info", LISTEN),
        # inside the form its question follows the answer: that says nothing about the turn
        [ActiveLoop("handoff_form"), *_actions("utter_privacy_info", "handoff_form"),
         ActiveLoop(None), *_actions("utter_thank", LISTEN)],
    ]
    assert turn_ending_actions(sequences) == {
        "action_offer_contact", "utter_greet", "utter_privacy_info", "utter_thank"}


def test_the_reminders_exist_in_the_domain_and_give_the_numbers(domain):
    texts = {name: domain.responses[name][0]["text"]
             for name in ("utter_safety_reminder_suicide", "utter_safety_reminder_violence")}
    assert "0800-0113" in texts["utter_safety_reminder_suicide"]
    assert "0800-2000" in texts["utter_safety_reminder_violence"]
    assert all("112" in text for text in texts.values())


def test_a_form_that_just_finished_first_gives_its_answer(domain):
    """The form's action is last when it deactivates; its answer (the route) comes next."""
    config = SafetyFollowUpPolicy.get_default_config()
    context = ExecutionContext(GraphSchema({}), "test")
    policy = SafetyFollowUpPolicy(config, None, None, context,  # type: ignore[arg-type]
                                  turn_ends=[*ENDS, "contact_route_form"])
    t = tracker(domain, VIOLENCE, turn("choose_contact_way", "contact_route_form"))
    t.update(ActiveLoop(None))
    assert policy.next_action(t, domain) is None


def marked(intent: str, mark: str, *actions: str) -> list:
    """A message the safety net marked weak, beside the language entity the router adds."""
    return [UserUttered("...", {"name": intent, "confidence": 1.0},
                        [{"entity": mark, "value": "weak"}, {"entity": "language", "value": "nl"}]),
            *[ActionExecuted(a) for a in actions]]


@pytest.mark.parametrize(("message", "line"), [
    (marked("debt", "weak_signal_suicide", "utter_debt", "action_offer_contact"),
     "utter_safety_line_suicide"),
    (marked("nlu_fallback", "weak_signal_violence", "action_not_understood"),
     "utter_safety_line_violence"),
])
def test_a_weak_mark_ends_the_turn_with_its_line_whatever_rule_answered(policy, domain, message,
                                                                        line):
    t = tracker(domain, message)
    assert policy.next_action(t, domain) == line
    t.update(ActionExecuted(line, policy="policy_0_SafetyFollowUpPolicy"))
    assert policy.next_action(t, domain) == LISTEN


def test_a_weak_mark_whose_rule_gave_the_line_gets_no_second_one(policy, domain):
    # the rule's line action alone is enough (`rasa test` predicts actions, utters nothing)
    t = tracker(domain, marked("debt", "weak_signal_violence", "utter_debt",
                               "utter_safety_line_violence", "action_offer_contact"))
    assert policy.next_action(t, domain) is None
    t.update(BotUttered("Bel dan gratis Veilig Thuis: 0800-2000."))
    assert policy.next_action(t, domain) is None
    # A rule's line mid-answer is followed by the rest of the answer, not by listening.
    mid = tracker(domain, marked("debt", "weak_signal_violence", "utter_debt"))
    mid.update(ActionExecuted("utter_safety_line_violence", policy="policy_2_RulePolicy"))
    assert policy.next_action(mid, domain) is None


def test_a_weak_line_may_end_a_turn_without_making_its_action_no_turn_end():
    sequences = [
        _actions(LISTEN, "action_not_understood", LISTEN),
        _actions(LISTEN, "action_not_understood", "utter_safety_line_suicide", LISTEN),
    ]
    ends = turn_ending_actions(sequences, ["utter_safety_line_suicide"])
    assert "action_not_understood" in ends  # (the policy leaves the lines themselves out)
    assert "action_not_understood" not in turn_ending_actions(sequences)

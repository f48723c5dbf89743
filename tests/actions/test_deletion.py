"""Deletion on request, on "anoniem blijven" and on withdrawal - against real privacy services."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.deletion import ActionDeleteMyData, ActionStayAnonymous, ActionWithdrawConsent
from tests.actions.conftest import make_tracker

SENDER = "resident-1"
PHONE = "0594-512 334"


def run(action, tracker, domain_dict):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker, domain_dict))
    return [m.get("response") for m in dispatcher.messages], dispatcher.messages, events


def hand_off(privacy, status="new"):
    """A consented hand-off as action_finish_handoff leaves it, moved on to ``status``."""
    conversation = privacy.pseudonym(SENDER)
    consent = privacy.consents.record(
        conversation=conversation, purpose="contact", recipient="wmo",
        data_categories=["telefoonnummer"], question="Mag ik je vraag doorgeven?",
        question_version="2026-11-30", answer="given")
    handoff = privacy.queue.create(
        conversation=conversation, team="wmo", topics=["social_support"], contact_way="telefoon",
        contact=PHONE, preferred_moment="middag", summary="Hulpvraag over hulp thuis (Wmo).",
        consent_id=consent.id)
    steps = {"claimed": ["claim"], "closed": ["claim", "close"]}[status] if status != "new" else []
    for step in steps:
        getattr(privacy.queue, step)(handoff.id, "j.devries")
    return handoff


def test_withdrawal_after_hand_off_removes_it_and_says_so(privacy, domain_dict):
    hand_off(privacy)
    privacy.vault.number_for(SENDER, "PERSON", "Kees Jansen")
    said, messages, events = run(
        ActionWithdrawConsent(), make_tracker(handoff_contact="<TELEFOONNUMMER_1>"), domain_dict)

    assert privacy.queue.list() == []
    assert privacy.vault.categories(SENDER) == []
    conversation = privacy.pseudonym(SENDER)
    assert privacy.consents.current_consent(conversation) is None
    assert [r.answer for r in privacy.consents.for_conversation(conversation)] == [
        "given", "withdrawn"]
    (deletion,) = privacy.deletions.for_conversation(conversation)
    assert deletion.reason == "withdrawn"
    assert set(deletion.categories) == {"PERSON", "handoff:wmo"}
    assert said == ["utter_consent_withdrawn", "utter_data_deleted"]
    assert messages[1]["wat"] == "je naam en je aanmelding bij Wmo-loket"
    assert SlotSet("handoff_contact", None) in events


def test_withdrawal_reaches_a_claimed_hand_off_not_yet_closed(privacy, domain_dict):
    hand_off(privacy, "claimed")
    run(ActionWithdrawConsent(), make_tracker(), domain_dict)
    assert privacy.queue.list() == []


def test_a_closed_hand_off_stays_and_the_resident_is_told_whom_to_ask(privacy, domain_dict):
    closed = hand_off(privacy, "closed")
    said, _, _ = run(ActionWithdrawConsent(), make_tracker(), domain_dict)
    assert [h.id for h in privacy.queue.list()] == [closed.id]
    assert said == ["utter_consent_withdrawn", "utter_handoff_already_closed"]


def test_withdrawal_without_consent_says_nothing_was_shared(privacy, domain_dict):
    said, _, _ = run(ActionWithdrawConsent(), make_tracker(), domain_dict)
    assert said == ["utter_withdraw_consent"]
    assert privacy.deletions.for_conversation(privacy.pseudonym(SENDER)) == []


@pytest.mark.parametrize(
    ("action", "reason", "said"),
    [
        (ActionDeleteMyData(), "request",
         ["utter_conversation_deleted", "utter_data_deleted"]),
        (ActionStayAnonymous(), "anonymous", ["utter_data_deleted", "utter_stay_anonymous"]),
    ],
)
def test_delete_and_anonymous_wipe_vault_hand_off_and_consent(
    action, reason, said, privacy, domain_dict
):
    hand_off(privacy)
    privacy.vault.number_for(SENDER, "PHONE_NUMBER", PHONE)
    privacy.vault.number_for(SENDER, "NL_BSN", "111222333")
    got, _, _ = run(action, make_tracker(age_16_plus="ja"), domain_dict)

    conversation = privacy.pseudonym(SENDER)
    assert privacy.vault.categories(SENDER) == []
    assert privacy.queue.list() == []
    assert privacy.consents.current_consent(conversation) is None
    (deletion,) = privacy.deletions.for_conversation(conversation)
    assert deletion.reason == reason
    assert set(deletion.categories) == {"PHONE_NUMBER", "NL_BSN", "handoff:wmo"}
    assert got == said


def test_delete_with_nothing_held_says_so(privacy, domain_dict):
    said, _, _ = run(ActionDeleteMyData(), make_tracker(), domain_dict)
    assert said == ["utter_conversation_deleted", "utter_nothing_held"]


def test_other_conversations_are_untouched(privacy, domain_dict):
    privacy.vault.number_for("someone-else", "PERSON", "Anna de Boer")
    run(ActionDeleteMyData(), make_tracker(), domain_dict)
    assert privacy.vault.categories("someone-else") == ["PERSON"]

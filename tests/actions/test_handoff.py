"""The consented hand-off, run against real privacy services (SQLite, encrypted vault)."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.handoff import (
    FORM_SLOTS,
    ActionAskHandoffConsent,
    ActionAskHandoffSummaryOk,
    ActionFinishHandoff,
    ValidateHandoffForm,
    consent_question,
)
from tests.actions.conftest import make_tracker

PHONE = "06-48 39 21 07"
SENDER = "resident-1"


def run(action, tracker, domain_dict):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker, domain_dict))
    return dispatcher.messages, events


def responses(messages) -> list[str]:
    return [m.get("response") for m in messages]


def consented_slots(**overrides):
    slots = {
        "help_topic": "debt", "age_16_plus": "ja", "handoff_consent": "ja",
        "handoff_contact_way": "telefoon", "handoff_contact": "<TELEFOONNUMMER_1>",
        "handoff_moment": "ochtend", "handoff_summary_ok": "ja",
    }
    return {**slots, **overrides}


@pytest.mark.parametrize(
    ("slots", "expected"),
    [
        ({}, list(FORM_SLOTS)),
        ({"help_topic": "debt", "age_16_plus": "nee"}, ["help_topic", "age_16_plus"]),
        ({"help_topic": "debt", "age_16_plus": "ja", "handoff_consent": "nee"},
         ["help_topic", "age_16_plus", "handoff_consent"]),
        ({"help_topic": "debt", "age_16_plus": "ja", "handoff_consent": "ja",
          "handoff_contact_way": "stop"}, list(FORM_SLOTS[:4])),
        ({"help_topic": "debt", "age_16_plus": "ja", "handoff_consent": "ja"}, list(FORM_SLOTS)),
    ],
)
def test_form_stops_asking_after_no_under_16_or_stop(slots, expected, domain_dict):
    form = ValidateHandoffForm()
    required = asyncio.run(form.required_slots(
        list(FORM_SLOTS), CollectingDispatcher(), make_tracker(**slots), domain_dict))
    assert required == expected


@pytest.mark.parametrize(("answer", "registered"), [("ja", "given"), ("nee", "refused")])
def test_consent_answer_is_registered_with_the_exact_question(
    answer, registered, privacy, domain_dict
):
    tracker = make_tracker(help_topic="debt", requested_slot="handoff_consent")
    result = ValidateHandoffForm().validate_handoff_consent(
        answer, CollectingDispatcher(), tracker, domain_dict)
    assert result == {"handoff_consent": answer}
    (record,) = privacy.consents.for_conversation(privacy.pseudonym(SENDER))
    assert record.answer == registered
    assert record.question == consent_question(tracker)
    assert record.recipient == "schuldhulp"
    assert record.question_version and record.data_categories
    assert SENDER not in record.conversation, "the register holds a pseudonym"


def test_unclear_consent_answer_registers_nothing_and_asks_again(privacy, domain_dict):
    dispatcher = CollectingDispatcher()
    result = ValidateHandoffForm().validate_handoff_consent(
        "hoe bedoel je", dispatcher,
        make_tracker(help_topic="debt", requested_slot="handoff_consent"), domain_dict)
    assert result == {"handoff_consent": None}
    assert responses(dispatcher.messages) == ["utter_invalid_yes_no"]
    assert privacy.consents.for_conversation(privacy.pseudonym(SENDER)) == []


def test_the_question_shown_is_the_registered_one(privacy, domain_dict):
    tracker = make_tracker(help_topic="parenting")
    messages, _ = run(ActionAskHandoffConsent(), tracker, domain_dict)
    assert messages[0]["text"] == consent_question(tracker)
    assert "Centrum voor Jeugd en Gezin" in messages[0]["text"]
    assert {b["payload"] for b in messages[0]["buttons"]} == {"ja", "nee"}


@pytest.mark.parametrize(
    ("way", "text", "expected"),
    [
        ("telefoon", "<TELEFOONNUMMER_1>", {"handoff_contact": "<TELEFOONNUMMER_1>"}),
        ("telefoon", "<EMAIL_1>",
         {"handoff_contact": "<EMAIL_1>", "handoff_contact_way": "e-mail"}),
        ("e-mail", "dat is <EMAIL_2>", {"handoff_contact": "<EMAIL_2>"}),
        ("telefoon", "stop", {"handoff_contact": "stop"}),
    ],
)
def test_contact_answer_keeps_the_placeholder(way, text, expected, domain_dict):
    result = ValidateHandoffForm().validate_handoff_contact(
        text, CollectingDispatcher(), make_tracker(handoff_contact_way=way), domain_dict)
    assert result == expected


@pytest.mark.parametrize(
    ("way", "response"),
    [("telefoon", "utter_invalid_handoff_contact_telefoon"),
     ("e-mail", "utter_invalid_handoff_contact_email")],
)
def test_contact_answer_without_contact_details_is_asked_again(way, response, domain_dict):
    dispatcher = CollectingDispatcher()
    result = ValidateHandoffForm().validate_handoff_contact(
        "weet ik niet uit mijn hoofd", dispatcher, make_tracker(handoff_contact_way=way),
        domain_dict)
    assert result == {"handoff_contact": None}
    assert responses(dispatcher.messages) == [response]


def test_contact_given_with_the_way_fills_both(domain_dict):
    result = ValidateHandoffForm().validate_handoff_contact_way(
        "bel me op <TELEFOONNUMMER_1>", CollectingDispatcher(), make_tracker(), domain_dict)
    assert result == {"handoff_contact_way": "telefoon", "handoff_contact": "<TELEFOONNUMMER_1>"}


def test_summary_shows_what_is_shared_and_no_contact_value(privacy, domain_dict):
    messages, _ = run(ActionAskHandoffSummaryOk(), make_tracker(**consented_slots()), domain_dict)
    (message,) = messages
    assert message["response"] == "utter_ask_handoff_summary_ok"
    assert message["samenvatting"] == (
        "Hulpvraag over schulden. Contact via telefoon. Liefst ochtend.")
    assert PHONE not in str(message)


def give_consent(privacy, domain_dict, topic="debt"):
    privacy.vault.number_for(SENDER, "PHONE_NUMBER", PHONE)
    privacy.vault.number_for(SENDER, "PERSON", "Samira el Idrissi")
    ValidateHandoffForm().validate_handoff_consent(
        "ja", CollectingDispatcher(),
        make_tracker(help_topic=topic, requested_slot="handoff_consent"), domain_dict)


def test_consent_yes_queues_the_minimum_for_the_topic_team(privacy, domain_dict):
    give_consent(privacy, domain_dict)
    messages, events = run(ActionFinishHandoff(), make_tracker(**consented_slots()), domain_dict)

    (handoff,) = privacy.queue.list()
    assert handoff.team == "schuldhulp" and handoff.topics == ("debt",)
    assert handoff.status == "new" and handoff.contact == "", "not revealed in the list"
    assert privacy.queue.get(handoff.id, reveal=True).contact == PHONE
    assert handoff.preferred_moment == "ochtend"
    assert "Samira" not in handoff.summary and PHONE not in handoff.summary
    assert handoff.consent_id == privacy.consents.current_consent(
        privacy.pseudonym(SENDER)).id
    assert privacy.vault.categories(SENDER) == [], "the vault keeps nothing it no longer needs"
    assert responses(messages) == ["utter_handoff_done"]
    assert SlotSet("handoff_contact", None) in events


@pytest.mark.parametrize("consent", ["nee", "stop"])
def test_consent_no_deletes_and_still_gives_the_public_route(
    consent, privacy, domain_dict, referrals
):
    privacy.vault.number_for(SENDER, "PHONE_NUMBER", PHONE)
    slots = {"help_topic": "debt", "age_16_plus": "ja", "handoff_consent": consent}
    messages, events = run(ActionFinishHandoff(), make_tracker(**slots), domain_dict)

    assert privacy.queue.list() == []
    assert privacy.vault.categories(SENDER) == []
    (deletion,) = privacy.deletions.for_conversation(privacy.pseudonym(SENDER))
    assert deletion.reason == "refused" and deletion.categories == ("PHONE_NUMBER",)
    assert responses(messages) == [
        "utter_handoff_not_sent", "utter_data_deleted", "utter_handoff_public_route"]
    assert messages[1]["wat"] == "je telefoonnummer"
    assert messages[2]["telefoon"] == referrals.services["schuldhulp"]["telefoon"]
    assert SlotSet("handoff_consent", None) in events


def test_summary_rejected_withdraws_consent_and_sends_nothing(privacy, domain_dict):
    give_consent(privacy, domain_dict)
    slots = consented_slots(handoff_summary_ok="nee")
    messages, _ = run(ActionFinishHandoff(), make_tracker(**slots), domain_dict)
    assert privacy.queue.list() == []
    assert privacy.consents.current_consent(privacy.pseudonym(SENDER)) is None
    assert privacy.vault.categories(SENDER) == []
    assert "utter_handoff_public_route" in responses(messages)


def test_under_16_gets_youth_routes_and_nothing_is_queued(privacy, domain_dict):
    slots = {"help_topic": "youth", "age_16_plus": "nee"}
    messages, _ = run(ActionFinishHandoff(), make_tracker(**slots), domain_dict)
    assert responses(messages) == ["utter_handoff_under_16"]
    assert privacy.queue.list() == []
    assert privacy.consents.for_conversation(privacy.pseudonym(SENDER)) == []


def test_expired_vault_shares_nothing_and_says_so(privacy, domain_dict):
    give_consent(privacy, domain_dict)
    privacy.vault.delete(SENDER)  # as the idle expiry would
    messages, _ = run(ActionFinishHandoff(), make_tracker(**consented_slots()), domain_dict)
    assert privacy.queue.list() == []
    assert responses(messages) == ["utter_handoff_expired", "utter_handoff_public_route"]

"""The conversation's language chooses the texts the actions send: Dutch unless it is English."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.case_code import ValidateCaseForm, masked_contact
from actions.contact_route import ActionGiveContactRoute, parse_contact_way
from actions.decision import ActionDecisionService
from actions.deletion import ActionWithdrawConsent
from actions.handoff import (
    ActionAskHandoffConsent,
    ActionAskHandoffSummaryOk,
    ValidateHandoffForm,
    consent_question,
)
from actions.language import (
    button_titles,
    conversation_language,
    session_start_language,
    variation,
)
from actions.not_understood import ActionNotUnderstood
from actions.session import ActionSessionStart
from tests.actions.conftest import make_tracker
from tests.actions.test_deletion import hand_off
from tests.actions.test_handoff import run

SENDER = "resident-1"


def privacy_consent_texts(language):
    """The consent texts the action server's composition root provided, in ``language``."""
    from actions.context import current

    return current().consent_texts.in_language(language)


@pytest.mark.parametrize(("slot", "language"), [
    ("en", "en"), ("nl", "nl"), (None, "nl"), ("pl", "nl"), ("EN", "nl"),
])
def test_the_slot_decides_and_dutch_is_the_default(slot, language):
    assert conversation_language(make_tracker(language=slot)) == language


@pytest.mark.parametrize(("metadata", "language"), [
    ({"language": "en"}, "en"), ({"language": "ar"}, "nl"), ({}, "nl"), (None, "nl"),
])
def test_a_session_starts_in_the_language_of_its_first_message(metadata, language):
    tracker = make_tracker(session_started_metadata=metadata)
    assert session_start_language(tracker) == language


@pytest.mark.parametrize(("language", "title"), [("nl", "Schulden"), ("en", "Debts")])
def test_a_variation_is_picked_as_rasa_picks_it(domain_dict, language, title):
    assert button_titles(domain_dict, "utter_ask_help_topic", language)["/debt"] == title
    assert variation(domain_dict, "utter_thank", "pl") == domain_dict["responses"]["utter_thank"][0]


@pytest.mark.parametrize(("language", "expected"), [
    ("nl", ("Mag ik je vraag doorgeven", "Centrum voor Jeugd en Gezin", ["Ja", "Nee"])),
    ("en", ("May I pass on your question", "Centre for Youth and Family", ["Yes", "No"])),
])
def test_the_consent_question_and_its_buttons_are_in_the_conversations_language(
        privacy, domain_dict, language, expected):
    opening, service, titles = expected
    tracker = make_tracker(help_topic="parenting", language=language)
    (message,), _ = run(ActionAskHandoffConsent(), tracker, domain_dict)
    assert message["text"] == consent_question(tracker)
    assert message["text"].startswith(opening) and service in message["text"]
    assert [b["title"] for b in message["buttons"]] == titles
    assert [b["payload"] for b in message["buttons"]] == ["ja", "nee"]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_register_keeps_the_text_shown_and_its_own_version(privacy, domain_dict, language):
    tracker = make_tracker(help_topic="debt", requested_slot="handoff_consent", language=language)
    ValidateHandoffForm().validate_handoff_consent("yes", CollectingDispatcher(), tracker,
                                                   domain_dict)
    (record,) = privacy.consents.for_conversation(privacy.pseudonym(SENDER))
    texts = privacy_consent_texts(language)
    assert record.answer == "given"
    assert record.question == consent_question(tracker)
    assert record.question_version == texts.version
    assert record.recipient == "schuldhulp"
    assert record.purpose == privacy_consent_texts("nl").purpose



def test_english_and_dutch_consent_have_different_versions(privacy):
    assert privacy_consent_texts("en").version != privacy_consent_texts("nl").version


def test_the_summary_is_shown_in_english(privacy, domain_dict):
    tracker = make_tracker(help_topic="debt", handoff_contact_way="telefoon",
                           handoff_moment="ochtend", language="en")
    (message,), _ = run(ActionAskHandoffSummaryOk(), tracker, domain_dict)
    assert message["samenvatting"] == "Question about debts. Contact by phone. Best time: morning."
    assert message["dienst"] == "Schuldhulpverlening Voorbeeldstad (debt help)"


@pytest.mark.parametrize(("language", "hours"), [
    ("nl", "op werkdagen van 9.00 tot 12.30 uur"), ("en", "on weekdays from 9.00 to 12.30"),
])
def test_the_contact_route_gives_the_labels_of_the_language(privacy, domain_dict, language, hours):
    tracker = make_tracker(help_topic="debt", contact_way="bellen", language=language)
    (message,), _ = run(ActionGiveContactRoute(), tracker, domain_dict)
    assert message["response"] == "utter_contact_route_bellen"
    assert message["tijden"] == hours
    assert message["telefoon"] == "0999-123 450"


@pytest.mark.parametrize(("text", "way"), [
    ("I'll call them", "bellen"), ("by phone", "bellen"), ("I want to visit", "langskomen"),
    ("in person", "langskomen"), ("I'll write an e-mail", "mailen"),
])
def test_the_contact_way_is_understood_in_english(text, way):
    assert parse_contact_way(text) == way


def test_a_decision_question_names_the_service_in_english(privacy, domain_dict):
    tracker = make_tracker(help_topic="social_support", language="en")
    (message,), _ = run(ActionDecisionService(), tracker, domain_dict)
    assert message["dienst"] == "Wmo-loket (help at home)"
    assert message["tijden"] == "on weekdays from 9.00 to 16.00"


def test_not_understood_offers_english_buttons(privacy, domain_dict):
    latest = {"text": "…", "intent": {"name": "nlu_fallback", "confidence": 0.45},
              "intent_ranking": [{"name": "debt", "confidence": 0.3},
                                 {"name": "loneliness", "confidence": 0.2}], "entities": []}
    tracker = Tracker(SENDER, {"language": "en"}, latest, [], False, None, {}, "action_listen")
    (message,), _ = run(ActionNotUnderstood(), tracker, domain_dict)
    assert [b["title"] for b in message["buttons"]] == ["Debts", "Lonely", "Something else"]
    assert [b["payload"] for b in message["buttons"]] == ["/debt", "/loneliness", "/nlu_fallback"]


def test_what_was_deleted_is_said_in_english(privacy, domain_dict):
    privacy.vault.number_for(SENDER, "PERSON", "Kees Jansen")
    privacy.vault.number_for(SENDER, "PHONE_NUMBER", "0594-512 334")
    messages, _ = run(ActionWithdrawConsent(), make_tracker(language="en"), domain_dict)
    (deleted,) = [m for m in messages if m["response"] == "utter_data_deleted"]
    assert deleted["wat"] == "your name and your phone number"


def test_a_stored_hand_off_is_described_in_english(privacy):
    handoff = hand_off(privacy)  # a phone hand-off to the Wmo-loket, best in the afternoon
    facts = ValidateCaseForm._facts(privacy.queue.get(handoff.id, reveal=True),
                                    make_tracker(language="en"))
    assert facts["onderwerp"] == "help at home (Wmo)"
    assert facts["contact"] == "phone, number ends in 34"
    assert facts["moment"] == "afternoon"
    assert facts["status"] == "not picked up yet; a staff member will contact you"
    assert " at " in facts["wanneer"]
    # The question stays as it was registered: the exact text shown, in the language it was asked.
    assert facts["toestemming"] == "Mag ik je vraag doorgeven?"


@pytest.mark.parametrize(("way", "contact", "language", "shown"), [
    ("telefoon", "06-48 39 21 07", "nl", "telefoon, nummer eindigt op 07"),
    ("telefoon", "06-48 39 21 07", "en", "phone, number ends in 07"),
])
def test_the_masked_contact_is_in_the_language(way, contact, language, shown):
    assert masked_contact(way, contact, language) == shown


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_session_starts_in_the_language_of_the_first_message(referrals, domain, language):
    tracker = Tracker("new-resident", {"session_started_metadata": {"language": language}}, {},
                      [], False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionSessionStart(referrals).run(dispatcher, tracker, domain))
    slots = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    (welcome,) = dispatcher.messages
    if language == "en":
        assert welcome["text"].startswith("Hi! I am the digital assistant of Gemeente Voorbeeld")
        assert slots["schuldhulp_tijden"] == "on weekdays from 9.00 to 12.30"
    else:
        assert welcome["response"] == "utter_welcome"
        assert slots["schuldhulp_tijden"] == "op werkdagen van 9.00 tot 12.30 uur"

"""Consent integrity (issue 19, item 1): the consent text, the register row and the queued
hand-off always name the same recipient, whatever the classifier makes of a form answer.

Rasa's own slot extraction runs on the domain's mappings (tests/actions/form_driver.py); the
validation, ask and finish actions run against real privacy services (SQLite, encrypted vault).
"""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.contact_route import ActionGiveContactRoute, ValidateContactRouteForm
from actions.handoff import (
    ActionAskHandoffConsent,
    ActionAskHandoffContact,
    ActionAskHandoffSummaryOk,
    ActionFinishHandoff,
    ValidateHandoffForm,
)
from tests.actions.conftest import make_tracker
from tests.actions.form_driver import FormConversation, load_domain

SENDER = "resident-integrity"
PHONE = "06-48 39 21 07"
EMAIL = "r.dekker@example.nl"

# Answers a classifier can read as a help topic (the trained model reads "ik ben 42", "15" and
# "ik word gepest" as `youth`), or that answer another question than the one asked.
OUT_OF_TURN = [
    pytest.param("ik ben 42", "youth", id="ik ben 42"),
    pytest.param("15", "youth", id="15"),
    pytest.param("morgen om 10 uur", "parenting", id="morgen om 10 uur"),
    pytest.param("bellen", "choose_contact_way", id="bellen"),
    pytest.param("bellen", "youth", id="bellen read as youth"),
    pytest.param("mail", "choose_contact_way", id="mail"),
    pytest.param("mail", "digital_help", id="mail read as digital_help"),
    pytest.param("ik word gepest", "youth", id="a youth topic mid-form"),
]
QUESTIONS = ["age_16_plus", "handoff_consent", "handoff_contact_way", "handoff_contact",
             "handoff_moment", "handoff_summary_ok"]
TOPICS = {"debt": ("ik heb schulden", "schuldhulp"),
          "parenting": ("mijn zoon luistert niet", "cjg"),
          "loneliness": ("ik voel me zo alleen", "welzijn")}


@pytest.fixture(scope="module")
def domain():
    return load_domain()


def handoff_conversation(domain, domain_dict) -> FormConversation:
    return FormConversation(
        sender=SENDER, domain=domain, domain_dict=domain_dict, form="handoff_form",
        validator=ValidateHandoffForm(),
        ask_actions={"handoff_consent": ActionAskHandoffConsent(),
                     "handoff_contact": ActionAskHandoffContact(),
                     "handoff_summary_ok": ActionAskHandoffSummaryOk()},
        finish=ActionFinishHandoff(),
    )


def proper_answer(conversation: FormConversation) -> tuple[str, str]:
    """The answer a resident gives to the question now asked, and its intent."""
    question = conversation.requested
    if question == "handoff_contact":
        if conversation.slot("handoff_contact_way") == "e-mail":
            return "mijn mail is <EMAIL_1>", "request_callback"
        return "<TELEFOONNUMMER_1>", "request_callback"
    return {
        "age_16_plus": ("ja", "affirm"), "handoff_consent": ("ja dat mag", "affirm"),
        "handoff_contact_way": ("telefoon", "choose_contact_way"),
        "handoff_moment": ("ochtend", "out_of_scope"), "handoff_summary_ok": ("ja", "affirm"),
    }[question]


def finish_form(conversation: FormConversation, limit: int = 12) -> None:
    for _ in range(limit):
        if conversation.tracker.active_loop_name is None:
            return
        conversation.say(*proper_answer(conversation))
    raise AssertionError(f"the form kept asking {conversation.requested}")


def consent_texts_shown(conversation: FormConversation) -> list[str]:
    return [m["text"] for m in conversation.shown
            if (m.get("text") or "").startswith("Mag ik je vraag doorgeven aan")]


def assert_one_recipient(privacy, referrals, conversation: FormConversation, team: str) -> None:
    """The consent text shown, the register row and the queued hand-off name ``team``."""
    name = referrals.services[team]["naam"]
    pseudonym = privacy.pseudonym(SENDER)
    shown = consent_texts_shown(conversation)
    assert shown and all(f"doorgeven aan {name}?" in text for text in shown), shown
    rows = privacy.consents.for_conversation(pseudonym)
    assert [row.recipient for row in rows] == [team] * len(rows)
    assert rows[-1].answer == "given" and rows[-1].question == shown[-1]
    (handoff,) = privacy.queue.for_conversation(pseudonym)
    assert handoff.team == team and handoff.consent_id == rows[-1].id
    done = [m for m in conversation.shown if m.get("response") == "utter_handoff_done"]
    assert [m["dienst"] for m in done] == [name]


def start_callback(privacy, domain, domain_dict, topic: str) -> FormConversation:
    privacy.vault.number_for(SENDER, "PHONE_NUMBER", PHONE)
    privacy.vault.number_for(SENDER, "EMAIL_ADDRESS", EMAIL)
    conversation = handoff_conversation(domain, domain_dict)
    conversation.say(TOPICS[topic][0], topic)
    conversation.say("kan iemand mij terugbellen", "request_callback")
    conversation.start_form()
    assert conversation.requested == "age_16_plus"
    return conversation


@pytest.mark.parametrize("question", QUESTIONS)
@pytest.mark.parametrize(("text", "intent"), OUT_OF_TURN)
def test_an_answer_read_as_a_topic_never_changes_the_recipient(
    question, text, intent, privacy, referrals, domain, domain_dict
):
    conversation = start_callback(privacy, domain, domain_dict, "debt")
    while conversation.requested != question:
        conversation.say(*proper_answer(conversation))
    conversation.say(text, intent)

    assert conversation.slot("help_topic") == "debt"
    if "utter_handoff_under_16" in conversation.responses():  # "15" answers the age question
        assert question == "age_16_plus" and text == "15"
        assert privacy.consents.for_conversation(privacy.pseudonym(SENDER)) == []
        return
    finish_form(conversation)
    assert conversation.slot("help_topic") == "debt"
    assert_one_recipient(privacy, referrals, conversation, "schuldhulp")


@pytest.mark.parametrize("topic", ["parenting", "loneliness"])
def test_an_age_answered_at_the_consent_question_is_asked_again_for_the_same_service(
    topic, privacy, referrals, domain, domain_dict
):
    conversation = start_callback(privacy, domain, domain_dict, topic)
    conversation.say("ja", "affirm")
    conversation.say("ik ben 42", "youth")

    assert conversation.responses()[-2:] == ["utter_invalid_yes_no", None]
    assert conversation.requested == "handoff_consent"
    assert privacy.consents.for_conversation(privacy.pseudonym(SENDER)) == []
    finish_form(conversation)
    assert_one_recipient(privacy, referrals, conversation, TOPICS[topic][1])


@pytest.mark.parametrize(
    ("question", "text", "intent", "expected"),
    [
        # a contact way where a moment is asked is not a moment
        ("handoff_moment", "bellen", "choose_contact_way", "utter_invalid_handoff_moment"),
        ("handoff_moment", "mail", "choose_contact_way", "utter_invalid_handoff_moment"),
        ("handoff_moment", "ik ben 42", "youth", "utter_invalid_handoff_moment"),
        ("handoff_moment", "15", "youth", "utter_invalid_handoff_moment"),
        # a time where the age is asked is not an age of 10
        ("age_16_plus", "morgen om 10 uur", "parenting", "utter_invalid_age"),
        ("handoff_consent", "bellen", "choose_contact_way", "utter_invalid_yes_no"),
        ("handoff_contact_way", "morgen om 10 uur", "parenting",
         "utter_invalid_handoff_contact_way"),
        ("handoff_contact", "ik ben 42", "youth", "utter_invalid_handoff_contact_telefoon"),
        ("handoff_summary_ok", "mail", "digital_help", "utter_invalid_yes_no"),
    ],
)
def test_an_answer_to_another_question_is_asked_again_kindly(
    question, text, intent, expected, privacy, domain, domain_dict
):
    conversation = start_callback(privacy, domain, domain_dict, "debt")
    while conversation.requested != question:
        conversation.say(*proper_answer(conversation))
    conversation.say(text, intent)
    assert expected in [m.get("response") for m in conversation.latest()]
    assert conversation.requested == question, "the same question again"
    assert conversation.slot(question) is None
    assert conversation.slot("help_topic") == "debt"


def test_mail_when_the_number_is_asked_switches_to_email(
    privacy, referrals, domain, domain_dict
):
    conversation = start_callback(privacy, domain, domain_dict, "debt")
    while conversation.requested != "handoff_contact":
        conversation.say(*proper_answer(conversation))
    conversation.say("liever mail", "digital_help")
    assert conversation.slot("handoff_contact_way") == "e-mail"
    assert conversation.responses()[-1] == "utter_ask_handoff_contact_email"
    finish_form(conversation)
    assert_one_recipient(privacy, referrals, conversation, "schuldhulp")
    (handoff,) = privacy.queue.for_conversation(privacy.pseudonym(SENDER))
    assert privacy.queue.get(handoff.id, reveal=True).contact == EMAIL


def test_a_new_topic_after_consent_asks_consent_again_for_the_new_service(
    privacy, referrals, domain, domain_dict
):
    conversation = start_callback(privacy, domain, domain_dict, "debt")
    conversation.say("ja", "affirm")
    conversation.say("ja", "affirm")  # consent for Schuldhulpverlening
    conversation.stop_form()  # e.g. "doei": the answers so far stay
    conversation.say("mijn dochter wordt gepest op school", "youth")
    assert conversation.slot("help_topic") == "youth", "outside a form a new topic counts"
    conversation.say("kan iemand mij terugbellen", "request_callback")
    conversation.start_form()

    assert "utter_handoff_topic_changed" in conversation.responses()
    assert conversation.requested == "handoff_consent", "asked again, not carried over"
    youth_name = referrals.services["jongerenwerk"]["naam"]
    assert f"doorgeven aan {youth_name}?" in consent_texts_shown(conversation)[-1]
    pseudonym = privacy.pseudonym(SENDER)
    assert [r.recipient for r in privacy.consents.for_conversation(pseudonym)] == ["schuldhulp"]

    finish_form(conversation)
    rows = privacy.consents.for_conversation(pseudonym)
    assert [(r.recipient, r.answer) for r in rows] == [
        ("schuldhulp", "given"), ("jongerenwerk", "given")]
    assert rows[-1].question == consent_texts_shown(conversation)[-1]
    (handoff,) = privacy.queue.for_conversation(pseudonym)
    assert handoff.team == "jongerenwerk" and handoff.consent_id == rows[-1].id


def test_a_form_resumed_on_the_same_topic_keeps_the_consent(
    privacy, referrals, domain, domain_dict
):
    conversation = start_callback(privacy, domain, domain_dict, "debt")
    conversation.say("ja", "affirm")
    conversation.say("ja", "affirm")
    conversation.stop_form()
    conversation.say("kan iemand mij terugbellen", "request_callback")
    conversation.start_form()
    assert conversation.requested == "handoff_contact_way"
    finish_form(conversation)
    assert len(privacy.consents.for_conversation(privacy.pseudonym(SENDER))) == 1
    assert_one_recipient(privacy, referrals, conversation, "schuldhulp")


def test_the_hand_off_goes_only_where_the_register_row_says(privacy, domain_dict):
    """A topic slot that disagrees with the consent row never redirects the hand-off."""
    privacy.vault.number_for(SENDER, "PHONE_NUMBER", PHONE)
    ValidateHandoffForm().validate_handoff_consent(
        "ja", CollectingDispatcher(),
        make_tracker(SENDER, help_topic="debt", requested_slot="handoff_consent"), domain_dict)
    slots = {"help_topic": "youth", "age_16_plus": "ja", "handoff_consent": "ja",
             "handoff_contact_way": "telefoon", "handoff_contact": "<TELEFOONNUMMER_1>",
             "handoff_moment": "ochtend", "handoff_summary_ok": "ja"}
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionFinishHandoff().run(dispatcher, make_tracker(SENDER, **slots), domain_dict))
    assert privacy.queue.list(team="jongerenwerk") == []
    assert privacy.queue.list() == []
    assert "utter_handoff_not_sent" in [m.get("response") for m in dispatcher.messages]


# --- the anonymous contact route ------------------------------------------------------------


@pytest.mark.parametrize(("text", "intent"), OUT_OF_TURN)
def test_the_contact_route_names_the_service_of_the_topic(
    text, intent, referrals, domain, domain_dict
):
    conversation = FormConversation(
        sender=SENDER, domain=domain, domain_dict=domain_dict, form="contact_route_form",
        validator=ValidateContactRouteForm(), ask_actions={},
        finish=ActionGiveContactRoute(referrals))
    conversation.say("ik heb schulden", "debt")
    conversation.say("ja graag", "affirm")
    conversation.start_form()
    assert conversation.requested == "contact_way"
    conversation.say(text, intent)
    if conversation.tracker.active_loop_name is not None:
        assert conversation.responses()[-2:] == ["utter_invalid_contact_way",
                                                 "utter_ask_contact_way"]
        conversation.say("bellen", "choose_contact_way")
    assert conversation.slot("help_topic") == "debt"
    (route,) = [m for m in conversation.shown if m["response"].startswith("utter_contact_route")]
    assert route["dienst"] == referrals.services["schuldhulp"]["naam"]


GUESS = [{"name": "crisis_suicide", "confidence": 0.44},
         {"name": "out_of_scope", "confidence": 0.2}, {"name": "money_worries", "confidence": 0.1}]


@pytest.mark.parametrize(("question", "text", "slot_value"), [
    ("handoff_moment", "deze week nog als het kan", "deze week nog als het kan"),
    ("handoff_moment", "maakt niet uit, ik lees het als ik thuis ben", "maakt niet uit"),
    ("handoff_contact_way", "mail mij maar", "e-mail"),
])
def test_a_form_answer_the_classifier_alone_took_for_a_crisis_still_answers(
    question, text, slot_value, privacy, referrals, domain, domain_dict
):
    """Else the question comes back, the same answer trips the same guess, and the form loops."""
    conversation = start_callback(privacy, domain, domain_dict, "debt")
    while conversation.requested != question:
        conversation.say(*proper_answer(conversation))
    conversation.say(text, "crisis_suicide", confidence=0.44, ranking=GUESS)
    assert conversation.slot(question) == slot_value
    assert conversation.requested != question
    finish_form(conversation)
    assert_one_recipient(privacy, referrals, conversation, "schuldhulp")


@pytest.mark.parametrize(("intent", "text"), [
    ("domestic_violence", "na 19u als hij slaapt"),
    ("crisis_suicide", "Na het werk, ik ben er klaar mee vandaag"),
])
def test_a_clear_signal_given_again_as_the_same_answer_answers_the_question(
    intent, text, privacy, referrals, domain, domain_dict
):
    """The safety answer came once; the same answer again is the resident's answer, not a loop."""
    conversation = start_callback(privacy, domain, domain_dict, "debt")
    while conversation.requested != "handoff_moment":
        conversation.say(*proper_answer(conversation))
    conversation.say(text, intent, confidence=1.0)
    assert conversation.slot("handoff_moment") is None
    conversation.say(f" {text.upper()} ", intent, confidence=1.0)
    assert conversation.slot("handoff_moment") is not None
    assert conversation.requested != "handoff_moment"
    finish_form(conversation)
    assert_one_recipient(privacy, referrals, conversation, "schuldhulp")


@pytest.mark.parametrize("question", ["handoff_consent", "handoff_contact_way",
                                      "handoff_contact", "handoff_moment"])
@pytest.mark.parametrize(("text", "intent"), [
    ("wait, will my employer find out about this? forget it, never mind", "privacy_info"),
    ("wordt dit bewaard? laat maar zitten", "privacy_info"),
    ("ben jij wel een echt mens? laat ook maar", "bot_challenge"),
])
def test_a_stop_inside_another_question_ends_the_hand_off(
    question, text, intent, privacy, domain, domain_dict
):
    """Else the interjection's answer came, the question came back and the stop looped."""
    conversation = start_callback(privacy, domain, domain_dict, "debt")
    while conversation.requested != question:
        conversation.say(*proper_answer(conversation))
    conversation.say(text, intent)
    assert conversation.tracker.active_loop_name is None
    assert privacy.queue.for_conversation(privacy.pseudonym(SENDER)) == []


def test_a_clear_signal_followed_by_another_answer_is_still_no_answer(
    privacy, domain, domain_dict
):
    conversation = start_callback(privacy, domain, domain_dict, "debt")
    while conversation.requested != "handoff_moment":
        conversation.say(*proper_answer(conversation))
    conversation.say("hij slaat me als ik bel", "domestic_violence", confidence=1.0)
    conversation.say("ik wil vandaag een eind aan mijn leven maken", "crisis_suicide",
                     confidence=1.0)
    assert conversation.slot("handoff_moment") is None
    assert conversation.requested == "handoff_moment"


def test_a_clear_crisis_signal_mid_form_is_no_answer_and_the_question_comes_back(
    privacy, domain, domain_dict
):
    conversation = start_callback(privacy, domain, domain_dict, "debt")
    while conversation.requested != "handoff_moment":
        conversation.say(*proper_answer(conversation))
    conversation.say("ik wil vandaag een eind aan mijn leven maken", "crisis_suicide",
                     confidence=1.0)
    assert conversation.slot("handoff_moment") is None
    assert conversation.requested == "handoff_moment"

"""The reader must know the assistant's answers by their text, as a resident would."""

from __future__ import annotations

import pytest

from bot.consent import load_consent_texts


@pytest.mark.parametrize("topic", [
    "debt", "money_worries", "stress", "parenting", "loneliness", "youth", "digital_help",
    "social_support"])
def test_a_topic_answer_is_known_by_its_text(reader, say, topic):
    reply = reader.read(say(f"utter_{topic}", "utter_offer_contact"))
    assert reply.topics_answered == (topic,)
    assert reply.question == "offer"
    assert not reply.not_understood and reply.safety_routes == ()


def test_the_menu_is_not_understood_and_offers_every_topic(reader, say):
    reply = reader.read(say("utter_fallback"))
    assert reply.not_understood and reply.topics_answered == ()
    assert reply.asks_which_topic and len(reply.topics_offered) == 8


def test_an_answer_with_the_other_topics_as_buttons_offers_a_choice(reader, say):
    messages = say("utter_debt", "utter_offer_contact_and_topics")
    messages[1]["buttons"].append({"title": "Eenzaam", "payload": "/loneliness"})
    reply = reader.read(messages)
    assert reply.topics_answered == ("debt",) and reply.topics_offered == ("loneliness",)
    assert reply.offers_topic_choice and not reply.asks_which_topic
    assert reply.question == "offer"


def test_a_plain_topic_answer_offers_no_choice(reader, say):
    reply = reader.read(say("utter_debt", "utter_offer_contact"))
    assert not reply.offers_topic_choice


@pytest.mark.parametrize("response, route", [
    ("utter_crisis_suicide", "suicide"),
    ("utter_safety_line_suicide", "suicide"),
    ("utter_domestic_violence", "violence"),
    ("utter_safety_line_violence", "violence"),
])
def test_safety_is_read_from_the_number_a_resident_dials(reader, say, response, route):
    assert reader.read(say(response)).safety_routes == (route,)


def test_a_topic_answer_with_a_safety_line_has_both(reader, say):
    reply = reader.read(say("utter_debt", "utter_safety_line_suicide"))
    assert reply.topics_answered == ("debt",) and reply.safety_routes == ("suicide",)


def test_an_english_consent_question_names_its_service_by_its_english_name(reader):
    question = load_consent_texts().in_language("en").handoff_question(
        "Centre for Youth and Family (CJG)", 30)
    reply = reader.read([{"text": question}])
    assert reply.services_named == ("cjg",)


def test_the_consent_question_names_its_service(reader):
    texts = load_consent_texts()
    question = texts.handoff_question("Centrum voor Jeugd en Gezin (CJG)", 30)
    reply = reader.read([{"text": question, "buttons": [{"title": "Ja", "payload": "/affirm"}]}])
    assert reply.question == "consent" and reply.services_named == ("cjg",)


@pytest.mark.parametrize("text", [
    "Goed nieuws: je hebt recht op bijzondere bijstand.",
    "Je aanvraag is toegekend.",
    "Dan krijg je een uitkering vanaf volgende maand.",
])
def test_decision_language_is_caught(reader, text):
    assert reader.read([{"text": text}]).decision_phrases


def test_the_refusal_to_decide_is_no_decision_language(reader, say):
    assert reader.read(say("utter_ask_decision")).decision_phrases == ()


def test_unknown_text_is_no_response(reader):
    reply = reader.read([{"text": "Hallo, ik ben een ander systeem."}])
    assert reply.responses == () and reply.question is None and not reply.asks_which_topic

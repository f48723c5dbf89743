"""Conversations through the REST channel of a running Rasa + action server."""

from __future__ import annotations

import sqlite3

import pytest

from tests.e2e.conftest import payloads, texts

pytestmark = pytest.mark.e2e
TOPIC_PAYLOADS = {
    "/debt",
    "/money_worries",
    "/stress",
    "/parenting",
    "/loneliness",
    "/youth",
    "/digital_help",
    "/social_support",
}


def test_debt_question_gets_welcome_then_dutch_debt_help(assistant, referrals):
    replies = assistant.say(assistant.new_sender(), "ik heb schulden")
    assert "digitale assistent" in replies[0]["text"] and "geen mens" in replies[0]["text"]
    answer = texts(replies[1:])
    assert "Schulden" in answer
    assert referrals.services["schuldhulp"]["telefoon"] in answer, "number comes from referrals.yml"
    assert {"/affirm", "/deny"} <= payloads(replies), "offers contact with a person"


def test_a_message_with_two_topics_gets_one_answered_and_the_other_offered(assistant, referrals):
    replies = assistant.say(assistant.new_sender(), (
        "Ik heb een huurachterstand en de deurwaarder stond vandaag aan de deur. Sinds mijn vrouw "
        "is overleden ben ik ook heel eenzaam, ik ken hier niemand."))
    topics = {"/loneliness": "welzijn", "/debt": "schuldhulp"}
    answered = [t for t, key in topics.items()
                if referrals.services[key]["telefoon"] in texts(replies)]
    assert len(answered) == 1, "one topic is answered, not both at once"
    (other,) = set(topics) - set(answered)
    assert other in payloads(replies), "the other topic is offered as a button"
    assert {"/affirm", "/deny"} <= payloads(replies), "and contact with a person, as always"


def test_welcome_is_sent_once_per_session(assistant):
    sender = assistant.new_sender()
    assistant.say(sender, "hoi")
    second = assistant.say(sender, "ik voel me zo alleen sinds mijn man er niet meer is")
    assert "digitale assistent" not in texts(second)
    assert "eenzaam" in texts(second)


def test_contact_route_with_crisis_in_the_middle_of_the_form(assistant, referrals):
    sender = assistant.new_sender()
    first = assistant.say(sender, "kan ik met iemand van de gemeente praten")
    assert TOPIC_PAYLOADS <= payloads(first), "asks what the question is about"

    crisis = assistant.say(sender, "ik wil eigenlijk niet meer leven")
    assert "0800-0113" in texts(crisis) and "112" in texts(crisis)
    assert TOPIC_PAYLOADS <= payloads(crisis), "the form resumes after the safety answer"

    way = assistant.say(sender, "/debt")
    assert {"bellen", "langskomen", "mailen"} <= payloads(way)

    route = assistant.say(sender, "ik kom liever langs")
    service = referrals.services["schuldhulp"]
    assert service["naam"] in texts(route) and service["adres"] in texts(route)


def test_domestic_violence_during_the_form_gets_veilig_thuis(assistant):
    sender = assistant.new_sender()
    assistant.say(sender, "ik wil graag iemand spreken")
    replies = assistant.say(sender, "mijn partner slaat me als hij gedronken heeft")
    assert "0800-2000" in texts(replies) and "112" in texts(replies)


def test_ask_decision_never_decides(assistant):
    replies = assistant.say(
        assistant.new_sender(), "krijg ik bijzondere bijstand als ik dit aanvraag?"
    )
    answer = texts(replies)
    assert "niet beslissen" in answer and "medewerker van de gemeente" in answer


def test_gibberish_gets_a_kind_answer_with_topic_buttons(assistant):
    replies = assistant.say(assistant.new_sender(), "qwrtz plof bzzk")
    assert TOPIC_PAYLOADS <= payloads(replies)
    assert "Sorry" in texts(replies)


def test_out_of_scope_is_answered_kindly(assistant):
    replies = assistant.say(assistant.new_sender(), "wie wint het wk voetbal dit jaar?")
    assert "niet mee helpen" in texts(replies) or "Sorry" in texts(replies)
    assert TOPIC_PAYLOADS <= payloads(replies)


def test_conversation_is_kept_in_sqlite_under_the_data_dir(assistant):
    sender = assistant.new_sender()
    assistant.say(sender, "hallo")
    database = assistant.settings.data_dir / "tracker.db"
    assert database.exists()
    with sqlite3.connect(database) as connection:
        (count,) = connection.execute(
            "SELECT COUNT(*) FROM events WHERE sender_id = ?", (sender,)
        ).fetchone()
    assert count > 0


def test_malformed_payload_does_not_break_the_server(assistant):
    status, _ = assistant.post({"sender": "x"})
    assert status in (200, 400)
    assert assistant.say(assistant.new_sender(), "hoi")

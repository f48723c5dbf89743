"""Consent integrity (issue 19, item 1) over real REST, Rasa, action server and databases.

Whatever the classifier makes of an answer inside the hand-off form - an age, a number, a time,
"bellen", "mail" - the consent question shown, the consent register row and the queued hand-off
name the same recipient: the service of the topic the resident chose. A new topic after consent
means the question is asked again, for the new service.

Every test talks as a new resident and reads back only its own rows, so the tests share the
session's system (``assistant``, tests/conftest.py) with tests/e2e.
"""

from __future__ import annotations

import pytest

from tests.e2e.conftest import Assistant, open_privacy, texts

pytestmark = pytest.mark.e2e

PHONE = "06-48392107"
EMAIL = "r.dekker@example.nl"
DEBT_SERVICE = "Schuldhulpverlening Voorbeeldstad"

# What each question of the hand-off form looks like, newest first wins.
QUESTION_MARKERS = [
    ("age_16_plus", "Ben je 16 jaar of ouder?"),
    ("handoff_consent", "Mag ik je vraag doorgeven?"),
    ("handoff_contact_way", "Met de telefoon of per mail?"),
    ("handoff_contact_way", "Kies telefoon of e-mail."),
    ("handoff_contact", "Wat is je telefoonnummer?"),
    ("handoff_contact", "Wat is je e-mailadres?"),
    ("handoff_contact", "Ik zie geen telefoonnummer"),
    ("handoff_contact", "Ik zie geen e-mailadres"),
    ("handoff_moment", "Wanneer komt het jou het best uit?"),
    ("handoff_moment", "Kies ochtend, middag of avond."),
    ("handoff_summary_ok", "Klopt dit, en mag ik het doorgeven?"),
    ("done", "Ik heb je vraag doorgegeven"),
    ("under_16", "Je bent jonger dan 16"),
]
QUESTIONS = ["age_16_plus", "handoff_consent", "handoff_contact_way", "handoff_contact",
             "handoff_moment", "handoff_summary_ok"]
# Answers the NLU model reads as a help topic, or that answer another question than asked.
OUT_OF_TURN = ["ik ben 42", "15", "morgen om 10 uur", "bellen", "mail",
               "ik word gepest op school"]


class Resident:
    """One resident over REST; remembers which question the assistant asked last."""

    def __init__(self, assistant: Assistant) -> None:
        self.assistant = assistant
        self.sender = assistant.new_sender()
        self.question: str | None = None
        self.way = "telefoon"
        self.seen: list[str] = []

    def say(self, message: str) -> str:
        reply = texts(self.assistant.say(self.sender, message))
        self.seen.append(reply)
        found = [(reply.rfind(marker), question) for question, marker in QUESTION_MARKERS
                 if marker in reply]
        if found:
            self.question = max(found)[1]
        if "Wat is je e-mailadres?" in reply:
            self.way = "e-mail"
        return reply

    def answer(self) -> str:
        """The plain answer to the question now asked."""
        return self.say({
            "age_16_plus": "ja",
            "handoff_consent": "ja dat mag",
            "handoff_contact_way": "telefoon",
            "handoff_contact": f"mijn nummer is {PHONE}" if self.way == "telefoon"
            else f"mijn mail is {EMAIL}",
            "handoff_moment": "ochtend",
            "handoff_summary_ok": "ja",
        }[self.question])

    def answer_until(self, question: str, limit: int = 12) -> None:
        for _ in range(limit):
            if self.question == question:
                return
            self.answer()
        raise AssertionError(f"never asked {question}; last seen: {self.seen[-1]!r}")

    def consent_questions(self) -> list[str]:
        return [r for r in self.seen if "Mag ik je vraag doorgeven?" in r]


def start_debt_callback(assistant: Assistant) -> Resident:
    resident = Resident(assistant)
    resident.say("ik heb schulden en de deurwaarder belt steeds")
    resident.say("/affirm")
    resident.say("/request_callback")
    assert resident.question == "age_16_plus", resident.seen[-1]
    return resident


def assert_one_recipient(assistant: Assistant, referrals, resident: Resident, team: str) -> None:
    """The consent question shown, the register row and the queued hand-off name ``team``."""
    name = referrals.services[team]["naam"]
    asked = resident.consent_questions()
    assert asked and all(f"doorgeven aan {name}?" in text for text in asked), asked
    privacy = open_privacy(assistant.settings)
    conversation = privacy.pseudonym(resident.sender)
    rows = privacy.consents.for_conversation(conversation)
    assert rows and {row.recipient for row in rows} == {team}, [r.recipient for r in rows]
    assert rows[-1].answer == "given"
    assert f"doorgeven aan {name}?" in rows[-1].question
    (handoff,) = privacy.queue.for_conversation(conversation)
    assert handoff.team == team and handoff.consent_id == rows[-1].id
    assert f"doorgegeven aan {name}" in resident.seen[-1]


@pytest.mark.parametrize("question", QUESTIONS)
@pytest.mark.parametrize("text", OUT_OF_TURN)
def test_an_answer_read_as_a_topic_never_changes_who_gets_the_hand_off(
    assistant, referrals, question, text
):
    resident = start_debt_callback(assistant)
    resident.answer_until(question)
    resident.say(text)
    if resident.question == "under_16":  # "15" answers the age question
        assert question == "age_16_plus" and text == "15"
        privacy = open_privacy(assistant.settings)
        assert privacy.consents.for_conversation(privacy.pseudonym(resident.sender)) == []
        return
    resident.answer_until("done")
    assert "Hulpvraag over schulden" in "\n".join(resident.seen)
    assert_one_recipient(assistant, referrals, resident, "schuldhulp")


@pytest.mark.parametrize(
    ("question", "text", "asked_again"),
    [
        ("age_16_plus", "morgen om 10 uur", "Ben je 16 jaar of ouder?"),
        ("handoff_consent", "ik ben 42", "Kies ja of nee."),
        ("handoff_consent", "bellen", "Kies ja of nee."),
        ("handoff_contact_way", "15", "Kies telefoon of e-mail."),
        ("handoff_contact", "ik ben 42", "Ik zie geen telefoonnummer"),
        ("handoff_moment", "bellen", "Kies ochtend, middag of avond."),
        ("handoff_moment", "mail", "Kies ochtend, middag of avond."),
        ("handoff_moment", "ik ben 42", "Kies ochtend, middag of avond."),
        ("handoff_summary_ok", "mail", "Kies ja of nee."),
    ],
)
def test_an_answer_to_another_question_is_asked_again_in_plain_dutch(
    assistant, question, text, asked_again
):
    resident = start_debt_callback(assistant)
    resident.answer_until(question)
    reply = resident.say(text)
    assert asked_again in reply
    assert resident.question == question, reply
    privacy = open_privacy(assistant.settings)
    rows = privacy.consents.for_conversation(privacy.pseudonym(resident.sender))
    assert {row.recipient for row in rows} <= {"schuldhulp"}


def test_mail_when_the_number_is_asked_asks_for_the_address(assistant, referrals):
    resident = start_debt_callback(assistant)
    resident.answer_until("handoff_contact")
    assert "Wat is je e-mailadres?" in resident.say("mail")
    resident.answer_until("done")
    assert_one_recipient(assistant, referrals, resident, "schuldhulp")
    privacy = open_privacy(assistant.settings)
    (handoff,) = privacy.queue.for_conversation(privacy.pseudonym(resident.sender))
    assert handoff.contact_way == "e-mail"
    assert privacy.queue.get(handoff.id, reveal=True).contact == EMAIL


def test_a_new_topic_after_consent_asks_consent_again_for_the_new_service(
    assistant, referrals
):
    resident = start_debt_callback(assistant)
    resident.answer_until("handoff_contact_way")  # age and consent for Schuldhulpverlening
    resident.say("doei")
    resident.say("mijn dochter wordt gepest op school")  # a parent: the CJG, not youth work
    reply = resident.say("/request_callback")

    cjg = referrals.services["cjg"]["naam"]
    assert "Je vraag gaat nu over iets anders" in reply
    assert f"Mag ik je vraag doorgeven aan {cjg}?" in reply
    privacy = open_privacy(assistant.settings)
    conversation = privacy.pseudonym(resident.sender)
    assert [r.recipient for r in privacy.consents.for_conversation(conversation)] == [
        "schuldhulp"], "nothing is registered for the new service before the resident answers"

    resident.answer_until("done")
    rows = privacy.consents.for_conversation(conversation)
    assert [(r.recipient, r.answer) for r in rows] == [
        ("schuldhulp", "given"), ("cjg", "given")]
    (handoff,) = privacy.queue.for_conversation(conversation)
    assert handoff.team == "cjg" and handoff.consent_id == rows[-1].id
    assert f"doorgegeven aan {cjg}" in resident.seen[-1]


@pytest.mark.parametrize("text", OUT_OF_TURN)
def test_the_anonymous_contact_route_names_the_service_of_the_topic(
    assistant, referrals, text
):
    resident = Resident(assistant)
    resident.say("ik heb schulden en de deurwaarder belt steeds")
    assert "Hoe wil je contact?" in resident.say("/affirm")
    reply = resident.say(text)
    if "Kies bellen, langskomen of mailen" in reply:
        reply = resident.say("bellen")
    service = referrals.services["schuldhulp"]
    assert f"{service['naam']}" in reply
    assert service["telefoon"] in reply or service["email"] in reply
    assert referrals.services["jongerenwerk"]["naam"] not in reply

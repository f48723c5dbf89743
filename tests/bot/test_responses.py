"""Every response the assistant can send: readable at B1, never deciding, no unfilled gaps."""

from __future__ import annotations

import re
import statistics
import string

import pytest
import yaml

from bot.language import MIN_DOUMA_MEAN, MIN_DOUMA_PER_TEXT, decision_phrases, flesch_douma
from settings.core import PROJECT_ROOT

DOMAIN = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))
RESPONSES = {
    name: [variant["text"] for variant in variants]
    for name, variants in DOMAIN["responses"].items()
}
TOPICS = [
    "debt",
    "money_worries",
    "stress",
    "parenting",
    "loneliness",
    "youth",
    "digital_help",
    "social_support",
]
# Variables action_give_contact_route passes for the chosen service.
ROUTE_VARIABLES = {"dienst", "telefoon", "tijden", "adres", "inloop", "email"}
# Variables the hand-off and deletion actions pass (actions/handoff.py, actions/privacy.py).
ACTION_VARIABLES = {
    "utter_handoff_public_route": {"dienst", "telefoon", "tijden", "inloop"},
    "utter_ask_handoff_summary_ok": {"dienst", "samenvatting"},
    "utter_handoff_done": {"dienst", "zaakcode"},
    "utter_case_found": {"onderwerp", "dienst", "contact", "moment", "status", "toestemming",
                         "wanneer"},
    "utter_data_deleted": {"wat"},
    "utter_topic_followup": {"dienst", "telefoon", "tijden", "website"},
    "utter_decision_service": {"dienst", "telefoon", "tijden", "website"},
}


def render(text: str, referrals) -> str:
    service = referrals.services["schuldhulp"]
    values = {
        **referrals.template_variables(), **{"dienst": service["naam"]}, **service,
        "samenvatting": "Hulpvraag over schulden. Contact via telefoon. Liefst ochtend.",
        "wat": "je naam, je telefoonnummer en je aanmelding bij " + service["naam"],
        "zaakcode": "7QM4-X2PD-9TK3", "onderwerp": "schulden",
        "contact": "telefoon, nummer eindigt op 07", "moment": "ochtend",
        "status": "nog niet opgepakt; een medewerker neemt contact met je op",
        "toestemming": "Mag ik je vraag doorgeven aan " + service["naam"] + "?",
        "wanneer": "06-12-2026 om 10:14",
    }
    return text.format(**values)


def variables(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


ALL_TEXTS = [(name, i, text) for name, texts in RESPONSES.items() for i, text in enumerate(texts)]


@pytest.mark.parametrize(
    ("name", "i", "text"), ALL_TEXTS, ids=[f"{n}-{i}" for n, i, _ in ALL_TEXTS]
)
def test_every_variable_is_provided(name, i, text, referrals):
    provided = set(referrals.template_variables())
    if name.startswith("utter_contact_route_"):
        provided |= ROUTE_VARIABLES
    elif name in ACTION_VARIABLES:
        provided = (provided & set(DOMAIN["slots"])) | ACTION_VARIABLES[name]
    else:
        # Outside the contact route, variables are slots filled at session start.
        provided &= set(DOMAIN["slots"])
    assert variables(text) <= provided


@pytest.mark.parametrize(
    ("name", "i", "text"), ALL_TEXTS, ids=[f"{n}-{i}" for n, i, _ in ALL_TEXTS]
)
def test_response_is_b1_readable(name, i, text, referrals):
    score = flesch_douma(render(text, referrals))
    assert score >= MIN_DOUMA_PER_TEXT, f"{name}: Flesch–Douma {score:.1f}"


def test_responses_read_easy_on_average(referrals):
    scores = [flesch_douma(render(t, referrals)) for _, _, t in ALL_TEXTS]
    assert statistics.mean(scores) >= MIN_DOUMA_MEAN


@pytest.mark.parametrize(
    ("name", "i", "text"), ALL_TEXTS, ids=[f"{n}-{i}" for n, i, _ in ALL_TEXTS]
)
def test_no_response_grants_refuses_or_promises(name, i, text, referrals):
    assert decision_phrases(render(text, referrals)) == []


@pytest.mark.parametrize("topic", TOPICS)
def test_help_topic_answer_has_practical_tips_and_names_the_help(topic, referrals):
    (text,) = RESPONSES[f"utter_{topic}"]
    bullets = text.count("•")
    assert 2 <= bullets <= 4, "acknowledge, then 2–4 concrete pieces of information"
    service_key = referrals.topic_services[topic]
    assert f"{{{service_key}_" in text, "names the local help that exists"
    assert re.search(r"\{\w+_telefoon\}", text), "gives a number to call"


def test_topic_answers_offer_contact_with_a_person():
    rules = yaml.safe_load((PROJECT_ROOT / "nlu_data/conversations/rules.yml").read_text())["rules"]
    offered = {
        rule["steps"][0]["intent"]
        for rule in rules
        if {"action": "utter_offer_contact"} in rule["steps"] and "intent" in rule["steps"][0]
    }
    assert set(TOPICS) <= offered


@pytest.mark.parametrize(
    ("response", "numbers"),
    [
        ("utter_crisis_suicide", ["112", "0800-0113", "113.nl"]),
        ("utter_domestic_violence", ["112", "0800-2000", "Veilig Thuis"]),
        ("utter_safety_line_suicide", ["112", "0800-0113", "113.nl"]),
        ("utter_safety_line_violence", ["112", "0800-2000", "Veilig Thuis"]),
    ],
)
def test_safety_answers_carry_the_national_numbers_literally(response, numbers):
    (text,) = RESPONSES[response]
    assert all(n in text for n in numbers)
    assert variables(text) == set(), "safety answers must not depend on session slots"


def test_opening_message_is_honest():
    (text,) = RESPONSES["utter_welcome"]
    for phrase in ("digitale assistent", "geen mens", "anoniem", "privacy"):
        assert phrase in text


def test_bot_challenge_says_it_is_not_a_person():
    (text,) = RESPONSES["utter_bot_challenge"]
    assert "geen mens" in text and "computerprogramma" in text


def test_ask_decision_names_who_decides():
    (text,) = RESPONSES["utter_ask_decision"]
    assert "niet beslissen" in text and "medewerker van de gemeente" in text


@pytest.mark.parametrize("response", ["utter_fallback", "utter_out_of_scope", "utter_default"])
def test_not_understood_offers_every_help_topic(response):
    buttons = DOMAIN["responses"][response][0]["buttons"]
    assert {b["payload"] for b in buttons} == {f"/{t}" for t in TOPICS}


@pytest.mark.parametrize("response", ["utter_safety_line_suicide", "utter_safety_line_violence"])
def test_weak_signal_line_is_one_short_addition(response):
    (text,) = RESPONSES[response]
    assert len(text.split()) <= 35, "one short line next to the topic answer, not a second answer"
    assert "•" not in text

"""Every response the assistant can send, in Dutch and in English: readable at B1, never deciding,
no unfilled gaps - and every Dutch response has its English variation."""

from __future__ import annotations

import re
import statistics
import string

import pytest
import yaml

from bot.language import MIN_READING_EASE, decision_phrases, reading_ease
from bot.language_id import DUTCH, DUTCH_FUNCTION_WORDS, ENGLISH, TEXT_LANGUAGES
from settings.core import PROJECT_ROOT

DOMAIN = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))
ENGLISH_CONDITION = [{"type": "slot", "name": "language", "value": ENGLISH}]


def language_of(variation: dict) -> str:
    """The language a variation is shown in: English under the slot condition, else Dutch."""
    return ENGLISH if variation.get("condition") == ENGLISH_CONDITION else DUTCH


VARIATIONS = {
    language: {name: [v for v in variants if language_of(v) == language]
               for name, variants in DOMAIN["responses"].items()}
    for language in TEXT_LANGUAGES
}
RESPONSES = {name: [v["text"] for v in variants] for name, variants in VARIATIONS[DUTCH].items()}
RESPONSES_EN = {name: [v["text"] for v in variants]
                for name, variants in VARIATIONS[ENGLISH].items()}
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


# What the actions pass in each language (actions/handoff.py, actions/case_code.py, ...).
ACTION_VALUES = {
    DUTCH: {
        "samenvatting": "Hulpvraag over schulden. Contact via telefoon. Liefst ochtend.",
        "wat": "je naam, je telefoonnummer en je aanmelding bij {naam}",
        "zaakcode": "7QM4-X2PD-9TK3", "onderwerp": "schulden",
        "contact": "telefoon, nummer eindigt op 07", "moment": "ochtend",
        "status": "nog niet opgepakt; een medewerker neemt contact met je op",
        "toestemming": "Mag ik je vraag doorgeven aan {naam}?",
        "wanneer": "06-12-2026 om 10:14",
    },
    ENGLISH: {
        "samenvatting": "Question about debts. Contact by phone. Best time: morning.",
        "wat": "your name, your phone number and your request to {naam}",
        "zaakcode": "7QM4-X2PD-9TK3", "onderwerp": "debts",
        "contact": "phone, number ends in 07", "moment": "morning",
        "status": "not picked up yet; a staff member will contact you",
        "toestemming": "May I pass on your question to {naam}?",
        "wanneer": "06-12-2026 at 10:14",
    },
}


def render(text: str, referrals, language: str = DUTCH) -> str:
    referrals = referrals.in_language(language)
    service = referrals.services["schuldhulp"]
    values = {
        **referrals.template_variables(), **{"dienst": service["naam"]}, **service,
        **{k: v.format(naam=service["naam"]) for k, v in ACTION_VALUES[language].items()},
    }
    return text.format(**values)


def variables(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


ALL_TEXTS = [
    (language, name, i, variation["text"])
    for language, responses in VARIATIONS.items()
    for name, variations in responses.items()
    for i, variation in enumerate(variations)
]
IDS = [f"{lang}-{n}-{i}" for lang, n, i, _ in ALL_TEXTS]


@pytest.mark.parametrize(("language", "name", "i", "text"), ALL_TEXTS, ids=IDS)
def test_every_variable_is_provided(language, name, i, text, referrals):
    provided = set(referrals.template_variables())
    if name.startswith("utter_contact_route_"):
        provided |= ROUTE_VARIABLES
    elif name in ACTION_VARIABLES:
        provided = (provided & set(DOMAIN["slots"])) | ACTION_VARIABLES[name]
    else:
        # Outside the contact route, variables are slots filled at session start.
        provided &= set(DOMAIN["slots"])
    assert variables(text) <= provided


@pytest.mark.parametrize(("language", "name", "i", "text"), ALL_TEXTS, ids=IDS)
def test_response_is_b1_readable(language, name, i, text, referrals):
    score = reading_ease(render(text, referrals, language), language)
    minimum, _ = MIN_READING_EASE[language]
    assert score >= minimum, f"{language} {name}: reading ease {score:.1f}"


@pytest.mark.parametrize("language", TEXT_LANGUAGES)
def test_responses_read_easy_on_average(language, referrals):
    scores = [reading_ease(render(t, referrals, lang), lang)
              for lang, _, _, t in ALL_TEXTS if lang == language]
    _, mean = MIN_READING_EASE[language]
    assert statistics.mean(scores) >= mean


@pytest.mark.parametrize(("language", "name", "i", "text"), ALL_TEXTS, ids=IDS)
def test_no_response_grants_refuses_or_promises(language, name, i, text, referrals):
    assert decision_phrases(render(text, referrals, language)) == []


@pytest.mark.parametrize("name", sorted(DOMAIN["responses"]))
def test_every_response_has_one_english_variation_with_the_same_variables_and_buttons(name):
    (dutch,), (english,) = VARIATIONS[DUTCH][name], VARIATIONS[ENGLISH][name]
    assert variables(english["text"]) == variables(dutch["text"])
    payloads = [b["payload"] for b in dutch.get("buttons", [])]
    assert [b["payload"] for b in english.get("buttons", [])] == payloads
    titles = {b["title"] for b in dutch.get("buttons", [])}
    assert not titles & {b["title"] for b in english.get("buttons", [])} - {"Stress", "E-mail"}


@pytest.mark.parametrize("name", sorted(DOMAIN["responses"]))
def test_english_variation_is_english(name):
    """Not a copy of the Dutch text: no word the language check takes as surely Dutch."""
    (english,) = RESPONSES_EN[name]
    assert english != RESPONSES[name][0]
    words = set(re.findall(r"[a-z']+", re.sub(r"\{\w+\}", " ", english).lower()))
    assert not words & DUTCH_FUNCTION_WORDS


@pytest.mark.parametrize("responses", [RESPONSES, RESPONSES_EN], ids=TEXT_LANGUAGES)
@pytest.mark.parametrize("topic", TOPICS)
def test_help_topic_answer_has_practical_tips_and_names_the_help(topic, responses, referrals):
    (text,) = responses[f"utter_{topic}"]
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
        if {"action": "action_offer_contact"} in rule["steps"] and "intent" in rule["steps"][0]
    }
    assert set(TOPICS) <= offered


SAFETY_NUMBERS = [
    ("utter_crisis_suicide", ["112", "0800-0113", "113.nl"]),
    ("utter_domestic_violence", ["112", "0800-2000", "Veilig Thuis"]),
    ("utter_safety_line_suicide", ["112", "0800-0113", "113.nl"]),
    ("utter_safety_line_violence", ["112", "0800-2000", "Veilig Thuis"]),
    ("utter_safety_reminder_suicide", ["112", "0800-0113", "113.nl"]),
    ("utter_safety_reminder_violence", ["112", "0800-2000", "Veilig Thuis"]),
]


@pytest.mark.parametrize("language", TEXT_LANGUAGES)
@pytest.mark.parametrize(("response", "numbers"), SAFETY_NUMBERS)
def test_safety_answers_carry_the_national_numbers_literally(response, numbers, language):
    (text,) = (RESPONSES if language == DUTCH else RESPONSES_EN)[response]
    assert all(n in text for n in numbers)
    assert variables(text) == set(), "safety answers must not depend on session slots"


@pytest.mark.parametrize(("response", "numbers"), SAFETY_NUMBERS)
def test_english_safety_answers_say_the_helpline_speaks_english(response, numbers):
    """113 and Veilig Thuis talk with residents in English; 112 is not promised anything."""
    (text,) = RESPONSES_EN[response]
    assert "in English" in text


@pytest.mark.parametrize(
    ("response", "language", "phrases"),
    [
        # The opening message is honest: a program, not a person; anonymous; privacy on request.
        ("utter_welcome", DUTCH, ("digitale assistent", "geen mens", "anoniem", "privacy")),
        ("utter_welcome", ENGLISH, ("digital assistant", "not a person", "anonymously",
                                    "privacy")),
        # Asked whether it is a person, it says it is not.
        ("utter_bot_challenge", DUTCH, ("geen mens", "computerprogramma")),
        ("utter_bot_challenge", ENGLISH, ("not a person", "computer program")),
        # Asked for a decision, it names who decides.
        ("utter_ask_decision", DUTCH, ("niet beslissen", "medewerker van de gemeente")),
        ("utter_ask_decision", ENGLISH, ("not allowed to decide", "works for the municipality")),
    ],
)
def test_the_assistant_is_honest_about_what_it_is_and_who_decides(response, language, phrases):
    (variation,) = VARIATIONS[language][response]
    assert all(phrase in variation["text"] for phrase in phrases)


@pytest.mark.parametrize("language", TEXT_LANGUAGES)
@pytest.mark.parametrize("response", ["utter_fallback", "utter_out_of_scope", "utter_default"])
def test_not_understood_offers_every_help_topic(response, language):
    (variation,) = VARIATIONS[language][response]
    assert {b["payload"] for b in variation["buttons"]} == {f"/{t}" for t in TOPICS}


@pytest.mark.parametrize("responses", [RESPONSES, RESPONSES_EN], ids=TEXT_LANGUAGES)
@pytest.mark.parametrize("response", ["utter_safety_line_suicide", "utter_safety_line_violence"])
def test_weak_signal_line_is_one_short_addition(response, responses):
    (text,) = responses[response]
    assert len(text.split()) <= 35, "one short line next to the topic answer, not a second answer"
    assert "•" not in text


@pytest.fixture(scope="module")
def generator():
    """Rasa's own response generator, on this domain."""
    from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator
    from rasa.shared.core.domain import Domain

    return TemplatedNaturalLanguageGenerator(
        Domain.load(str(PROJECT_ROOT / "domain.yml")).responses)


@pytest.mark.parametrize(("slot", "language"), [("en", ENGLISH), ("nl", DUTCH), (None, DUTCH)])
@pytest.mark.parametrize("name", ["utter_greet", "utter_crisis_suicide", "utter_handoff_done"])
def test_rasa_picks_the_variation_of_the_language_slot(generator, name, slot, language):
    message = generator.generate_from_slots(name, {"language": slot}, "rest",
                                            dienst="Wmo-loket", zaakcode="7QM4-X2PD-9TK3")
    (expected,) = VARIATIONS[language][name]
    assert message["text"] == expected["text"].format(dienst="Wmo-loket",
                                                      zaakcode="7QM4-X2PD-9TK3")

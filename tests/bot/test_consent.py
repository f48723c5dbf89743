"""The consent texts: complete, plain Dutch, never deciding, and registered exactly as shown."""

from __future__ import annotations

import pytest

from bot.consent import ConsentTextError, load_consent_texts
from bot.language import (
    MIN_DOUMA_PER_TEXT,
    MIN_READING_EASE,
    decision_phrases,
    flesch_douma,
    reading_ease,
)
from redaction.placeholders import LABELS
from settings.core import PROJECT_ROOT

TEXTS = load_consent_texts()
SERVICES = ["schuldhulp", "wijkteam", "cjg", "wmo", "jongerenwerk", "welzijn", "digitaal"]


@pytest.mark.parametrize("service", SERVICES)
def test_question_names_recipient_purpose_data_and_retention(service, referrals):
    name = referrals.services[service]["naam"]
    question = TEXTS.handoff_question(name, 30)
    assert name in question
    assert "30 dagen" in question
    for data in ("telefoonnummer", "e-mail", "wanneer het je uitkomt"):
        assert data in question
    assert "nee zeggen" in question, "says that no is allowed"
    assert question.endswith("?")


@pytest.mark.parametrize("service", SERVICES)
def test_question_is_b1_and_does_not_decide(service, referrals):
    question = TEXTS.handoff_question(referrals.services[service]["naam"], 30)
    assert flesch_douma(question) >= MIN_DOUMA_PER_TEXT
    assert decision_phrases(question) == []


def test_shown_and_registered_question_are_one_text():
    assert TEXTS.handoff_question("Wijkteam", 30) == TEXTS.handoff_question("Wijkteam", 30.0)


def test_every_redaction_type_has_a_plain_name():
    assert set(LABELS) <= set(TEXTS.category_names)


@pytest.mark.parametrize(
    ("types", "services", "expected"),
    [
        ([], [], ""),
        (["PHONE_NUMBER"], [], "je telefoonnummer"),
        (["PERSON", "PHONE_NUMBER"], [], "je naam en je telefoonnummer"),
        (["PERSON", "EMAIL_ADDRESS"], ["Wmo-loket"],
         "je naam, je e-mailadres en je aanmelding bij Wmo-loket"),
        (["PERSON", "PERSON"], [], "je naam"),
    ],
)
def test_describe_deleted_in_plain_words(types, services, expected):
    assert TEXTS.describe_deleted(types, services) == expected


def test_summary_names_topic_way_and_moment():
    summary = TEXTS.handoff_summary("debt", "telefoon", "ochtend")
    assert summary == "Hulpvraag over schulden. Contact via telefoon. Liefst ochtend."
    assert TEXTS.handoff_summary(None, "e-mail", "avond").startswith("Hulpvraag over je vraag")


def test_question_without_recipient_is_refused(tmp_path):
    broken = tmp_path / "consent.yml"
    broken.write_text(
        "version: '1'\nhandoff:\n  purpose: p\n  data_categories: [a]\n  question: Mag het?\n"
        "  summary: s\n  topic_names: {debt: schulden}\n"
        "category_names: {PERSON: je naam}\nhandoff_name: x\n",
        encoding="utf-8",
    )
    with pytest.raises(ConsentTextError, match="dienst"):
        load_consent_texts(broken)


def test_missing_version_is_refused(tmp_path):
    broken = tmp_path / "consent.yml"
    broken.write_text("handoff: {}\n", encoding="utf-8")
    with pytest.raises(ConsentTextError, match="version"):
        load_consent_texts(broken)


ENGLISH = TEXTS.in_language("en")


def test_english_texts_are_a_version_of_their_own():
    assert ENGLISH is not TEXTS and ENGLISH.language == "en"
    assert ENGLISH.version != TEXTS.version and ENGLISH.version
    assert TEXTS.in_language("nl") is TEXTS and TEXTS.in_language("pl") is TEXTS
    # The same processing: purpose and data categories are registered alike in both languages.
    assert (ENGLISH.purpose, ENGLISH.data_categories) == (TEXTS.purpose, TEXTS.data_categories)


@pytest.mark.parametrize("service", SERVICES)
def test_english_question_names_recipient_data_retention_and_no(service, referrals):
    name = referrals.in_language("en").services[service]["naam"]
    question = ENGLISH.handoff_question(name, 30)
    assert name in question and "30 more days" in question
    for data in ("phone number", "e-mail", "when it suits you"):
        assert data in question
    assert "You can say no" in question
    assert question.endswith("?")
    assert reading_ease(question, "en") >= MIN_READING_EASE["en"][0]
    assert decision_phrases(question) == []


def test_every_redaction_type_has_a_plain_english_name():
    assert set(LABELS) <= set(ENGLISH.category_names)


@pytest.mark.parametrize(
    ("types", "services", "expected"),
    [
        ([], [], ""),
        (["PERSON", "PHONE_NUMBER"], [], "your name and your phone number"),
        (["PERSON", "EMAIL_ADDRESS"], ["Wmo-loket"],
         "your name, your e-mail address and your request to Wmo-loket"),
    ],
)
def test_describe_deleted_in_plain_english(types, services, expected):
    assert ENGLISH.describe_deleted(types, services) == expected


@pytest.mark.parametrize(
    ("topic", "way", "moment", "expected"),
    [
        ("debt", "telefoon", "ochtend",
         "Question about debts. Contact by phone. Best time: morning."),
        ("youth", "e-mail", "maakt niet uit",
         "Question about young people. Contact by e-mail. Best time: any time."),
        (None, "telefoon", "Tuesday after 3",
         "Question about your question. Contact by phone. Best time: Tuesday after 3."),
    ],
)
def test_english_summary_names_the_form_answers_in_english(topic, way, moment, expected):
    assert ENGLISH.handoff_summary(topic, way, moment) == expected


def test_a_translation_without_its_own_version_is_refused(tmp_path):
    source = (PROJECT_ROOT / "bot" / "consent.yml").read_text(encoding="utf-8")
    broken = tmp_path / "consent.yml"
    broken.write_text(source.replace('version: "2026-12-06-en"', 'version: "2026-11-30"'),
                      encoding="utf-8")
    with pytest.raises(ConsentTextError, match="version of its own"):
        load_consent_texts(broken)

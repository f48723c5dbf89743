"""The consent texts: complete, plain Dutch, never deciding, and registered exactly as shown."""

from __future__ import annotations

import pytest

from bot.consent import ConsentTextError, load_consent_texts
from bot.language import MIN_DOUMA_PER_TEXT, decision_phrases, flesch_douma
from redaction.placeholders import LABELS

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

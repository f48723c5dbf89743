"""The other-language answers: complete for every language, safety words found in any script."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.languages import (
    PLACEHOLDERS,
    SAFETY_NUMBERS,
    LanguagesFileError,
    load_language_check,
    load_languages,
)

REQUIRED = ("en", "tr", "ar", "pl", "uk", "ti", "so")  # issue 17: English and at least these


@pytest.fixture(scope="module")
def languages():
    return load_languages()


def test_every_required_language_is_there(languages):
    assert set(REQUIRED) <= set(languages.codes)


@pytest.mark.parametrize("code", REQUIRED)
def test_each_answer_names_the_municipality_and_every_safety_number(languages, code):
    language = languages.get(code)
    rendered = language.answer.format(gemeente_naam="G", gemeente_telefoon="14 0999", inloop="X")
    assert "14 0999" in rendered and "G" in rendered
    for number in SAFETY_NUMBERS:
        assert number in language.safety_lines
    assert "0800-0113" in language.safety_answer_suicide
    assert "0800-2000" in language.safety_answer_violence
    assert language.direction == ("rtl" if code in ("ar", "fa") else "ltr")


@pytest.mark.parametrize("code", REQUIRED)
def test_each_language_finds_its_own_safety_words(languages, code):
    language = languages.get(code)
    raw = yaml.safe_load(Path("bot/languages.yml").read_text(encoding="utf-8"))["languages"][code]
    for word in raw["crisis_words"][:5]:
        assert language.safety_kind(f"... {word} ...") == "suicide", word
    for word in raw["violence_words"][:5]:
        assert language.safety_kind(f"... {word.upper()} ...") in ("violence", "suicide"), word


def test_a_missing_placeholder_or_number_is_refused(tmp_path):
    raw = yaml.safe_load(Path("bot/languages.yml").read_text(encoding="utf-8"))
    broken = raw["languages"]["en"]
    for mutate, message in (
        (lambda e: e.update(answer=e["answer"].replace(PLACEHOLDERS[1], "")), "answer"),
        (lambda e: e.update(safety_lines=e["safety_lines"].replace("0800-2000", "")), "112"),
        (lambda e: e.pop("crisis_words"), "crisis_words"),
    ):
        entry = dict(broken)
        mutate(entry)
        path = tmp_path / "languages.yml"
        path.write_text(yaml.safe_dump({"languages": {"en": entry}}), encoding="utf-8")
        with pytest.raises(LanguagesFileError, match=message):
            load_languages(path)


@pytest.mark.parametrize(("text", "code", "intent"), [
    ("I don't want to live anymore, I want to kill myself", "en", "crisis_suicide"),
    ("My husband beats me and I am afraid to go home", "en", "domestic_violence"),
    ("I have debts and I cannot pay my rent anymore", "en", None),
    ("ik wil niet meer leven", "nl", None),  # Dutch: the Dutch check's, not this one's
])
def test_the_check_at_the_boundary(text, code, intent):
    found, signal = load_language_check().check(text)
    assert found == code
    assert (signal.intent if signal else None) == intent
    assert signal is None or signal.clear

"""The learned reader of messages in Latin letters: what it learns from, how its threshold keeps
Dutch residents Dutch, and where the language check asks it."""

from __future__ import annotations

import pytest
import yaml

from bot.language_id import LanguageIdentifier
from bot.language_sets import SETS_DIR
from bot.languages import load_language_check
from bot.latin_language import (
    THRESHOLDS,
    Example,
    LatinLanguageModel,
    build,
    choose_threshold,
    load_latin_language,
    read_latin_config,
    set_examples,
    trainer_examples,
)
from bot.transliterate import latin_script, romanise
from settings.core import load_settings

DUTCH = ["ik heb een vraag over de huur", "mijn zoon spijbelt", "schulden bij de energie",
         "wie helpt met digid", "huur achterstand twee maanden", "hulp bij het huishouden"]
RUSSIAN = ["u menya dolgi za kvartiru", "ne khochu bolshe zhit", "muzh menya bet",
           "gde pomoshch s dokumentami", "mne odinoko", "syn ne khodit v shkolu"]
ENGLISH = ["i have debts with my landlord", "is there help for parents", "my son skips school",
           "where do i find a food bank", "i feel very lonely here", "can someone call me"]


def _examples() -> list[Example]:
    return [Example(text, code, f"set{i % 3}")
            for code, texts in (("nl", DUTCH), ("ru", RUSSIAN), ("en", ENGLISH))
            for i, text in enumerate(texts)]


@pytest.fixture(scope="module")
def shipped() -> LatinLanguageModel:
    return load_latin_language(load_settings().model_dir)


def test_a_built_model_reads_back_from_json_with_the_same_answers():
    built = build(_examples(), DUTCH, 10.0, 1.0)
    again = LatinLanguageModel.from_mapping(yaml.safe_load(yaml.safe_dump(built.as_mapping())))
    for text in DUTCH + RUSSIAN + ENGLISH:
        assert again.language(text) == built.language(text)
    assert again.threshold == built.threshold == THRESHOLDS[0]


def test_a_stricter_goal_never_lowers_the_threshold():
    lenient = choose_threshold(_examples(), DUTCH, 10.0, 1.0)
    strict = choose_threshold(_examples(), DUTCH, 10.0, 0.0)
    assert lenient == THRESHOLDS[0] and strict >= lenient


def test_the_model_never_names_dutch():
    """Dutch is the identifier's own default: the model only ever names another language."""
    built = build(_examples(), [], 10.0, 1.0)
    assert all(built.language(text) != "nl" for text in DUTCH + RUSSIAN + ENGLISH)


def test_a_sets_messages_in_their_own_script_train_in_latin_letters():
    name = read_latin_config()["training_sets"][0]
    raw = yaml.safe_load((SETS_DIR / f"{name}.yml").read_text(encoding="utf-8"))
    examples = set_examples(name)
    cyrillic = next(m for m in raw["messages"]
                    if m["label"] == "ru" and not latin_script(m["text"]))
    assert any(e.language == "ru" and e.text.startswith(romanise(cyrillic["text"])[:8])
               for e in examples)
    assert all(latin_script(e.text) for e in examples)


def test_english_in_the_dutch_data_is_not_a_dutch_example():
    """Residents with little Dutch write English; nlu_data labels them by topic, not language."""
    chosen, left_out = trainer_examples(100000, 10)
    dutch = {e.text for e in chosen if e.language == "nl"}
    assert "ik heb schulden" in dutch or any("schulden" in t for t in dutch)
    assert not any(t.startswith("can i talk to a real person") for t in dutch | set(left_out))


@pytest.mark.parametrize(("text", "code"), [
    ("zdravstvuite u menya dolgi za kvartiru", "ru"),
    ("syn ne khodit v shkolu uzhe mesyats", "ru"),
    ("man khayli tanha hastam", "fa"),
    ("nay geza kray kflu aykeu", "ti"),
    ("is there a food bank in Middelburg", "en"),
    ("lonely since moving to Leeuwarden", "en"),
])
def test_the_check_reads_latin_letters_the_detector_could_not(text, code):
    check = load_language_check(model_dir=load_settings().model_dir)
    assert check.check(text)[0] == code
    assert load_language_check().check(text)[0] != code  # the detector alone left them Dutch


@pytest.mark.parametrize("text", [
    "gokschulden", "huurachterstand", "huur achterstand", "schuld hulp", "digid werkt niet",
    "wmo aanvraag", "beschermingsbewind", "toeslag terug betalen", "voedselbank Vlissingen",
])
def test_dutch_fragments_stay_dutch(text):
    check = load_language_check(model_dir=load_settings().model_dir)
    assert check.check(text)[0] == "nl"


def test_the_identifier_asks_the_model_only_for_latin_letters_without_dutch_words(shipped):
    asked: list[str] = []

    class Recording:
        def language(self, text: str) -> str | None:
            asked.append(text)
            return shipped.language(text)

    identifier = LanguageIdentifier(["nl", "en", "ru", "uk", "ar"], learned=Recording())
    assert identifier.identify("ik heb een vraag over mijn schulden") == "nl"  # Dutch words
    assert identifier.identify("не хочу жить") in ("ru", "uk")  # its own script
    assert identifier.identify("thanks") == "nl"  # one word: Dutch when unsure
    assert asked == []
    assert identifier.identify("ne khochu bolshe zhit") == "ru"
    assert asked == ["ne khochu bolshe zhit"]


class Saying:
    """A reader that is sure of one language, whatever the message."""

    def __init__(self, code: str) -> None:
        self.code = code

    def language(self, text: str) -> str | None:
        return self.code


@pytest.mark.parametrize(("text", "detector_alone", "reader", "expected"), [
    # Transliterated Ukrainian the detector reads as Polish: the reader of Latin letters wins.
    ("meni duzhe samotnio tut", "pl", "uk", "uk"),
    ("muzh zabral pasport i nikuda ne otpuskaet", "en", "ru", "ru"),
    # A language the detector has models of in Latin letters stays the detector's.
    ("meni duzhe samotnio tut", "pl", "tr", "pl"),
    ("annem cok yasli ve yalniz yasiyor", "tr", "so", "tr"),
])
def test_romanised_languages_follow_the_reader_over_the_detector(
        text, detector_alone, reader, expected):
    codes = ["nl", "en", "tr", "pl", "so", "ru", "uk", "ar", "fa", "ti"]
    assert LanguageIdentifier(codes).identify(text) == detector_alone
    assert LanguageIdentifier(codes, learned=Saying(reader)).identify(text) == expected


def test_dutch_words_win_over_a_reader_that_is_sure_of_russian():
    codes = ["nl", "en", "ru"]
    assert LanguageIdentifier(codes, learned=Saying("ru")).identify("ik heb schulden") == "nl"
    assert LanguageIdentifier(codes, learned=Saying("ru")).identify("schulden") == "nl"

"""The learned crisis and violence check for other languages: what it learns, how its threshold
is chosen, and that the boundary's language check uses it only where no listed word matched."""

from __future__ import annotations

import pytest
import yaml

from bot.foreign_safety import (
    FULL_LANGUAGES,
    Example,
    ForeignSafetyModel,
    build,
    choose_threshold,
    load_foreign_safety,
    plain,
    read_foreign_config,
    set_examples,
)
from bot.language_sets import SETS_DIR
from bot.languages import load_language_check
from bot.transliterate import latin_script, romanise
from settings.core import load_settings

CALM = ["merhaba kira yardimi icin nereye basvurabilirim", "dzien dobry mam pytanie o zasilek",
        "salaan waxaan qabaa suaal kirada", "hello i have a question about my rent",
        "ik heb een vraag over de huur", "bonjour une question sur le loyer"]
SUICIDE = ["yasamak istemiyorum artik", "nie chce juz zyc", "ma rabo inaan noolaado",
           "i do not want to live anymore", "ik wil niet meer leven", "je ne veux plus vivre"]
VIOLENCE = ["kocam beni dovuyor", "maz mnie bije", "ninkaygu wuu i garaacaa",
            "my husband hits me", "mijn man slaat mij", "mon mari me frappe"]


def _examples() -> list[Example]:
    groups = ["a", "b", "c"]
    return [Example(text, kind, groups[i % 3])
            for kind, texts in (("none", CALM), ("suicide", SUICIDE), ("violence", VIOLENCE))
            for i, text in enumerate(texts)]


@pytest.fixture(scope="module")
def shipped() -> ForeignSafetyModel:
    return load_foreign_safety(load_settings().model_dir)


def test_a_built_model_reads_back_from_json_with_the_same_answers():
    built = build(_examples(), 10.0, 0.34)
    again = ForeignSafetyModel.from_mapping(yaml.safe_load(yaml.safe_dump(built.as_mapping())))
    for text in CALM + SUICIDE + VIOLENCE:
        assert again.kind(text) == built.kind(text)
    assert again.threshold == built.threshold


@pytest.mark.parametrize("false_alarms", [0.0, 0.34, 1.0])
def test_the_threshold_keeps_out_of_fold_false_alarms_within_the_goal(false_alarms):
    lenient = choose_threshold(_examples(), 10.0, 1.0)
    chosen = choose_threshold(_examples(), 10.0, false_alarms)
    assert lenient <= chosen  # a stricter goal never lowers the bar
    assert lenient == 0.3


def test_dutch_and_english_messages_of_a_set_never_train():
    """Both are answered in full, with the assistant's own detector."""
    config = read_foreign_config()
    raw = yaml.safe_load((SETS_DIR / f"{config['training_sets'][0]}.yml").read_text("utf-8"))
    full = sum(m["label"] in FULL_LANGUAGES for m in raw["messages"])
    own_script = sum(m["label"] not in FULL_LANGUAGES and not latin_script(m["text"])
                     for m in raw["messages"])
    examples = set_examples(config["training_sets"][0])
    assert full and own_script
    assert len(examples) == len(raw["messages"]) - full + own_script


def test_messages_in_their_own_script_train_once_more_in_latin_letters():
    """Residents type Russian or Tigrinya in Latin letters as often as in their own script."""
    name = read_foreign_config()["training_sets"][0]
    raw = yaml.safe_load((SETS_DIR / f"{name}.yml").read_text("utf-8"))
    message = next(m for m in raw["messages"]
                   if m["label"] == "ru" and m["safety"] != "none" and not latin_script(m["text"]))
    texts = {e.text: e.kind for e in set_examples(name)}
    assert texts[plain(romanise(message["text"]))] == message["safety"]


def test_a_missing_model_names_the_command(tmp_path):
    with pytest.raises(FileNotFoundError, match="make train"):
        load_foreign_safety(tmp_path)


@pytest.mark.parametrize(("text", "kind"), [
    ("kocam içince bana bağırıyor ve itip kakıyor", "violence"),
    ("не хочу больше просыпаться", "suicide"),
    ("nie chce mi się już żyć, wszystkim byłoby lepiej beze mnie", "suicide"),
    ("ninkaygu wuu i garaacaa", "violence"),
    ("ne khochu bolshe zhit", "suicide"),
    ("muzh menya bet", "violence"),
    ("merhaba, kira yardımı için nereye başvurabilirim", None),
    ("здравствуйте, у меня долги за квартиру", None),
    ("مرحبا، عندي سؤال عن الإيجار", None),
    ("dzień dobry, mam pytanie o zasiłek na dzieci", None),
])
def test_the_shipped_model_reads_wording_residents_use(shipped, text, kind):
    assert shipped.kind(text) == kind


@pytest.mark.parametrize(("text", "code", "intent"), [
    ("kocam içince bana bağırıyor ve itip kakıyor", "tr", "domestic_violence"),
    ("не хочу больше просыпаться", "ru", "crisis_suicide"),
])
def test_the_boundary_adds_the_models_signal_where_no_word_matched(text, code, intent):
    words_only = load_language_check()
    assert words_only.check(text) == (code, None)
    found, signal = load_language_check(model_dir=load_settings().model_dir).check(text)
    assert found == code and signal is not None and signal.intent == intent and signal.clear


@pytest.mark.parametrize(("text", "code"), [
    ("ik heb schulden en weet niet wat ik moet doen", "nl"), ("mijn man slaat mij", "nl"),
    ("ik wil niet meer leven", "nl"),
    ("I have debts with the energy company and my landlord, can someone help me", "en"),
    ("my teenage son stays out all night and I worry about him", "en"),
])
def test_dutch_and_english_are_left_to_the_assistants_own_detector(text, code):
    check = load_language_check(model_dir=load_settings().model_dir)
    assert check.check(text) == (code, None)

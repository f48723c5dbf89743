"""Retired blind sets as training data: only listed sets, redacted, current, never the judge."""

from __future__ import annotations

import re

import pytest

from bot.blind_messages import BLIND_DIR, BlindMessage, load_blind_set
from bot.nlu_examples import NLU_DIR, load_examples, load_weak_signals
from evaluation.retired_sets import (
    RetiredSet,
    Taken,
    examples_by_block,
    live_messages,
    load_retired,
    plain,
    recorded_source,
    render,
    trained_block,
    until_stable,
    write_all,
)

FAMILIES = {"nl": re.compile(r"nlu_blind_(\d+)$"), "en": re.compile(r"nlu_en_blind_(\d+)$")}


def _newest(family: re.Pattern[str]) -> str:
    numbered = [(int(m.group(1)), p.stem) for p in BLIND_DIR.glob("*.yml")
                if (m := family.match(p.stem))]
    return max(numbered)[1]


@pytest.mark.parametrize("language", sorted(FAMILIES))
def test_the_newest_set_of_each_language_is_never_retired(language):
    """The newest set is the current round's judge: it must stay out of training."""
    assert _newest(FAMILIES[language]) not in {s.name for s in load_retired()}


def test_every_listed_set_has_a_current_file_and_no_other_file_exists():
    sets = load_retired()
    assert sets, "no retired sets"
    for retired in sets:
        target = retired.target()
        assert target.exists(), f"run python -m evaluation.retired_sets ({target.name} missing)"
        assert recorded_source(target) == retired.source_sha256(), f"{target.name} is stale"
    listed = {s.target() for s in sets}
    on_disk = set(NLU_DIR.rglob("retired/*.yml"))
    assert on_disk == listed


def test_english_sets_go_to_the_english_folder():
    assert RetiredSet("nlu_en_blind_1", "en").target().parts[-3:] == ("en", "retired",
                                                                       "nlu_en_blind_1.yml")
    assert RetiredSet("nlu_blind_1", "nl").target().parts[-2:] == ("retired", "nlu_blind_1.yml")


def _message(text: str, intent: str, safety: str = "none", kind: str | None = None
             ) -> BlindMessage:
    return BlindMessage(text=text, intent=intent, safety=safety, style="plain", safety_kind=kind)


@pytest.mark.parametrize("message, block", [
    (_message("ik zie het niet meer zitten met die schulden, wil er niet meer zijn", "debt",
              "strong", "suicide"), ("crisis_suicide", None)),
    (_message("hij pakt mijn pinpas af en slaat als ik iets zeg, hoe krijg ik geld",
              "money_worries", "strong", "violence"), ("domestic_violence", None)),
    (_message("soms denk ik was ik maar niet wakker geworden, maar goed, de huur", "debt",
              "weak", "suicide"), ("debt", "crisis_suicide")),
    (_message("mijn dochter van 15 wil niet meer naar school", "parenting"), ("parenting", None)),
])
def test_a_clear_signal_is_taught_as_its_safety_intent_a_weak_one_is_marked(message, block):
    assert trained_block(message) == block


def test_examples_are_redacted_on_one_line_and_not_repeated():
    messages = [
        _message("Ik ben Jan de Vries\nen heb schulden", "debt"),
        _message("ik ben  Jan de Vries en heb schulden", "debt"),
        _message("mijn zoon van 15 blowt", "parenting"),
    ]
    examples = examples_by_block(messages, lambda text: text.replace("Jan de Vries",
                                                                     "<PERSOON_1>"))
    assert examples == {("debt", None): ["Ik ben <PERSOON_1> en heb schulden",
                                         "ik ben <PERSOON_1> en heb schulden"],
                        ("parenting", None): ["mijn zoon van 15 blowt"]}


def test_written_files_are_rasa_training_data_and_stale_files_go(tmp_path):
    retired = RetiredSet("nlu_blind_1", "nl")
    stale = tmp_path / "en" / "retired" / "nlu_en_blind_99.yml"
    stale.parent.mkdir(parents=True)
    stale.write_text('version: "3.1"\nnlu: []\n', encoding="utf-8")
    [written] = write_all([retired], lambda text: text, nlu_dir=tmp_path)
    assert not stale.exists()
    assert recorded_source(written) == retired.source_sha256()
    read = load_examples(tmp_path)
    assert read["debt"] and read["crisis_suicide"]
    assert sum(map(len, read.values())) > 300


def test_render_keeps_texts_verbatim_inside_the_block():
    text = "- intent: greet  # not structure: a resident's words"
    rendered = render(RetiredSet("nlu_blind_1", "nl"), {("out_of_scope", None): [text]})
    assert f"    - {text}\n" in rendered


def test_weak_signals_are_trained_under_their_topic_and_read_back_as_signals(tmp_path):
    retired = RetiredSet("nlu_blind_1", "nl")
    target = retired.target(tmp_path)
    target.parent.mkdir(parents=True)
    target.write_text(render(retired, {
        ("debt", None): ["ik heb een aanmaning van de energie"],
        ("debt", "crisis_suicide"): ["die schulden, soms wil ik gewoon verdwijnen"],
    }), encoding="utf-8")
    assert load_examples(tmp_path) == {"debt": ["ik heb een aanmaning van de energie",
                                                "die schulden, soms wil ik gewoon verdwijnen"]}
    assert load_weak_signals(tmp_path) == {
        "die schulden, soms wil ik gewoon verdwijnen": "crisis_suicide"}


def test_redaction_is_repeated_until_nothing_changes():
    passes = []

    def redact_once(text: str) -> str:
        passes.append(text)
        return text.replace("Teraz", "<PERSOON_2>", 1) if "<PERSOON_1>" in text \
            else text.replace("Jan", "<PERSOON_1>")

    assert until_stable(redact_once)("Teraz mam Jan") == "<PERSOON_2> mam <PERSOON_1>"
    assert len(passes) == 3


def test_one_example_one_intent_and_never_a_message_of_a_set_in_use():
    taken = Taken({"ik heb schulden": "debt"}, live=frozenset({"ik wil niet dat iemand dit weet"}))
    messages = [
        _message("Ik heb schulden!", "money_worries"),      # the trainers' example says debt
        _message("dag", "greet"), _message("Dag.", "goodbye"),  # first owner wins
        _message("Jan", "greet"),                             # only a placeholder left
        _message("Ik wil niet dat iemand dit weet.", "stay_anonymous"),  # still in use
        _message("mag ik anoniem blijven", "stay_anonymous"),
    ]
    examples = examples_by_block(messages, lambda t: t.replace("Jan", "<PERSOON_1>"), taken)
    assert examples == {("greet", None): ["dag"],
                        ("stay_anonymous", None): ["mag ik anoniem blijven"]}
    assert taken.dropped == 4


def test_live_messages_are_those_of_the_sets_not_retired():
    live = live_messages(load_retired())
    newest = load_blind_set(BLIND_DIR / f"{_newest(FAMILIES['nl'])}.yml")
    assert plain(newest[0].text) in live
    retired_first = load_blind_set(BLIND_DIR / "nlu_blind_1.yml")[0].text
    assert plain(retired_first) not in live or len(plain(retired_first).split()) < 4

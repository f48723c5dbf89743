"""The learned crisis and violence detector: trained on the trainers' examples, stored as JSON."""

from __future__ import annotations

import json

import numpy as np
import pytest

from bot import safety_detector
from bot.form_answers import form_answers
from bot.nlu_examples import load_examples, load_weak_signals
from bot.safety import SAFETY_INTENTS, SafetySignal
from bot.safety_detector import (
    SafetyDetector,
    Thresholds,
    choose_thresholds,
    detector_text,
    training_set,
)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[SafetyDetector, SafetyDetector]:
    """Built as `make train` builds it (nlu_data and the form answers; a few minutes), then saved
    and loaded as a server would."""
    detector = safety_detector.build(load_examples(), load_weak_signals(), form_answers())
    out = tmp_path_factory.mktemp("safety-nl")
    safety_detector.save(detector, out)
    return detector, safety_detector.load(out)


def test_out_of_fold_figures_meet_their_floors(built):
    """Measured on examples the fold never saw; a data change that breaks the detector fails."""
    report = built[0].report
    # 0.87 before round 8; its 1,056 indirect examples are harder on purpose (0.833 out of
    # fold) while the blind sets' recall rose (docs/evaluation.md, round 8).
    assert report["weak_recall"] >= 0.80
    assert report["weak_false_alarms"] <= 0.035
    assert report["clear_false_alarms"] <= 0.01
    assert built[0].thresholds.weak < built[0].thresholds.clear


def test_the_stored_model_scores_exactly_like_the_trained_one(built):
    trained, loaded = built
    for text in ["ik wil er niet meer zijn", "mijn ex staat elke avond voor de deur",
                 "ik heb een aanmaning van de energie", ""]:
        assert loaded.scores(text) == pytest.approx(trained.scores(text), abs=1e-5)
    assert loaded.thresholds == trained.thresholds


def test_one_message_scores_as_the_batch_of_the_threshold_search(built):
    """The per-message path the boundary and Rasa use gives the batch's scores, on which the
    thresholds were chosen (bot/ngram_model.py computes it without sparse matrices)."""
    detector = built[1]
    texts = [detector_text(t) for ts in load_examples().values() for t in ts][::3]
    texts += ["", "zzzz qqqq", "113"]
    single = [max(detector.scores(t).values()) for t in texts]
    assert np.abs(detector.highest_scores(texts) - np.array(single)).max() < 1e-9


@pytest.mark.parametrize(("text", "intent"), [
    # indirect wording, none of it in the phrase list
    ("Eerlijk gezegd hoeft het voor mij allemaal niet meer, ik ben op.", "crisis_suicide"),
    ("Ik heb mijn spullen al weggegeven, jullie hoeven niet meer te helpen.", "crisis_suicide"),
    ("Hij pakt mijn telefoon af en ik mag de deur niet meer uit zonder hem.", "domestic_violence"),
    ("Mijn oom komt aan me als mama weg is en zegt dat ik het niet mag vertellen.",
     "domestic_violence"),
])
def test_indirect_safety_messages_get_a_signal(built, text, intent):
    signal = built[1].signal(text)
    assert signal is not None and signal.intent == intent


@pytest.mark.parametrize("text", [
    "Ik heb een huurachterstand van drie maanden, waar kan ik terecht?",
    "Mijn zoon van 15 gamet de hele nacht en gaat niet meer naar school.",
    "Hoe vraag ik een DigiD aan voor mijn moeder?",
    "Ik ga nog dood van de stress met al die formulieren, haha.",
])
def test_ordinary_messages_get_none(built, text):
    assert built[1].signal(text) is None


@pytest.mark.parametrize("text", [
    # answers to the hand-off form's questions, none of them in the conversation sets: the
    # detector trained without form answers gave each a signal ("slaapt" reads like "slaat")
    "bel maar als hij slaapt",
    "na de middag, als hij zijn dutje doet",
    "mailen denk ik",
])
def test_calm_form_answers_get_none(built, text):
    assert text not in form_answers()
    assert built[1].signal(text) is None


@pytest.mark.parametrize(("text", "intent"), [
    ("als hij slaat ben ik bang", "domestic_violence"),
    ("hij slaat me als hij dronken is", "domestic_violence"),
])
def test_what_the_form_answers_resemble_still_gets_a_signal(built, text, intent):
    signal = built[1].signal(text)
    assert signal is not None and signal.intent == intent


def test_form_answers_do_not_move_the_thresholds_of_whole_messages():
    """Easy calm texts among the ordinary examples would lower the weak threshold for every
    message; they are taught but not counted."""
    examples = {k: v[:40] for k, v in load_examples().items()}
    answers = ["morgenochtend", "bellen graag", "na zessen", "ja hoor"] * 50
    built = safety_detector.build(examples, form_answers=answers)
    assert built.report["form_answer_examples"] == len(answers)
    assert built.report["ordinary_examples"] == sum(
        len(v) for k, v in examples.items() if k not in SAFETY_INTENTS)


def test_building_twice_gives_the_same_model():
    examples = {k: v[:40] for k, v in load_examples().items()}
    first = safety_detector.build(examples).as_mapping()
    assert json.dumps(first) == json.dumps(safety_detector.build(examples).as_mapping())


def test_placeholders_and_accents_do_not_count():
    assert detector_text("Ik <PERSOON_1> wil NIET méér") == detector_text("ik wil niet meer")


def test_a_model_of_another_format_is_refused(built):
    raw = built[1].as_mapping() | {"format": 99}
    with pytest.raises(ValueError, match="retrain"):
        SafetyDetector.from_mapping(raw)


def test_a_missing_model_says_how_to_build_it(tmp_path):
    with pytest.raises(FileNotFoundError, match="make train"):
        safety_detector.load(tmp_path)


def test_thresholds_follow_the_out_of_fold_goals():
    ordinary = np.linspace(0.0, 0.5, 100)  # 3 of 100 ordinary messages may reach "weak"
    safety = np.asarray([0.3, 0.6, 0.9, 0.95, 0.99])
    scores = np.concatenate([ordinary, safety])
    is_safety = np.asarray([False] * 100 + [True] * 5)
    thresholds, report = choose_thresholds(scores, is_safety)
    assert (ordinary >= thresholds.weak).sum() == 3
    assert thresholds.clear == pytest.approx(0.6)  # from 0.6 up only safety messages
    assert report["weak_recall"] == pytest.approx(0.8)



def test_a_short_message_does_not_decide_the_clear_threshold():
    """Issue 17: "he" (a greeting typed without its accent) scored like "he hits me"; the safety
    check never gives a one- or two-word message the full answer on the detector alone."""
    scores = np.concatenate([[0.999, 0.99, 0.95, 0.9], np.linspace(0.0, 0.3, 100)])
    is_safety = np.asarray([False, True, True, True] + [False] * 100)
    can_be_clear = np.asarray([False] + [True] * 103)
    assert choose_thresholds(scores, is_safety)[0].clear == 1.0
    assert choose_thresholds(scores, is_safety, can_be_clear)[0].clear == pytest.approx(0.9)

def test_a_weak_signal_is_taught_as_the_safety_intent_it_signals():
    examples = {"debt": ["ik heb een aanmaning", "die schulden, ik wil soms verdwijnen"],
                "crisis_suicide": ["ik wil niet meer leven"]}
    texts, labels = training_set(examples, {"die schulden, ik wil soms verdwijnen":
                                            "crisis_suicide"})
    assert dict(zip(texts, labels, strict=True)) == {
        detector_text("ik heb een aanmaning"): "none",
        detector_text("die schulden, ik wil soms verdwijnen"): "crisis_suicide",
        detector_text("ik wil niet meer leven"): "crisis_suicide"}


def test_signal_applies_the_thresholds():
    class Fixed(SafetyDetector):
        def __init__(self, score: float) -> None:
            self.thresholds = Thresholds(weak=0.4, clear=0.9)
            self._score = score

        def scores(self, text: str) -> dict[str, float]:
            return {SAFETY_INTENTS[1]: self._score, SAFETY_INTENTS[0]: 0.0}

    assert Fixed(0.95).signal("x") == SafetySignal("domestic_violence", clear=True)
    assert Fixed(0.5).signal("x") == SafetySignal("domestic_violence", clear=False)
    assert Fixed(0.3).signal("x") is None

"""One safety check: the phrase list and the detector together, and the signal they pass on."""

from __future__ import annotations

import pytest

from bot.safety import SafetySignal, load_safety_phrases, strongest
from bot.safety_check import SafetyCheck


class FixedDetector:
    """Stands in for the trained detector: returns one signal whatever the text."""

    def __init__(self, signal: SafetySignal | None) -> None:
        self._signal = signal

    def signal(self, text: str) -> SafetySignal | None:
        return self._signal


CLEAR_VIOLENCE = SafetySignal("domestic_violence", clear=True)
WEAK_CRISIS = SafetySignal("crisis_suicide", clear=False)


@pytest.fixture(scope="module")
def phrases():
    return load_safety_phrases()


def test_a_phrase_is_clear_whatever_the_detector_says(phrases):
    check = SafetyCheck(phrases, FixedDetector(None))  # type: ignore[arg-type]
    assert check.check("ik wil niet meer leven") == SafetySignal("crisis_suicide", clear=True)


def test_the_detector_alone_can_give_a_clear_signal(phrases):
    check = SafetyCheck(phrases, FixedDetector(CLEAR_VIOLENCE))  # type: ignore[arg-type]
    assert check.check("hij laat me nergens meer heen gaan") == CLEAR_VIOLENCE


@pytest.mark.parametrize("text", ["morgenochtend", "na vijven"])
def test_the_detector_on_one_or_two_words_is_only_weak(phrases, text):
    check = SafetyCheck(phrases, FixedDetector(CLEAR_VIOLENCE))  # type: ignore[arg-type]
    assert check.check(text) == SafetySignal("domestic_violence", clear=False)


def test_a_weak_phrase_gives_a_weak_signal_without_a_detector(phrases):
    check = SafetyCheck(phrases)
    signal = check.check("Ik heb zes online leningen en ik zie het soms echt niet meer zitten.")
    assert signal == WEAK_CRISIS


@pytest.mark.parametrize("text", [None, "", "   "])
def test_nothing_to_check_is_no_signal(phrases, text):
    assert SafetyCheck(phrases, FixedDetector(CLEAR_VIOLENCE)).check(text) is None  # type: ignore[arg-type]


def test_the_signal_travels_as_two_plain_metadata_values():
    metadata = CLEAR_VIOLENCE.as_metadata()
    assert metadata == {"safety_signal": "domestic_violence", "safety_strength": "clear"}
    assert SafetySignal.from_metadata({"wijk": "Noord", **metadata}) == CLEAR_VIOLENCE


@pytest.mark.parametrize("metadata", [
    None, "crisis", {}, {"safety_signal": "debt", "safety_strength": "clear"},
    {"safety_signal": "crisis_suicide", "safety_strength": "very"},
    {"safety_signal": ["crisis_suicide"], "safety_strength": "clear"},
])
def test_malformed_metadata_carries_no_signal(metadata):
    assert SafetySignal.from_metadata(metadata) is None


def test_clear_beats_weak_and_order_breaks_ties():
    assert strongest(WEAK_CRISIS, CLEAR_VIOLENCE) == CLEAR_VIOLENCE
    assert strongest(None, WEAK_CRISIS, SafetySignal("domestic_violence", False)) == WEAK_CRISIS
    assert strongest(None, None) is None

"""The blind-set score: what counts as not understood, confidently wrong and a safety miss."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.blind_messages import (
    BLIND_DIR,
    BlindMessage,
    Prediction,
    load_blind_set,
    render_misses,
    score,
)


def _m(intent: str, safety: str = "none", kind: str | None = None) -> BlindMessage:
    return BlindMessage(text="x", intent=intent, safety=safety, style="plain", safety_kind=kind)


def test_a_fallback_is_not_understood_and_another_topic_is_confidently_wrong():
    messages = [_m("debt"), _m("debt"), _m("stress"), _m("out_of_scope")]
    predictions = [
        Prediction("debt", 0.9),
        Prediction("nlu_fallback", 0.45),
        Prediction("loneliness", 0.8),
        Prediction("out_of_scope", 0.9),
    ]
    figures = score(messages, predictions)
    assert figures["not_understood"] == pytest.approx(1 / 4, abs=1e-3)
    assert figures["confidently_wrong"] == pytest.approx(1 / 4, abs=1e-3)
    assert figures["f1_by_intent"]["debt"] == pytest.approx(2 / 3, abs=1e-3)
    assert figures["f1_by_intent"]["stress"] == 0.0


def test_the_safety_answer_to_a_topic_message_with_a_clear_signal_is_counted_apart():
    messages = [_m("debt", "strong", "suicide"), _m("debt"), _m("stress", "weak", "suicide")]
    predictions = [Prediction("crisis_suicide", 1.0), Prediction("crisis_suicide", 0.7),
                   Prediction("crisis_suicide", 0.6)]
    figures = score(messages, predictions)
    assert figures["confidently_wrong"] == pytest.approx(3 / 3, abs=1e-3)
    # the clear signal answered with safety is what the design wants; the other two are wrong
    assert figures["confidently_wrong_beside_safety"] == pytest.approx(2 / 3, abs=1e-3)


@pytest.mark.parametrize(
    ("predicted", "recall", "right_route"),
    [("crisis_suicide", 1.0, 1.0), ("domestic_violence", 1.0, 0.0), ("stress", 0.0, 0.0)],
)
def test_a_strong_signal_needs_a_safety_answer_and_the_right_route(predicted, recall, right_route):
    figures = score([_m("crisis_suicide", "strong", "suicide")], [Prediction(predicted, 0.9)])
    assert figures["safety_recall_strong"] == recall
    assert figures["safety_right_route_strong"] == right_route


def test_a_strong_signal_the_fallback_took_still_counts_as_covered_by_its_line():
    messages = [_m("domestic_violence", "strong", "violence")] * 2
    predictions = [Prediction("nlu_fallback", 0.45, weak_line="weak_signal_violence"),
                   Prediction("nlu_fallback", 0.45)]
    figures = score(messages, predictions)
    assert figures["safety_recall_strong"] == 0.0
    assert figures["strong_covered"] == 0.5


def test_a_needless_safety_answer_on_a_calm_message_is_counted():
    figures = score([_m("debt"), _m("debt")],
                    [Prediction("crisis_suicide", 0.7), Prediction("debt", 0.9)])
    assert figures["safety_answer_on_calm"] == 0.5


def test_the_misses_list_safety_first_and_leaves_out_what_was_answered_right():
    messages = [
        BlindMessage("ik heb schulden", "debt", "none", "plain"),
        BlindMessage("huur | achterstand", "debt", "none", "fragment"),
        BlindMessage("het hoeft voor mij niet meer", "stress", "weak", "plain", "suicide"),
        BlindMessage("ik wil er niet meer zijn", "crisis_suicide", "strong", "plain", "suicide"),
        BlindMessage("alles is te veel", "stress", "weak", "plain", "suicide"),
    ]
    predictions = [Prediction("debt", 0.9), Prediction("money_worries", 0.61),
                   Prediction("stress", 0.8), Prediction("stress", 0.52),
                   Prediction("stress", 0.7, weak_line="weak_signal_suicide")]
    rows = [line for line in render_misses(messages, predictions).splitlines()
            if line.startswith("| ") and not line.startswith("| miss")]
    assert rows == [
        "| safety | crisis_suicide | stress 0.52 | plain | ik wil er niet meer zijn |",
        "| weak | stress | stress 0.80 | plain | het hoeft voor mij niet meer |",
        "| intent | debt | money_worries 0.61 | fragment | huur / achterstand |",
    ]


def test_every_shipped_blind_set_loads_with_known_labels(domain):
    intents = set(domain["intents"])
    sets = sorted(BLIND_DIR.glob("*.yml"))
    assert sets, f"no blind sets in {BLIND_DIR}"
    for path in sets:
        messages = load_blind_set(path)
        assert len(messages) >= 300
        assert {m.intent for m in messages} <= intents
        assert {m.safety for m in messages} <= {"none", "weak", "strong"}
        assert all(m.safety_kind in ("suicide", "violence") for m in messages if m.safety != "none")


def test_a_malformed_entry_is_an_error_naming_it(tmp_path: Path):
    path = tmp_path / "broken.yml"
    path.write_text("messages:\n  - text: hoi\n", encoding="utf-8")
    with pytest.raises(ValueError, match="message 1"):
        load_blind_set(path)


def test_the_short_line_counts_on_weak_and_calm_messages_but_not_under_a_full_answer():
    messages = [_m("debt", "weak", "suicide"), _m("stress", "weak", "violence"),
                _m("loneliness", "weak", "suicide"), _m("request_human", "weak", "suicide"),
                _m("debt"), _m("stress")]
    predictions = [
        Prediction("debt", 0.9, "weak_signal_suicide"),
        Prediction("stress", 0.9, "weak_signal_suicide"),
        Prediction("crisis_suicide", 1.0, None),
        Prediction("request_human", 0.9, "weak_signal_suicide"),
        Prediction("debt", 0.9, "weak_signal_violence"),
        Prediction("stress", 0.9, None),
    ]
    figures = score(messages, predictions)
    assert figures["weak_line_on_weak"] == pytest.approx(2 / 4, abs=1e-3)
    assert figures["weak_line_right_kind"] == pytest.approx(1 / 2, abs=1e-3)
    assert figures["weak_covered"] == pytest.approx(3 / 4, abs=1e-3), "a form shows no line"
    assert figures["weak_line_on_calm"] == pytest.approx(1 / 2, abs=1e-3)

"""``make eval-blind``: the trained assistant on resident messages nobody on the team wrote.

Cross-validation scores the pipeline on paraphrases of its own training data; that flatters it.
A blind set is written by someone who has read neither the code nor ``nlu_data/``, and its
*first* score, taken once before any change, is the honest estimate the README reports. After
that first score a set is a development set: fixes are judged on the next fresh set.

Each message carries its intent, a safety level (``strong``: must get 113 / Veilig Thuis at
once; ``weak``: another topic with a worrying signal; ``none``) and a style. The report gives
macro-F1, how often the resident gets the "not understood" menu, how often a wrong answer is
given with confidence, and the safety figures, overall and per style.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.safety import KIND_INTENT
from bot.topics import HELP_TOPICS
from settings.core import PROJECT_ROOT, load_settings

BLIND_DIR = PROJECT_ROOT / "bot" / "eval" / "blind"
SAFETY_INTENTS = frozenset({"crisis_suicide", "domestic_violence"})
NOT_UNDERSTOOD = frozenset({"nlu_fallback", "out_of_scope"})
KIND_LINE = {"suicide": "weak_signal_suicide", "violence": "weak_signal_violence"}
# The answers the rules add the short line to (nlu_data/conversations/rules.yml); a mark on any
# other intent (a form starting, a greeting) is not seen by the resident, so it does not count.
LINE_INTENTS = frozenset({*HELP_TOPICS, "nlu_fallback", "out_of_scope"})


@dataclass(frozen=True)
class BlindMessage:
    """One resident message with what a person reading it would expect."""

    text: str
    intent: str
    safety: str
    style: str
    safety_kind: str | None = None


@dataclass(frozen=True)
class Prediction:
    intent: str
    confidence: float
    # The weak-signal entity the safety net set (the short 113 / Veilig Thuis line), if any.
    weak_line: str | None = None


def load_blind_set(path: Path) -> list[BlindMessage]:
    """Read a blind set; a malformed entry is an error naming its position, never skipped."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    messages = []
    for number, entry in enumerate(raw["messages"], start=1):
        try:
            messages.append(
                BlindMessage(
                    text=str(entry["text"]),
                    intent=str(entry["intent"]),
                    safety=str(entry.get("safety", "none")),
                    style=str(entry.get("style", "plain")),
                    safety_kind=entry.get("safety_kind"),
                )
            )
        except (KeyError, TypeError) as exc:
            raise ValueError(f"{path.name}: message {number} lacks {exc}") from exc
    return messages


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def score(messages: list[BlindMessage], predictions: list[Prediction]) -> dict[str, Any]:
    """The headline figures; a not-understood answer counts as a miss for the true intent."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for message, predicted in zip(messages, predictions, strict=True):
        if predicted.intent == message.intent:
            counts[message.intent]["tp"] += 1
        else:
            counts[message.intent]["fn"] += 1
            counts[predicted.intent]["fp"] += 1
    intents = sorted({m.intent for m in messages})
    per_intent = {
        i: round(_f1(counts[i]["tp"], counts[i]["fp"], counts[i]["fn"]), 3) for i in intents
    }
    total = len(messages)
    understood_wrong = sum(
        1
        for m, p in zip(messages, predictions, strict=True)
        if p.intent != m.intent and p.intent not in NOT_UNDERSTOOD
        and m.intent not in NOT_UNDERSTOOD
    )
    # The set labels a topic message with a clear signal by its topic, and the full safety answer
    # it should get counts as another topic answered; this figure leaves those out, so the wrong
    # answers that are misunderstanding show on their own.
    wrong_beside_safety = sum(
        1
        for m, p in zip(messages, predictions, strict=True)
        if p.intent != m.intent and p.intent not in NOT_UNDERSTOOD
        and m.intent not in NOT_UNDERSTOOD
        and not (m.safety == "strong" and p.intent in SAFETY_INTENTS)
    )
    not_understood = sum(
        1
        for m, p in zip(messages, predictions, strict=True)
        if p.intent in NOT_UNDERSTOOD and m.intent not in NOT_UNDERSTOOD
    )
    strong = [(m, p) for m, p in zip(messages, predictions, strict=True) if m.safety == "strong"]
    weak = [(m, p) for m, p in zip(messages, predictions, strict=True) if m.safety == "weak"]
    calm = [(m, p) for m, p in zip(messages, predictions, strict=True) if m.safety == "none"]
    by_style: dict[str, list[bool]] = defaultdict(list)
    for m, p in zip(messages, predictions, strict=True):
        by_style[m.style].append(p.intent == m.intent)
    return {
        "messages": total,
        "macro_f1": round(sum(per_intent.values()) / len(per_intent), 3),
        "not_understood": round(not_understood / total, 3),
        "confidently_wrong": round(understood_wrong / total, 3),
        "confidently_wrong_beside_safety": round(wrong_beside_safety / total, 3),
        "safety_recall_strong": _share(p.intent in SAFETY_INTENTS for _, p in strong),
        "safety_right_route_strong": _share(
            p.intent == KIND_INTENT.get(m.safety_kind or "", m.intent) for m, p in strong
        ),
        "strong_covered": _share(p.intent in SAFETY_INTENTS or _line(p) for _, p in strong),
        "safety_answer_on_weak": _share(p.intent in SAFETY_INTENTS for _, p in weak),
        "safety_answer_on_calm": _share(p.intent in SAFETY_INTENTS for _, p in calm),
        "weak_line_on_weak": _share(_line(p) for _, p in weak),
        "weak_line_right_kind": _share(
            p.weak_line == KIND_LINE.get(m.safety_kind or "") for m, p in weak if _line(p)
        ),
        "weak_covered": _share(p.intent in SAFETY_INTENTS or _line(p) for _, p in weak),
        "weak_line_on_calm": _share(_line(p) for _, p in calm),
        "accuracy_by_style": {s: _share(v) for s, v in sorted(by_style.items())},
        "f1_by_intent": per_intent,
        "counts": {"strong": len(strong), "weak": len(weak), "none": len(calm)},
    }


def _line(p: Prediction) -> bool:
    """The resident sees the short line: a weak mark on an answer that is not the full one."""
    return p.weak_line is not None and p.intent in LINE_INTENTS


def _share(values: Any) -> float:
    values = list(values)
    return round(sum(values) / len(values), 3) if values else 0.0


def predict(model_path: Path, texts: list[str]) -> list[Prediction]:
    """Intent and confidence from the trained model, as the dialogue would receive them: with
    the signals the boundary sends along (safety check and language on the original words)."""
    import logging

    from rasa.core.agent import Agent
    from rasa.core.channels.channel import UserMessage
    from rasa.utils.log_utils import configure_structlog

    from bot.boundary_signals import read_language, signal_metadata
    from bot.languages import load_language_check
    from bot.safety_check import load_safety_check

    configure_structlog(logging.WARNING)  # Rasa's debug lines would print every message
    logging.getLogger("rasa").setLevel(logging.WARNING)
    agent = Agent.load(str(model_path))
    safety = load_safety_check(model_path.parent)
    languages = load_language_check(model_dir=model_path.parent)

    async def parse_all() -> list[Prediction]:
        results = []
        for text in texts:
            language, foreign = read_language(languages, text)
            metadata = signal_metadata(safety.check(text), language, foreign)
            parsed = await agent.processor.parse_message(  # type: ignore[union-attr]
                UserMessage(text, metadata=metadata))
            intent = parsed.get("intent") or {}
            marks = [e["entity"] for e in parsed.get("entities") or []
                     if e.get("entity") in KIND_LINE.values()]
            results.append(
                Prediction(str(intent.get("name")), float(intent.get("confidence") or 0.0),
                           marks[0] if marks else None)
            )
        return results

    return asyncio.run(parse_all())


def render(name: str, figures: dict[str, Any]) -> str:
    """The Markdown report the README quotes."""
    lines = [
        f"# Blind message set `{name}`\n",
        f"{figures['messages']} messages ({figures['counts']['strong']} strong safety, "
        f"{figures['counts']['weak']} weak safety signals).\n",
        "| figure | value |",
        "|---|---|",
        f"| macro-F1 | {figures['macro_f1']:.3f} |",
        f"| not understood (fallback or out of scope) | {figures['not_understood']:.1%} |",
        f"| confidently wrong (another topic answered) | {figures['confidently_wrong']:.1%} |",
        f"| of those, not the safety answer to a clear signal | "
        f"{figures['confidently_wrong_beside_safety']:.1%} |",
        f"| safety recall, strong signals | {figures['safety_recall_strong']:.1%} |",
        f"| right safety route (113 vs Veilig Thuis) | "
        f"{figures['safety_right_route_strong']:.1%} |",
        f"| strong signals with 113 / Veilig Thuis (full answer or the short line) | "
        f"{figures['strong_covered']:.1%} |",
        f"| safety answer on weak signals | {figures['safety_answer_on_weak']:.1%} |",
        f"| safety answer on messages without a signal | "
        f"{figures['safety_answer_on_calm']:.1%} |",
        f"| short safety line on weak signals | {figures['weak_line_on_weak']:.1%} |",
        f"| of those, the right line (113 vs Veilig Thuis) | "
        f"{figures['weak_line_right_kind']:.1%} |",
        f"| weak signals with 113 / Veilig Thuis (answer or line) | "
        f"{figures['weak_covered']:.1%} |",
        f"| short safety line on messages without a signal | "
        f"{figures['weak_line_on_calm']:.1%} |",
        "\n| style | accuracy |",
        "|---|---|",
        *[f"| {s} | {a:.1%} |" for s, a in figures["accuracy_by_style"].items()],
        "\n| intent | F1 |",
        "|---|---|",
        *[f"| {i} | {f:.3f} |" for i, f in figures["f1_by_intent"].items()],
        "",
    ]
    return "\n".join(lines)


def render_misses(messages: list[BlindMessage], predictions: list[Prediction]) -> str:
    """The wrong answers, safety misses first: what a trainer reads to see what the data lacks."""
    rows = []
    for m, p in zip(messages, predictions, strict=True):
        missed_safety = m.safety != "none" and p.intent not in SAFETY_INTENTS and not _line(p)
        if p.intent != m.intent or missed_safety:
            kind = "safety" if missed_safety and m.safety == "strong" else (
                "weak" if missed_safety else "intent")
            text = " ".join(m.text.split()).replace("|", "/")
            rows.append((kind, f"| {kind} | {m.intent} | {p.intent} {p.confidence:.2f} | "
                               f"{m.style} | {text} |"))
    order = {"safety": 0, "weak": 1, "intent": 2}
    rows.sort(key=lambda row: order[row[0]])
    return "\n".join(["\n## Misses\n", "| miss | expected | answered | style | message |",
                      "|---|---|---|---|---|", *[row for _, row in rows], ""])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.blind_messages", description=__doc__)
    parser.add_argument("blind_set", type=Path, nargs="?",
                        default=BLIND_DIR / "nlu_blind_1.yml")
    parser.add_argument("--misses", action="store_true",
                        help="also list every message answered wrongly (a development set's, "
                             "once it is scored: never a set you still mean to judge on)")
    args = parser.parse_args(argv)
    settings = load_settings()
    if not settings.model_path.exists():
        print(f"no trained model at {settings.model_path}; run: make train", file=sys.stderr)
        return 2
    messages = load_blind_set(args.blind_set)
    predictions = predict(settings.model_path, [m.text for m in messages])
    figures = score(messages, predictions)
    out = settings.data_dir / "reports" / "blind-messages"
    out.mkdir(parents=True, exist_ok=True)
    stem = args.blind_set.stem
    (out / f"{stem}.json").write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    report = render(args.blind_set.name, figures)
    if args.misses:
        report += render_misses(messages, predictions)
    (out / f"{stem}.md").write_text(report, encoding="utf-8")
    print(report)
    print(f"written: {out / (stem + '.md')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The conversation evaluation's report: totals against the goals, then a line per conversation."""

from __future__ import annotations

from collections.abc import Sequence

from evaluation.scoring import ConversationScore

GOALS = {
    "right service in the first answer": 0.95,
    "safety route": 1.0,
    "recipient consent = hand-off = topic's service": 1.0,
    "no decision language": 1.0,
}


def _rate(hits: int, total: int) -> float | None:
    return hits / total if total else None


def totals(scores: Sequence[ConversationScore]) -> dict[str, tuple[int, int]]:
    """(hits, total) per measure, over the conversations that have one."""
    first = [s.first_topic for s in scores if s.first_topic is not None]
    after = [s.first_topic_after_question for s in scores if s.first_topic is not None]
    safety = [hit for s in scores for hit in s.safety_turns]
    recipient = [s.recipient for s in scores if s.recipient is not None]
    topic = [hit for s in scores for hit in s.topic_turns]
    clarify = [hit for s in scores for hit in s.clarify_turns]
    choice = [hit for s in scores for hit in s.choice_turns]
    return {
        "right service in the first answer": (sum(first), len(first)),
        "right service after at most one question (a topic button)": (sum(after), len(after)),
        "safety route": (sum(safety), len(safety)),
        "recipient consent = hand-off = topic's service": (sum(recipient), len(recipient)),
        "no decision language": (sum(not s.decision_language for s in scores), len(scores)),
        "topic answered, every turn that expects one": (sum(topic), len(topic)),
        "safety number on a calm turn (lower is better)": (
            sum(s.needless_safety for s in scores), sum(s.calm_turns for s in scores)),
        "not understood (menu), scripted turns (lower is better)": (
            sum(s.not_understood for s in scores), sum(s.scripted_turns for s in scores)),
        "clarifying question where one is expected": (sum(clarify), len(clarify)),
        "topics to choose from offered there (a question, or an answer and buttons)": (
            sum(choice), len(choice)),
        "hand-off made, callback conversations": (
            sum(bool(s.handoff_made) for s in scores if s.handoff_made is not None),
            sum(s.handoff_made is not None for s in scores)),
        "conversations passing every check": (sum(s.passed for s in scores), len(scores)),
    }


def _cell(value: bool | None) -> str:
    return "–" if value is None else ("ok" if value else "**no**")


def summary(set_name: str, scores: Sequence[ConversationScore]) -> str:
    """The totals of one set against the goals."""
    lines = [f"## {set_name}", "", "| measure | result | goal |", "|---|---|---|"]
    for measure, (hits, total) in totals(scores).items():
        rate = _rate(hits, total)
        result = "–" if rate is None else f"{rate:.1%} ({hits}/{total})"
        goal = GOALS.get(measure)
        lines.append(f"| {measure} | {result} | {'' if goal is None else f'≥ {goal:.0%}'} |")
    return "\n".join(lines) + "\n"


def markdown(set_name: str, scores: Sequence[ConversationScore]) -> str:
    lines = [summary(set_name, scores).rstrip("\n")]
    lines += ["", "| conversation | kind | style | first answer | safety | decisions | recipient "
              "| notes |", "|---|---|---|---|---|---|---|---|"]
    for s in scores:
        safety = None if not s.safety_turns else all(s.safety_turns)
        lines.append(
            f"| {s.id} | {s.kind} | {s.style} | {_cell(s.first_topic)} | {_cell(safety)} "
            f"| {_cell(not s.decision_language)} | {_cell(s.recipient)} "
            f"| {'; '.join(s.notes).replace('|', '/')} |")
    return "\n".join(lines) + "\n"

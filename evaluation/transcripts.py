"""What the resident typed and what the assistant answered, conversation by conversation.

Why: the scores say that a conversation failed, not where - a hand-off form that asks the same
question again, a calm turn that got a safety number. Trainers read the transcripts of a
*development* set; a judge set's transcripts are never opened (docs/evaluation.md), so they are
written only on request (``python -m evaluation --transcripts SET``).
"""

from __future__ import annotations

from collections.abc import Iterable

from evaluation.reply_reader import Reply
from evaluation.resident import Played

WIDTH = 300


def _said(reply: Reply) -> str:
    text = " ".join(reply.text.split())
    return text if len(text) <= WIDTH else text[: WIDTH - 1] + "…"


def transcript(played: Played) -> list[str]:
    """One conversation as markdown: each message, the responses that answered it, their text."""
    conversation = played.conversation
    lines = [f"### {conversation.id} ({conversation.kind}, {conversation.style}, "
             f"topic {conversation.topic or '-'})", ""]
    for step in played.steps:
        who = f"resident, to '{step.question}'" if step.question else "resident"
        expected = ""
        if step.turn is not None:
            wanted = {k: v for k, v in vars(step.turn.expect).items() if v}
            expected = f" (expected: {wanted})" if wanted else ""
        lines.append(f"- **{who}**: {step.user}{expected}")
        lines.append(f"  - [{', '.join(step.reply.responses)}] {_said(step.reply)}")
        if step.recovered is not None:
            lines.append(f"  - after the topic button: [{', '.join(step.recovered.responses)}]")
    if played.form_outcome:
        teams = ", ".join(played.handoff_teams) or "none"
        lines.append(f"- form {played.form_outcome}; hand-off to: {teams}")
    return [*lines, ""]


def transcripts_markdown(name: str, played: Iterable[Played]) -> str:
    body = [f"## {name}", ""]
    for one in played:
        body.extend(transcript(one))
    return "\n".join(body)

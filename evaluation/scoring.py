"""Scoring played conversations against the goals of issue 18 (docs/evaluation.md).

Right service first time is read from the first scripted reply; safety from the numbers in
the reply to the message that needs them; the recipient from the consent question, the
summary and the referral queue, which must all name the topic's service.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from evaluation.reply_reader import CONSENT_QUESTION, ReplyReader
from evaluation.resident import Played

SUMMARY = "utter_ask_handoff_summary_ok"


@dataclass
class ConversationScore:
    id: str
    kind: str
    style: str
    first_topic: bool | None = None  # None: the first message expects no topic
    first_topic_after_question: bool | None = None  # right first time or after one button
    topic_turns: list[bool] = field(default_factory=list)
    safety_turns: list[bool] = field(default_factory=list)
    needless_safety: int = 0  # non-safety turns (before any safety turn) given a safety number
    calm_turns: int = 0
    not_understood: int = 0
    scripted_turns: int = 0
    clarify_turns: list[bool] = field(default_factory=list)
    choice_turns: list[bool] = field(default_factory=list)  # same turns: several topics offered
    decision_language: list[str] = field(default_factory=list)
    recipient: bool | None = None  # None: no consent question was reached
    handoff_made: bool | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return (self.first_topic is not False and all(self.safety_turns)
                and not self.decision_language and self.recipient is not False)


def score_conversation(played: Played, reader: ReplyReader) -> ConversationScore:
    conversation = played.conversation
    score = ConversationScore(conversation.id, conversation.kind, conversation.style)
    safety_seen = False
    scripted = [s for s in played.steps if s.turn is not None]
    for index, step in enumerate(scripted):
        expect, reply = step.turn.expect, step.reply
        score.scripted_turns += 1
        score.not_understood += reply.not_understood
        if expect.topic:
            right = expect.topic in reply.topics_answered
            score.topic_turns.append(right)
            if not right:
                got = ", ".join(reply.topics_answered) or (
                    "the menu" if reply.not_understood else "no topic answer")
                score.notes.append(f"turn {index + 1}: expected {expect.topic}, got {got}")
        if index == 0 and expect.topic:
            score.first_topic = expect.topic in reply.topics_answered
            score.first_topic_after_question = score.first_topic or bool(
                step.recovered and expect.topic in step.recovered.topics_answered)
        if expect.safety:
            safety_seen = True
            hit = expect.safety in reply.safety_routes
            score.safety_turns.append(hit)
            if not hit:
                score.notes.append(f"turn {index + 1}: no {expect.safety} number")
        elif not safety_seen:
            score.calm_turns += 1
            if reply.safety_routes:
                score.needless_safety += 1
        if expect.clarify:
            score.clarify_turns.append(reply.asks_which_topic)
            score.choice_turns.append(reply.offers_topic_choice)
    for step in played.steps:
        replies = [step.reply] + ([step.recovered] if step.recovered else [])
        score.decision_language += [p for r in replies for p in r.decision_phrases]
    if score.decision_language:
        score.notes.append("decision language: " + "; ".join(score.decision_language))
    _score_recipient(played, reader, score)
    return score


def _score_recipient(played: Played, reader: ReplyReader, score: ConversationScore) -> None:
    """Consent question, summary and queue must name one service: the topic's."""
    if played.conversation.callback is None:
        return
    expected = reader.service_of_topic(played.conversation.topic)
    named: list[tuple[str, tuple[str, ...]]] = []
    for step in played.steps:
        for response in (CONSENT_QUESTION, SUMMARY):
            if response in step.reply.responses:
                services = tuple(s for s in step.reply.services_named if s != "gemeente")
                named.append((response, services))
    named += [("referral queue", (team,)) for team in played.handoff_teams]
    score.handoff_made = bool(played.handoff_teams)
    if not named:
        if played.form_outcome == "stuck":
            score.notes.append("hand-off form stuck")
        return
    wrong = [f"{where} names {', '.join(services) or 'no service'}"
             for where, services in named if services != (expected,)]
    score.recipient = not wrong
    if wrong:
        score.notes.append(f"recipient should be {expected}: " + "; ".join(wrong))
    if played.form_outcome == "stuck":
        score.notes.append("hand-off form stuck")

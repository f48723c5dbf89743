"""Playing one scripted conversation against the running assistant, as the resident would.

The scripted turns are sent in order; when an answer misses the expected topic but offers it as
a button, the resident presses it (scored apart: right after one question). A callback
conversation then follows the assistant's questions: the runner answers each with the
resident's own answer for that kind of question, presses the button a resident would press
where the script has no words (the contact offer, "laat iemand mij bellen", the summary's "ja"),
and sends the interjection once, instead of the first answer. It stops when no question is
asked, or when one is asked three times.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from dataclasses import dataclass, field

from evaluation.conversation_set import Conversation, Turn
from evaluation.reply_reader import Reply, ReplyReader

MAX_FORM_STEPS = 12
MAX_SAME_QUESTION = 3
# Buttons a resident presses for a question the script has no words for, in order of preference.
BUTTONS = {
    "offer": ("/affirm",),
    "route": ("/request_callback",),
    "summary": ("/affirm", "ja"),
}


class AssistantError(RuntimeError):
    """The assistant did not answer a message with HTTP 200 and a list of replies."""


@dataclass
class Step:
    user: str
    reply: Reply
    turn: Turn | None = None  # the scripted turn; None for a form answer
    question: str | None = None  # the form question this message answered
    recovered: Reply | None = None  # the reply after pressing the expected topic's button


@dataclass
class Played:
    conversation: Conversation
    sender: str
    steps: list[Step] = field(default_factory=list)
    form_outcome: str | None = None  # ended (no question left) | stuck (asked again and again)
    handoff_teams: tuple[str, ...] = ()  # the referral queue's teams for this conversation


class RestClient:
    def __init__(self, url: str, timeout: float = 60) -> None:
        self.url = url
        self.timeout = timeout

    def send(self, sender: str, message: str) -> list[dict]:
        body = json.dumps({"sender": sender, "message": message}).encode()
        request = urllib.request.Request(
            self.url, body, {"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                replies = json.loads(response.read() or b"[]")
        except urllib.error.HTTPError as error:
            raise AssistantError(f"HTTP {error.code} for a message") from error
        if not isinstance(replies, list):
            raise AssistantError("the reply is not a list of messages")
        return replies


def play(conversation: Conversation, sender: str, client: RestClient,
         reader: ReplyReader) -> Played:
    played = Played(conversation, sender)
    for turn in conversation.turns:
        step = Step(turn.user, reader.read(client.send(sender, turn.user)), turn)
        played.steps.append(step)
        topic = turn.expect.topic
        if topic and topic not in step.reply.topics_answered and topic in step.reply.topics_offered:
            # The resident sees their topic among the buttons and presses it.
            step.recovered = reader.read(client.send(sender, f"/{topic}"))
    if conversation.callback is not None:
        played.form_outcome = _answer_form(played, client, reader)
    return played


def _answer_form(played: Played, client: RestClient, reader: ReplyReader) -> str:
    callback = played.conversation.callback
    assert callback is not None
    interjection = callback.interjection
    asked: dict[str, int] = {}
    for _ in range(MAX_FORM_STEPS):
        question = played.steps[-1].reply.question
        if question is None:
            return "ended"
        asked[question] = asked.get(question, 0) + 1
        if asked[question] > MAX_SAME_QUESTION:
            return "stuck"
        message = _answer(question, played.steps[-1].reply, callback.answers, interjection)
        if message is None:
            return "stuck"
        if message == interjection:
            interjection = None
        played.steps.append(
            Step(message, reader.read(client.send(played.sender, message)), question=question))
    return "stuck"


def _answer(question: str, reply: Reply, answers: dict[str, str],
            interjection: str | None) -> str | None:
    if interjection and question not in BUTTONS:
        return interjection
    if question in answers:
        return answers[question]
    if question in BUTTONS:
        return reply.payload_for(BUTTONS[question]) or BUTTONS[question][0]
    return None

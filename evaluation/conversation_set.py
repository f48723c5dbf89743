"""A set of scripted resident conversations, read from YAML and checked before anything runs.

A set is written blind (docs/evaluation.md): the author knows the topics and the services, not
the assistant's code, data or texts. So a callback conversation does not script the form's
questions; it gives the resident's own answers per kind of question and the runner picks the
one that fits the question the assistant actually asks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.topics import HELP_TOPICS

SAFETY_KINDS = ("suicide", "violence")
CALLBACK_ANSWERS = ("consent", "age", "contact_way", "contact", "moment")
EXPECT_KEYS = {"topic", "safety", "decision", "clarify"}


class ConversationSetError(ValueError):
    """The set cannot be played; the message names the conversation and the field."""


@dataclass(frozen=True)
class Expect:
    topic: str | None = None
    safety: str | None = None
    decision: bool = False
    clarify: bool = False


@dataclass(frozen=True)
class Turn:
    user: str
    expect: Expect


@dataclass(frozen=True)
class Callback:
    answers: dict[str, str]
    interjection: str | None = None


@dataclass(frozen=True)
class Conversation:
    id: str
    kind: str
    topic: str | None
    style: str
    turns: tuple[Turn, ...]
    callback: Callback | None = None


@dataclass(frozen=True)
class ConversationSet:
    name: str
    conversations: tuple[Conversation, ...] = field(default_factory=tuple)


def _expect(raw: Any, where: str) -> Expect:
    raw = raw or {}
    if not isinstance(raw, dict) or set(raw) - EXPECT_KEYS:
        raise ConversationSetError(f"{where}: expect takes only {sorted(EXPECT_KEYS)}")
    topic = raw.get("topic")
    if topic in ("none", None):
        topic = None
    elif topic not in HELP_TOPICS:
        raise ConversationSetError(f"{where}: unknown topic {topic!r}")
    safety = raw.get("safety")
    if safety not in (None, *SAFETY_KINDS):
        raise ConversationSetError(f"{where}: safety is one of {SAFETY_KINDS}")
    return Expect(topic, safety, bool(raw.get("decision")), bool(raw.get("clarify")))


def _callback(raw: Any, where: str) -> Callback | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise ConversationSetError(f"{where}: callback is a mapping")
    answers = {k: str(v) for k, v in raw.items() if k in CALLBACK_ANSWERS and v is not None}
    unknown = set(raw) - {*CALLBACK_ANSWERS, "interjection"}
    if unknown:
        raise ConversationSetError(f"{where}: unknown callback fields {sorted(unknown)}")
    interjection = raw.get("interjection")
    return Callback(answers, str(interjection) if interjection else None)


def load_conversation_set(path: Path) -> ConversationSet:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    conversations = []
    seen: set[str] = set()
    for index, raw in enumerate(data.get("conversations") or []):
        cid = str(raw.get("id") or f"#{index + 1}")
        where = f"{path.name}: {cid}"
        if cid in seen:
            raise ConversationSetError(f"{where}: id used twice")
        seen.add(cid)
        turns = tuple(
            Turn(str(t["user"]), _expect(t.get("expect"), f"{where} turn {n + 1}"))
            for n, t in enumerate(raw.get("turns") or []) if t.get("user")
        )
        if not turns:
            raise ConversationSetError(f"{where}: no turns")
        topic = raw.get("topic")
        conversations.append(Conversation(
            id=cid, kind=str(raw.get("kind") or "topic"),
            topic=topic if topic in HELP_TOPICS else None, style=str(raw.get("style") or "plain"),
            turns=turns, callback=_callback(raw.get("callback"), where)))
    if not conversations:
        raise ConversationSetError(f"{path}: no conversations")
    return ConversationSet(path.stem, tuple(conversations))

"""The help topics: the intents a resident is referred to a service for (bot/referrals.yml).

One list for every part that treats topics apart from the other intents - the dialogue's
suggestions, who-is-writing, the evaluations. domain.yml's ``help_topic`` slot lists the same
values; tests/bot/test_topics.py keeps the two equal.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

HELP_TOPICS: tuple[str, ...] = ("debt", "money_worries", "stress", "parenting", "loneliness",
                                "youth", "digital_help", "social_support")
TOPIC_SLOT = "help_topic"


def topic_before_latest_user_message(events: Sequence[Mapping[str, Any]]) -> str | None:
    """The topic slot as it stood before the resident's latest message (events as dicts, as
    the action server and ``Event.as_dict`` give them): what the conversation was about before
    the slot mapping read this message's intent."""
    last_user = max((i for i, e in enumerate(events) if e.get("event") == "user"), default=None)
    topic = None
    for event in events[:last_user]:
        kind = event.get("event")
        if kind == "slot" and event.get("name") == TOPIC_SLOT:
            topic = event.get("value")
        elif kind in ("session_started", "restart", "reset_slots"):
            topic = None
    return topic

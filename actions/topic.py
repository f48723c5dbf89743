"""The help topic decides who a hand-off goes to, so it is guarded against being overwritten.

The NLU classifier reads many short form answers as a topic ("ik ben 42" as ``youth``). The
domain's slot mapping conditions fill ``help_topic`` only outside a form or as the answer to the
topic question; the form validation actions check the same with these helpers, so a rewrite
that gets through is undone before anything is asked, registered or sent.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker

from bot.topics import TOPIC_SLOT, topic_before_latest_user_message


def topic_before_latest_message(tracker: Tracker) -> str | None:
    """The topic as it stood before the resident's latest message (what the last question named).

    A tracker without a user message (a unit test's hand-made one) has only its slots to go by.
    """
    events = tracker.events or []
    if not any(e.get("event") == "user" for e in events):
        return tracker.get_slot(TOPIC_SLOT)
    return topic_before_latest_user_message(events)


def settled_topic(tracker: Tracker) -> str | None:
    """The topic the resident chose: an answer to another form question never changes it."""
    if tracker.get_slot("requested_slot") in (None, TOPIC_SLOT):
        return tracker.get_slot(TOPIC_SLOT)
    return topic_before_latest_message(tracker) or tracker.get_slot(TOPIC_SLOT)


def keep_topic(value: Any, tracker: Tracker) -> dict[str, Any]:
    """Validate a topic slot: it changes only as the answer to the topic question."""
    if tracker.get_slot("requested_slot") in (None, TOPIC_SLOT):
        return {TOPIC_SLOT: value}
    earlier = topic_before_latest_message(tracker)
    return {TOPIC_SLOT: earlier if earlier is not None else value}

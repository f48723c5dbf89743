"""Rasa events → trend records: the one place that decides what of an event is kept.

Used by Rasa's own trend broker (``trends.broker``, embedded profile) and by the trend consumer
(``trends.consumer``, production profile: the events come from RabbitMQ). Imports nothing of
Rasa, so the consumer process stays small.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import replace
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from trends.salt import DailySalt
from trends.store import Forget, TrendRecord, confidence_band
from trends.vocabulary import Vocabulary

FALLBACK_INTENT = "nlu_fallback"
FALLBACK_ACTIONS = frozenset({"action_default_fallback"})
HANDOFF_ACTION = "action_finish_handoff"
ERASE_ACTION = "action_delete_my_data"
# A message answering one of these form questions is a topic choice, not a form answer.
TOPIC_QUESTIONS = frozenset({None, "help_topic"})
# Safety messages count as what they are, also when they interrupt a form.
SAFETY_INTENTS = frozenset({"crisis_suicide", "domestic_violence"})
# The boundary's key (bot.language_id.METADATA_LANGUAGE; trends may not import bot, a test keeps
# the two equal).
METADATA_LANGUAGE = "language"
_REMEMBERED = 10_000  # conversations whose last message a core fallback may refer to


class EventTranslator:
    """Rasa event dicts → trend records. Nothing but the listed labels leaves this class."""

    def __init__(self, vocabulary: Vocabulary, timezone: str, salt: DailySalt | None = None
                 ) -> None:
        self.vocabulary = vocabulary
        self.zone = ZoneInfo(timezone)
        self.salt = salt or DailySalt()
        self._last_message: OrderedDict[str, TrendRecord] = OrderedDict()
        # The form question each conversation's next message answers (sender id → slot name).
        # Keyed by sender, not by the daily hash: a form may run past midnight.
        self._asking: OrderedDict[str, str] = OrderedDict()

    def translate(self, event: Mapping[str, Any]) -> TrendRecord | Forget | None:
        """The event's record (with its event id: the same event delivered twice gives the same
        id, so the store keeps it once), a ``Forget``, or None."""
        item = self._translate(event)
        if isinstance(item, TrendRecord):
            item = replace(item, event_id=self.salt.event_id(event, item.hour_start.date()))
        return item

    def _translate(self, event: Mapping[str, Any]) -> TrendRecord | Forget | None:
        kind = event.get("event")
        sender = event.get("sender_id")
        if not isinstance(sender, str):
            return None
        self._follow_form(kind, event, sender)
        if kind not in ("user", "action", "session_started"):
            return None
        moment = self._local(event.get("timestamp"))
        conversation = self.salt.conversation(sender, moment.date())
        if kind == "session_started":
            return TrendRecord(moment, "session", conversation)
        if kind == "user":
            asked = self._asking.get(sender)
            if asked not in TOPIC_QUESTIONS and _intent_name(event) not in SAFETY_INTENTS:
                # "ik ben 42" answers the age question: it is no youth question, and counts as
                # no topic. Only the channel and the language are kept; not the answer's text.
                return TrendRecord(moment, "form_answer", conversation,
                                   channel=_label(event.get("input_channel"), 32),
                                   language=self._language(event))
            return self._message(event, moment, conversation)
        name = event.get("name")
        if name in FALLBACK_ACTIONS:
            last = self._last_message.get(conversation)
            return TrendRecord(moment, "fallback", conversation,
                               intent=last.intent if last else None,
                               suggestion=last.suggestion if last else None,
                               confidence_band=last.confidence_band if last else None,
                               text=last.text if last else None,
                               channel=last.channel if last else None,
                               wijk=last.wijk if last else None,
                               doelgroep=last.doelgroep if last else None)
        if name == HANDOFF_ACTION:
            return TrendRecord(moment, "handoff", conversation)
        if name == ERASE_ACTION:
            self._last_message.pop(conversation, None)
            return Forget(conversation, moment.date())
        return None

    def _message(self, event: Mapping[str, Any], moment: datetime, conversation: str
                 ) -> TrendRecord:
        parse = event.get("parse_data") or {}
        intent = parse.get("intent") or {}
        name = _intent_name(event)
        suggestion = name
        if name == FALLBACK_INTENT:
            ranking = [r for r in parse.get("intent_ranking") or []
                       if isinstance(r, dict) and r.get("name") != FALLBACK_INTENT]
            suggestion = ranking[0].get("name") if ranking else None
        metadata = event.get("metadata")
        metadata = metadata if isinstance(metadata, Mapping) else {}
        text = event.get("text")
        channel = event.get("input_channel")
        record = TrendRecord(
            moment, "message", conversation,
            intent=_label(name), suggestion=_label(suggestion),
            confidence_band=confidence_band(intent.get("confidence")),
            text=text if isinstance(text, str) else None,
            channel=_label(channel, 32),
            wijk=self.vocabulary.wijk(metadata.get("wijk")),
            doelgroep=self.vocabulary.doelgroep(metadata.get("doelgroep")),
            language=self._language(event),
        )
        _remember(self._last_message, conversation, record)
        return record

    def _language(self, event: Mapping[str, Any]) -> str | None:
        """The boundary's language signal: a listed code, "other", or None (absent: in doubt)."""
        metadata = event.get("metadata")
        if not isinstance(metadata, Mapping):
            return None
        return self.vocabulary.language(metadata.get(METADATA_LANGUAGE))

    def _follow_form(self, kind: object, event: Mapping[str, Any], sender: str) -> None:
        """Track which form question is open, from the slot and loop events Rasa publishes."""
        if kind == "slot" and event.get("name") == "requested_slot":
            value = event.get("value")
            if isinstance(value, str):
                _remember(self._asking, sender, value)
            else:
                self._asking.pop(sender, None)
        elif (kind == "active_loop" and not event.get("name")) or kind in (
                "session_started", "restart"):
            self._asking.pop(sender, None)

    def day(self, event: Mapping[str, Any]) -> date:
        """The local day of an event (its timestamp; now when it has none)."""
        return self._local(event.get("timestamp")).date()

    def _local(self, timestamp: object) -> datetime:
        seconds = timestamp if isinstance(timestamp, int | float) else time.time()
        return datetime.fromtimestamp(seconds, self.zone).replace(tzinfo=None)


def _remember(memory: OrderedDict[str, Any], key: str, value: object) -> None:
    """Keep ``value`` as the newest entry; the oldest go beyond _REMEMBERED conversations."""
    memory[key] = value
    memory.move_to_end(key)
    while len(memory) > _REMEMBERED:
        memory.popitem(last=False)


def _intent_name(event: Mapping[str, Any]) -> str | None:
    intent = (event.get("parse_data") or {}).get("intent") or {}
    return intent.get("name") if isinstance(intent.get("name"), str) else None


def _label(value: object, limit: int = 64) -> str | None:
    return value[:limit] if isinstance(value, str) and value else None

"""Rasa event broker that feeds the trend store (``event_broker: type: trends.broker…``).

Rasa publishes every new tracker event here, after the redaction boundary has replaced personal
data, so texts are redacted already. ``publish`` runs on Rasa's event loop: it only translates the
event into a trend record — hashing the sender id with the daily salt at once, so neither the queue
nor the store ever holds it — and puts it on a queue. A writer thread stores batches, so a slow
database never slows a chat down; ``close`` flushes what is left. Why this and not Rasa's SQL
broker: see trends/README.md.
"""

from __future__ import annotations

import asyncio
import logging
import queue
import threading
import time
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from rasa.core.brokers.broker import EventBroker
from rasa.utils.endpoints import EndpointConfig

from trends.salt import DailySalt
from trends.settings import TrendSettings, load_trend_settings
from trends.store import TrendRecord, TrendStore, confidence_band, make_engine
from trends.vocabulary import Vocabulary, load_vocabulary

logger = logging.getLogger(__name__)

FALLBACK_INTENT = "nlu_fallback"
FALLBACK_ACTIONS = frozenset({"action_default_fallback"})
HANDOFF_ACTION = "action_finish_handoff"
ERASE_ACTION = "action_delete_my_data"
# A message answering one of these form questions is a topic choice, not a form answer.
TOPIC_QUESTIONS = frozenset({None, "help_topic"})
# Safety messages count as what they are, also when they interrupt a form.
SAFETY_INTENTS = frozenset({"crisis_suicide", "domestic_violence"})
_REMEMBERED = 10_000  # conversations whose last message a core fallback may refer to


@dataclass(frozen=True)
class Forget:
    """Blank the texts of one conversation of one day (the resident asked to erase it)."""

    conversation: str
    day: date


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
                # no topic. Only the channel is kept; the answer's text is not needed.
                return TrendRecord(moment, "form_answer", conversation,
                                   channel=_label(event.get("input_channel"), 32))
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
        )
        _remember(self._last_message, conversation, record)
        return record

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


class TrendWriter:
    """The background thread: batches from the queue into the store, texts purged daily."""

    _STOP = object()

    def __init__(self, store: TrendStore, batch_size: int, flush_seconds: float,
                 text_retention_days: int) -> None:
        self.store = store
        self.batch_size = batch_size
        self.flush_seconds = flush_seconds
        self.text_retention_days = text_retention_days
        self.queue: queue.Queue[object] = queue.Queue()
        self.written = 0
        self._purged_on: date | None = None
        self._thread = threading.Thread(target=self._run, name="trend-writer", daemon=True)
        self._thread.start()

    def put(self, item: TrendRecord | Forget) -> None:
        self.queue.put(item)

    def alive(self) -> bool:
        return self._thread.is_alive()

    def close(self, timeout: float = 300) -> None:
        """Write everything still queued; the thread only waits for the database, never idles."""
        self.queue.put(self._STOP)
        self._thread.join(timeout)
        if self._thread.is_alive():
            logger.error("trend writer still busy after %.0f s; %d records not written",
                         timeout, self.queue.qsize())

    def _run(self) -> None:
        batch: list[TrendRecord] = []
        deadline = time.monotonic() + self.flush_seconds
        while True:
            try:
                item = self.queue.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                item = None
            if isinstance(item, TrendRecord):
                batch.append(item)
                item = self._drain(batch)  # None, or the first item that is not a record
            if isinstance(item, Forget):
                self._write(batch)  # the texts to forget may still be in this batch
                batch = []
                self._guarded(self.store.forget_texts, item.conversation, item.day)
            if item is self._STOP or len(batch) >= self.batch_size or time.monotonic() >= deadline:
                self._write(batch)
                batch = []
                deadline = time.monotonic() + self.flush_seconds
            if item is self._STOP:
                return

    def _drain(self, batch: list[TrendRecord]) -> object:
        """Under load, take what is already queued in one go (up to a batch)."""
        while len(batch) < self.batch_size:
            try:
                item = self.queue.get_nowait()
            except queue.Empty:
                return None
            if not isinstance(item, TrendRecord):
                return item
            batch.append(item)
        return None

    def _write(self, batch: list[TrendRecord]) -> None:
        if not batch:
            return
        if self._guarded(self.store.add, batch) is not None:
            self.written += len(batch)
        today = max(record.hour_start for record in batch).date()
        if self._purged_on is not None and today > self._purged_on:
            # A day has ended: roll it up now, so reports need not scan its records later.
            self._guarded(self.store.roll_up, self._purged_on, today - timedelta(days=1))
        if self._purged_on is None or today > self._purged_on:
            before = today - timedelta(days=self.text_retention_days)
            # The first purge covers everything; later ones only the days newly out of retention.
            since = (self._purged_on - timedelta(days=self.text_retention_days)
                     if self._purged_on else None)
            self._purged_on = today
            self._guarded(self.store.purge_texts, before, since)

    @staticmethod
    def _guarded(action: Any, *args: Any) -> Any:
        """A failing store must not stop the writer; the log names the error type, never data."""
        try:
            return action(*args)
        except Exception as error:  # noqa: BLE001
            logger.error("trend store write failed (%s); batch dropped", type(error).__name__)
            return None


class TrendEventBroker(EventBroker):
    """Translate on the event loop, write on a thread."""

    def __init__(self, translator: EventTranslator, writer: TrendWriter) -> None:
        self.translator = translator
        self.writer = writer

    @classmethod
    def from_settings(cls, settings: TrendSettings, url: str | None = None) -> TrendEventBroker:
        vocabulary = load_vocabulary(settings.areas_file, settings.topics_file)
        store = TrendStore(make_engine(url or settings.database_url))
        writer = TrendWriter(store, settings.batch_size, settings.flush_seconds,
                             settings.text_retention_days)
        return cls(EventTranslator(vocabulary, settings.timezone), writer)

    @classmethod
    async def from_endpoint_config(
        cls, broker_config: EndpointConfig, event_loop: asyncio.AbstractEventLoop | None = None,
    ) -> TrendEventBroker | None:
        """``url`` from endpoints.yml (the launcher sets it); the rest from settings.yml.

        If the store cannot be opened the assistant runs without trends: chatting matters more.
        """
        try:
            return cls.from_settings(load_trend_settings(), broker_config.url or None)
        except Exception as error:  # noqa: BLE001
            logger.error("trend store unavailable (%s); no trend records", type(error).__name__)
            return None

    def publish(self, event: dict[str, Any]) -> None:
        try:
            item = self.translator.translate(event)
        except Exception as error:  # noqa: BLE001 - one odd event must not break a conversation
            logger.error("trend event skipped (%s)", type(error).__name__)
            return
        if item is not None:
            self.writer.put(item)

    def is_ready(self) -> bool:
        return self.writer.alive()

    async def close(self) -> None:
        await asyncio.get_running_loop().run_in_executor(None, self.writer.close)
        self.writer.store.engine.dispose()

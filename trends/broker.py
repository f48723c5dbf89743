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
from typing import Any

from rasa.core.brokers.broker import EventBroker
from rasa.utils.endpoints import EndpointConfig

from trends.settings import TrendSettings, load_trend_settings
from trends.store import Forget, TrendRecord, TrendStore, Upkeep, make_engine
from trends.translate import EventTranslator
from trends.vocabulary import load_vocabulary

__all__ = ["EventTranslator", "Forget", "TrendEventBroker", "TrendWriter"]

logger = logging.getLogger(__name__)


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
        self.upkeep = Upkeep(store, text_retention_days)
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
        self.upkeep.after(max(record.hour_start for record in batch).date(), self._guarded)

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

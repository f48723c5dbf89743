"""``python -m trends consume``: Rasa's events from RabbitMQ into the trend store (production).

Rasa publishes every new tracker event, after the redaction boundary, to a durable queue
(``trends.events``; persistent messages, publisher confirms). This process reads them in batches
of at most ``consumer_prefetch`` messages, translates them with the same ``EventTranslator`` as
Rasa's own trend broker, and writes each batch in one transaction. Only then does it acknowledge
the batch's messages:

* every record carries an event id (``trends.salt``: a keyed hash of the whole event under the
  day's salt), unique in the store, and a record whose id is there already is skipped — a
  message RabbitMQ delivers again (the consumer stopped before its acknowledgement, the
  connection dropped) is stored once;
* while the store is down nothing is acknowledged: the batch is written again with back-off
  (0.5 s doubling to ``max_backoff_s``) until it goes in, and RabbitMQ keeps the rest. Stopped
  meanwhile, the unacknowledged messages go back to the queue for the next consumer;
* an erasure (``action_delete_my_data``) blanks the conversation's texts in the same
  transaction, after the records before it, as Rasa's own broker does.

The daily salt comes from Redis when ``salt_url`` is set (``SharedDailySalt``: shared by every
consumer, put back after a Redis restart), from memory otherwise. ``GET /health`` on
``--health-port`` answers 200 while RabbitMQ, the store and the salt are in order (503 and the
error types otherwise; never data). Log lines name error types and counts, never event data.
"""

from __future__ import annotations

import asyncio
import json
import logging
import signal
import time
from collections.abc import Callable
from typing import Any

from trends.salt import DailySalt, SharedDailySalt
from trends.settings import TrendSettings
from trends.store import Forget, TrendRecord, TrendStore, Upkeep, make_engine
from trends.translate import EventTranslator
from trends.vocabulary import load_vocabulary

logger = logging.getLogger(__name__)
ATTEMPT_TIMEOUT_S = 10.0


class TrendConsumer:
    """One consumer of the event queue; ``run`` until ``stop`` is set."""

    def __init__(self, settings: TrendSettings, translator: EventTranslator,
                 open_store: Callable[[], TrendStore], max_backoff_s: float = 30.0) -> None:
        self.settings = settings
        self.translator = translator
        self.open_store = open_store
        self.max_backoff_s = max_backoff_s
        self.store: TrendStore | None = None
        self.upkeep: Upkeep | None = None
        self.status = {"rabbitmq": "connecting", "store": "not opened", "salt": "ok"}
        self.counts = {"written": 0, "duplicates": 0, "acknowledged": 0, "unreadable": 0,
                       "retries": 0}
        self._inbox: asyncio.Queue[Any] = asyncio.Queue()
        self._connection: Any = None

    # --- health ----------------------------------------------------------------------------

    def healthy(self) -> bool:
        if self._connection is not None and not self._connection.connected.is_set():
            self.status["rabbitmq"] = "reconnecting"
        return all(value == "ok" for value in self.status.values())

    def report(self) -> dict[str, Any]:
        ok = self.healthy()
        return {"status": "ok" if ok else "unhealthy", "checks": dict(self.status),
                **self.counts, "waiting": self._inbox.qsize()}

    # --- the loop --------------------------------------------------------------------------

    async def run(self, stop: asyncio.Event) -> None:
        await self._open_store(stop)
        delay = 0.5
        while not stop.is_set():
            try:
                await self._session(stop)
                delay = 0.5
            except asyncio.CancelledError:
                raise
            except Exception as error:  # noqa: BLE001 - RabbitMQ away: connect anew
                self.status["rabbitmq"] = type(error).__name__
                logger.error("RabbitMQ not available (%s); trying again in %.1f s",
                             type(error).__name__, delay)
                delay = await _pause(stop, delay, self.max_backoff_s)

    async def _open_store(self, stop: asyncio.Event) -> None:
        delay = 0.5
        while not stop.is_set():
            try:
                self.store = await asyncio.to_thread(self.open_store)
                self.upkeep = Upkeep(self.store, self.settings.text_retention_days)
                self.status["store"] = "ok"
                return
            except Exception as error:  # noqa: BLE001 - the store may come later
                self.status["store"] = type(error).__name__
                logger.error("trend store not available (%s); trying again in %.1f s",
                             type(error).__name__, delay)
                delay = await _pause(stop, delay, self.max_backoff_s)

    async def _session(self, stop: asyncio.Event) -> None:
        """One connection, consumed until it is lost (raises) or ``stop`` is set. A plain
        connection, made anew by ``run`` after a loss: aio-pika 8.2.3's robust connection can
        hang reopening its channel after RabbitMQ resets it (trends/events.py). Messages of a
        lost connection that were not acknowledged come again, on the next one."""
        import aio_pika

        connection = await asyncio.wait_for(aio_pika.connect(
            self.settings.events_url, client_properties={"connection_name": "trend consumer"}),
            ATTEMPT_TIMEOUT_S)
        self._connection = connection
        inbox: asyncio.Queue[Any] = asyncio.Queue()
        self._inbox = inbox
        try:
            channel = await asyncio.wait_for(connection.channel(), ATTEMPT_TIMEOUT_S)
            await asyncio.wait_for(self._declare(channel, inbox), ATTEMPT_TIMEOUT_S)
            self.status["rabbitmq"] = "ok"
            logger.info("consuming the event queue (prefetch %d)",
                        self.settings.consumer_prefetch)
            while not stop.is_set():
                if _lost(connection, channel):
                    raise ConnectionError("RabbitMQ connection lost")
                batch = await self._collect(inbox, stop)
                if batch:
                    await self._handle(batch, stop)
        finally:
            self._connection = None
            try:
                await asyncio.wait_for(connection.close(), 5)  # unacknowledged: requeued
            except Exception:  # noqa: BLE001 - gone either way
                pass

    async def _declare(self, channel: Any, inbox: asyncio.Queue[Any]) -> None:
        import aio_pika

        await channel.set_qos(prefetch_count=self.settings.consumer_prefetch)
        exchange = await channel.declare_exchange(
            self.settings.events_exchange, aio_pika.ExchangeType.FANOUT, durable=True)
        queue = await channel.declare_queue(self.settings.events_queue, durable=True)
        await queue.bind(exchange, "")
        await queue.consume(inbox.put)

    async def _collect(self, inbox: asyncio.Queue[Any], stop: asyncio.Event) -> list[Any]:
        """The next batch: what arrives within ``flush_seconds`` of its first message, at most
        ``consumer_prefetch`` (RabbitMQ sends no more unacknowledged ones anyway)."""
        try:
            first = await asyncio.wait_for(inbox.get(), 0.5)
        except TimeoutError:
            return []
        batch = [first]
        deadline = time.monotonic() + self.settings.flush_seconds
        while len(batch) < self.settings.consumer_prefetch and not stop.is_set():
            try:
                batch.append(inbox.get_nowait())
                continue
            except asyncio.QueueEmpty:
                pass
            left = deadline - time.monotonic()
            if left <= 0:
                break
            try:
                batch.append(await asyncio.wait_for(inbox.get(), left))
            except TimeoutError:
                break
        return batch

    async def _handle(self, batch: list[Any], stop: asyncio.Event) -> None:
        """Translate once, write until it goes in, then acknowledge. Stopped before that: the
        messages stay unacknowledged and RabbitMQ delivers them again."""
        items: list[TrendRecord | Forget] | None = None
        delay = 0.5
        while True:
            try:
                if items is None:
                    items = await asyncio.to_thread(self._translate, batch)
                    self.status["salt"] = "ok"
                added = await asyncio.to_thread(self._write, items)
                self.status["store"] = "ok"
                break
            except Exception as error:  # noqa: BLE001 - store or salt away: wait, retry
                where = "salt" if items is None else "store"
                self.status[where] = type(error).__name__
                self.counts["retries"] += 1
                logger.error("trend %s unavailable (%s); %d messages wait, not acknowledged; "
                             "trying again in %.1f s", where, type(error).__name__, len(batch),
                             delay)
                if stop.is_set():
                    return
                delay = await _pause(stop, delay, self.max_backoff_s)
                if stop.is_set():
                    return
        records = sum(isinstance(item, TrendRecord) for item in items)
        self.counts["written"] += added
        self.counts["duplicates"] += records - added
        await self._acknowledge(batch)

    async def _acknowledge(self, batch: list[Any]) -> None:
        for message in batch:
            try:
                # bounded: an acknowledgement on a connection RabbitMQ just reset never returns
                await asyncio.wait_for(message.ack(), ATTEMPT_TIMEOUT_S)
                self.counts["acknowledged"] += 1
            except Exception as error:  # noqa: BLE001 - the channel is gone
                # RabbitMQ delivers the rest again; their records are in, and are skipped.
                logger.warning("acknowledgements lost (%s); %d messages come again",
                               type(error).__name__, len(batch) - batch.index(message))
                return

    # --- in a worker thread ----------------------------------------------------------------

    def _translate(self, batch: list[Any]) -> list[TrendRecord | Forget]:
        events = []
        for message in batch:
            try:
                event = json.loads(message.body)
            except (ValueError, UnicodeDecodeError):
                event = None
            if isinstance(event, dict):
                events.append(event)
            else:
                self.counts["unreadable"] += 1
                logger.error("an unreadable message on the event queue was skipped")
        if isinstance(self.translator.salt, SharedDailySalt):
            self.translator.salt.prepare(self.translator.day(event) for event in events)
        items = []
        for event in events:
            try:
                item = self.translator.translate(event)
            except Exception as error:  # noqa: BLE001 - one odd event must not stop the rest
                logger.error("trend event skipped (%s)", type(error).__name__)
                continue
            if item is not None:
                items.append(item)
        return items

    def _write(self, items: list[TrendRecord | Forget]) -> int:
        if self.store is None:
            raise RuntimeError("store not opened")
        added = self.store.write(items)
        days = [item.hour_start.date() for item in items if isinstance(item, TrendRecord)]
        if days and self.upkeep is not None:
            self.upkeep.after(max(days), _logged)
        return added


def _lost(connection: Any, channel: Any) -> bool:
    return connection.is_closed or not connection.connected.is_set() or channel.is_closed


def _logged(action: Callable[..., Any], *args: Any) -> Any:
    try:
        return action(*args)
    except Exception as error:  # noqa: BLE001 - roll-ups and purges come again
        logger.error("trend upkeep failed (%s)", type(error).__name__)
        return None


async def _pause(stop: asyncio.Event, delay: float, cap: float) -> float:
    """Wait ``delay`` (or until stopped); the next delay, doubled up to ``cap``."""
    try:
        await asyncio.wait_for(stop.wait(), delay)
    except TimeoutError:
        pass
    return min(delay * 2, cap)


def build_consumer(settings: TrendSettings) -> TrendConsumer:
    """The consumer the settings describe: Redis's shared salt when ``salt_url`` is set."""
    salt: DailySalt = DailySalt()
    if settings.salt_url.strip():
        import redis

        client = redis.Redis.from_url(settings.salt_url.strip(), socket_timeout=3,
                                      socket_connect_timeout=3)
        salt = SharedDailySalt(client, settings.timezone)
    vocabulary = load_vocabulary(settings.areas_file, settings.topics_file)
    translator = EventTranslator(vocabulary, settings.timezone, salt)
    return TrendConsumer(settings, translator,
                         lambda: TrendStore(make_engine(settings.database_url)))


async def serve(consumer: TrendConsumer, host: str, health_port: int) -> None:
    """Consume, with ``GET /health`` on ``host:health_port`` (0: none), until SIGTERM or
    SIGINT."""
    from aiohttp import web

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)

    async def health(request: Any) -> Any:
        report = consumer.report()
        return web.json_response(report, status=200 if report["status"] == "ok" else 503)

    app = web.Application()
    app.router.add_get("/health", health)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    if health_port:
        await web.TCPSite(runner, host, health_port).start()
    try:
        await consumer.run(stop)
    finally:
        await runner.cleanup()
        if consumer.store is not None:
            consumer.store.engine.dispose()

"""Rasa's RabbitMQ event broker, with a durable exchange and a reconnect loop of its own.

The production profile publishes Rasa's events to RabbitMQ (endpoints-production.yml) and the
trend consumer (``python -m trends consume``) writes them to the trend store. Rasa 3.6's own
``PikaEventBroker`` (rasa/core/brokers/pika.py) already has the message side right, and this
keeps all of it: its queues are durable (``declare_queue(name, durable=True)``), every message
is persistent (``delivery_mode=PERSISTENT``, ``_message``), and aio-pika opens the channel with
publisher confirms, so a publish finishes only when RabbitMQ has taken the message (for a
persistent message in a durable queue: written it). Two things it gets wrong, and this fixes:

* It declares its fanout exchange *transient* (aio-pika's default ``durable=False``; not
  configurable). A RabbitMQ restart drops it and its binding to the durable queue; the robust
  connection declares the exchange again before the queue and its binding, and a publish in
  between is routed nowhere - confirmed all the same, and lost. Here the exchange is durable,
  so the binding is too: it survives the restart.
* It leaves reconnecting to aio-pika's robust connection (aio-pika 8.2.3, the newest Rasa 3.6
  accepts). With RabbitMQ stopped under load (``rabbitmqctl stop_app``: the connection is reset,
  not closed), that connection hung while reopening its channel and never came back; Rasa kept
  every event in memory (``should_keep_unpublished_messages``) and published none again. Here a
  loop of its own keeps one plain connection: each attempt is bounded in time, a lost
  connection is dropped and made anew (0.5 s doubling to 10 s between attempts), and the events
  that could not be published wait in memory, in order, and go out first once it is back.

Events that wait are lost only if this Rasa process stops before RabbitMQ is back (they are in
the tracker store still; the trend feed misses them). Nothing here logs event data.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from typing import Any

import aio_pika
from rasa.core.brokers.pika import PikaEventBroker, _create_rabbitmq_ssl_options

logger = logging.getLogger(__name__)
ATTEMPT_TIMEOUT_S = 10.0
MAX_DELAY_S = 10.0


class DurablePikaBroker(PikaEventBroker):
    """``type: trends.events.DurablePikaBroker``: Rasa's ``pika`` broker, same settings."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._waiting: deque[tuple[dict[str, Any], dict[str, str] | None]] = deque()
        self._connected = asyncio.Event()
        self._keeper: asyncio.Task | None = None
        self._closing = False
        self.published = 0  # confirmed by RabbitMQ (for tests and the log)

    async def connect(self) -> None:
        """Start keeping the connection; wait for the first one a little (Rasa starts anyway:
        events wait in memory until RabbitMQ answers)."""
        if self._keeper is None:
            self._keeper = self._loop.create_task(self._keep_connected())
        try:
            await asyncio.wait_for(self._connected.wait(), ATTEMPT_TIMEOUT_S)
        except TimeoutError:
            logger.error("RabbitMQ not reachable yet; events wait in memory until it is")

    async def _set_up_exchange(self, channel: Any) -> Any:
        exchange = await channel.declare_exchange(
            self.exchange_name, type=aio_pika.ExchangeType.FANOUT, durable=True)
        for queue_name in self.queues:
            queue = await channel.declare_queue(queue_name, durable=True)
            await queue.bind(exchange, "")
        return exchange

    async def _keep_connected(self) -> None:
        delay = 0.5
        while not self._closing:
            connection = None
            try:
                connection = await asyncio.wait_for(self._open(), ATTEMPT_TIMEOUT_S)
                # publisher confirms; a message routed nowhere (its queue deleted) fails too, and
                # the next connection declares queue and binding again
                channel = await asyncio.wait_for(
                    connection.channel(publisher_confirms=True, on_return_raises=True),
                    ATTEMPT_TIMEOUT_S)
                self._exchange = await asyncio.wait_for(self._set_up_exchange(channel),
                                                        ATTEMPT_TIMEOUT_S)
                self._connection = connection
                self._connected.set()
                delay = 0.5
                logger.info("RabbitMQ connection established")
                await self._send_waiting()
                while not (self._closing or _lost(connection, channel)):
                    await asyncio.sleep(0.5)
                    await self._send_waiting()
                if not self._closing:
                    logger.warning("RabbitMQ connection lost; %d events wait",
                                   len(self._waiting))
            except asyncio.CancelledError:
                raise
            except Exception as error:  # noqa: BLE001 - any failure: drop it, connect anew
                logger.warning("RabbitMQ not available (%s); %d events wait; next attempt in "
                               "%.1f s", type(error).__name__, len(self._waiting), delay)
            finally:
                self._exchange = None
                self._connected.clear()
                if connection is not None:
                    await _close_quietly(connection)
            if not self._closing:
                await asyncio.sleep(delay)
                delay = min(delay * 2, MAX_DELAY_S)

    async def _open(self) -> Any:
        ssl_options = _create_rabbitmq_ssl_options(self.host)
        return await aio_pika.connect(
            url=self._configure_url(), host=self.host, port=self.port, login=self.username,
            password=self.password, ssl=ssl_options is not None, ssl_options=ssl_options,
            client_properties={"connection_name": "rasa events"})

    async def _send_waiting(self) -> None:
        """The events that wait, oldest first; on a failure the rest keeps waiting."""
        while self._waiting and self._exchange is not None:
            event, headers = self._waiting[0]
            await asyncio.wait_for(self._exchange.publish(self._message(event, headers), ""),
                                   ATTEMPT_TIMEOUT_S)
            self._waiting.popleft()
            self.published += 1

    def publish(self, event: dict[str, Any], headers: dict[str, str] | None = None) -> None:
        """Publish now when connected and nothing waits; else wait behind the others."""
        if self._exchange is None or self._waiting:
            self._waiting.append((event, headers))
            return
        task = self._loop.create_task(self._publish(event, headers))
        self._background_tasks.add(task)
        task.add_done_callback(self._background_tasks.discard)

    async def _publish(self, event: dict[str, Any], headers: dict[str, str] | None = None
                       ) -> None:
        exchange = self._exchange
        try:
            if exchange is None:
                raise ConnectionError("not connected")
            await asyncio.wait_for(exchange.publish(self._message(event, headers), ""),
                                   ATTEMPT_TIMEOUT_S)
            self.published += 1
        except Exception as error:  # noqa: BLE001 - kept, sent again when connected
            logger.error("event not published (%s); it waits", type(error).__name__)
            self._waiting.append((event, headers))

    def is_ready(self) -> bool:
        return self._connected.is_set()

    async def close(self) -> None:
        """Send what waits (briefly), then close."""
        if self._background_tasks:
            await asyncio.wait(set(self._background_tasks), timeout=ATTEMPT_TIMEOUT_S)
        try:
            await asyncio.wait_for(self._send_waiting(), ATTEMPT_TIMEOUT_S)
        except Exception as error:  # noqa: BLE001
            logger.error("%d events not published at shutdown (%s)", len(self._waiting),
                         type(error).__name__)
        self._closing = True
        if self._keeper is not None:
            self._keeper.cancel()
            await asyncio.gather(self._keeper, return_exceptions=True)
        if self._connection is not None:
            await _close_quietly(self._connection)


def _lost(connection: Any, channel: Any) -> bool:
    return connection.is_closed or not connection.connected.is_set() or channel.is_closed


async def _close_quietly(connection: Any) -> None:
    try:
        await asyncio.wait_for(connection.close(), 5)
    except Exception:  # noqa: BLE001 - it is gone either way
        pass

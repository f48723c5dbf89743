"""Rasa's RabbitMQ broker as the production profile runs it (trends/events.py), against the real
RabbitMQ: persistent messages in a durable queue, events that wait while RabbitMQ cannot be
reached and go out in order once it can, a queue deleted under it declared again. RabbitMQ is
cut off through a TCP forwarder (only this broker loses it). A queue of each test's own; in the
e2e group of `make test` (another test restarts RabbitMQ). Skips when RabbitMQ does not answer."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Iterator

import pytest

from tests.forwarder import TcpForwarder
from tests.rabbitmq import delete, rabbitmq_or_skip, ready_count, unique_name, waiting
from trends.events import DurablePikaBroker

pytestmark = pytest.mark.xdist_group("e2e")


@pytest.fixture
def queue() -> Iterator[str]:
    rabbitmq_or_skip()
    name = unique_name()
    yield name
    delete(name, name)


def broker(queue: str, port: int = 5672) -> DurablePikaBroker:
    return DurablePikaBroker("127.0.0.1", "guest", "guest", port=port, queues=[queue],
                             exchange_name=queue, event_loop=asyncio.get_running_loop())


async def until(condition, timeout: float = 30) -> None:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "not within the time"
        await asyncio.sleep(0.1)


def event(n: int) -> dict:
    return {"sender_id": "r-1", "event": "user", "text": f"bericht {n}", "timestamp": n}


def test_events_are_persistent_in_a_durable_queue(queue):
    async def scenario() -> None:
        publisher = broker(queue)
        await publisher.connect()
        assert publisher.is_ready()
        for n in range(5):
            publisher.publish(event(n))
        await until(lambda: publisher.published == 5)
        await publisher.close()

    asyncio.run(scenario())
    bodies = waiting(queue)
    assert [json.loads(body)["text"] for body in bodies] == [f"bericht {n}" for n in range(5)]

    async def properties() -> tuple[int, bool]:
        import aio_pika

        connection = await aio_pika.connect("amqp://guest:guest@127.0.0.1:5672/")
        channel = await connection.channel()
        # declared again as durable: RabbitMQ refuses that unless they are durable already
        declared = await channel.declare_queue(queue, durable=True)
        await channel.declare_exchange(queue, aio_pika.ExchangeType.FANOUT, durable=True)
        message = await declared.get(no_ack=False)
        still_open = not channel.is_closed
        await connection.close()
        return message.delivery_mode, still_open

    assert asyncio.run(properties()) == (2, True)  # 2: persistent


def test_events_wait_while_rabbitmq_is_cut_off_and_go_out_in_order(queue):
    proxy = TcpForwarder(5672)
    proxy.restore()

    async def scenario() -> DurablePikaBroker:
        publisher = broker(queue, proxy.port)
        await publisher.connect()
        for n in range(10):
            publisher.publish(event(n))
        await until(lambda: publisher.published == 10)
        await asyncio.to_thread(proxy.cut)  # the connection is reset
        for n in range(10, 40):
            publisher.publish(event(n))
            await asyncio.sleep(0.05)
        assert publisher.published < 40 and not publisher.is_ready()
        await asyncio.to_thread(proxy.restore)
        await until(lambda: publisher.published >= 40 and not publisher._waiting)  # noqa: SLF001
        await publisher.close()
        return publisher

    asyncio.run(scenario())
    texts = [json.loads(body)["text"] for body in waiting(queue)]
    # every event arrived (one in flight at the cut may arrive twice: the consumer skips it)
    assert sorted(set(texts), key=lambda t: int(t.split()[1])) == [f"bericht {n}"
                                                                   for n in range(40)]
    assert texts[10:] == sorted(texts[10:], key=lambda t: int(t.split()[1]))  # in order


def test_a_queue_deleted_under_the_broker_is_declared_again(queue):
    async def scenario() -> None:
        import aio_pika

        publisher = broker(queue)
        await publisher.connect()
        connection = await aio_pika.connect("amqp://guest:guest@127.0.0.1:5672/")
        await (await connection.channel()).queue_delete(queue)
        await connection.close()
        publisher.publish(event(1))  # routed nowhere: fails, waits, a new connection declares
        await until(lambda: publisher.published == 1)
        await publisher.close()

    asyncio.run(scenario())
    assert ready_count(queue) == 1

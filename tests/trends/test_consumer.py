"""The trend consumer against the real RabbitMQ: events in, records out once each, nothing
acknowledged before it is stored, erasure kept, the daily salt shared through Redis.

Each test has an exchange and a queue of its own (deleted at the end). In `make test` these run
beside the end-to-end tests on one worker (xdist group "e2e"): one of those restarts RabbitMQ.
Skipped with the reason when RabbitMQ does not answer."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable, Iterator
from dataclasses import replace

import pytest
from rasa.shared.core.events import ActionExecuted, SessionStarted, UserUttered
from sqlalchemy import select

from tests.forwarder import TcpForwarder
from tests.rabbitmq import delete, rabbitmq_or_skip, ready_count, unique_name
from trends.consumer import TrendConsumer, build_consumer
from trends.salt import DailySalt, SharedDailySalt
from trends.settings import TrendSettings
from trends.store import TrendStore, make_engine
from trends.tables import trend_records
from trends.translate import EventTranslator

pytestmark = pytest.mark.xdist_group("e2e")
ZONE = "Europe/Amsterdam"


def user(sender: str, text: str, intent: str = "debt", at: float | None = None,
         metadata: dict | None = None) -> dict:
    parse = {"text": text, "intent": {"name": intent, "confidence": 0.9},
             "intent_ranking": [{"name": intent, "confidence": 0.9}], "entities": []}
    event = UserUttered(text, intent=parse["intent"], parse_data=parse, input_channel="rest",
                        metadata=metadata or {}, timestamp=at or time.time())
    return {"sender_id": sender, **event.as_dict()}


def action(sender: str, name: str) -> dict:
    return {"sender_id": sender, **ActionExecuted(name, timestamp=time.time()).as_dict()}


def session(sender: str) -> dict:
    return {"sender_id": sender, **SessionStarted(timestamp=time.time()).as_dict()}


@pytest.fixture
def stream(trend_settings: TrendSettings, store_url: str) -> Iterator[TrendSettings]:
    """Settings for a consumer of a fresh exchange and queue, writing to ``store_url``."""
    url = rabbitmq_or_skip()
    name = unique_name()
    settings = replace(trend_settings, events_url=url, events_exchange=name,
                       events_queue=name, flush_seconds=0.2, database_url=store_url)
    publish(settings, [])  # exchange and queue exist before anything is published
    try:
        yield settings
    finally:
        delete(name, name)


def publish(settings: TrendSettings, events: list[dict | bytes]) -> None:
    """As Rasa's broker publishes: persistent messages, confirmed, to the durable exchange."""
    import aio_pika

    async def run() -> None:
        connection = await aio_pika.connect(settings.events_url)
        try:
            channel = await connection.channel()
            exchange = await channel.declare_exchange(
                settings.events_exchange, aio_pika.ExchangeType.FANOUT, durable=True)
            queue = await channel.declare_queue(settings.events_queue, durable=True)
            await queue.bind(exchange, "")
            for event in events:
                body = event if isinstance(event, bytes) else json.dumps(event).encode()
                await exchange.publish(aio_pika.Message(
                    body, delivery_mode=aio_pika.DeliveryMode.PERSISTENT), "")
        finally:
            await connection.close()

    asyncio.run(run())


def consumer_for(settings: TrendSettings, vocabulary, salt=None,  # noqa: ANN001
                 url: str | None = None) -> TrendConsumer:
    translator = EventTranslator(vocabulary, ZONE, salt or DailySalt())
    return TrendConsumer(settings, translator,
                         lambda: TrendStore(make_engine(url or settings.database_url)),
                         max_backoff_s=1.0)


async def run_until(consumers: list[TrendConsumer], done: Callable[[], bool],
                    timeout: float = 30, during: Callable[[], object] | None = None) -> None:
    stop = asyncio.Event()
    tasks = [asyncio.create_task(consumer.run(stop)) for consumer in consumers]
    deadline = time.monotonic() + timeout
    try:
        while not done():
            for task in tasks:
                if task.done():
                    task.result()  # a crash shows here
            assert time.monotonic() < deadline, [c.report() for c in consumers]
            if during is not None:
                await asyncio.to_thread(during)
            await asyncio.sleep(0.1)
    finally:
        stop.set()
        await asyncio.gather(*tasks)


def records(url: str) -> list[dict]:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return [dict(row._mapping) for row in connection.execute(
                select(trend_records).order_by(trend_records.c.id))]
    finally:
        engine.dispose()


def test_events_become_records_once_and_are_acknowledged(stream, vocabulary):
    events = [session("r-1"), user("r-1", "ik heb schulden"), action("r-1", "action_listen"),
              user("r-1", "<PERSOON_1> belt steeds", intent="nlu_fallback"),
              action("r-1", "action_default_fallback")]
    publish(stream, [*events, events[1], events[3]])  # two delivered again (a republish)
    consumer = consumer_for(stream, vocabulary)
    asyncio.run(run_until([consumer], lambda: consumer.counts["acknowledged"] == 7))
    rows = records(stream.database_url)
    assert [r["kind"] for r in rows] == ["session", "message", "message", "fallback"]
    assert len({r["event_id"] for r in rows}) == 4 and all(r["event_id"] for r in rows)
    assert len({r["conversation"] for r in rows}) == 1
    assert "r-1" not in repr(rows)
    assert consumer.counts == {**consumer.counts, "written": 4, "duplicates": 2}
    assert ready_count(stream.events_queue) == 0  # all acknowledged: nothing comes again


def test_the_language_comes_through_the_queue_as_a_listed_label(stream, vocabulary):
    publish(stream, [user("r-6", "merhaba, borcum var", metadata={"language": "tr"}),
                     user("r-6", "ik heb schulden", metadata={"language": "nl"}),
                     user("r-6", "ok", metadata={"wijk": "Noord"}),  # in doubt: no language
                     user("r-6", "hallo", metadata={"language": "<PERSOON_1> uit Zuid"})])
    consumer = consumer_for(stream, vocabulary)
    asyncio.run(run_until([consumer], lambda: consumer.counts["acknowledged"] == 4))
    assert [r["language"] for r in records(stream.database_url)] == ["tr", "nl", None, "other"]


def test_an_erasure_blanks_the_texts_through_the_consumer(stream, vocabulary):
    publish(stream, [user("r-2", "ik heb schulden bij <ORGANISATIE_1>"),
                     user("r-3", "ik ben eenzaam", intent="loneliness"),
                     action("r-2", "action_delete_my_data")])
    consumer = consumer_for(stream, vocabulary)
    asyncio.run(run_until([consumer], lambda: consumer.counts["acknowledged"] == 3))
    texts = {r["intent"]: r["text"] for r in records(stream.database_url)}
    assert texts == {"debt": None, "loneliness": "ik ben eenzaam"}


def test_an_unreadable_message_is_skipped(stream, vocabulary):
    publish(stream, [b"{not json", b"[1, 2]", user("r-4", "hoi", intent="greet")])
    consumer = consumer_for(stream, vocabulary)
    asyncio.run(run_until([consumer], lambda: consumer.counts["acknowledged"] == 3))
    assert consumer.counts["unreadable"] == 2 and len(records(stream.database_url)) == 1


@pytest.fixture
def pg_stream(trend_settings: TrendSettings, postgres) -> Iterator[tuple[TrendSettings, str]]:  # noqa: ANN001
    url = rabbitmq_or_skip()
    name = unique_name()
    settings = replace(trend_settings, events_url=url, events_exchange=name,
                       events_queue=name, flush_seconds=0.2)
    publish(settings, [])
    try:
        yield settings, postgres.create("dh_consumer")
    finally:
        delete(name, name)


def test_while_the_store_is_down_nothing_is_acknowledged_or_lost(pg_stream, vocabulary):
    settings, database = pg_stream
    proxy = TcpForwarder(5432)
    proxy.restore()
    through_proxy = database.replace("127.0.0.1:5432", f"127.0.0.1:{proxy.port}")
    settings = replace(settings, database_url=through_proxy)
    events = [user(f"r-{n}", f"bericht {n}") for n in range(30)]
    consumer = consumer_for(settings, vocabulary)

    async def scenario() -> None:
        stop = asyncio.Event()
        task = asyncio.create_task(consumer.run(stop))
        while consumer.status["store"] != "ok":
            await asyncio.sleep(0.1)
        proxy.cut()
        await asyncio.to_thread(publish, settings, events[:20])
        deadline = time.monotonic() + 30
        while consumer.counts["retries"] < 3:
            assert time.monotonic() < deadline, consumer.report()
            await asyncio.sleep(0.1)
        assert consumer.counts["acknowledged"] == 0 and consumer.report()["status"] != "ok"
        stop.set()  # stopped while the store is down: the messages go back to the queue
        await task

    asyncio.run(scenario())
    assert ready_count(settings.events_queue) == 20
    publish(settings, events[15:])  # and some arrive twice
    proxy.restore()
    again = consumer_for(settings, vocabulary, url=database)
    asyncio.run(run_until([again], lambda: again.counts["acknowledged"] == 35))
    rows = records(database)
    assert sorted(r["text"] for r in rows) == sorted(f"bericht {n}" for n in range(30))
    assert len({r["event_id"] for r in rows}) == 30
    assert ready_count(settings.events_queue) == 0


def test_two_consumers_share_the_daily_salt_through_redis(stream, vocabulary, redis_db):
    two = replace(stream, consumer_prefetch=1, flush_seconds=0.05)
    consumers = [consumer_for(two, vocabulary, SharedDailySalt(redis_db.client(), ZONE))
                 for _ in range(2)]
    published: list[bool] = []

    def publish_once_both_consume() -> None:  # else the first one takes everything
        if not published and all(c.status["rabbitmq"] == "ok" for c in consumers):
            publish(two, [user("r-5", f"bericht {n}") for n in range(40)])
            published.append(True)

    asyncio.run(run_until(consumers,
                          lambda: sum(c.counts["acknowledged"] for c in consumers) == 40,
                          during=publish_once_both_consume))
    rows = records(two.database_url)
    assert len(rows) == 40 and len({r["conversation"] for r in rows}) == 1
    assert all(c.counts["written"] > 0 for c in consumers), [c.counts for c in consumers]


def test_without_the_salt_the_batch_waits_unacknowledged(stream, vocabulary, redis_db):
    import redis

    from tests.forwarder import free_port

    away = redis.Redis(host="127.0.0.1", port=free_port(), socket_connect_timeout=1)
    salt = SharedDailySalt(away, ZONE)
    consumer = consumer_for(stream, vocabulary, salt)
    publish(stream, [user("r-6", "hoi", intent="greet")])

    def redis_back() -> None:
        if consumer.counts["retries"] >= 2:
            salt.redis = redis_db.client()

    asyncio.run(run_until([consumer], lambda: consumer.counts["acknowledged"] == 1,
                          during=redis_back))
    assert consumer.counts["written"] == 1 and consumer.status["salt"] == "ok"


def test_build_consumer_takes_the_shared_salt_when_redis_is_configured(trend_settings):
    assert isinstance(build_consumer(trend_settings).translator.salt, DailySalt)
    shared = build_consumer(replace(trend_settings, salt_url="redis://127.0.0.1:6379/0"))
    assert isinstance(shared.translator.salt, SharedDailySalt)

"""Held messages in Redis (production profile): the same bounds as in memory, any instance
replays them once, keys without sender ids, and Redis trouble costs no message it can avoid.
Real Redis, a database of the test's own; skipped with the reason when Redis does not answer."""

from __future__ import annotations

import asyncio
import json
import time

import redis

from channels.held import HELD_INDEX, MemoryHeldMessages, RedisHeldMessages
from channels.resilience import TurnGuard
from tests.channels.test_resilience import REPLIES, SETTINGS, FakeMessage, FakeWatch
from tests.forwarder import free_port

KEY = b"k" * 32


def store(redis_db, per_conversation: int = 5, conversations: int = 10,
          max_age_s: float = 60, url: str | None = None) -> RedisHeldMessages:
    return RedisHeldMessages(url or redis_db.url, KEY, per_conversation, conversations, max_age_s)


def test_any_instance_replays_what_another_held_once_and_in_order(redis_db):
    async def scenario() -> None:
        one, two = store(redis_db), store(redis_db)
        await one.hold("resident-a", "ik heb schulden", {"wijk": "Noord"})
        await one.hold("resident-a", "en <PERSOON_1> belt steeds", None)
        assert await two.count() == 2
        assert await two.take("resident-a") == [("ik heb schulden", {"wijk": "Noord"}),
                                                 ("en <PERSOON_1> belt steeds", None)]
        assert await one.take("resident-a") == []  # taken once: one replay
        assert await one.count() == 0

    asyncio.run(scenario())


def test_the_bounds_are_those_of_the_memory_store(redis_db):
    async def scenario() -> None:
        held = store(redis_db, per_conversation=2, conversations=2)
        memory = MemoryHeldMessages(per_conversation=2, conversations=2, max_age_s=60)
        for sender in ("a", "b", "c"):
            for n in range(3):
                await held.hold(sender, f"{sender}{n}", None)
                await memory.hold(sender, f"{sender}{n}", None)
        assert await held.count() == await memory.count() == 4
        for sender in ("a", "b", "c"):
            assert await held.take(sender) == await memory.take(sender)

    asyncio.run(scenario())


def test_held_minutes_is_the_ttl(redis_db):
    async def scenario() -> None:
        held = store(redis_db, max_age_s=1)
        await held.hold("a", "hoi", None)
        assert 0 < redis_db.client().ttl(held.list_key("a")) <= 1
        await asyncio.sleep(2.1)
        assert await held.take("a") == []

    asyncio.run(scenario())


def test_keys_and_values_hold_no_sender_id_and_only_the_redacted_message(redis_db):
    async def scenario() -> None:
        await store(redis_db).hold("tg-resident-0612345678", "bel <TELEFOONNUMMER_1>",
                                   {"wijk": "Noord"})

    asyncio.run(scenario())
    everything = redis_db.everything()
    assert b"resident" not in repr(everything).encode() and b"0612345678" not in repr(
        everything).encode()
    [key] = [k for k in everything if k.startswith(b"dh:held:")]
    assert json.loads(everything[key][0]) == {"text": "bel <TELEFOONNUMMER_1>",
                                              "metadata": {"wijk": "Noord"}}
    assert everything[HELD_INDEX.encode()] == [key]


def test_redis_unreachable_holds_in_this_process_and_replays_from_there(redis_db):
    async def scenario() -> None:
        held = store(redis_db, url=f"redis://127.0.0.1:{free_port()}/0")
        await held.hold("a", "een", None)
        assert await held.count() == 1
        assert await held.take("a") == [("een", None)]

    asyncio.run(scenario())


def test_a_redis_restart_loses_what_it_held_and_the_next_hold_works(redis_db):
    async def scenario() -> None:
        held = store(redis_db)
        await held.hold("a", "een", None)
        assert redis_db.restart() >= 1  # this store's pooled connection was dropped
        assert await held.take("a") == []  # gone with Redis's memory (documented)
        await held.hold("a", "twee", None)  # the dropped connection is replaced, no error
        assert await held.take("a") == [("twee", None)]
        assert isinstance(held.redis, redis.asyncio.Redis)

    asyncio.run(scenario())


def test_the_guard_replays_from_redis_after_its_own_restart(redis_db):
    """Rasa restarted between holding and the next message: a new guard, a new store object,
    the same Redis - the held message is handled first."""
    handled: list[str] = []

    async def handler(message: FakeMessage) -> None:
        handled.append(message.text)

    async def scenario() -> None:
        before = TurnGuard(SETTINGS, REPLIES, FakeWatch(up=False), store(redis_db))
        await before.handle(FakeMessage("ik heb schulden"), handler)
        after = TurnGuard(SETTINGS, REPLIES, FakeWatch(up=True), store(redis_db))
        await after.handle(FakeMessage("hallo?"), handler)

    asyncio.run(scenario())
    assert handled == ["ik heb schulden", "hallo?"]


def test_concurrent_holds_keep_the_per_conversation_bound(redis_db):
    async def scenario() -> int:
        instances = [store(redis_db, per_conversation=3) for _ in range(4)]
        await asyncio.gather(*(held.hold("a", f"m{n}", None)
                               for n, held in enumerate(instances * 3)))
        return len(await instances[0].take("a"))

    started = time.monotonic()
    assert asyncio.run(scenario()) == 3
    assert time.monotonic() - started < 10

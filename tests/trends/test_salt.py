"""The daily salt: stable within a day, unlinkable across days, never the sender id itself."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import redis

from tests.forwarder import free_port
from trends.salt import (
    EVENT_ID_CHARS,
    HASH_CHARS,
    SALT_KEY,
    DailySalt,
    SaltUnavailable,
    SharedDailySalt,
)

DAY = date(2026, 11, 30)


def test_same_sender_same_day_same_hash():
    salt = DailySalt()
    assert salt.conversation("resident-1", DAY) == salt.conversation("resident-1", DAY)
    assert salt.conversation("resident-1", DAY) != salt.conversation("resident-2", DAY)
    assert len(salt.conversation("resident-1", DAY)) == HASH_CHARS


def test_a_new_day_forgets_yesterdays_salt():
    salt = DailySalt()
    yesterday = salt.conversation("resident-1", DAY)
    today = salt.conversation("resident-1", date(2026, 12, 1))
    assert today != yesterday and salt.day == date(2026, 12, 1)
    # a late event from yesterday is not linked to yesterday's records any more
    assert salt.conversation("resident-1", DAY) != yesterday


def test_two_processes_never_share_a_salt():
    assert DailySalt().conversation("a", DAY) != DailySalt().conversation("a", DAY)


def test_hash_does_not_contain_the_sender():
    assert "resident" not in DailySalt().conversation("resident-1", DAY)


# --- the shared salt in Redis (production) ----------------------------------------------------

# Redis expires keys on its own clock, so these tests use today (the real local day).
ZONE = "Europe/Amsterdam"
TODAY = datetime.now(ZoneInfo(ZONE)).date()
NOON = datetime.combine(TODAY, time(12), ZoneInfo(ZONE)).timestamp()


def shared(redis_db, clock: float | None = None) -> SharedDailySalt:
    return SharedDailySalt(redis_db.client(), ZONE, clock=(lambda: clock) if clock else _now)


def _now() -> float:
    import time as clock

    return clock.time()


def test_every_consumer_gets_the_days_one_salt_from_redis(redis_db):
    first, second = shared(redis_db), shared(redis_db)
    first.prepare([TODAY])
    second.prepare([TODAY])
    assert first.conversation("resident-1", TODAY) == second.conversation("resident-1", TODAY)
    event = {"event": "user", "sender_id": "resident-1", "timestamp": NOON}
    assert first.event_id(event, TODAY) == second.event_id(event, TODAY)
    assert len(first.event_id(event, TODAY)) == EVENT_ID_CHARS
    assert first.event_id(event, TODAY) != first.event_id({**event, "timestamp": NOON + 1}, TODAY)


def test_the_salt_expires_at_the_end_of_the_local_day_and_is_not_on_disk(redis_db):
    shared(redis_db).prepare([TODAY])
    client = redis_db.client()
    key = f"{SALT_KEY}{TODAY.isoformat()}"
    midnight = datetime.combine(TODAY + timedelta(days=1), time(0), ZoneInfo(ZONE)).timestamp()
    assert client.expiretime(key) == int(midnight)
    assert len(bytes.fromhex(client.get(key).decode())) == 32
    # this server keeps nothing on disk, as docs/operators.md asks of a production Redis
    assert client.config_get("save") == {"save": ""}
    assert client.config_get("appendonly") == {"appendonly": "no"}


def test_after_a_redis_restart_a_consumer_puts_the_same_salt_back(redis_db):
    consumer = shared(redis_db)
    consumer.prepare([TODAY])
    before = consumer.conversation("resident-1", TODAY)
    stored = redis_db.client().get(f"{SALT_KEY}{TODAY.isoformat()}")
    redis_db.restart()
    consumer.prepare([TODAY])  # the next batch
    assert redis_db.client().get(f"{SALT_KEY}{TODAY.isoformat()}") == stored
    assert consumer.conversation("resident-1", TODAY) == before
    newcomer = shared(redis_db)  # a consumer started after the restart gets it too
    newcomer.prepare([TODAY])
    assert newcomer.conversation("resident-1", TODAY) == before


def test_when_nobody_remembers_the_salt_a_new_one_starts(redis_db):
    consumer = shared(redis_db)
    consumer.prepare([TODAY])
    before = consumer.conversation("resident-1", TODAY)
    redis_db.restart()
    fresh = shared(redis_db)  # every consumer restarted too: the salt is gone for good
    fresh.prepare([TODAY])
    assert fresh.conversation("resident-1", TODAY) != before  # counted twice today, never linked
    consumer.prepare([TODAY])  # the old one, back: takes the one in Redis (all agree again)
    assert consumer.conversation("resident-1", TODAY) == fresh.conversation("resident-1", TODAY)


def test_without_redis_the_salt_in_memory_serves_and_none_waits():
    unreachable = redis.Redis(host="127.0.0.1", port=free_port(), socket_connect_timeout=1)
    waiting = SharedDailySalt(unreachable, ZONE)
    with pytest.raises(SaltUnavailable):
        waiting.prepare([TODAY])


def test_redis_away_later_keeps_the_salt_in_memory(redis_db):
    consumer = shared(redis_db)
    consumer.prepare([TODAY])
    before = consumer.conversation("resident-1", TODAY)
    consumer.redis = redis.Redis(host="127.0.0.1", port=free_port(), socket_connect_timeout=1)
    consumer.prepare([TODAY])
    assert consumer.conversation("resident-1", TODAY) == before


def test_a_day_that_is_over_is_never_written_back(redis_db):
    after_midnight = NOON + 12.1 * 3600
    late = shared(redis_db, clock=after_midnight)
    late.prepare([TODAY])  # a backlog of yesterday's events, processed after midnight
    assert late.conversation("a", TODAY) == late.conversation("a", TODAY)
    assert redis_db.client().get(f"{SALT_KEY}{TODAY.isoformat()}") is None


def test_a_batch_across_midnight_keeps_yesterdays_hashes(redis_db):
    consumer = shared(redis_db)
    consumer.prepare([TODAY])
    yesterday = consumer.conversation("a", TODAY)
    tomorrow = TODAY + timedelta(days=1)
    consumer.prepare([TODAY, tomorrow])
    assert consumer.conversation("a", TODAY) == yesterday  # before the first event of the new day
    assert consumer.conversation("a", tomorrow) != yesterday
    assert consumer.conversation("a", TODAY) != yesterday  # now late: a random name

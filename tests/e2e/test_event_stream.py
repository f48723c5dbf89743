"""The production profile's event stream and short-lived shared state, with real services and
real faults: Rasa publishes to RabbitMQ, the trend consumer writes the trend store, the daily
salt and the held messages live in Redis.

(a) the trend store down for a minute while residents chat: afterwards every record is there,
    none twice (counted by event id against the tracker store's events);
(b) RabbitMQ restarted mid-load (rabbitmqctl stop_app / start_app): no event lost;
(c) Redis restarted (FLUSHDB of the test's own database and CLIENT KILL of its connections: the
    server is shared): the day's salt comes back, a conversation is counted once; held messages
    of that moment are gone, as documented, and the conversation goes on;
(d) a held message survives the restart of the Rasa process that held it and is replayed by
    the next message;
and erasure through the consumer. The trend store is reached through a TCP forwarder the test
cuts; everything else talks to the services directly. One system for the module; skips with
the reason when PostgreSQL, Redis or RabbitMQ does not answer."""

from __future__ import annotations

import hashlib
import hmac
import json
import subprocess
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy import create_engine, text

from runtime.launcher import System
from tests.e2e.conftest import Assistant, texts
from tests.e2e.test_faults import assert_kind_reply, supervised
from tests.e2e.test_production_profile import ADMIN_URL, require_services
from tests.forwarder import TcpForwarder
from tests.rabbitmq import delete, rabbitmq_or_skip, rabbitmqctl_or_skip, unique_name
from tests.redis_db import RedisDatabase, redis_db_or_skip
from trends.salt import HASH_CHARS, SALT_KEY

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
PG = "postgresql://postgres@127.0.0.1:5432"
# Tracker events that become a trend record (trends/translate.py); the erasure is no record.
RECORDED = ("type_name IN ('user', 'session_started') OR (type_name = 'action' AND action_name "
            "IN ('action_default_fallback', 'action_finish_handoff'))")
TOPICS = ["ik heb schulden", "ik voel me eenzaam", "mijn zoon spijbelt", "ik kan niet rondkomen",
          "ik heb hulp nodig bij mijn administratie", "hallo"]


@dataclass
class Stream:
    system: System
    assistant: Assistant
    database: str
    queue: str
    proxy: TcpForwarder
    redis: RedisDatabase

    def sql(self, query: str, **params: object) -> object:
        engine = create_engine(f"{PG}/{self.database}", future=True)
        try:
            with engine.connect() as connection:
                return connection.execute(text(query), params).scalar()
        finally:
            engine.dispose()

    def expected(self) -> int:
        return self.sql(f"SELECT count(*) FROM events WHERE {RECORDED}")

    def stored(self) -> tuple[int, int]:
        """(records, distinct event ids) in the trend store."""
        engine = create_engine(f"{PG}/{self.database}", future=True)
        try:
            with engine.connect() as connection:
                row = connection.execute(text(
                    "SELECT count(*), count(DISTINCT event_id) FROM trend_records")).one()
            return row[0], row[1]
        finally:
            engine.dispose()

    def drained(self, timeout: float = 90) -> tuple[int, int, int]:
        """Wait until the trend store holds a record for every recorded tracker event."""
        deadline = time.monotonic() + timeout
        while True:
            expected, (records, _) = self.expected(), self.stored()
            if records >= expected or time.monotonic() > deadline:
                time.sleep(1.5)  # anything written twice would show now
                return self.expected(), *self.stored()
            time.sleep(0.5)

    def consumer_health(self) -> tuple[int, dict]:
        url = self.system.specs["trend consumer"].health_url
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read())


@pytest.fixture(scope="module")
def stream(tmp_path_factory) -> Iterator[Stream]:
    require_services()
    rabbitmq_or_skip()
    redis = redis_db_or_skip()
    database, queue = f"dh_test_{uuid.uuid4().hex[:10]}", unique_name("dh_test_events")
    proxy = TcpForwarder(5432)
    proxy.restore()
    try:
        with supervised(
            tmp_path_factory.mktemp("stream"), PROFILE="production", DH_PG_DATABASE=database,
            DH_REDIS_DB=str(redis.number), DH_TRENDS_EVENTS_EXCHANGE=queue,
            DH_TRENDS_EVENTS_QUEUE=queue,
            DH_TRENDS_DATABASE_URL=f"postgresql://postgres@127.0.0.1:{proxy.port}/{database}",
        ) as (system, assistant):
            yield Stream(system, assistant, database, queue, proxy, redis)
    finally:
        delete(queue, queue)
        redis.release()
        admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT", future=True)
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
        admin.dispose()


def chat(assistant: Assistant, turns: int, failures: list[int] | None = None) -> int:
    """``turns`` messages over a few new conversations; returns how many were answered."""
    answered = 0
    senders = [assistant.new_sender() for _ in range(max(1, turns // 3))]
    for n in range(turns):
        status, _ = assistant.post({"sender": senders[n % len(senders)],
                                    "message": TOPICS[n % len(TOPICS)]})
        if status == 200:
            answered += 1
        elif failures is not None:
            failures.append(status)
    return answered


def test_the_consumer_is_a_supervised_process_of_the_production_profile(stream):
    assert "trend consumer" in stream.system.processes
    status, report = stream.consumer_health()
    assert status == 200 and report["checks"] == {"rabbitmq": "ok", "store": "ok", "salt": "ok"}
    chat(stream.assistant, 6)
    expected, records, ids = stream.drained()
    assert records == ids == expected > 0


def test_a_trend_store_down_for_a_minute_loses_nothing_and_doubles_nothing(stream):
    chat(stream.assistant, 6)
    stream.drained()
    stream.proxy.cut()
    try:
        answered, deadline = 0, time.monotonic() + 60
        while time.monotonic() < deadline and answered < 1500:  # residents keep chatting
            answered += chat(stream.assistant, 6)
            assert stream.stored()[0] < stream.expected()  # nothing reaches the store
        status, report = stream.consumer_health()
        assert status == 503 and report["checks"]["store"] != "ok", report
        assert report["waiting"] + report["retries"] > 0
    finally:
        stream.proxy.restore()
    assert answered > 20  # chatting went on while the trend store was away
    expected, records, ids = stream.drained(timeout=120)
    assert records == ids == expected, (expected, records, ids)
    assert stream.consumer_health()[0] == 200


def test_rabbitmq_restarted_mid_load_loses_no_event(stream):
    tool = rabbitmqctl_or_skip()
    failures: list[int] = []
    answered: list[int] = []
    stop = threading.Event()

    def load() -> None:
        while not stop.is_set() and sum(answered) < 600:
            answered.append(chat(stream.assistant, 3, failures))

    worker = threading.Thread(target=load, daemon=True)
    worker.start()
    try:
        time.sleep(5)
        subprocess.run([tool, "stop_app"], check=True, capture_output=True, timeout=120)
        time.sleep(8)  # chats go on; Rasa keeps what it could not publish
        subprocess.run([tool, "start_app"], check=True, capture_output=True, timeout=120)
        subprocess.run([tool, "await_startup"], check=True, capture_output=True, timeout=120)
        time.sleep(10)
    finally:
        stop.set()
        worker.join(120)
    assert sum(answered) > 20 and failures == [], failures
    expected, records, ids = stream.drained(timeout=120)
    assert records == ids == expected, (expected, records, ids)


def conversation_hash(salt_hex: bytes, sender: str) -> str:
    digest = hmac.new(bytes.fromhex(salt_hex.decode()), sender.encode(), hashlib.sha256)
    return digest.hexdigest()[:HASH_CHARS]


def test_a_redis_restart_keeps_the_days_salt_and_loses_held_messages_as_documented(
        stream, referrals):
    system, assistant = stream.system, stream.assistant
    sender, waiting = assistant.new_sender(), assistant.new_sender()
    assistant.say(sender, "hallo")
    assistant.say(sender, "ik heb schulden")
    stream.drained()
    client = stream.redis.client()
    [salt_key] = list(client.scan_iter(f"{SALT_KEY}*"))
    salt = client.get(salt_key)
    system.stop_process("action server")
    try:
        time.sleep(2.5)
        assert_kind_reply(assistant.say(waiting, "ik voel me eenzaam"), referrals)
        assert list(client.scan_iter("dh:held:*")), "held in Redis"
        assert stream.redis.restart() > 0  # Redis forgot everything; its clients lost their link
    finally:
        system.start_process("action server")
    time.sleep(2.5)
    # The conversation goes on after the restart, on the same instance and lock store.
    said = texts(assistant.say(sender, "ik voel me eenzaam"))
    assert "bewaard" not in said and said
    expected, records, ids = stream.drained()
    assert records == ids == expected
    assert client.get(salt_key) == salt  # the consumer put the day's salt back
    own = stream.sql("SELECT count(DISTINCT conversation) FROM trend_records "
                     "WHERE conversation = :c", c=conversation_hash(salt, sender))
    mine = stream.sql(f"SELECT count(*) FROM events WHERE sender_id = :s AND ({RECORDED})",
                      s=sender)
    assert own == 1 and stream.sql("SELECT count(*) FROM trend_records WHERE conversation = :c",
                                   c=conversation_hash(salt, sender)) == mine
    # The held message was lost with Redis's memory: the next message is handled alone.
    assert "eenzaam" not in texts(assistant.say(waiting, "hallo"))
    assert stream.sql("SELECT count(*) FROM events WHERE sender_id = :s AND type_name = 'user'",
                      s=waiting) == 1
    client.close()


def test_a_held_message_survives_the_rasa_restart_and_is_replayed(stream, referrals):
    system, assistant = stream.system, stream.assistant
    sender = assistant.new_sender()
    system.stop_process("action server")
    try:
        time.sleep(2.5)
        assert_kind_reply(assistant.say(sender, "ik heb schulden en de deurwaarder belt steeds"),
                          referrals)
        system.stop_process("rasa")  # the process that held it is gone
    finally:
        system.start_process("action server")
    system.start_process("rasa")
    time.sleep(2.5)
    assistant.say(sender, "/affirm")  # the held message is handled first, then this one
    assert "16 jaar of ouder" in texts(assistant.say(sender, "/request_callback"))
    first = stream.sql("SELECT data FROM events WHERE sender_id = :s AND type_name = 'user' "
                       "ORDER BY id LIMIT 1", s=sender)
    assert "deurwaarder" in json.loads(first)["text"]


def test_erasure_blanks_the_texts_through_the_consumer(stream):
    """Last in the module: erasing deletes tracker events the other tests count."""
    assistant = stream.assistant
    sender = assistant.new_sender()
    marker = "wordt gepest door de buurjongens in het trappenhuis"
    assistant.say(sender, f"mijn zoon heet Daan de Jong en {marker}")
    deadline = time.monotonic() + 30
    while not stream.sql("SELECT count(*) FROM trend_records WHERE text LIKE :m",
                         m=f"%{marker}%"):
        assert time.monotonic() < deadline
        time.sleep(0.3)
    conversation = stream.sql("SELECT conversation FROM trend_records WHERE text LIKE :m",
                              m=f"%{marker}%")
    assistant.say(sender, "/confirm_delete")
    deadline = time.monotonic() + 30
    while stream.sql("SELECT count(text) FROM trend_records WHERE conversation = :c",
                     c=conversation):
        assert time.monotonic() < deadline, "texts not blanked"
        time.sleep(0.3)
    assert stream.sql("SELECT count(intent) FROM trend_records WHERE conversation = :c",
                      c=conversation) > 0  # the labels stay

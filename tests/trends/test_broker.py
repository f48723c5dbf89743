"""The event broker: Rasa events in, trend records out — labels only, the sender id never."""

from __future__ import annotations

import asyncio
import time
from dataclasses import asdict, replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from rasa.shared.core.events import ActionExecuted, SessionStarted, UserUttered
from rasa.utils.endpoints import EndpointConfig
from sqlalchemy import select

from trends.broker import EventTranslator, Forget, TrendEventBroker, TrendWriter
from trends.store import TrendRecord, TrendStore
from trends.tables import trend_records

SENDER = "resident-7f3a"
WHEN = datetime(2026, 11, 30, 14, 25, tzinfo=ZoneInfo("Europe/Amsterdam")).timestamp()


def user_event(text: str, intent: str = "debt", confidence: float = 0.87,
               metadata: dict | None = None, ranking: list | None = None) -> dict:
    parse = {"text": text, "intent": {"name": intent, "confidence": confidence},
             "intent_ranking": ranking or [{"name": intent, "confidence": confidence}],
             "entities": []}
    event = UserUttered(text, intent=parse["intent"], parse_data=parse, input_channel="rest",
                        metadata=metadata or {}, timestamp=WHEN)
    return {"sender_id": SENDER, **event.as_dict()}


def action_event(name: str) -> dict:
    return {"sender_id": SENDER, **ActionExecuted(name, timestamp=WHEN).as_dict()}


@pytest.fixture
def translator(vocabulary) -> EventTranslator:
    return EventTranslator(vocabulary, "Europe/Amsterdam")


def test_user_message_becomes_a_labelled_record(translator):
    record = translator.translate(user_event(
        "ik heb schulden, bel <TELEFOONNUMMER_1>",
        metadata={"wijk": "noord", "doelgroep": "Oudere", "naam": "Fatima"}))
    assert isinstance(record, TrendRecord)
    assert record.hour_start == datetime(2026, 11, 30, 14, 25)  # local time; the row keeps 14:00
    assert record.row()["hour_start"] == datetime(2026, 11, 30, 14, 0)
    assert (record.kind, record.intent, record.confidence_band) == ("message", "debt", 8)
    assert (record.wijk, record.doelgroep, record.channel) == ("Noord", "oudere", "rest")
    assert record.text == "ik heb schulden, bel <TELEFOONNUMMER_1>"
    assert SENDER not in repr(asdict(record)) and "Fatima" not in repr(asdict(record))


def test_unknown_metadata_is_stored_as_unknown(translator):
    record = translator.translate(user_event("hoi", metadata={"wijk": "Kerkstraat 12",
                                                               "doelgroep": ["x"]}))
    assert record.wijk is None and record.doelgroep is None


def test_nlu_fallback_keeps_the_best_other_intent_as_suggestion(translator):
    record = translator.translate(user_event(
        "ik weet het niet", intent="nlu_fallback", confidence=0.45,
        ranking=[{"name": "nlu_fallback", "confidence": 0.45},
                 {"name": "stress", "confidence": 0.31}, {"name": "debt", "confidence": 0.2}]))
    assert (record.intent, record.suggestion, record.confidence_band) == (
        "nlu_fallback", "stress", 4)


def test_core_fallback_carries_the_message_it_did_not_understand(translator):
    message = translator.translate(user_event("iets raars", intent="youth", confidence=0.5))
    fallback = translator.translate(action_event("action_default_fallback"))
    assert fallback.kind == "fallback" and fallback.text == "iets raars"
    assert fallback.conversation == message.conversation and fallback.suggestion == "youth"


def test_handoff_session_and_other_events(translator):
    assert translator.translate(action_event("action_finish_handoff")).kind == "handoff"
    session = {"sender_id": SENDER, **SessionStarted(timestamp=WHEN).as_dict()}
    assert translator.translate(session).kind == "session"
    assert translator.translate(action_event("utter_debt")) is None
    assert translator.translate({"event": "bot", "sender_id": SENDER, "text": "x"}) is None
    assert translator.translate({"event": "user", "text": "no sender"}) is None


def test_erasing_a_conversation_forgets_its_texts(translator):
    message = translator.translate(user_event("mijn zoon heet <PERSOON_1>"))
    forget = translator.translate(action_event("action_delete_my_data"))
    assert forget == Forget(message.conversation, message.hour_start.date())


def test_one_conversation_one_hash_per_day(translator):
    first = translator.translate(user_event("a"))
    second = translator.translate(user_event("b"))
    other = translator.translate({**user_event("c"), "sender_id": "someone-else"})
    assert first.conversation == second.conversation != other.conversation


def rows(engine) -> list[dict]:
    with engine.connect() as connection:
        return [dict(r._mapping) for r in connection.execute(select(trend_records))]


def test_writer_batches_and_flushes_on_close(engine, translator):
    writer = TrendWriter(TrendStore(engine), batch_size=1000, flush_seconds=60,
                         text_retention_days=180)
    for i in range(5):
        writer.put(translator.translate(user_event(f"bericht {i}")))
    assert rows(engine) == []  # nothing written yet: the batch is not full, the timer not up
    writer.close()
    assert len(rows(engine)) == 5 and writer.written == 5


def test_writer_flushes_after_the_interval(engine, translator):
    writer = TrendWriter(TrendStore(engine), batch_size=1000, flush_seconds=0.2,
                         text_retention_days=180)
    writer.put(translator.translate(user_event("hallo")))
    deadline = time.monotonic() + 10
    while not rows(engine) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(rows(engine)) == 1
    writer.close()


def test_writer_forgets_texts_and_purges_old_ones(engine, translator):
    writer = TrendWriter(TrendStore(engine), batch_size=1000, flush_seconds=60,
                         text_retention_days=30)
    old = replace(translator.translate(user_event("oud")), hour_start=datetime(2026, 9, 1, 10))
    writer.put(old)
    writer.put(translator.translate(user_event("mijn zoon heet <PERSOON_1>")))
    writer.put(translator.translate(action_event("action_delete_my_data")))
    writer.put(translator.translate({**user_event("iemand anders"), "sender_id": "other"}))
    writer.close()
    texts = sorted(r["text"] or "" for r in rows(engine))
    assert texts == ["", "", "iemand anders"]  # erased, purged (older than 30 days), kept


def test_a_failing_store_does_not_stop_the_writer(translator, caplog):
    class Broken:
        def add(self, records):
            raise RuntimeError("disk full")

        def purge_texts(self, *args):
            return 0

    writer = TrendWriter(Broken(), batch_size=1, flush_seconds=60, text_retention_days=30)
    writer.put(translator.translate(user_event("geheim <PERSOON_1>")))
    time.sleep(0.2)
    assert writer.alive()
    writer.close()
    assert "RuntimeError" in caplog.text and "geheim" not in caplog.text


def test_broker_from_endpoint_config(store_url, engine, monkeypatch, tmp_path):
    monkeypatch.setenv("DH_DATA_DIR", str(tmp_path))
    config = EndpointConfig(url=store_url, type="trends.broker.TrendEventBroker")

    async def run() -> TrendEventBroker:
        broker = await TrendEventBroker.from_endpoint_config(config)
        assert broker is not None and broker.is_ready()
        started = time.perf_counter()
        for i in range(200):
            broker.publish(user_event(f"vraag {i}"))
        assert time.perf_counter() - started < 1.0  # publish only queues
        broker.publish({"event": "user", "sender_id": SENDER, "timestamp": "bad"})
        await broker.close()
        return broker

    asyncio.run(run())
    stored = rows(engine)
    assert len(stored) == 201
    assert all(SENDER not in repr(r) for r in stored)


def test_broker_without_a_usable_store_lets_the_assistant_run(monkeypatch, tmp_path):
    monkeypatch.setenv("DH_DATA_DIR", str(tmp_path))
    config = EndpointConfig(url="postgresql+psycopg2://nobody@127.0.0.1:1/none",
                            type="trends.broker.TrendEventBroker")
    assert asyncio.run(TrendEventBroker.from_endpoint_config(config)) is None


def test_writer_rolls_up_a_day_when_the_next_one_starts(engine, translator):
    from trends.tables import trend_rollup_days

    writer = TrendWriter(TrendStore(engine), batch_size=1, flush_seconds=60,
                         text_retention_days=180)
    record = translator.translate(user_event("gisteren"))
    writer.put(replace(record, hour_start=datetime(2026, 11, 29, 22)))
    writer.put(record)  # 30 November: the 29th is complete
    writer.close()
    with engine.connect() as connection:
        days = connection.execute(select(trend_rollup_days.c.day)).scalars().all()
    assert days == [date(2026, 11, 29)]


def slot_event(name: str, value: object) -> dict:
    return {"sender_id": SENDER, "event": "slot", "name": name, "value": value,
            "timestamp": WHEN}


def loop_event(name: str | None) -> dict:
    return {"sender_id": SENDER, "event": "active_loop", "name": name, "timestamp": WHEN}


def test_an_answer_to_a_form_question_is_no_topic(translator):
    translator.translate(loop_event("handoff_form"))
    translator.translate(slot_event("requested_slot", "age_16_plus"))
    record = translator.translate(user_event("ik ben 42", intent="youth", confidence=0.9))
    assert (record.kind, record.intent, record.suggestion, record.text) == (
        "form_answer", None, None, None)


def test_the_topic_question_and_a_safety_message_inside_a_form_still_count(translator):
    translator.translate(slot_event("requested_slot", "help_topic"))
    assert translator.translate(user_event("schulden")).kind == "message"
    translator.translate(slot_event("requested_slot", "handoff_moment"))
    crisis = translator.translate(user_event("ik wil niet meer leven", intent="crisis_suicide"))
    assert (crisis.kind, crisis.intent) == ("message", "crisis_suicide")


@pytest.mark.parametrize("ending", [
    loop_event(None), slot_event("requested_slot", None),
    {"sender_id": SENDER, "event": "session_started", "timestamp": WHEN}])
def test_after_the_form_messages_are_topics_again(translator, ending):
    translator.translate(slot_event("requested_slot", "handoff_contact"))
    translator.translate(ending)
    assert translator.translate(user_event("ik heb ook stress", intent="stress")).kind == "message"

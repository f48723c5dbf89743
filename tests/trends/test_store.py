"""The store on SQLite and PostgreSQL: migrated by Alembic, bulk writes, text retention."""

from __future__ import annotations

import threading
from datetime import date, datetime

from sqlalchemy import inspect, select, text

from trends.store import (
    Forget,
    TrendRecord,
    TrendStore,
    confidence_band,
    make_engine,
    time_columns,
)
from trends.tables import metadata, trend_records


def test_alembic_creates_the_schema_once(store_url):
    engines = [make_engine(store_url) for _ in range(2)]  # the second start finds it migrated
    with engines[0].connect() as connection:
        assert connection.execute(text("SELECT version_num FROM trends_alembic_version")
                                  ).scalar_one() == "0004"
    for table in metadata.sorted_tables:  # the migrations build exactly what tables.py says
        columns = {c["name"] for c in inspect(engines[0]).get_columns(table.name)}
        assert columns == {c.name for c in table.columns}
        assert not {"sender_id", "sender", "conversation_id"} & columns
    for engine in engines:
        engine.dispose()


def test_processes_starting_together_migrate_once(store_url):
    errors: list[BaseException] = []

    def start() -> None:
        try:
            make_engine(store_url).dispose()
        except BaseException as error:  # noqa: BLE001
            errors.append(error)

    threads = [threading.Thread(target=start) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


def test_bulk_add_and_time_columns(store):
    records = [TrendRecord(datetime(2026, 11, 29, 23, 59), "message", f"{i:016x}", intent="debt",
                           confidence_band=8, text="ik heb schulden", channel="rest",
                           wijk="Noord", doelgroep="ouder") for i in range(1200)]
    assert store.add(records) == 1200
    with store.engine.connect() as connection:
        row = connection.execute(select(trend_records).limit(1)).one()._mapping
    assert row["hour_start"] == datetime(2026, 11, 29, 23, 0)
    assert (row["day"], row["week"], row["month"]) == (date(2026, 11, 29), date(2026, 11, 23),
                                                       date(2026, 11, 1))
    assert (row["weekday"], row["hour"]) == (6, 23)


def test_forget_and_purge_texts(store):
    store.add([TrendRecord(datetime(2026, 11, 30, 10), "message", "a" * 16, text="wis mij"),
               TrendRecord(datetime(2026, 11, 30, 10), "message", "b" * 16, text="blijf"),
               TrendRecord(datetime(2026, 1, 5, 10), "message", "c" * 16, text="oud",
                           intent="debt")])
    assert store.forget_texts("a" * 16, date(2026, 11, 30)) == 1
    assert store.purge_texts(date(2026, 6, 1), since=date(2026, 2, 1)) == 0  # only new days
    assert store.purge_texts(date(2026, 6, 1)) == 1
    with store.engine.connect() as connection:
        stored = {r.conversation: (r.text, r.intent) for r in
                  connection.execute(select(trend_records))}
    assert stored == {"a" * 16: (None, None), "b" * 16: ("blijf", None),
                      "c" * 16: (None, "debt")}  # labels stay for the statistics


def test_confidence_bands():
    assert [confidence_band(c) for c in (0.0, 0.44, 0.45, 0.999, 1.0, 1.2, -1)] == [
        0, 4, 4, 9, 9, 9, 0]
    assert confidence_band(None) is None and confidence_band(float("nan")) is None


def test_time_columns_ignore_minutes():
    assert time_columns(datetime(2026, 3, 2, 7, 45))["hour_start"] == datetime(2026, 3, 2, 7)


def test_texts_survive_bulk_writes_exactly(store):
    """PostgreSQL writes by COPY: quotes, commas, new lines, backslashes, empty vs. missing."""
    texts = ['zei "hoi", en\nging', "a\\Nb", "", None, "€ 1.200,- <PERSOON_1>"]
    store.add([TrendRecord(datetime(2026, 11, 30, 10), "message", f"{i:016x}", text=t)
               for i, t in enumerate(texts)])
    with store.engine.connect() as connection:
        stored = [r.text for r in connection.execute(
            select(trend_records.c.text).order_by(trend_records.c.conversation))]
    assert stored == texts


def test_a_record_delivered_twice_is_stored_once_and_erasure_keeps_its_order(store_url):
    store = TrendStore(make_engine(store_url))
    hour = datetime(2026, 11, 30, 14, 25)
    first = TrendRecord(hour, "message", "c1", intent="debt", text="ik heb schulden",
                        event_id="a" * 32)
    other = TrendRecord(hour, "message", "c2", intent="debt", text="ik ook", event_id="b" * 32)
    assert store.add([first, first]) == 1  # twice in one batch
    assert store.add([first, other]) == 1  # and again in a later one
    later = TrendRecord(hour, "message", "c1", intent="stress", text="en nu", event_id="c" * 32)
    assert store.write([Forget("c1", date(2026, 11, 30)), later, first]) == 1
    with store.engine.connect() as connection:
        rows = {r.event_id: r.text for r in connection.execute(select(trend_records))}
    assert rows == {"a" * 32: None, "b" * 32: "ik ook", "c" * 32: "en nu"}
    store.engine.dispose()

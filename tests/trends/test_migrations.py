"""Migration 0004 (the message's language) up and down on SQLite and PostgreSQL, with data."""

from __future__ import annotations

from datetime import date, datetime

from alembic import command
from alembic.config import Config
from sqlalchemy import inspect, select, text
from sqlalchemy.engine import Engine

from trends.store import MIGRATIONS, TrendRecord, TrendStore, make_engine
from trends.tables import trend_daily, trend_records, trend_rollup_days

DAY = date(2026, 11, 30)
HOUR = datetime(2026, 11, 30, 14)


def _alembic(engine: Engine, action, revision: str) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        action(config, revision)


def _version(engine: Engine) -> str:
    with engine.connect() as connection:
        return connection.execute(text("SELECT version_num FROM trends_alembic_version")
                                  ).scalar_one()


def _columns(engine: Engine) -> set[str]:
    return {c["name"] for c in inspect(engine).get_columns("trend_records")}


def _languages(engine: Engine) -> dict[str, int]:
    with engine.connect() as connection:
        return dict(connection.execute(
            select(trend_daily.c.key1, trend_daily.c.conversations)
            .where(trend_daily.c.measure == "language")).all())


def test_language_migration_down_and_up_keeps_the_records(store_url):
    engine = make_engine(store_url)
    store = TrendStore(engine)
    store.add([TrendRecord(HOUR, "session", "a" * 16),
               TrendRecord(HOUR, "message", "a" * 16, intent="debt", language="tr"),
               TrendRecord(HOUR, "message", "b" * 16, intent="debt", language="nl")])
    store.roll_up(DAY, DAY)
    assert _version(engine) == "0004" and "language" in _columns(engine)
    assert _languages(engine) == {"tr": 1, "nl": 1}

    _alembic(engine, command.downgrade, "0003")
    assert _version(engine) == "0003" and "language" not in _columns(engine)
    assert _languages(engine) == {}  # no roll-up of a column that is gone
    with engine.connect() as connection:  # the records and the other roll-ups stay
        assert len(connection.execute(select(trend_records.c.kind)).all()) == 3
        assert connection.execute(select(trend_daily).where(
            trend_daily.c.measure == "all")).all()

    _alembic(engine, command.upgrade, "head")
    assert _version(engine) == "0004" and "language" in _columns(engine)
    with engine.connect() as connection:
        assert len(connection.execute(select(trend_records)).all()) == 3
        assert connection.execute(select(trend_records.c.language).distinct()
                                  ).scalars().all() == [None]
        # every day is rolled up again by the next report, now with the languages
        assert connection.execute(select(trend_rollup_days)).all() == []
    assert store.roll_up(DAY, DAY) == 1
    assert _languages(engine) == {"nl": 2}  # carried none (written before 0004): Dutch
    engine.dispose()


def test_a_store_at_0003_with_data_is_migrated_at_start_up(store_url):
    engine = make_engine(store_url)
    _alembic(engine, command.downgrade, "0003")
    with engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO trend_records (hour_start, day, week, month, weekday, hour, kind, "
            "conversation, intent) VALUES (:h, :d, :w, :m, 0, 14, 'message', 'c', 'debt')"),
            {"h": HOUR, "d": DAY, "w": date(2026, 11, 30), "m": date(2026, 11, 1)})
    engine.dispose()
    engine = make_engine(store_url)  # a process starting on the old store upgrades it
    assert _version(engine) == "0004"
    TrendStore(engine).roll_up(DAY, DAY)
    assert _languages(engine) == {"nl": 1}
    engine.dispose()

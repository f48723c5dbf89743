"""Daily roll-ups give exactly the counts a direct scan gives, and are never stale."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import distinct, func, select

from tests.trends.conftest import NOW
from trends.report_data import Period, build_report
from trends.rollup import refresh, stale_days
from trends.store import TrendRecord
from trends.tables import trend_daily, trend_records

R = trend_records.c


def _direct(connection, *where) -> int:
    """Distinct conversations per day, summed: the unit reports count, straight from records."""
    return sum(n for (n,) in connection.execute(
        select(func.count(distinct(R.conversation))).where(*where).group_by(R.day)))


def _rolled(connection, measure: str, key1: str | None = None) -> int:
    d = trend_daily.c
    where = [d.measure == measure] + ([d.key1 == key1] if key1 is not None else [])
    return int(connection.execute(select(func.coalesce(func.sum(d.conversations), 0))
                                  .where(*where)).scalar_one())


def test_rollups_equal_a_direct_scan(demo_engine):
    with demo_engine.connect() as connection:
        assert stale_days(connection, date(2020, 1, 1), NOW.date()) == []
        assert _rolled(connection, "all") == _direct(
            connection, R.kind.in_(("message", "session")))
        assert _rolled(connection, "handoff") == _direct(connection, R.kind == "handoff")
        assert _rolled(connection, "topic", "debt") == _direct(
            connection, R.kind == "message", R.intent == "debt")
        assert _rolled(connection, "wijk", "Noord") == sum(
            _direct(connection, R.kind == "message", R.wijk == "Noord", R.intent == intent)
            for (intent,) in connection.execute(select(distinct(R.intent)).where(
                R.kind == "message", R.intent.is_not(None))))
        assert _rolled(connection, "hour", "10") == _direct(
            connection, R.kind == "message", R.hour == 10)


def test_a_late_record_for_a_rolled_up_day_is_counted(store, vocabulary, rules):
    day = datetime(2026, 3, 3, 10)
    store.add([TrendRecord(day, "session", f"{i:016x}") for i in range(12)]
              + [TrendRecord(day, "message", f"{i:016x}", intent="debt") for i in range(12)])
    period = Period(date(2026, 3, 1), date(2026, 3, 31))
    first = build_report(store.engine, vocabulary, rules, period, generated=NOW)
    assert str(next(t for t in first.topics if t.topic == "debt").current) == "10"
    store.add([TrendRecord(day, "message", f"{i:016x}", intent="debt") for i in range(12, 20)])
    again = build_report(store.engine, vocabulary, rules, period, generated=NOW)
    assert str(next(t for t in again.topics if t.topic == "debt").current) == "20"
    assert refresh(store.engine, period.start, period.end) == 0  # nothing stale any more


def test_clearing_the_store_clears_its_rollups(store):
    store.add([TrendRecord(datetime(2026, 3, 3, 10), "session", "a" * 16)])
    store.roll_up(date(2026, 3, 1), date(2026, 3, 31))
    store.clear()
    with store.engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(trend_daily)).scalar_one() == 0


def _record(kind: str, conversation: str, language: str | None = None, hour: int = 10
            ) -> TrendRecord:
    return TrendRecord(datetime(2026, 3, 3, hour), kind, conversation, intent="debt"
                       if kind == "message" else None, language=language)


def test_a_conversation_counts_once_in_the_language_most_of_its_messages_carried(store):
    store.add([
        # tr twice, nl once: Turkish
        _record("session", "a"), _record("message", "a", "tr"), _record("message", "a", "nl"),
        _record("message", "a", "tr"),
        # only messages the boundary was in doubt about: Dutch
        _record("session", "b"), _record("message", "b"), _record("message", "b"),
        # absent messages are no votes: one Polish message among doubtful ones is Polish
        _record("message", "c"), _record("message", "c", "pl"), _record("message", "c"),
        # a tie with Dutch goes to Dutch; a tie between two others to the first code
        _record("message", "d", "ar"), _record("message", "d", "nl"),
        _record("message", "e", "uk"), _record("message", "e", "ru"),
        # form answers vote; fallbacks repeat a message, so they do not
        _record("message", "f"), _record("form_answer", "f", "so"),
        _record("message", "g", "ti"), _record("fallback", "g", "en"),
        _record("fallback", "g", "en"),
        # "other" is a language like any: an unknown code never becomes Dutch
        _record("message", "h", "other"),
        # a session without a message: a conversation, Dutch
        _record("session", "i"),
        # only a form answer (a form running past midnight): not a conversation that day
        _record("form_answer", "j", "fa"),
    ])
    store.roll_up(date(2026, 3, 3), date(2026, 3, 3))
    with store.engine.connect() as connection:
        rows = dict(connection.execute(select(trend_daily.c.key1, trend_daily.c.conversations)
                                       .where(trend_daily.c.measure == "language")).all())
        total = _rolled(connection, "all")
    assert rows == {"tr": 1, "nl": 3, "pl": 1, "ru": 1, "so": 1, "ti": 1, "other": 1}
    assert sum(rows.values()) == total == 9  # each conversation in exactly one language


def test_languages_add_up_to_all_conversations_every_day(demo_engine):
    d = trend_daily.c
    with demo_engine.connect() as connection:
        per_day = {}
        for day, measure, n in connection.execute(
                select(d.day, d.measure, func.sum(d.conversations))
                .where(d.measure.in_(("all", "language"))).group_by(d.day, d.measure)):
            per_day.setdefault(day, {})[measure] = n
    assert per_day and all(v["all"] == v["language"] for v in per_day.values())

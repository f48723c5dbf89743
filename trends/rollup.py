"""Daily roll-ups: distinct conversations per day and breakdown, computed in SQL.

A conversation's hash changes every day, so distinct conversations per day add up exactly over
weeks, months and years: a report sums a few thousand roll-up rows instead of scanning a million
records. A day is rolled up again whenever its number of records differs from the last roll-up
(late events, a refilled demo store), so a report is never stale; the broker's writer rolls up
each finished day, so reports rarely have to.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import (
    String,
    and_,
    case,
    cast,
    delete,
    distinct,
    func,
    insert,
    literal,
    literal_column,
    select,
    text,
)
from sqlalchemy.engine import Connection, Engine

from trends.tables import trend_daily, trend_records, trend_rollup_days
from trends.vocabulary import DUTCH

R = trend_records.c
_LOCK = 0x44485F524F4C4C55  # "DH_ROLLU": one roll-up at a time on PostgreSQL
_CHUNK = 200  # days per statement (bound parameters)


def stale_days(connection: Connection, start: date, end: date) -> list[date]:
    """Days in [start, end] whose records changed since their roll-up."""
    records = dict(connection.execute(
        select(R.day, func.count()).where(R.day >= start, R.day <= end).group_by(R.day)).all())
    rolled = dict(connection.execute(
        select(trend_rollup_days.c.day, trend_rollup_days.c.records)
        .where(trend_rollup_days.c.day >= start, trend_rollup_days.c.day <= end)).all())
    return sorted(day for day in set(records) | set(rolled)
                  if records.get(day, 0) != rolled.get(day))


def refresh(engine: Engine, start: date, end: date) -> int:
    """Roll up every stale day in [start, end]; returns how many days were (re)computed."""
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK})
        days = stale_days(connection, start, end)
        for first in range(0, len(days), _CHUNK):
            roll_up(connection, days[first:first + _CHUNK])
    return len(days)


def roll_up(connection: Connection, days: Iterable[date]) -> None:
    days = list(days)
    if not days:
        return
    connection.execute(delete(trend_daily).where(trend_daily.c.day.in_(days)))
    connection.execute(delete(trend_rollup_days).where(trend_rollup_days.c.day.in_(days)))
    in_days = R.day.in_(days)
    message = and_(in_days, R.kind == "message")
    columns = ["day", "measure", "key1", "key2", "conversations"]
    conversations = func.count(distinct(R.conversation))

    def add(measure: str, where, key1=None, key2=None) -> None:
        keys = [k for k in (key1, key2) if k is not None]  # PostgreSQL: no constants in GROUP BY
        connection.execute(insert(trend_daily).from_select(columns, select(
            R.day, literal(measure), key1 if key1 is not None else empty,
            key2 if key2 is not None else empty, conversations).where(where)
            .group_by(R.day, *keys)))

    empty = literal("", String)
    add("topic", and_(message, R.intent.is_not(None)), R.intent)
    add("wijk", and_(message, R.intent.is_not(None)), func.coalesce(R.wijk, ""), R.intent)
    add("doelgroep", and_(message, R.intent.is_not(None)), func.coalesce(R.doelgroep, ""),
        R.intent)
    add("hour", message, cast(R.hour, String))
    fallback = (R.kind == "fallback") | and_(R.kind == "message", R.intent == "nlu_fallback")
    add("all", and_(in_days, R.kind.in_(("message", "session"))))
    add("fallback", and_(in_days, fallback))
    add("handoff", and_(in_days, R.kind == "handoff"))
    understood = case((and_(R.kind == "message", R.intent.is_not(None),
                            R.intent != "nlu_fallback"), 1), else_=0)
    started = case((R.kind == "session", 1), else_=0)
    abandoned = (select(R.day).where(in_days).group_by(R.day, R.conversation)
                 .having(and_(func.sum(started) > 0, func.sum(understood) == 0)).subquery())
    connection.execute(insert(trend_daily).from_select(columns, select(
        abandoned.c.day, literal("abandoned"), empty, empty, func.count())
        .group_by(abandoned.c.day)))
    _languages(connection, in_days, columns)
    connection.execute(insert(trend_rollup_days).from_select(["day", "records"], select(
        R.day, func.count()).where(in_days).group_by(R.day)))


def _languages(connection: Connection, in_days, columns: list[str]) -> None:
    """One language per conversation-day: the one most of its messages (and form answers)
    carried; a tie goes to Dutch, else to the first code; Dutch when none carried one.

    Counted over the same conversation-days as ``all``, so the languages add up to it: each
    conversation sits in exactly one cell, and the report's totals are the published total of
    conversations (what disclosure control assumes of a table's margins).
    """
    # One scan, no join: per conversation-day and language the votes (messages and form answers
    # that carried it) and whether the conversation counts that day (a message or a session).
    vote = and_(R.kind.in_(("message", "form_answer")), R.language.is_not(None))
    groups = (select(R.day, R.conversation, R.language,
                     func.sum(case((vote, 1), else_=0)).label("votes"),
                     func.max(case((R.kind.in_(("message", "session")), 1), else_=0))
                     .label("member"))
              .where(in_days, R.kind.in_(("message", "session", "form_answer")))
              .group_by(R.day, R.conversation, R.language).subquery())
    g = groups.c
    conversation = (g.day, g.conversation)
    ranked = select(
        g.day, g.language, g.votes,
        func.row_number().over(partition_by=conversation, order_by=(
            g.votes.desc(), case((g.language == DUTCH, 0), else_=1), g.language)).label("place"),
        func.max(g.member).over(partition_by=conversation).label("counted")).subquery()
    # Inline constants, not bound parameters: PostgreSQL must see one GROUP BY expression.
    language = func.coalesce(case((ranked.c.votes > literal_column("0"), ranked.c.language)),
                             literal_column(f"'{DUTCH}'", String))
    connection.execute(insert(trend_daily).from_select(columns, select(
        ranked.c.day, literal("language"), language, literal("", String), func.count())
        .where(ranked.c.place == 1, ranked.c.counted == 1)
        .group_by(ranked.c.day, language)))

"""The trend store's one table. What is NOT here matters most: no sender id, no conversation id.

``conversation`` is a keyed hash of the sender id under a salt that exists for one day only
(``trends.salt``), so it counts distinct conversations per day and links to nothing afterwards.
The time columns are all the same local hour, split so every dialect can group on them in SQL.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
)

metadata = MetaData()

# kind: message (a resident's message) | fallback (the assistant did not understand)
#       | handoff (the hand-off form finished) | session (a conversation started)
#       | form_answer (an answer to a form question: no intent, no text, never a topic)
trend_records = Table(
    "trend_records", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("hour_start", DateTime, nullable=False),      # local wall-clock hour
    Column("day", Date, nullable=False),
    Column("week", Date, nullable=False),                # Monday of the ISO week
    Column("month", Date, nullable=False),               # first of the month
    Column("weekday", SmallInteger, nullable=False),     # 0 = Monday
    Column("hour", SmallInteger, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("conversation", String(16), nullable=False),  # daily-salted hash, see above
    Column("intent", String(64)),
    Column("suggestion", String(64)),                    # best intent other than nlu_fallback
    Column("confidence_band", SmallInteger),             # tenths: 6 means 0.6 ≤ confidence < 0.7
    Column("text", Text),                                # redacted; blanked after the retention
    Column("channel", String(32)),
    Column("wijk", String(64)),
    Column("doelgroep", String(64)),
    # Keyed with the daily salt (trends.salt): a record delivered twice is stored once, and the
    # id links to no event once the day's salt is gone. Empty for records written before it.
    Column("event_id", String(32)),
    # The boundary's language signal: a listed ISO 639-1 code or "other"; empty when it was in
    # doubt (the conversation keeps its language). Messages and form answers only.
    Column("language", String(8)),
    Index("ix_trend_records_day_kind", "day", "kind"),
    Index("ux_trend_records_event_id", "event_id", unique=True),
)

# Distinct conversations per day and breakdown, so a report over a year reads a few thousand rows
# instead of scanning every record. Additive over days, because the hash changes daily.
# measure: topic (key1 = intent) | wijk, doelgroep (key1 = value or "", key2 = intent)
#          | hour (key1 = "0"…"23") | language (key1 = code: one per conversation-day)
#          | all, fallback, handoff, abandoned
trend_daily = Table(
    "trend_daily", metadata,
    Column("day", Date, primary_key=True),
    Column("measure", String(16), primary_key=True),
    Column("key1", String(64), primary_key=True),
    Column("key2", String(64), primary_key=True),
    Column("conversations", Integer, nullable=False),
)

# How many records each rolled-up day had: a day whose count changed is rolled up again.
trend_rollup_days = Table(
    "trend_rollup_days", metadata,
    Column("day", Date, primary_key=True),
    Column("records", Integer, nullable=False),
)

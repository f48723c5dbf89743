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
    Index("ix_trend_records_day_kind", "day", "kind"),
)

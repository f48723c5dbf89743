"""The language of each resident's message: the boundary's ``language`` metadata, a listed
ISO 639-1 code or "other" (``trends.vocabulary``), empty when the boundary was in doubt.

Stored per message, not per conversation: a conversation's messages arrive in many batches (and
over several consumers), so its language - the one most of its messages carried, Dutch when none
did - is decided when a day is rolled up (``trends.rollup``), one language per conversation-day.
Every day is rolled up again by the next report, so the roll-ups gain the language; messages
stored before this revision carried none and count as Dutch.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# Lightweight tables: a migration must not follow tables.py as it changes later.
_rollup_days = sa.table("trend_rollup_days", sa.column("day", sa.Date))
_daily = sa.table("trend_daily", sa.column("measure", sa.String(16)))


def upgrade() -> None:
    op.add_column("trend_records", sa.Column("language", sa.String(8)))
    op.execute(sa.delete(_rollup_days))  # every day stale: rolled up again, with languages


def downgrade() -> None:
    op.execute(sa.delete(_daily).where(_daily.c.measure == "language"))
    op.drop_column("trend_records", "language")

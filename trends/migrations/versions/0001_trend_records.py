"""The trend records table.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "trend_records",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("hour_start", sa.DateTime, nullable=False),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("week", sa.Date, nullable=False),
        sa.Column("month", sa.Date, nullable=False),
        sa.Column("weekday", sa.SmallInteger, nullable=False),
        sa.Column("hour", sa.SmallInteger, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("conversation", sa.String(16), nullable=False),
        sa.Column("intent", sa.String(64)),
        sa.Column("suggestion", sa.String(64)),
        sa.Column("confidence_band", sa.SmallInteger),
        sa.Column("text", sa.Text),
        sa.Column("channel", sa.String(32)),
        sa.Column("wijk", sa.String(64)),
        sa.Column("doelgroep", sa.String(64)),
    )
    op.create_index("ix_trend_records_day_kind", "trend_records", ["day", "kind"])


def downgrade() -> None:
    op.drop_index("ix_trend_records_day_kind", table_name="trend_records")
    op.drop_table("trend_records")

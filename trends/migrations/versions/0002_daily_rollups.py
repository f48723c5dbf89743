"""Daily roll-ups of distinct conversations, so reports over a year stay fast.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "trend_daily",
        sa.Column("day", sa.Date, primary_key=True),
        sa.Column("measure", sa.String(16), primary_key=True),
        sa.Column("key1", sa.String(64), primary_key=True),
        sa.Column("key2", sa.String(64), primary_key=True),
        sa.Column("conversations", sa.Integer, nullable=False),
    )
    op.create_table(
        "trend_rollup_days",
        sa.Column("day", sa.Date, primary_key=True),
        sa.Column("records", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("trend_rollup_days")
    op.drop_table("trend_daily")

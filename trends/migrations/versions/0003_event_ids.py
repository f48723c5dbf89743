"""An event id per record, unique: the trend consumer's writes are idempotent (a message that
RabbitMQ delivers again, or a batch written again after the store came back, is stored once).

Records written before this revision keep an empty id (NULLs never collide).

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("trend_records", sa.Column("event_id", sa.String(32)))
    op.create_index("ux_trend_records_event_id", "trend_records", ["event_id"], unique=True)


def downgrade() -> None:
    op.drop_index("ux_trend_records_event_id", table_name="trend_records")
    op.drop_column("trend_records", "event_id")

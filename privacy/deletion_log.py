"""The record of deletions done for residents: categories and time, never the deleted data."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.engine import Engine

from privacy.clock import as_utc, aware, utc_now
from privacy.tables import deletions

REASONS = ("refused", "withdrawn", "anonymous", "request", "expired")


@dataclass(frozen=True)
class DeletionRecord:
    conversation: str
    reason: str
    categories: tuple[str, ...]
    deleted_at: datetime


class DeletionLog:
    def __init__(self, engine: Engine, clock: Callable[[], datetime] = utc_now) -> None:
        self._engine = engine
        self._clock = clock

    def record(self, conversation: str, reason: str, categories: Iterable[str]) -> DeletionRecord:
        if reason not in REASONS:
            raise ValueError(f"reason must be one of {REASONS}")
        record = DeletionRecord(conversation, reason, tuple(categories), as_utc(self._clock()))
        with self._engine.begin() as connection:
            connection.execute(deletions.insert().values(
                conversation=conversation, reason=reason,
                categories=",".join(record.categories), deleted_at=record.deleted_at,
            ))
        return record

    def for_conversation(self, conversation: str) -> list[DeletionRecord]:
        query = (select(deletions).where(deletions.c.conversation == conversation)
                 .order_by(deletions.c.id))
        with self._engine.connect() as connection:
            return [
                DeletionRecord(row.conversation, row.reason,
                               tuple(c for c in row.categories.split(",") if c),
                               aware(row.deleted_at))
                for row in connection.execute(query)
            ]

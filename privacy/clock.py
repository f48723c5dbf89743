"""UTC timestamps; SQLite drops the zone, so values read back are made aware again."""

from __future__ import annotations

from datetime import UTC, datetime


def utc_now() -> datetime:
    return datetime.now(UTC)


def as_utc(value: datetime) -> datetime:
    """The same instant in UTC: SQLite stores the wall time only, so a local time would shift."""
    return aware(value).astimezone(UTC)  # type: ignore[union-attr]


def aware(value: datetime | None) -> datetime | None:
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)

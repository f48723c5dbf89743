"""The trend store: an engine migrated by Alembic, and bulk writes of trend records.

SQLite under the data dir by default, PostgreSQL by URL. Reads for reports live in
``trends.report_data`` and ``trends.review``; they aggregate in SQL.
"""

from __future__ import annotations

import fcntl
import io
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, delete, event, text, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import QueuePool

from privacy.at_rest import checkpoint_wal
from trends.rollup import refresh
from trends.tables import trend_daily, trend_records, trend_rollup_days

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_MIGRATION_LOCK = 0x44485F54524E4453  # "DH_TRNDS": shared by every process migrating this store
_ATTEMPTS = 5
_THREADS = threading.Lock()
KINDS = ("message", "fallback", "handoff", "session")


@dataclass(frozen=True)
class TrendRecord:
    """One row; ``hour_start`` is the local wall-clock hour, everything else is a label."""

    hour_start: datetime
    kind: str
    conversation: str
    intent: str | None = None
    suggestion: str | None = None
    confidence_band: int | None = None
    text: str | None = None
    channel: str | None = None
    wijk: str | None = None
    doelgroep: str | None = None
    event_id: str | None = None  # keyed hash of the whole event (trends.salt): stored once
    language: str | None = None  # listed code or "other" (trends.vocabulary); None: in doubt

    def row(self) -> dict[str, object]:
        row = {name: getattr(self, name) for name in _FIELDS}
        row.update(time_columns(self.hour_start.replace(minute=0, second=0, microsecond=0,
                                                        tzinfo=None)))
        return row


_FIELDS = tuple(f.name for f in fields(TrendRecord))


@lru_cache(maxsize=4096)
def time_columns(hour_start: datetime) -> dict[str, object]:
    """The hour split into the columns reports group on (all derived from the hour itself).

    Cached: a busy hour has many records, all with the same columns (callers copy the dict).
    """
    hour_start = hour_start.replace(minute=0, second=0, microsecond=0, tzinfo=None)
    day = hour_start.date()
    return {
        "hour_start": hour_start,
        "day": day,
        "week": day - timedelta(days=day.weekday()),
        "month": day.replace(day=1),
        "weekday": day.weekday(),
        "hour": hour_start.hour,
    }


def confidence_band(confidence: object) -> int | None:
    """Tenths, so the store never holds a classifier's exact score (0.999 → 9)."""
    if not isinstance(confidence, int | float) or confidence != confidence:
        return None
    return max(0, min(9, int(float(confidence) * 10)))


def make_engine(url: str) -> Engine:
    """An engine on a store migrated to the newest schema."""
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
        Path(url[len("sqlite:///"):]).parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    connect_args = {"timeout": 30, "check_same_thread": False} if url.startswith("sqlite") else {}
    # SQLAlchemy 1.4 opens a new SQLite connection per use (NullPool); a pool keeps the pragmas.
    pool = {"poolclass": QueuePool} if url.startswith("sqlite:///") and ":memory:" not in url \
        else {}
    engine = create_engine(url, future=True, connect_args=connect_args, **pool)
    if url.startswith("sqlite"):
        event.listen(engine, "connect", _sqlite_pragmas)
    migrate(engine)
    return engine


def migrate(engine: Engine) -> None:
    """``alembic upgrade head``, safe when several processes start at the same moment.

    Alembic's context is process-global, so threads take turns; processes are serialised by
    PostgreSQL's advisory lock or, for a SQLite file, by a lock file beside it.
    """
    with _THREADS, _file_lock(engine):
        for attempt in range(_ATTEMPTS):
            try:
                with engine.begin() as connection:
                    if connection.dialect.name == "postgresql":
                        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                                           {"key": _MIGRATION_LOCK})
                    _upgrade(connection)
                return
            except DBAPIError:
                if attempt == _ATTEMPTS - 1:
                    raise


@contextmanager
def _file_lock(engine: Engine) -> Iterator[None]:
    database = engine.url.database if engine.dialect.name == "sqlite" else None
    if not database or database == ":memory:":
        yield
        return
    with open(f"{database}.migrate-lock", "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _upgrade(connection: Connection) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


_COLUMNS = [c.name for c in trend_records.columns if c.name != "id"]


def _copy(connection: Connection, rows: list[dict[str, object]]) -> int:
    """PostgreSQL's COPY (several times faster than multi-row INSERTs for a batch) into a
    temporary table, then one INSERT that skips event ids the store already holds."""
    lines = [",".join(_csv_field(row[name]) for name in _COLUMNS) for row in rows]
    buffer = io.StringIO("\n".join(lines) + "\n")
    columns = ", ".join(_COLUMNS)
    connection.exec_driver_sql(
        f"CREATE TEMPORARY TABLE IF NOT EXISTS trend_records_incoming ON COMMIT DELETE ROWS "
        f"AS SELECT {columns} FROM trend_records WITH NO DATA")
    cursor = connection.connection.cursor()
    try:
        cursor.copy_expert(f"COPY trend_records_incoming ({columns}) FROM STDIN "
                           "WITH (FORMAT csv)", buffer)
    finally:
        cursor.close()
    result = connection.exec_driver_sql(
        f"INSERT INTO trend_records ({columns}) SELECT {columns} FROM trend_records_incoming "
        "ON CONFLICT (event_id) DO NOTHING")
    connection.exec_driver_sql("DELETE FROM trend_records_incoming")  # a later batch, same
    return result.rowcount                                            # transaction: empty


def _sqlite_insert(connection: Connection, rows: list[dict[str, object]]) -> int:
    """One prepared INSERT for the batch, with dates in SQLAlchemy's SQLite storage format
    (skipping its per-value processing, the larger part of a batch's cost); an event id the
    store already holds is skipped."""
    def stored(value: object) -> object:
        if isinstance(value, datetime):
            return value.strftime("%Y-%m-%d %H:%M:%S.%f")
        return value.isoformat() if isinstance(value, date) else value

    before = connection.connection.total_changes
    connection.exec_driver_sql(
        f"INSERT INTO trend_records ({', '.join(_COLUMNS)}) "
        f"VALUES ({', '.join('?' for _ in _COLUMNS)}) ON CONFLICT (event_id) DO NOTHING",
        [tuple(stored(row[name]) for name in _COLUMNS) for row in rows])
    return connection.connection.total_changes - before


def _csv_field(value: object) -> str:
    """CSV for COPY: NULL is an unquoted empty field, every value is quoted."""
    if value is None:
        return ""
    return '"' + str(value).replace('"', '""') + '"'


def _sqlite_pragmas(connection, _record) -> None:  # noqa: ANN001 - DB-API connection
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")      # the broker writes while a report reads
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA secure_delete=ON")      # blanked texts do not stay in free pages
    cursor.close()


@dataclass(frozen=True)
class Forget:
    """Blank the texts of one conversation of one day (the resident asked to erase it)."""

    conversation: str
    day: date


def _insert(connection: Connection, records: list[TrendRecord]) -> int:
    rows = list({record.event_id or id(record): record.row() for record in records}.values())
    if not rows:
        return 0
    if connection.dialect.name == "postgresql":
        return _copy(connection, rows)
    if connection.dialect.name == "sqlite":
        return _sqlite_insert(connection, rows)
    return connection.execute(trend_records.insert(), rows).rowcount


def _forget(connection: Connection, conversation: str, day: date) -> int:
    return connection.execute(
        update(trend_records)
        .where(trend_records.c.conversation == conversation, trend_records.c.day == day)
        .values(text=None)).rowcount


class Upkeep:
    """What follows the writes of a day: when a new day starts, roll up the one before (so
    reports need not scan its records later) and blank the texts past the retention."""

    def __init__(self, store: TrendStore, text_retention_days: int) -> None:
        self.store = store
        self.text_retention_days = text_retention_days
        self._purged_on: date | None = None

    def after(self, today: date, guarded: Callable[..., Any]) -> None:
        """After a batch whose newest record is of ``today``; ``guarded(action, *args)`` runs
        each step so a failing one is logged, not raised (reports roll up what is missing)."""
        if self._purged_on is not None and today > self._purged_on:
            guarded(self.store.roll_up, self._purged_on, today - timedelta(days=1))
        if self._purged_on is None or today > self._purged_on:
            before = today - timedelta(days=self.text_retention_days)
            # The first purge covers everything; later ones only the days newly out of retention.
            since = (self._purged_on - timedelta(days=self.text_retention_days)
                     if self._purged_on else None)
            self._purged_on = today
            guarded(self.store.purge_texts, before, since)


class TrendStore:
    """Writes records: the broker's writer thread, the trend consumer and the demo generator."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def add(self, records: Iterable[TrendRecord]) -> int:
        """Insert the records; one whose event id the store holds already is skipped (a record
        delivered twice is stored once). Returns how many were new."""
        with self.engine.begin() as connection:
            return _insert(connection, list(records))

    def write(self, items: Iterable[TrendRecord | Forget]) -> int:
        """Records and erasures in their order, in one transaction: all of them or none (the
        trend consumer acknowledges its messages only after this returns). Returns how many
        records were new."""
        added, pending, forgot = 0, [], False
        with self.engine.begin() as connection:
            for item in items:
                if isinstance(item, TrendRecord):
                    pending.append(item)
                    continue
                added += _insert(connection, pending)
                pending = []
                _forget(connection, item.conversation, item.day)
                forgot = True
            added += _insert(connection, pending)
        if forgot:
            checkpoint_wal(self.engine)
        return added

    def forget_texts(self, conversation: str, day: date) -> int:
        """Blank the texts of one conversation of one day (the resident asked to erase it).

        The write-ahead log still holds the pages as they were; the checkpoint removes them."""
        with self.engine.begin() as connection:
            count = _forget(connection, conversation, day)
        checkpoint_wal(self.engine)
        return count

    def purge_texts(self, before: date, since: date | None = None) -> int:
        """Blank texts older than the retention: labels stay for the statistics.

        ``since``: only days from then on (the writer purges one new day at a time).
        """
        where = [trend_records.c.day < before, trend_records.c.text.is_not(None)]
        if since is not None:
            where.append(trend_records.c.day >= since)
        with self.engine.begin() as connection:
            result = connection.execute(update(trend_records).where(*where).values(text=None))
        if result.rowcount:
            checkpoint_wal(self.engine)  # the blanked texts' old pages leave the log too
        return result.rowcount

    def roll_up(self, start: date, end: date) -> int:
        """Refresh the daily roll-ups of [start, end] (see ``trends.rollup``)."""
        return refresh(self.engine, start, end)

    def clear(self) -> None:
        """Empty the store (the demo generator refills its own store from scratch)."""
        with self.engine.begin() as connection:
            for table in (trend_records, trend_daily, trend_rollup_days):
                connection.execute(delete(table))

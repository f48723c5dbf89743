"""Retention jobs: ``python -m runtime.maintenance purge`` enforces every retention rule at once.

Run it from cron or a systemd timer, on one host or on several at the same moment: every delete
is idempotent and runs in short transactions, so two runs share the work instead of colliding.
It prints counts only, never personal data. The stores come from the active profile
(``PROFILE=production`` for the shared PostgreSQL stores), as for ``make run``.

Rules enforced:
  vault values      idle longer than ``privacy.vault_idle_minutes``
  closed hand-offs  older than ``privacy.handoff_retention_days``
  tracker events    older than ``retention.tracker_days`` (Rasa's ``events`` table)
  trend texts       older than ``trends.text_retention_days`` (blanked; labels stay for statistics)
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections.abc import Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import URL, Engine
from sqlalchemy.exc import SQLAlchemyError

from privacy.at_rest import checkpoint_wal, private_umask
from runtime import profiles
from runtime.bootstrap import server_env
from settings.core import (
    SETTINGS_FILE,
    SettingsError,
    load_settings,
    read_section,
    read_settings_file,
)

_VARIABLE = re.compile(r"\$\{(\w+)\}")


@dataclass(frozen=True)
class RetentionSettings:
    tracker_days: float
    batch_size: int


def load_retention_settings(
    path: Path = SETTINGS_FILE, env: Mapping[str, str] | None = None
) -> RetentionSettings:
    """The ``retention`` section; ``DH_RETENTION_<NAME>`` environment variables override it."""
    env = os.environ if env is None else env
    section = read_settings_file(path).get("retention")
    if not isinstance(section, dict):
        raise SettingsError(f"{path} has no 'retention' section")
    settings = read_section(RetentionSettings, section, env, "DH_RETENTION_", path)
    if settings.tracker_days <= 0 or settings.batch_size < 1:
        raise SettingsError("retention: tracker_days > 0 and batch_size ≥ 1")
    return settings


def tracker_store_url(endpoints: Path, env: Mapping[str, str]) -> str | URL | None:
    """The SQL URL of Rasa's tracker store in ``endpoints`` (``${…}`` from ``env``), if SQL."""
    raw = yaml.safe_load(endpoints.read_text(encoding="utf-8")) or {}
    config = raw.get("tracker_store") or {}
    if "SQLTrackerStore" not in str(config.get("type", "")) and config.get("type") != "sql":
        return None

    def value(key: str) -> str | None:
        item = config.get(key)
        return None if item is None else _VARIABLE.sub(lambda m: env[m.group(1)], str(item))

    dialect = value("dialect") or "sqlite"
    if dialect == "sqlite":
        return f"sqlite:///{value('db') or 'rasa.db'}"
    port = value("port")
    return URL.create(
        dialect, username=value("username"), password=value("password"), host=value("url"),
        port=int(port) if port else None, database=value("db"))


def purge_tracker_events(engine: Engine, before: float, batch_size: int) -> int:
    """Delete ``events`` rows stamped before ``before`` (epoch seconds), a batch per transaction.

    PostgreSQL skips rows another purge holds locked (it deletes them itself); SQLite lets one
    writer in at a time and waits for the other (busy timeout).
    """
    if not inspect(engine).has_table("events"):
        return 0  # Rasa has not stored a conversation yet
    skip_locked = " FOR UPDATE SKIP LOCKED" if engine.dialect.name == "postgresql" else ""
    statement = text(
        "DELETE FROM events WHERE id IN (SELECT id FROM events WHERE timestamp < :before "
        f"ORDER BY id LIMIT :batch{skip_locked})")
    deleted = 0
    while True:
        with engine.begin() as connection:
            count = connection.execute(statement, {"before": before, "batch": batch_size}).rowcount
        deleted += max(count, 0)
        if count < batch_size:
            if deleted:
                checkpoint_wal(engine)  # old events leave a write-ahead log too
            return deleted


def open_engine(url: str | URL) -> Engine:
    is_sqlite = str(url).startswith("sqlite")
    connect_args: dict[str, Any] = {"timeout": 30} if is_sqlite else {"connect_timeout": 10}
    return create_engine(url, future=True, connect_args=connect_args)


def purge_privacy() -> dict[str, int]:
    """Vault idle expiry and closed hand-offs (privacy.services), with their counts."""
    from privacy.services import open_privacy_services

    services = open_privacy_services(purge=False)
    try:
        return services.purge()
    finally:
        services.engine.dispose()


def purge_trend_texts(today: datetime | None = None) -> int:
    """Blank trend texts older than ``trends.text_retention_days``; the labels stay."""
    from trends.settings import load_trend_settings
    from trends.store import TrendStore, make_engine

    settings = load_trend_settings()
    today = today or datetime.now(ZoneInfo(settings.timezone))
    engine = make_engine(settings.database_url)
    try:
        before = today.date() - timedelta(days=settings.text_retention_days)
        return TrendStore(engine).purge_texts(before)
    finally:
        engine.dispose()


def purge(env: dict[str, str] | None = None, now: float | None = None) -> dict[str, int]:
    """Every retention rule, on the active profile's stores; returns counts per rule."""
    env = os.environ if env is None else env  # type: ignore[assignment]
    profile = profiles.activate(env)  # type: ignore[arg-type]
    settings = load_settings(env=env)
    retention = load_retention_settings(env=env)
    counts = purge_privacy()
    url = tracker_store_url(profile.endpoints, {**env, **server_env(settings, env)})
    counts["tracker_events"] = 0
    if url is not None:
        engine = open_engine(url)
        try:
            cutoff = (time.time() if now is None else now) - retention.tracker_days * 86400
            counts["tracker_events"] = purge_tracker_events(engine, cutoff, retention.batch_size)
        finally:
            engine.dispose()
    counts["trend_texts"] = purge_trend_texts()
    return counts


@contextmanager
def _clear_errors() -> Any:
    try:
        yield
    except SettingsError as error:
        raise SystemExit(f"error: {error}") from None
    except SQLAlchemyError as error:  # the message names the store, never stored data
        reason = type(getattr(error, "orig", None) or error).__name__
        raise SystemExit(f"error: a store is not reachable or failed ({reason})") from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m runtime.maintenance", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("purge", help="enforce every retention rule once and print the counts")
    parser.parse_args(argv)
    private_umask()  # a store it creates (first run) is the service account's alone
    with _clear_errors():
        counts = purge()
    for rule, count in counts.items():
        print(f"{rule}: {count}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Retention jobs: settings, the tracker store URL per profile, and two purges at once."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from runtime.maintenance import load_retention_settings, tracker_store_url
from runtime.profiles import load_profile
from settings.core import PROJECT_ROOT, SettingsError
from tests.postgres import postgres_or_skip

OLD_EVENTS, NEW_EVENTS = 1200, 7
PG = "postgresql://postgres@127.0.0.1:5432"


def test_retention_settings_from_file_and_environment():
    assert load_retention_settings(env={}).tracker_days == 30
    assert load_retention_settings(env={"DH_RETENTION_TRACKER_DAYS": "2"}).tracker_days == 2
    with pytest.raises(SettingsError, match="tracker_days"):
        load_retention_settings(env={"DH_RETENTION_TRACKER_DAYS": "0"})


def test_tracker_store_url_follows_the_profile(tmp_path: Path):
    embedded = load_profile({})
    url = tracker_store_url(embedded.endpoints, {"DH_DATA_DIR": str(tmp_path)})
    assert url == f"sqlite:///{tmp_path}/tracker.db"
    production = load_profile({"PROFILE": "production", "DH_PG_DATABASE": "dh_x"})
    url = tracker_store_url(production.endpoints, production.env)
    assert url.render_as_string() == "postgresql://postgres@127.0.0.1:5432/dh_x"
    assert production.env["DH_PRIVACY_DATABASE_URL"] == f"{PG}/dh_x"


def _seed(env: dict[str, str], tracker_url: str) -> None:
    """Old and recent tracker events and trend texts, in the stores the profile names."""
    from rasa.shared.core.domain import Domain

    from bot.tracker_store import ErasableSQLTrackerStore
    from trends.store import TrendRecord, TrendStore, make_engine

    if tracker_url.startswith("sqlite"):
        store = ErasableSQLTrackerStore(Domain.empty(), dialect="sqlite",
                                        db=tracker_url[len("sqlite:///"):])
    else:
        store = ErasableSQLTrackerStore(Domain.empty(), dialect="postgresql", host="127.0.0.1",
                                        port=5432, username="postgres",
                                        db=tracker_url.rsplit("/", 1)[1], login_db="postgres")
    store.engine.dispose()
    old, new = time.time() - 40 * 86400, time.time() - 3600
    engine = create_engine(tracker_url, future=True)
    with engine.begin() as connection:
        connection.execute(
            text("INSERT INTO events (sender_id, type_name, timestamp, data) "
                 "VALUES (:sender, 'user', :at, '{}')"),
            [{"sender": f"s{i % 50}", "at": old + i} for i in range(OLD_EVENTS)]
            + [{"sender": "recent", "at": new + i} for i in range(NEW_EVENTS)])
    engine.dispose()
    trends = make_engine(env["DH_TRENDS_DATABASE_URL"])
    long_ago = datetime.now() - timedelta(days=400)
    TrendStore(trends).add(
        [TrendRecord(hour_start=long_ago, kind="message", conversation="c1", text="[PERSOON_1]"),
         TrendRecord(hour_start=datetime.now(), kind="message", conversation="c2", text="hoi")])
    trends.dispose()


def _two_purges(env: dict[str, str]) -> list[dict[str, int]]:
    runs = [subprocess.Popen([sys.executable, "-m", "runtime.maintenance", "purge"],
                             cwd=PROJECT_ROOT, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
            for _ in range(2)]
    results = []
    for run in runs:
        out, err = run.communicate(timeout=300)
        assert run.returncode == 0, err
        results.append({k: int(v) for k, v in (line.split(": ") for line in out.splitlines())})
    return results


def _check(env: dict[str, str], tracker_url: str) -> None:
    results = _two_purges(env)
    assert {*results[0]} == {"vault_values", "closed_handoffs", "case_codes", "reveals",
                             "case_lookups", "tracker_events", "trend_texts"}
    assert sum(r["tracker_events"] for r in results) == OLD_EVENTS
    assert sum(r["trend_texts"] for r in results) == 1
    engine = create_engine(tracker_url, future=True)
    with engine.connect() as connection:
        left = connection.execute(text("SELECT sender_id, count(*) FROM events GROUP BY 1"))
        assert dict(left.all()) == {"recent": NEW_EVENTS}
    engine.dispose()
    trends = create_engine(env["DH_TRENDS_DATABASE_URL"], future=True)
    with trends.connect() as connection:
        rows = connection.execute(text("SELECT conversation, text FROM trend_records")).all()
    trends.dispose()
    assert sorted(rows) == [("c1", None), ("c2", "hoi")]  # the old label stays, its text not
    assert _two_purges(env)[0]["tracker_events"] == 0  # idempotent


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DH_", "PROFILE"))}
    return {**env, "DH_RETENTION_BATCH_SIZE": "25", **extra}


@pytest.mark.slow
def test_two_purges_at_once_on_sqlite(tmp_path: Path):
    env = _env(DH_DATA_DIR=str(tmp_path),
               DH_TRENDS_DATABASE_URL=f"sqlite:///{tmp_path}/trends.db")
    url = f"sqlite:///{tmp_path}/tracker.db"
    _seed(env, url)
    _check(env, url)


@pytest.fixture()
def postgres_database() -> Iterator[str]:
    """The name of a fresh database on the local PostgreSQL server, dropped afterwards."""
    databases = postgres_or_skip()
    try:
        yield databases.create().rsplit("/", 1)[1]
    finally:
        databases.drop_all()


@pytest.mark.slow
def test_two_purges_at_once_on_postgresql(tmp_path: Path, postgres_database: str):
    env = _env(PROFILE="production", DH_PG_DATABASE=postgres_database, DH_DATA_DIR=str(tmp_path))
    env.update(load_profile(env).env)
    url = f"{PG}/{postgres_database}"
    _seed(env, url)
    _check(env, url)

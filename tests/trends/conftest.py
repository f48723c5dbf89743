"""Trend fixtures: a store on SQLite and on PostgreSQL (fresh database per session), and one
small deterministic demo data set every report test shares."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine

from tests.postgres import PostgresDatabases
from trends.disclosure import DisclosureRules
from trends.settings import TrendSettings, load_trend_settings
from trends.store import TrendStore, make_engine
from trends.tables import metadata
from trends.vocabulary import Vocabulary, load_vocabulary

NOW = datetime(2026, 11, 30, 12, 0)  # the fixed "now" of the demo data and golden report


@pytest.fixture(scope="session")
def trend_settings(tmp_path_factory: pytest.TempPathFactory) -> TrendSettings:
    return load_trend_settings(env={}, data_dir=tmp_path_factory.mktemp("trends-data"))


@pytest.fixture(scope="session")
def vocabulary(trend_settings: TrendSettings) -> Vocabulary:
    return load_vocabulary(trend_settings.areas_file, trend_settings.topics_file)


@pytest.fixture(scope="session")
def rules() -> DisclosureRules:
    return DisclosureRules(min_count=10, rounding_base=5, protection_width=2)


@pytest.fixture(scope="session")
def postgres_url(postgres: PostgresDatabases) -> str:
    """The database the store tests share (emptied after each test)."""
    return postgres.create("dh_trends")


@pytest.fixture(params=["sqlite", "postgresql"], name="store_url")
def store_url_fixture(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty trend store on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'data' / 'trends.db'}"
        return
    url = request.getfixturevalue("postgres_url")
    yield url
    cleaner = create_engine(url, future=True)
    with cleaner.begin() as connection:
        for table in metadata.sorted_tables:
            connection.execute(text(f"DROP TABLE IF EXISTS {table.name}"))
        connection.execute(text("DROP TABLE IF EXISTS trends_alembic_version"))
    cleaner.dispose()


@pytest.fixture
def engine(store_url: str) -> Iterator[Engine]:
    engine = make_engine(store_url)
    yield engine
    engine.dispose()


@pytest.fixture
def store(engine: Engine) -> TrendStore:
    return TrendStore(engine)


DEMO = {"months": 4, "seed": 7, "per_day": 25.0}


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def demo_engine(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
                vocabulary: Vocabulary) -> Iterator[Engine]:
    """The same small demo data set (fixed seed, fixed now) on each backend, filled once."""
    from trends.demo import fill_demo_store

    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'trends-demo.db'}"
    else:
        url = request.getfixturevalue("postgres").create()
    engine = make_engine(url)
    fill_demo_store(TrendStore(engine), vocabulary, NOW, **DEMO)
    yield engine
    engine.dispose()

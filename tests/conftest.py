"""Shared fixtures. Heavy things (servers, models) are session-scoped and built once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.referrals import Referrals, load_referrals
from bot.settings import PROJECT_ROOT
from tests.postgres import PostgresDatabases, postgres_or_skip


@pytest.fixture(scope="session")
def project_root() -> Path:
    return PROJECT_ROOT


@pytest.fixture(scope="session")
def domain() -> dict[str, Any]:
    return yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def referrals() -> Referrals:
    return load_referrals()


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresDatabases]:
    """Throwaway PostgreSQL databases; skips with the reason when the server cannot be used."""
    databases = postgres_or_skip()
    try:
        yield databases
    finally:
        databases.drop_all()

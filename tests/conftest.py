"""Shared fixtures. Heavy things (servers, models) are session-scoped and built once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.referrals import Referrals, load_referrals
from bot.settings import PROJECT_ROOT


@pytest.fixture(scope="session")
def project_root() -> Path:
    return PROJECT_ROOT


@pytest.fixture(scope="session")
def domain() -> dict[str, Any]:
    return yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def referrals() -> Referrals:
    return load_referrals()

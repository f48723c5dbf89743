from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from rasa_sdk import Tracker

from bot.settings import PROJECT_ROOT

DATA = Path(__file__).parent / "data"


def load_tracker(name: str) -> Tracker:
    state = json.loads((DATA / name).read_text(encoding="utf-8"))
    return Tracker.from_dict(state)


@pytest.fixture(scope="session")
def domain_dict() -> dict:
    return yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))

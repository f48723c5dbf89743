from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from rasa_sdk import Tracker

from settings.core import PROJECT_ROOT

DATA = Path(__file__).parent / "data"


def load_tracker(name: str) -> Tracker:
    state = json.loads((DATA / name).read_text(encoding="utf-8"))
    return Tracker.from_dict(state)


@pytest.fixture(scope="session")
def domain_dict() -> dict:
    return yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))


@pytest.fixture
def privacy(tmp_path, monkeypatch):
    """Real privacy services (SQLite, key file) under a temporary data dir, handed to the actions
    the way the action server's composition root does."""
    from actions import context
    from runtime.bootstrap import action_context, load_app_settings

    monkeypatch.setenv("DH_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("DH_PRIVACY_KEY", raising=False)
    monkeypatch.delenv("DH_PRIVACY_DATABASE_URL", raising=False)
    provided = action_context(load_app_settings())
    context.provide(provided)
    yield provided.services
    context.provide(None)
    provided.services.engine.dispose()


def make_tracker(sender: str = "resident-1", text: str = "", **slots) -> Tracker:
    """A tracker as the action server receives it: redacted text, slots, an active form."""
    return Tracker(
        sender_id=sender,
        slots=slots,
        latest_message={"text": text, "intent": {"name": "affirm", "confidence": 1.0},
                        "entities": []},
        events=[],
        paused=False,
        followup_action=None,
        active_loop={"name": "handoff_form"},
        latest_action_name="action_listen",
    )

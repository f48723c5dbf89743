"""Test conversations: every rule is exercised, and Rasa predicts every turn right."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import yaml

from runtime.bootstrap import server_env
from settings.core import PROJECT_ROOT, load_settings

STORIES = PROJECT_ROOT / "tests" / "stories"


def _turns(steps: list[dict]) -> list[tuple[str, object]]:
    """Intents, actions and loop changes of a story or rule, without slot bookkeeping."""
    turns = []
    for step in steps:
        for key in ("intent", "action", "active_loop"):
            if key in step:
                turns.append((key, step[key]))
    return turns


def _contains(haystack: list, needle: list) -> bool:
    return any(haystack[i : i + len(needle)] == needle for i in range(len(haystack)))


def test_every_rule_is_exercised_by_a_test_conversation():
    rules = yaml.safe_load((PROJECT_ROOT / "nlu_data/conversations/rules.yml").read_text())["rules"]
    stories = [
        _turns(s["steps"])
        for path in STORIES.glob("*.yml")
        for s in yaml.safe_load(path.read_text())["stories"]
    ]
    missing = [
        r["rule"] for r in rules if not any(_contains(s, _turns(r["steps"])) for s in stories)
    ]
    assert missing == []


@pytest.mark.e2e
def test_conversations_pass_with_fail_on_prediction_errors(tmp_path):
    settings = load_settings(env={})
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "rasa",
            "test",
            "core",
            "--model",
            str(settings.model_path),
            "--stories",
            str(STORIES),
            "--fail-on-prediction-errors",
            "--out",
            str(tmp_path),
        ],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "RASA_TELEMETRY_ENABLED": "false", **server_env(settings)},
    )
    failed = tmp_path / "failed_test_stories.yml"
    detail = (
        failed.read_text() if failed.exists() else result.stdout[-3000:] + result.stderr[-3000:]
    )
    assert result.returncode == 0, detail

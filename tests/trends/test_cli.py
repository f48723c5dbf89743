"""``python -m trends``: demo data, report into the portal's folder, review YAML, bad input."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from settings.core import PROJECT_ROOT
from trends.__main__ import main


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DH_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("DH_PORTAL_REPORTS_DIR", str(tmp_path / "reports"))
    for name in ("DH_TRENDS_DATABASE_URL", "DH_TRENDS_DEMO_DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def test_demo_data_then_report_into_the_portal_folder(env, capsys):
    assert main(["demo-data", "--months", "2", "--per-day", "10", "--now",
                 "2026-11-30T12:00"]) == 0
    assert (env / "data" / "trends-demo.db").exists()
    assert not (env / "data" / "trends.db").exists()  # the real store is never touched
    assert main(["report", "--demo", "--from", "2026-11-01", "--to", "2026-11-30",
                 "--by", "week", "--by", "wijk"]) == 0
    files = sorted(p.name for p in (env / "reports").iterdir())
    assert files == ["trends-demo-2026-11-01-2026-11-30-week-wijk.csv",
                     "trends-demo-2026-11-01-2026-11-30-week-wijk.html"]
    from portal.report_views import list_reports  # what analysts will see in the portal

    assert {r["name"] for r in list_reports(env / "reports")} == set(files)


def test_review_exports_rasa_nlu_yaml(env, tmp_path, capsys):
    main(["demo-data", "--months", "1", "--per-day", "10", "--now", "2026-11-30T12:00"])
    out = tmp_path / "review.yml"
    assert main(["review", "--demo", "--from", "2026-11-01", "--to", "2026-11-30",
                 "--max-confidence", "0.6", "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert data["version"] == "3.1"
    assert all(set(item) == {"intent", "examples"} for item in data["nlu"])
    examples = [line for line in text.splitlines() if line.startswith("    # - ")]
    assert examples and len(examples) == len(set(examples))  # deduplicated
    # commented out: nothing becomes training data before a trainer decides
    assert all(not e.strip() for item in data["nlu"] for e in item["examples"].splitlines()
               if not e.strip().startswith("#"))


def test_review_of_an_empty_period(env, capsys):
    assert main(["review", "--from", "2020-01-01", "--to", "2020-01-31"]) == 0
    assert yaml.safe_load(capsys.readouterr().out) == {"version": "3.1", "nlu": []}


@pytest.mark.parametrize("argv", [
    ["report", "--from", "2026-12-01", "--to", "2026-11-01"],
    ["report", "--from", "1-12-2026", "--to", "2026-12-31"],
    ["report", "--from", "0001-01-01", "--to", "9999-12-31"],
    ["report", "--from", "2026-01-01", "--to", "2026-11-30", "--by", "day"],
    ["report", "--from", "2026-01-01", "--to", "2026-11-30", "--by", "week", "--by", "month"],
    ["review", "--from", "2026-01-01", "--to", "2026-11-30", "--max-confidence", "7"],
    ["demo-data", "--months", "0"],
])
def test_bad_input_is_a_clear_error(env, argv, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("fout: ") and "Traceback" not in err


def test_bad_input_from_the_shell_exits_non_zero_without_a_stack_trace(env):
    result = subprocess.run(
        [sys.executable, "-m", "trends", "report", "--from", "2026-11-30", "--to", "2026-01-01"],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "ligt vóór" in result.stderr

"""The command-line contract other tools rely on, run as a real subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from settings.core import PROJECT_ROOT

pytestmark = pytest.mark.slow


def cli(*args: str, stdin: str = "", timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "redaction", *args], input=stdin, capture_output=True, text=True,
        cwd=PROJECT_ROOT, env={**os.environ}, timeout=timeout,
    )


def test_redact_jsonl_gives_offsets_into_the_original_text():
    lines = [
        {"text": "ik ben Fatima el Amrani, bel me op 06-12345678"},
        {"text": "ik heb schulden bij de Belastingdienst"},
        {"text": ""},
        {"text": "🙂 مرحبا 你好 \u0000\u0007"},
    ]
    result = cli("redact", "--jsonl", stdin="\n".join(json.dumps(x) for x in lines) + "\n")
    assert result.returncode == 0, result.stderr[-2000:]
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["text"] for o in out] == [x["text"] for x in lines]
    first = out[0]
    assert first["redacted"] == "ik ben <PERSOON_1>, bel me op <TELEFOONNUMMER_1>"
    spans = {first["text"][e["start"]:e["end"]]: e["type"] for e in first["entities"]}
    assert spans == {"Fatima el Amrani": "PERSON", "06-12345678": "PHONE_NUMBER"}
    assert all(set(e) == {"type", "start", "end", "score"} for e in first["entities"])
    assert out[1]["redacted"] == lines[1]["text"] and out[1]["entities"] == []


def test_bad_jsonl_lines_get_a_clear_error_and_the_rest_is_processed():
    result = cli("redact", "--jsonl", stdin='not json\n{"tekst": 1}\n{"text": "hoi"}\n')
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.returncode == 1
    assert [o.get("line") for o in out[:2]] == [1, 2] and "error" in out[0]
    assert out[2]["redacted"] == "hoi"


def test_scan_finds_personal_data_without_printing_it(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("mijn bsn is 111222333\nik heb schulden\n", encoding="utf-8")
    result = cli("scan", str(tmp_path))
    assert result.returncode == 1
    assert f"{notes}:1:" in result.stdout and "NL_BSN" in result.stdout
    assert "111222333" not in result.stdout


def test_nlu_data_holds_no_personal_data():
    # The whole training data (about 25,000 examples since round 13's sets were retired): three
    # minutes alone, past five beside the other test workers on a busy two-core machine.
    result = cli("scan", str(PROJECT_ROOT / "nlu_data"), timeout=900)
    assert result.returncode == 0, result.stdout[-3000:]


def test_scan_of_a_missing_path_is_a_clear_error():
    result = cli("scan", "/does/not/exist")
    assert result.returncode == 2 and "no such file" in result.stderr


@pytest.mark.parametrize(
    ("line", "content"),
    [
        ('version: "3.1"', ""),
        ("- intent: debt", ""),
        ("  note: ik ben Fatima", "ik ben Fatima"),
        ("nlu:", ""),
        ("  examples: |", ""),
        ("    - ik ben sanne", "ik ben sanne"),
        ("    - mijn bsn: 111222333", "mijn bsn: 111222333"),
    ],
)
def test_yaml_structure_is_not_scanned_only_values(line, content):
    from redaction.__main__ import content_of

    start, text = content_of(line, yaml_file=True)
    assert text == content and line[start:] == content


@pytest.mark.parametrize("line", [
    "      - action: utter_greet",
    "  - active_loop: handoff_form",
    "      - slot_was_set:",
    "  - rule: answer greet",
    "    steps:",
    "    condition:",
    "  # The normal answer stays; one short line follows it.",
])
def test_rules_and_stories_structure_is_not_scanned_as_resident_text(line: str) -> None:
    from redaction.__main__ import content_of

    assert content_of(line, yaml_file=True)[1] == ""


def test_examples_in_rules_and_stories_are_still_scanned() -> None:
    from redaction.__main__ import content_of

    assert content_of("      - user: |\n", yaml_file=True)[1].strip() == ""
    assert content_of("          ik ben Sanne de Vries", yaml_file=True)[1] == \
        "ik ben Sanne de Vries"

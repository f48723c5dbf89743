"""Issue 19, findings 7 and 9: what is on disk.

Erased conversation text must leave every file, SQLite's write-ahead logs included, within
seconds; and the data dir (password and session hashes, consents, the vault, the key) is the
service account's alone: folders 0700, files 0600, also what an older version left there.
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Iterator
from contextlib import closing
from datetime import datetime
from pathlib import Path

import pytest

from tests.e2e.conftest import Assistant, files_containing, running_system, texts
from tests.e2e.test_consent_handoff import (
    consent_and_give_phone,
    portal_counsellor,
    start_callback_for_debt,
)
from trends.store import TrendRecord, TrendStore, make_engine

WORD = "kanariepiet"  # no other test says it; plain words pass the redaction unchanged
SAID = f"ik heb schulden en mijn {WORD} zingt niet meer"


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Assistant]:
    """A system on a data dir an older version left open: 0755 folders, a 0644 file."""
    base = tmp_path_factory.mktemp("at-rest")
    old = base / "data" / "reports"
    old.mkdir(parents=True)
    (old / "old-report.csv").write_text("week,gesprekken\n")
    for path, mode in ((base / "data", 0o755), (old, 0o755), (old / "old-report.csv", 0o644)):
        os.chmod(path, mode)
    with running_system(base, DH_ACTIONS_TOKEN="") as running:  # the secret from the key
        yield running


def loose(folder: Path) -> dict[str, str]:
    """Paths in ``folder`` (itself included) that others could read: folders not 0700, files
    not 0600."""
    found = {}
    for path in [folder, *folder.rglob("*")]:
        mode = stat.S_IMODE(path.lstat().st_mode)
        expected = 0o700 if path.is_dir() else 0o600
        if mode != expected:
            found[str(path.relative_to(folder.parent))] = oct(mode)
    return found


@pytest.mark.e2e
def test_every_data_and_log_file_is_private_after_a_real_conversation(assistant):
    sender = assistant.new_sender()
    start_callback_for_debt(assistant, sender)
    assert "contact met je op" in texts(consent_and_give_phone(assistant, sender))
    with closing(portal_counsellor(assistant, "schuldhulp")) as counsellor:  # password, session
        assert counsellor.get("/api/handoffs").status_code == 200
    time.sleep(2)  # the trend broker writes a batch a second

    data = assistant.settings.data_dir
    names = {str(p.relative_to(data)) for p in data.rglob("*")}
    assert {"tracker.db", "privacy.db", "trends.db", "keys/privacy.key"} <= names, names
    assert loose(data) == {}
    assert loose(assistant.log_dir) == {}


def wait_for(condition, seconds: float = 15) -> bool:  # noqa: ANN001
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.5)
    return True


@pytest.mark.e2e
def test_erased_words_leave_every_file_within_seconds(assistant):
    data = assistant.settings.data_dir
    sender = assistant.new_sender()
    assistant.say(sender, SAID)
    assert wait_for(lambda: any(name.startswith("trends")
                                for name in files_containing(data, [WORD]))), (
        "the words reached the trend store", files_containing(data, [WORD]))
    assert any(name.startswith("tracker") for name in files_containing(data, [WORD]))

    assert "Wil je dat ik dit gesprek wis?" in texts(
        assistant.say(sender, "verwijder al mijn gegevens"))
    replies = texts(assistant.say(sender, "ja"))
    assert "gesprek gewist" in replies
    wait_for(lambda: files_containing(data, [WORD]) == {}, seconds=10)
    assert files_containing(data, [WORD]) == {}


@pytest.mark.parametrize("blank", ["forget_texts", "purge_texts"])
def test_blanked_trend_texts_leave_the_write_ahead_log(tmp_path, blank):
    engine = make_engine(f"sqlite:///{tmp_path / 'trends.db'}")
    store = TrendStore(engine)
    hour = datetime(2026, 11, 2, 10)
    store.add([TrendRecord(hour, "message", "c1", intent="debt", text=SAID),
               TrendRecord(hour, "message", "c2", intent="debt", text="ik heb schulden")])
    assert "trends.db-wal" in files_containing(tmp_path, [WORD]), "the log holds the text"

    if blank == "forget_texts":
        assert store.forget_texts("c1", hour.date()) == 1
    else:
        assert store.purge_texts(before=hour.date().replace(day=3)) == 2
    try:
        assert files_containing(tmp_path, [WORD]) == {}
    finally:
        engine.dispose()

"""The trend feed of the real running system: personal data typed into the REST channel never
reaches the trend store — only redacted text and labels do, and no sender id."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, select, text
from sqlalchemy.engine import Engine

from tests.e2e.conftest import Assistant
from trends.tables import trend_records

pytestmark = pytest.mark.e2e

# Synthetic values, as a resident would type them.
NAME, PHONE, EMAIL = "Fatima el Amrani", "06-12345678", "fatima.amrani@example.nl"
RAW = ["Fatima", "Amrani", PHONE, "12345678", EMAIL, "fatima.amrani"]
MESSAGES = [
    (f"ik ben {NAME} en ik heb nog een schuld van vorig jaar bij de Belastingdienst",
     {"wijk": "noord", "doelgroep": "ouder"}),
    # topic messages: "bel me op …" is a call-back request, and the form's answers are stored
    # as form answers without text
    (f"ik kom niet rond met mijn geld, mijn nummer is {PHONE}",
     {"wijk": "Noord", "doelgroep": "ouder"}),
    (f"mijn mail is {EMAIL}, ik kom elke maand geld tekort voor boodschappen",
     {"wijk": f"straat van {NAME}", "doelgroep": PHONE}),
]


def _store(assistant: Assistant) -> Engine:
    return create_engine(f"sqlite:///{assistant.settings.data_dir / 'trends.db'}", future=True)


def _everything(engine: Engine) -> list[tuple[str, str, object]]:
    """Every value of every column of every table in the trend store."""
    found = []
    with engine.connect() as connection:
        for table in inspect(connection).get_table_names():
            rows = connection.execute(text(f'SELECT * FROM "{table}"'))
            for row in rows:
                for column, value in row._mapping.items():
                    found.append((table, column, value))
    return found


def _wait_for(engine: Engine, condition, timeout: float = 20) -> list[dict]:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with engine.connect() as connection:
                rows = [dict(r._mapping) for r in connection.execute(select(trend_records))]
        except Exception:  # noqa: BLE001 - the broker may not have created the table yet
            rows = []
        if condition(rows) or time.monotonic() > deadline:
            return rows
        time.sleep(0.3)


def _has_all(rows: list[dict], first: str) -> bool:
    """This test's three messages are all in: the one with the e-mail placeholder too."""
    ours = {r["conversation"] for r in rows if r["text"] and first in r["text"]}
    return any(r["text"] and "<EMAIL_1>" in r["text"] and r["conversation"] in ours
               for r in rows)


def _file_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.glob("trends.db*") if p.is_file())


def test_trend_store_holds_only_redacted_text_and_labels(assistant):
    sender = assistant.new_sender()
    for message, metadata in MESSAGES:
        status, replies = assistant.post({"sender": sender, "message": message,
                                          "metadata": metadata})
        assert status == 200, replies
    engine = _store(assistant)
    # The shared system holds other tests' conversations too: find this one by its first text.
    first = "schuld van vorig jaar bij de Belastingdienst"
    rows = _wait_for(engine, lambda rows: _has_all(rows, first))
    conversation = next(r["conversation"] for r in rows if r["text"] and first in r["text"])
    mine = [r for r in rows
            if r["kind"] == "message" and r["text"] and r["conversation"] == conversation]
    assert len(mine) == 3, mine  # one conversation, one day
    assert any(r["kind"] == "session" and r["conversation"] == conversation for r in rows)
    assert all(r["intent"] and r["confidence_band"] is not None for r in mine)
    assert [(r["wijk"], r["doelgroep"]) for r in mine] == [("Noord", "ouder"), ("Noord", "ouder"),
                                                           (None, None)]
    assert all(r["channel"] == "rest" for r in mine)
    assert "Belastingdienst" in mine[0]["text"]

    values = _everything(engine)
    assert {table for table, _, _ in values} >= {"trend_records", "trends_alembic_version"}
    leaks = [(table, column, value) for table, column, value in values
             if isinstance(value, str) and any(raw in value for raw in RAW + [sender])]
    assert leaks == [], leaks
    raw = _file_bytes(assistant.settings.data_dir)
    assert raw, "the trend store is a SQLite file in the data dir"
    for value in RAW + [sender]:
        assert value.encode() not in raw, f"{value!r} is somewhere in the trend store's files"
    engine.dispose()


def test_erasing_a_conversation_blanks_its_texts_in_the_trend_store(assistant):
    sender = assistant.new_sender()
    marker = "wordt gepest door de buurjongens in het trappenhuis"  # no other test says this
    assistant.say(sender, f"mijn zoon heet Daan de Jong en {marker}")
    engine = _store(assistant)
    rows = _wait_for(engine, lambda rows: any(r["text"] and marker in r["text"] for r in rows))
    conversation = next(r["conversation"] for r in rows if r["text"] and marker in r["text"])
    assistant.say(sender, "/confirm_delete")
    rows = _wait_for(engine, lambda rows: all(
        not r["text"] for r in rows if r["conversation"] == conversation))
    own = [r for r in rows if r["conversation"] == conversation]
    assert own and all(r["text"] is None for r in own)
    assert any(r["intent"] for r in own), "the labels stay: they count, they tell nothing"
    engine.dispose()

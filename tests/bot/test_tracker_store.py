"""Erasing a conversation on request, in Rasa's own SQL tracker store on a real SQLite file."""

from __future__ import annotations

import asyncio

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    BotUttered,
    Restarted,
    SessionStarted,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from bot.tracker_store import ErasableSQLTrackerStore
from settings.core import PROJECT_ROOT

DOMAIN = Domain.load(str(PROJECT_ROOT / "domain.yml"))


@pytest.fixture
def store(tmp_path):
    return ErasableSQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=str(tmp_path / "t.db"))


def conversation(sender: str, text: str) -> DialogueStateTracker:
    tracker = DialogueStateTracker(sender, DOMAIN.slots)
    for event in (
        ActionExecuted("action_session_start"), SessionStarted(),
        ActionExecuted("action_listen"), UserUttered(text, {"name": "debt", "confidence": 1.0}),
        BotUttered("Schulden geven veel zorgen."), ActionExecuted("action_listen"),
    ):
        tracker.update(event)
    return tracker


def stored_texts(store: ErasableSQLTrackerStore, sender: str) -> list[str]:
    tracker = asyncio.run(store.retrieve_full_tracker(sender))
    return [getattr(e, "text", None) or "" for e in (tracker.events if tracker else [])]


def test_saving_without_a_request_keeps_everything(store):
    tracker = conversation("a", "ik heb schulden bij <PERSOON_1>")
    asyncio.run(store.save(tracker))
    tracker.update(UserUttered("nog een vraag", {"name": "debt", "confidence": 1.0}))
    asyncio.run(store.save(tracker))
    assert "ik heb schulden bij <PERSOON_1>" in stored_texts(store, "a")
    assert "nog een vraag" in stored_texts(store, "a")


@pytest.mark.parametrize("earlier_sessions", [0, 1, 2])
def test_delete_request_erases_every_stored_event_of_the_conversation(store, earlier_sessions):
    for session in range(earlier_sessions):
        asyncio.run(store.save(conversation("a", f"oude sessie {session} <TELEFOONNUMMER_1>")))
    tracker = conversation("a", "mijn schuld bij <PERSOON_1> is groot")
    asyncio.run(store.save(tracker))
    asyncio.run(store.save(conversation("b", "andere inwoner")))

    tracker.update(UserUttered("verwijder mijn gegevens", {"name": "delete_my_data"}))
    tracker.update(ActionExecuted("action_delete_my_data"))
    tracker.update(BotUttered("Ik heb dit gesprek gewist."))
    tracker.update(ActionExecuted("action_restart"))
    tracker.update(Restarted())
    tracker.update(ActionExecuted("action_listen"))
    asyncio.run(store.save(tracker))

    kept = stored_texts(store, "a")
    assert kept == ["Ik heb dit gesprek gewist.", "", "", ""]
    assert "andere inwoner" in stored_texts(store, "b"), "other conversations stay"


def test_erased_text_is_not_left_in_the_database_file(store, tmp_path):
    tracker = conversation("a", "het gaat over <PERSOON_1> en zijn schulden bij de Belastingdienst")
    asyncio.run(store.save(tracker))
    assert b"Belastingdienst" in (tmp_path / "t.db").read_bytes()
    tracker.update(ActionExecuted("action_delete_my_data"))
    tracker.update(Restarted())
    asyncio.run(store.save(tracker))
    assert b"Belastingdienst" not in (tmp_path / "t.db").read_bytes(), "no VACUUM needed"


def test_erased_text_is_not_left_in_a_write_ahead_log(tmp_path):
    """WAL mode is a property of the file (an operator's tool may have set it): the log keeps
    the erased pages until a checkpoint, which the erasure itself runs."""
    import sqlite3

    sqlite3.connect(tmp_path / "w.db").execute("PRAGMA journal_mode=WAL").fetchone()
    store = ErasableSQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=str(tmp_path / "w.db"))
    reader = sqlite3.connect(tmp_path / "w.db")  # another process: the log stays on disk
    reader.execute("SELECT count(*) FROM events").fetchone()
    try:
        tracker = conversation("a", "mijn schuld bij de Belastingdienst")
        asyncio.run(store.save(tracker))
        assert any(b"Belastingdienst" in path.read_bytes() for path in tmp_path.iterdir())
        tracker.update(ActionExecuted("action_delete_my_data"))
        tracker.update(Restarted())
        asyncio.run(store.save(tracker))
        holding = [p.name for p in tmp_path.iterdir() if b"Belastingdienst" in p.read_bytes()]
        assert holding == []
    finally:
        reader.close()
        store.engine.dispose()



def test_conversation_continues_normally_after_erasure(store):
    tracker = conversation("a", "eerste vraag")
    tracker.update(ActionExecuted("action_delete_my_data"))
    tracker.update(Restarted())
    asyncio.run(store.save(tracker))

    again = asyncio.run(store.retrieve("a"))
    again.update(UserUttered("nieuwe vraag", {"name": "stress"}))
    asyncio.run(store.save(again))
    assert stored_texts(store, "a")[-1] == "nieuwe vraag"
    assert "eerste vraag" not in stored_texts(store, "a")


def test_database_errors_do_not_log_event_data_or_sender_ids(store):
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    with store.engine.connect() as connection, pytest.raises(DBAPIError) as error:
        connection.execute(
            text("INSERT INTO no_such_table VALUES (:sender)"), {"sender": "resident-4711"})
    assert "resident-4711" not in str(error.value)


class RecordingBroker:
    def __init__(self) -> None:
        self.published: list[dict] = []

    def publish(self, event: dict) -> None:
        self.published.append(event)


@pytest.mark.parametrize("earlier_sessions", [0, 1])
def test_the_broker_gets_each_new_event_once_without_reloading_the_tracker(
        tmp_path, earlier_sessions):
    """Each save streams exactly the events not stored before (as Rasa's diff would), and
    never replays the stored conversation to find them."""
    broker = RecordingBroker()
    store = ErasableSQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=str(tmp_path / "t.db"),
                                    event_broker=broker)
    tracker = conversation("a", "ik heb schulden")
    for _ in range(earlier_sessions):
        tracker.update(ActionExecuted("action_session_start"))
        tracker.update(SessionStarted())
    asyncio.run(store.save(tracker))
    first = len(broker.published)
    assert first == len(tracker.events)
    tracker = asyncio.run(store.retrieve("a"))  # as Rasa holds it: the current session

    async def no_reload(*args, **kwargs):
        raise AssertionError("the stored tracker was reloaded")

    store.retrieve = no_reload
    store._retrieve = no_reload
    tracker.update(UserUttered("nog een vraag", {"name": "debt", "confidence": 1.0}))
    tracker.update(BotUttered("Fijn dat je het vraagt."))
    asyncio.run(store.save(tracker))
    assert [e.get("text") for e in broker.published[first:]] == [
        "nog een vraag", "Fijn dat je het vraagt."]
    assert all(e["sender_id"] == "a" for e in broker.published)

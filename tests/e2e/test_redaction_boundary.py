"""Personal data typed into the REST channel never reaches Rasa's tracker store or logs."""

from __future__ import annotations

import sqlite3

import pytest

from tests.e2e.conftest import texts

pytestmark = pytest.mark.e2e

# Synthetic values (valid checksums), as a resident would type them.
MESSAGES = [
    ("ik ben Fatima el Amrani en ik heb schulden bij de Belastingdienst",
     ["Fatima", "Amrani"]),
    ("mijn bsn is 111222333 en mijn nummer is 06-12345678", ["111222333", "12345678"]),
    ("ik woon op de Kerkstraat 12a, 1234 AB en mijn rekening is NL91ABNA0417164300",
     ["Kerkstraat 12a", "1234 AB", "NL91ABNA0417164300"]),
    ("mail me op fatima.amrani@example.nl, groetjes sanne", ["fatima.amrani@example.nl", "sanne"]),
]


def _stored_texts(database, sender: str) -> str:
    with sqlite3.connect(database) as connection:
        rows = connection.execute(
            "SELECT data FROM events WHERE sender_id = ?", (sender,)
        ).fetchall()
    return "\n".join(data for (data,) in rows)


def test_tracker_store_and_logs_hold_only_redacted_text(assistant):
    sender = assistant.new_sender()
    for message, _ in MESSAGES:
        assistant.say(sender, message)
    stored = _stored_texts(assistant.settings.data_dir / "tracker.db", sender)
    assert "<PERSOON_1>" in stored and "<TELEFOONNUMMER_1>" in stored and "<BSN_1>" in stored
    logs = "\n".join(p.read_text(errors="replace") for p in assistant.log_dir.glob("*.log"))
    for _, values in MESSAGES:
        for value in values:
            assert value not in stored, f"{value!r} reached the tracker store"
            assert value not in logs, f"{value!r} reached a server log"
    assert "Belastingdienst" in stored, "organisations survive redaction"


def test_same_value_keeps_its_placeholder_within_a_conversation(assistant):
    sender = assistant.new_sender()
    assistant.say(sender, "mijn zoon heet Daan de Jong")
    assistant.say(sender, "Daan de Jong wordt gepest op school")
    stored = _stored_texts(assistant.settings.data_dir / "tracker.db", sender)
    assert stored.count("<PERSOON_1>") >= 2 and "<PERSOON_2>" not in stored


def test_redacted_message_is_still_understood(assistant):
    """The placeholder does not hide the topic: debt is answered, or offered as a choice when a
    greeting and a topic in one message leave the classifier unsure (which of the two it does
    shifts with every retraining; that it is one of them does not)."""
    replies = assistant.say(assistant.new_sender(),
                            "hoi ik ben Kees Bakker en ik heb heel veel schulden")
    offered = {b["title"] for r in replies for b in r.get("buttons", [])}
    assert "Schulden" in texts(replies) or "Schulden" in offered


def test_too_long_message_is_refused_kindly_and_not_stored(assistant):
    sender = assistant.new_sender()
    status, replies = assistant.post({"sender": sender, "message": "Fatima el Amrani " * 500})
    assert status == 200
    assert "te lang" in texts(replies)
    assert "Amrani" not in _stored_texts(assistant.settings.data_dir / "tracker.db", sender)


@pytest.mark.parametrize("path", ["/status", "/conversations/someone/tracker", "/model/parse"])
def test_rasa_http_api_is_not_served(assistant, path):
    import urllib.error
    import urllib.request

    url = f"http://{assistant.settings.host}:{assistant.settings.rasa_port}{path}"
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(url, timeout=10)
    assert error.value.code in (404, 405)


def test_page_context_reaches_the_tracker_only_when_plain(assistant):
    sender = assistant.new_sender()
    status, _ = assistant.post({
        "sender": sender, "message": "ik heb schulden",
        "metadata": {"wijk": "Centrum", "naam": "Fatima el Amrani", "doelgroep": "06-12345678"},
    })
    assert status == 200
    stored = _stored_texts(assistant.settings.data_dir / "tracker.db", sender)
    assert '"wijk": "Centrum"' in stored
    assert "Amrani" not in stored and "12345678" not in stored


def test_the_safety_check_of_the_original_reaches_rasa_as_two_plain_values(assistant):
    """Issue 18: checked before redaction, passed on as an intent name and a strength only."""
    sender = assistant.new_sender()
    replies = assistant.say(sender, "Ik ben Fatima el Amrani en ik wil niet meer leven")
    assert "0800-0113" in texts(replies)
    stored = _stored_texts(assistant.settings.data_dir / "tracker.db", sender)
    assert '"safety_signal": "crisis_suicide"' in stored
    assert '"safety_strength": "clear"' in stored
    assert "Amrani" not in stored


def test_a_client_cannot_send_a_safety_signal_of_its_own(assistant):
    sender = assistant.new_sender()
    status, replies = assistant.post({
        "sender": sender, "message": "ik heb een vraag over de huurtoeslag",
        "metadata": {"safety_signal": "domestic_violence", "safety_strength": "clear"},
    })
    assert status == 200
    assert "0800-2000" not in texts(replies)
    assert "safety_signal" not in _stored_texts(assistant.settings.data_dir / "tracker.db", sender)

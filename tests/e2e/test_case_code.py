"""The case code: shown once when a hand-off is queued, and the way back to it from a later chat.

Over the real REST channel, Rasa, action server and databases: the code reaches the resident's
screen and nowhere else (no file of the data dir or the logs, not Rasa's tracker store); in a
new conversation it shows what is stored and withdraws the hand-off through the same deletion
path; wrong codes are throttled; a closed hand-off is explained instead of withdrawn.
"""

from __future__ import annotations

import re
import secrets
import sqlite3

import pytest

from privacy.reveals import MARKER
from privacy.settings import load_privacy_settings
from redaction.case_codes import ALPHABET, canonical, check_symbol, shown
from tests.e2e.conftest import files_containing, open_privacy, payloads, texts
from tests.e2e.test_consent_handoff import PHONE, consent_and_give_phone, start_callback_for_debt

pytestmark = pytest.mark.e2e
CODE = re.compile(r"\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\b")


def hand_off_and_get_code(assistant) -> tuple[str, str]:
    sender = assistant.new_sender()
    start_callback_for_debt(assistant, sender)
    done = texts(consent_and_give_phone(assistant, sender))
    found = CODE.search(done)
    assert found, f"the confirmation shows the case code: {done}"
    assert MARKER not in done
    return sender, found.group()


def spellings(code: str) -> list[str]:
    return [code, code.replace("-", ""), code.lower(), code.replace("-", " ")]


def tracker_rows(assistant, sender: str) -> str:
    with sqlite3.connect(assistant.settings.data_dir / "tracker.db") as connection:
        rows = connection.execute("SELECT data FROM events WHERE sender_id = ?",
                                  (sender,)).fetchall()
    return "\n".join(data for (data,) in rows)


def unknown_code() -> str:
    """A well-formed code that was never handed out (digits and letters, like every code)."""
    body = "Z98" + "".join(secrets.choice(ALPHABET) for _ in range(8))
    return shown(body + check_symbol(body))


def test_a_new_conversation_withdraws_the_hand_off_with_the_code(assistant, referrals):
    first, code = hand_off_and_get_code(assistant)
    assert canonical(code), "a code with a valid check symbol"
    privacy = open_privacy(assistant.settings)
    first_conversation = privacy.pseudonym(first)
    (handoff,) = privacy.queue.for_conversation(first_conversation)
    assert MARKER in tracker_rows(assistant, first) and code not in tracker_rows(assistant, first)

    later = assistant.new_sender()  # the first chat is over: another tab, another day
    shown_case = assistant.say(later, f"ik wil mijn aanvraag intrekken {code.lower()}")
    told = texts(shown_case)
    service = referrals.services["schuldhulp"]["naam"]
    assert "Dit is bewaard over je vraag" in told and service in told
    assert f"eindigt op {PHONE[-2:]}" in told and PHONE not in told, "the number, partly masked"
    assert "ochtend" in told and "Mag ik je vraag doorgeven?" in told, "moment and consent text"
    assert {"ja", "nee"} <= payloads(shown_case)
    assert privacy.queue.get(handoff.id) is not None, "nothing is withdrawn before the yes"

    withdrawn = texts(assistant.say(later, "ja"))
    assert "ingetrokken" in withdrawn and service in withdrawn
    assert privacy.queue.for_conversation(first_conversation) == []
    answers = [c.answer for c in privacy.consents.for_conversation(first_conversation)]
    assert answers == ["given", "withdrawn"]
    (deleted,) = privacy.deletions.for_conversation(first_conversation)
    assert deleted.reason == "withdrawn" and deleted.categories == ("handoff:schuldhulp",)
    assert privacy.case_codes.outcomes(privacy.pseudonym(later)) == [
        "found", "found", "withdrawn"]

    again = texts(assistant.say(assistant.new_sender(), code))
    assert "Die zaakcode vind ik niet" in again, "a withdrawn hand-off takes its code along"

    stored = tracker_rows(assistant, later)
    assert "<ZAAKCODE_1>" in stored and not any(s in stored for s in spellings(code))
    for folder in (assistant.settings.data_dir, assistant.log_dir):
        assert files_containing(folder, spellings(code)) == {}, "the code is in no file"


def test_keeping_the_hand_off_leaves_it_queued(assistant):
    first, code = hand_off_and_get_code(assistant)
    later = assistant.new_sender()
    assistant.say(later, f"mijn zaakcode is {code}, wat weten jullie van mij?")
    kept = texts(assistant.say(later, "nee"))
    assert "blijft staan" in kept
    privacy = open_privacy(assistant.settings)
    assert len(privacy.queue.for_conversation(privacy.pseudonym(first))) == 1
    assert privacy.vault.categories(later) == [], "the typed code has done its work"


def test_a_closed_hand_off_is_explained_not_withdrawn(assistant):
    first, code = hand_off_and_get_code(assistant)
    privacy = open_privacy(assistant.settings)
    (handoff,) = privacy.queue.for_conversation(privacy.pseudonym(first))
    privacy.queue.claim(handoff.id, "counsellor-1")
    privacy.queue.close(handoff.id, "counsellor-1")

    told = assistant.say(assistant.new_sender(), code.replace("-", ""))
    assert "afgerond" in texts(told) and "Bel" in texts(told)
    assert "ja" not in payloads(told), "nothing to withdraw, so no question"
    assert privacy.queue.get(handoff.id).status == "closed"


def test_wrong_codes_are_throttled_per_conversation(assistant):
    _, code = hand_off_and_get_code(assistant)
    guesser = assistant.new_sender()
    tries = load_privacy_settings(
        env={"DH_DATA_DIR": str(assistant.settings.data_dir)}).case_code_tries_per_conversation
    for _ in range(tries):
        assert "vind ik niet" in texts(assistant.say(guesser, f"code {unknown_code()}"))
    refused = texts(assistant.say(guesser, code))
    assert "te veel verkeerde zaakcodes" in refused and "Dit is bewaard" not in refused
    assert "Dit is bewaard" in texts(assistant.say(assistant.new_sender(), code))

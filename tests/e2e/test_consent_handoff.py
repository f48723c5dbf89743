"""Consent, deletion and hand-off through the real REST channel, Rasa and action server.

Contact details a resident types are redacted at the boundary; the original goes to the
encrypted vault and only reaches the referral queue (encrypted) after an explicit yes.
"""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing

import httpx
import pytest

from tests.e2e.conftest import files_containing, open_privacy, payloads, texts

pytestmark = pytest.mark.e2e

PHONE = "06-48392107"
PHONE_FORMS = ["06-48392107", "0648392107", "48392107"]
NAME = ["Fatima", "Amrani"]
EMAIL = "f.elamrani@example.nl"


def start_callback_for_debt(assistant, sender: str) -> None:
    """Debt help, contact wanted, "laat iemand mij bellen" - up to the age question."""
    assistant.say(sender, "ik heb schulden en de deurwaarder belt steeds")
    assistant.say(sender, "/affirm")
    replies = assistant.say(sender, "/request_callback")
    assert "16 jaar of ouder" in texts(replies)


def consent_and_give_phone(assistant, sender: str) -> list[dict]:
    assistant.say(sender, "ja")  # 16 or older
    question = assistant.say(sender, "ja")  # consent
    assert {"telefoon", "e-mail"} <= payloads(question)
    assert "telefoonnummer" in texts(assistant.say(sender, "telefoon"))
    moment = assistant.say(sender, f"mijn nummer is {PHONE}")
    assert "ochtend" in payloads(moment)
    summary = assistant.say(sender, "ochtend")
    assert "Hulpvraag over schulden" in texts(summary)
    return assistant.say(sender, "ja")


def portal_counsellor(assistant, team: str) -> httpx.Client:
    """A counsellor account for ``team`` (made as the CLI makes it), signed in to the portal."""
    from portal.accounts import Accounts
    from portal.audit import AuditLog
    from portal.db import open_portal_engine
    from privacy.settings import load_privacy_settings

    engine = open_portal_engine(load_privacy_settings(
        env={"DH_DATA_DIR": str(assistant.settings.data_dir)}))
    name = f"counsellor-{team}"
    Accounts(engine, AuditLog(engine)).add(
        name, "counsellor", "lang-genoeg-wachtwoord-1", [team], actor="e2e-setup")
    client = httpx.Client(base_url=assistant.portal_url, timeout=30)
    page = client.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    response = client.post("/login", data={
        "name": name, "password": "lang-genoeg-wachtwoord-1", "csrf_token": token})
    assert response.status_code == 303, response.text[:300]
    client.headers["X-CSRF-Token"] = client.get("/api/me").json()["csrf_token"]
    return client


def test_consent_question_explains_what_whom_why_and_how_long(assistant, referrals):
    sender = assistant.new_sender()
    start_callback_for_debt(assistant, sender)
    question = texts(assistant.say(sender, "ja"))
    assert referrals.services["schuldhulp"]["naam"] in question
    for part in ("telefoonnummer", "dagen", "nee zeggen", "Mag ik je vraag doorgeven?"):
        assert part in question
    registered = open_privacy(assistant.settings).consents.for_conversation(
        open_privacy(assistant.settings).pseudonym(sender))
    assert registered == [], "nothing is registered before the resident answers"


def test_consent_yes_queues_a_hand_off_with_encrypted_contact_details(assistant, referrals):
    sender = assistant.new_sender()
    start_callback_for_debt(assistant, sender)
    done = texts(consent_and_give_phone(assistant, sender))
    assert referrals.services["schuldhulp"]["naam"] in done and "contact met je op" in done

    privacy = open_privacy(assistant.settings)
    conversation = privacy.pseudonym(sender)
    (handoff,) = privacy.queue.for_conversation(conversation)
    assert handoff.team == "schuldhulp" and handoff.contact_way == "telefoon"
    assert privacy.queue.get(handoff.id, reveal=True).contact == PHONE
    (consent,) = privacy.consents.for_conversation(conversation)
    assert consent.answer == "given" and consent.id == handoff.consent_id
    assert files_containing(assistant.settings.data_dir, PHONE_FORMS) == {}, (
        "the number is encrypted at rest, also with consent")

    with closing(portal_counsellor(assistant, "schuldhulp")) as counsellor:
        queue = counsellor.get("/api/handoffs").json()
        listed = [h for h in queue["new"] if h["id"] == handoff.id]
        assert listed and PHONE not in str(listed), "the queue shows no contact details"
        claimed = counsellor.post(f"/api/handoffs/{handoff.id}/claim")
        assert claimed.status_code == 200, claimed.text
        seen = counsellor.get(f"/api/handoffs/{handoff.id}").json()
        assert PHONE in str(seen), "the claiming counsellor sees the number"
        assert "schulden" in str(seen) and "ochtend" in str(seen)


def test_consent_no_deletes_personal_data_and_still_gives_the_public_route(
    assistant, referrals
):
    sender = assistant.new_sender()
    # Personal data in topic messages (a message of only a name, number and address reads as a
    # call-back request since the retired sets taught it, and would start the form at once).
    assistant.say(sender, "hallo, ik ben Fatima el Amrani")
    assistant.say(sender, f"ik kom niet rond met mijn geld, mijn nummer is {PHONE}")
    assistant.say(sender, f"mijn mail is {EMAIL}, ik kom elke maand geld tekort voor boodschappen")
    assistant.say(sender, "ik heb schulden")
    assistant.say(sender, "/affirm")
    assistant.say(sender, "/request_callback")
    assistant.say(sender, "ja")
    replies = texts(assistant.say(sender, "nee"))

    assert "Ik geef niets door" in replies
    assert "gewist" in replies and "je naam" in replies and "je telefoonnummer" in replies
    assert referrals.services["schuldhulp"]["telefoon"] in replies, "help without consent"
    privacy = open_privacy(assistant.settings)
    assert privacy.vault.categories(sender) == []
    assert privacy.queue.for_conversation(privacy.pseudonym(sender)) == []
    assert files_containing(
        assistant.settings.data_dir, [*NAME, *PHONE_FORMS, EMAIL, "elamrani"]) == {}
    assert files_containing(assistant.log_dir, [*NAME, *PHONE_FORMS, EMAIL]) == {}


def test_withdrawal_after_hand_off_removes_it_and_tells_the_resident(assistant):
    sender = assistant.new_sender()
    start_callback_for_debt(assistant, sender)
    consent_and_give_phone(assistant, sender)
    privacy = open_privacy(assistant.settings)
    assert len(privacy.queue.for_conversation(privacy.pseudonym(sender))) == 1

    replies = texts(assistant.say(sender, "ik trek mijn toestemming in"))
    assert "ingetrokken" in replies and "aanmelding bij Schuldhulpverlening" in replies
    assert privacy.queue.for_conversation(privacy.pseudonym(sender)) == []
    answers = [c.answer for c in privacy.consents.for_conversation(privacy.pseudonym(sender))]
    assert answers == ["given", "withdrawn"]


def test_delete_my_data_in_the_middle_of_the_form_erases_the_conversation(
    assistant, referrals
):
    sender = assistant.new_sender()
    start_callback_for_debt(assistant, sender)
    assistant.say(sender, "ja")
    assistant.say(sender, "ja")
    assistant.say(sender, "telefoon")
    assistant.say(sender, f"{PHONE}")

    question = assistant.say(sender, "verwijder al mijn gegevens")
    assert "Wil je dat ik dit gesprek wis?" in texts(question)
    assert "/confirm_delete" in payloads(question)
    privacy = open_privacy(assistant.settings)
    assert privacy.vault.categories(sender) != [], "nothing is wiped before the resident confirms"

    replies = texts(assistant.say(sender, "ja"))
    assert "gesprek gewist" in replies and "je telefoonnummer" in replies
    assert "digitale assistent" in replies, "a fresh conversation starts"
    assert privacy.vault.categories(sender) == []
    with sqlite3.connect(assistant.settings.data_dir / "tracker.db") as connection:
        stored = [row[0] for row in connection.execute(
            "SELECT data FROM events WHERE sender_id = ?", (sender,))]
    assert not any("deurwaarder" in data or "TELEFOONNUMMER" in data for data in stored)
    assert not any('"event": "user"' in data for data in stored), "no resident message is kept"
    again = texts(assistant.say(sender, "ik heb schulden"))
    assert referrals.services["schuldhulp"]["telefoon"] in again, "referral details are back"


def test_a_declined_deletion_keeps_the_hand_off_and_the_conversation(assistant):
    """A message misread as "delete my data" must not cost the resident a consented hand-off."""
    sender = assistant.new_sender()
    start_callback_for_debt(assistant, sender)
    consent_and_give_phone(assistant, sender)
    privacy = open_privacy(assistant.settings)
    queued = privacy.queue.for_conversation(privacy.pseudonym(sender))
    assert len(queued) == 1

    assert "Wil je dat ik dit gesprek wis?" in texts(
        assistant.say(sender, "verwijder mijn gegevens"))
    assert "ik wis niets" in texts(assistant.say(sender, "nee"))
    assert privacy.queue.for_conversation(privacy.pseudonym(sender)) == queued
    answers = [c.answer for c in privacy.consents.for_conversation(privacy.pseudonym(sender))]
    assert answers == ["given"], "no withdrawal was registered"
    with sqlite3.connect(assistant.settings.data_dir / "tracker.db") as connection:
        stored = [row[0] for row in connection.execute(
            "SELECT data FROM events WHERE sender_id = ?", (sender,))]
    assert any("deurwaarder" in data for data in stored), "the conversation is kept"


def test_under_16_is_offered_the_youth_routes_and_never_asked_for_contact(
    assistant, referrals
):
    sender = assistant.new_sender()
    assistant.say(sender, "ik word gepest op school")
    assistant.say(sender, "/request_callback")
    replies = texts(assistant.say(sender, "nee, ik ben 14"))
    assert "0800-0432" in replies and referrals.services["cjg"]["naam"] in replies
    assert "telefoonnummer?" not in replies
    privacy = open_privacy(assistant.settings)
    assert privacy.consents.for_conversation(privacy.pseudonym(sender)) == []


def test_stay_anonymous_wipes_what_was_typed(assistant):
    sender = assistant.new_sender()
    assistant.say(sender, f"ik ben Fatima el Amrani en mijn nummer is {PHONE}")
    replies = texts(assistant.say(sender, "ik wil liever anoniem blijven"))
    assert "anoniem" in replies and "gewist" in replies
    assert open_privacy(assistant.settings).vault.categories(sender) == []

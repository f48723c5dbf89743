"""The referral queue: encrypted contact details, the status steps, withdrawal and retention."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.engine import Engine

from privacy.cipher import Cipher, DecryptionError
from privacy.queue import STATUSES, Handoff, HandoffError, HandoffQueue
from privacy.tables import handoffs
from tests.privacy.handoff.backends import is_sqlite, raw_leaks, sqlite_file_bytes
from tests.privacy.handoff.conftest import Clock

CONVERSATION = "4f1c2d9e8b7a6f5e4d3c2b1a0f9e8d7c"
CONTACTS = [("telefoon", "06-12345678"), ("e-mail", "fatima.elamrani@voorbeeld.nl")]


def _create(
    queue: HandoffQueue, conversation: str = CONVERSATION, team: str = "schuldhulpverlening",
    contact_way: str = "telefoon", contact: str = "06-12345678",
) -> Handoff:
    return queue.create(
        conversation=conversation, team=team, topics=["debt", "money_worries"],
        contact_way=contact_way, contact=contact, preferred_moment="dinsdagochtend",
        summary="Je hebt schulden en wilt hulp. Je wilt gebeld worden op dinsdagochtend.",
        consent_id="c0ffee00c0ffee00c0ffee00c0ffee00",
    )


def _to_status(
    queue: HandoffQueue, handoff_id: str, status: str, counsellor: str = "anouk"
) -> None:
    steps = {"claimed": [queue.claim], "contacted": [queue.claim, queue.mark_contacted],
             "closed": [queue.claim, queue.mark_contacted, queue.close]}.get(status, [])
    for step in steps:
        step(handoff_id, counsellor)


@pytest.mark.parametrize(("contact_way", "contact"), CONTACTS)
def test_contact_details_are_stored_encrypted_and_shown_only_on_request(
    queue: HandoffQueue, engine: Engine, clock: Clock, contact_way: str, contact: str
) -> None:
    created = _create(queue, contact_way=contact_way, contact=contact)
    assert created.contact == ""
    assert (created.status, created.claimed_by, created.closed_at) == ("new", None, None)
    assert created.created_at == created.updated_at == clock.now
    assert created.topics == ("debt", "money_worries")
    assert queue.get(created.id).contact == ""
    assert queue.get(created.id, reveal=True).contact == contact
    assert [h.contact for h in queue.list()] == [""]
    assert [h.contact for h in queue.for_conversation(CONVERSATION)] == [""]
    assert raw_leaks(engine, [contact, contact.replace("-", "")]) == []
    if is_sqlite(engine):
        assert contact.encode() not in sqlite_file_bytes(engine)


def test_a_contact_moved_to_another_hand_off_does_not_decrypt(
    queue: HandoffQueue, engine: Engine
) -> None:
    mine = _create(queue, contact="06-12345678")
    other = _create(queue, conversation="1" * 32, contact="06-87654321")
    with engine.begin() as connection:
        stolen = connection.execute(select(handoffs.c.contact_encrypted).where(
            handoffs.c.id == mine.id)).scalar_one()
        connection.execute(update(handoffs).where(handoffs.c.id == other.id).values(
            contact_encrypted=stolen))
    with pytest.raises(DecryptionError):
        queue.get(other.id, reveal=True)
    assert len(queue.list()) == 2, "listing never decrypts"


def test_another_key_cannot_reveal(queue: HandoffQueue, engine: Engine) -> None:
    created = _create(queue)
    with pytest.raises(DecryptionError):
        HandoffQueue(engine, Cipher(bytes(32))).get(created.id, reveal=True)


@pytest.mark.parametrize("contact_way", ["whatsapp", "Telefoon", "", "post"])
def test_an_unknown_contact_way_is_refused(
    queue: HandoffQueue, engine: Engine, contact_way: str
) -> None:
    with pytest.raises(HandoffError, match="contact way"):
        _create(queue, contact_way=contact_way)
    assert _count(engine) == 0


@pytest.mark.parametrize("contact", ["", "   ", "\n\t"])
def test_a_hand_off_without_contact_details_is_refused(
    queue: HandoffQueue, engine: Engine, contact: str
) -> None:
    with pytest.raises(HandoffError, match="contact details"):
        _create(queue, contact=contact)
    assert _count(engine) == 0


def _count(engine: Engine) -> int:
    with engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(handoffs)).scalar_one()


def test_list_filters_by_team_status_and_counsellor_oldest_first(
    queue: HandoffQueue, clock: Clock
) -> None:
    debt_new = _create(queue, team="schuldhulpverlening")
    clock.tick()
    youth = _create(queue, team="cjg")
    clock.tick()
    debt_mine = _create(queue, team="schuldhulpverlening")
    clock.tick()
    debt_theirs = _create(queue, team="schuldhulpverlening")
    queue.claim(debt_mine.id, "anouk")
    queue.claim(debt_theirs.id, "bram")
    queue.mark_contacted(debt_theirs.id, "bram")

    def ids(**filters: object) -> list[str]:
        return [h.id for h in queue.list(**filters)]  # type: ignore[arg-type]

    assert ids() == [debt_new.id, youth.id, debt_mine.id, debt_theirs.id]
    assert ids(team="cjg") == [youth.id]
    assert ids(team="schuldhulpverlening", statuses=["new"]) == [debt_new.id]
    assert ids(statuses=["claimed", "contacted"]) == [debt_mine.id, debt_theirs.id]
    assert ids(statuses=iter(["contacted"])) == [debt_theirs.id]
    assert ids(claimed_by="anouk") == [debt_mine.id]
    assert ids(team="cjg", claimed_by="anouk") == []
    assert ids(statuses=[]) == []


def test_the_whole_way_from_new_to_closed(queue: HandoffQueue, clock: Clock) -> None:
    created = _create(queue)
    claimed = queue.claim(created.id, "anouk")
    assert (claimed.status, claimed.claimed_by) == ("claimed", "anouk")
    assert claimed.updated_at == clock.now
    clock.tick(hours=2)
    contacted = queue.mark_contacted(created.id, "anouk")
    assert (contacted.status, contacted.updated_at, contacted.closed_at) == (
        "contacted", clock.now, None)
    clock.tick(days=1)
    closed = queue.close(created.id, "anouk")
    assert (closed.status, closed.claimed_by, closed.closed_at) == ("closed", "anouk", clock.now)
    assert closed.created_at == created.created_at


def test_a_claimed_hand_off_can_be_closed_without_contact(queue: HandoffQueue) -> None:
    created = _create(queue)
    queue.claim(created.id, "anouk")
    assert queue.close(created.id, "anouk").status == "closed"


WRONG_STEPS = [
    ("new", "mark_contacted"), ("new", "close"),
    ("claimed", "claim"),
    ("contacted", "claim"), ("contacted", "mark_contacted"),
    ("closed", "claim"), ("closed", "mark_contacted"), ("closed", "close"),
]


@pytest.mark.parametrize(("status", "step"), WRONG_STEPS)
def test_steps_out_of_order_are_refused(queue: HandoffQueue, status: str, step: str) -> None:
    created = _create(queue)
    _to_status(queue, created.id, status)
    before = queue.get(created.id)
    with pytest.raises(HandoffError, match="cannot go from"):
        getattr(queue, step)(created.id, "anouk")
    assert queue.get(created.id) == before


@pytest.mark.parametrize(("status", "step"), [
    ("claimed", "mark_contacted"), ("claimed", "close"), ("contacted", "close"),
])
def test_only_the_claiming_counsellor_moves_a_hand_off_on(
    queue: HandoffQueue, status: str, step: str
) -> None:
    created = _create(queue)
    _to_status(queue, created.id, status, counsellor="anouk")
    with pytest.raises(HandoffError, match="claimed by someone else"):
        getattr(queue, step)(created.id, "bram")
    assert queue.get(created.id).status == status


@pytest.mark.parametrize("step", ["claim", "mark_contacted", "close"])
def test_an_unknown_hand_off_is_an_error(queue: HandoffQueue, step: str) -> None:
    with pytest.raises(HandoffError, match="not found"):
        getattr(queue, step)("0" * 32, "anouk")
    assert queue.get("0" * 32) is None


def test_two_counsellors_claiming_at_once_one_wins(queue: HandoffQueue) -> None:
    created = _create(queue)
    start = threading.Barrier(4)

    def claim(counsellor: str) -> str:
        start.wait(timeout=10)
        try:
            return queue.claim(created.id, counsellor).claimed_by or ""
        except HandoffError:
            return "lost"

    with ThreadPoolExecutor(4) as pool:
        outcomes = list(pool.map(claim, ["anouk", "bram", "chantal", "dewi"]))
    assert outcomes.count("lost") == 3
    winner = next(o for o in outcomes if o != "lost")
    assert queue.get(created.id).claimed_by == winner


@pytest.mark.parametrize("status", STATUSES)
def test_withdrawal_removes_every_hand_off_not_closed(queue: HandoffQueue, status: str) -> None:
    mine = _create(queue)
    _to_status(queue, mine.id, status)
    closed_before = _create(queue)
    _to_status(queue, closed_before.id, "closed")
    others = _create(queue, conversation="1" * 32)
    removed = queue.withdraw(CONVERSATION)
    assert removed == (0 if status == "closed" else 1)
    remaining = {h.id for h in queue.list()}
    assert remaining == ({mine.id} if status == "closed" else set()) | {closed_before.id, others.id}
    assert queue.withdraw(CONVERSATION) == 0


@pytest.mark.parametrize(("closed_ago", "purged"), [
    (timedelta(days=29, hours=23), False),
    (timedelta(days=30), False),
    (timedelta(days=30, seconds=1), True),
    (timedelta(days=400), True),
])
def test_purge_removes_hand_offs_closed_longer_than_the_retention(
    queue: HandoffQueue, clock: Clock, closed_ago: timedelta, purged: bool
) -> None:
    closed = _create(queue)
    _to_status(queue, closed.id, "closed")
    waiting = {status: _create(queue) for status in ("new", "claimed", "contacted")}
    for status, handoff in waiting.items():
        _to_status(queue, handoff.id, status)
    clock.now += closed_ago
    assert queue.purge_closed(timedelta(days=30)) == (1 if purged else 0)
    assert (queue.get(closed.id) is None) == purged
    assert all(queue.get(h.id) is not None for h in waiting.values()), "only closed ones go"


def test_delete_removes_one_hand_off(queue: HandoffQueue) -> None:
    first, second = _create(queue), _create(queue)
    assert queue.delete(first.id) is True
    assert queue.delete(first.id) is False
    assert [h.id for h in queue.list()] == [second.id]


CET = timezone(timedelta(hours=1), "CET")


def test_a_clock_in_local_time_stores_the_same_instants(
    engine: Engine, handoff_key: bytes
) -> None:
    """SQLite keeps no zone: a local time must be stored as UTC, or it comes back an hour off."""
    clock = Clock()
    clock.now = datetime(2026, 11, 30, 10, 0, tzinfo=CET)
    queue = HandoffQueue(engine, Cipher(handoff_key), clock=clock)
    created = _create(queue)
    assert queue.get(created.id).created_at == datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
    _to_status(queue, created.id, "closed")
    clock.now += timedelta(days=30, minutes=30)
    assert queue.purge_closed(timedelta(days=30)) == 1


@pytest.mark.parametrize("recipient", ["schuldhulp", "jongerenwerk"])
def test_a_hand_off_for_a_consent_goes_to_the_recipient_of_that_row(
    queue: HandoffQueue, consents, recipient: str
) -> None:
    consent = consents.record(
        conversation=CONVERSATION, purpose="contact opnemen", recipient=recipient,
        data_categories=["telefoonnummer"], question=f"Mag ik je vraag doorgeven aan {recipient}?",
        question_version="2026-11-30", answer="given",
    )
    handoff = queue.create_for_consent(
        consent, topics=["debt"], contact_way="telefoon", contact="06-12345678",
        preferred_moment="ochtend", summary="Hulpvraag over schulden.")
    assert (handoff.team, handoff.conversation, handoff.consent_id) == (
        recipient, CONVERSATION, consent.id)


@pytest.mark.parametrize("answer", ["refused", "withdrawn"])
def test_no_hand_off_for_a_consent_that_is_not_a_yes(
    queue: HandoffQueue, consents, answer: str
) -> None:
    consent = consents.record(
        conversation=CONVERSATION, purpose="contact opnemen", recipient="schuldhulp",
        data_categories=["telefoonnummer"], question="Mag ik je vraag doorgeven?",
        question_version="2026-11-30", answer=answer,
    )
    with pytest.raises(HandoffError):
        queue.create_for_consent(
            consent, topics=["debt"], contact_way="telefoon", contact="06-12345678",
            preferred_moment="ochtend", summary="Hulpvraag over schulden.")
    assert queue.list() == []

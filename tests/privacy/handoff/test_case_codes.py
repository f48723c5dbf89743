"""Case codes: found again from any spelling, kept only as a keyed hash, guessing throttled."""

from __future__ import annotations

import secrets
from datetime import timedelta

import pytest

from privacy.case_codes import CaseCodes, Throttle
from privacy.queue import HandoffQueue
from redaction.case_codes import canonical
from tests.privacy.handoff.backends import stored_text

ASKER = "pseudonym-of-a-later-chat"


@pytest.fixture
def codes(engine, clock) -> CaseCodes:
    return CaseCodes(engine, secrets.token_bytes(32), Throttle(3, 5, timedelta(hours=1)),
                     clock=clock)


def _handoff(queue: HandoffQueue, conversation: str = "conv-a") -> str:
    return queue.create(
        conversation=conversation, team="schuldhulp", topics=["debt"], contact_way="telefoon",
        contact="0612345678", preferred_moment="ochtend", summary="Hulpvraag over schulden.",
        consent_id="c1").id


def test_a_code_finds_its_hand_off_however_it_is_typed(codes, queue, engine):
    handoff_id = _handoff(queue)
    code = codes.issue(handoff_id)
    assert canonical(code), "the code carries a valid check symbol"
    for typed in (code, code.lower(), code.replace("-", ""), code.replace("-", " ")):
        assert codes.find(typed, ASKER).handoff_id == handoff_id
    plain = stored_text(engine)
    assert code not in plain and code.replace("-", "") not in plain, "only a keyed hash is kept"


def test_two_hand_offs_get_two_codes(codes, queue):
    first, second = _handoff(queue, "conv-a"), _handoff(queue, "conv-b")
    code_a, code_b = codes.issue(first), codes.issue(second)
    assert code_a != code_b
    assert codes.find(code_b, ASKER).handoff_id == second


def test_a_code_of_another_key_finds_nothing(codes, queue, engine, clock):
    code = codes.issue(_handoff(queue))
    other = CaseCodes(engine, secrets.token_bytes(32), Throttle(3, 5, timedelta(hours=1)), clock)
    assert other.find(code, ASKER).outcome == "unknown"


def test_every_look_up_is_logged_without_the_code(codes, queue, engine):
    handoff_id = _handoff(queue)
    code = codes.issue(handoff_id)
    codes.find(code, ASKER)
    codes.find("ABCD-EFGH-JK12", ASKER)
    codes.record(ASKER, "withdrawn", handoff_id)
    assert codes.outcomes(ASKER) == ["found", "unknown", "withdrawn"]
    assert "ABCD" not in stored_text(engine)


def test_wrong_codes_are_throttled_per_conversation_for_an_hour(codes, queue, clock):
    code = codes.issue(_handoff(queue))
    for _ in range(3):
        assert codes.find("ABCD-EFGH-JK12", ASKER).outcome == "unknown"
        clock.tick()
    assert codes.find(code, ASKER).outcome == "throttled", "even the right code, for now"
    assert codes.find(code, "another-chat").outcome == "found", "other residents go on"
    clock.tick(hours=1, minutes=1)
    assert codes.find(code, ASKER).outcome == "found"


def test_wrong_codes_from_many_conversations_throttle_everyone(codes, queue, clock):
    code = codes.issue(_handoff(queue))
    for index in range(5):
        codes.find("ABCD-EFGH-JK12", f"guesser-{index}")
        clock.tick()
    assert codes.find(code, "an-honest-resident").outcome == "throttled"


def test_a_withdrawn_hand_off_takes_its_code_along(codes, queue):
    handoff_id = _handoff(queue, "conv-a")
    code = codes.issue(handoff_id)
    queue.withdraw("conv-a")
    assert codes.find(code, ASKER).outcome == "unknown", "the code leads nowhere at once"
    assert codes.forget_orphans() == 1


def test_old_look_ups_are_purged(codes, queue, clock):
    codes.find("ABCD-EFGH-JK12", ASKER)
    clock.tick(days=400)
    codes.find("ABCD-EFGH-JK12", ASKER)
    assert codes.purge_log(timedelta(days=365)) == 1
    assert codes.outcomes(ASKER) == ["unknown"]

"""The consent register: every answer with the exact question, and no personal data."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from privacy.consent_register import ANSWERS, ConsentRegister
from privacy.deletion_log import DeletionLog
from privacy.tables import consents as consents_table
from tests.privacy.handoff.backends import raw_leaks
from tests.privacy.handoff.conftest import Clock

CONVERSATION = "4f1c2d9e8b7a6f5e4d3c2b1a0f9e8d7c"  # a keyed pseudonym, as services.pseudonym gives
QUESTION = ("Mag jouw hulpvraag gedeeld worden met een medewerker van de gemeente of hulpverlener "
            "zodat iemand contact met je kan opnemen?")
PURPOSE = "contact opnemen over je hulpvraag"
RECIPIENT = "wijkteam"
CATEGORIES = ("telefoonnummer", "hulpvraag", "voorkeursmoment")


def _record(register: ConsentRegister, answer: str, conversation: str = CONVERSATION,
            version: str = "2026-11-1"):
    return register.record(
        conversation=conversation, purpose=PURPOSE, recipient=RECIPIENT,
        data_categories=list(CATEGORIES), question=QUESTION, question_version=version,
        answer=answer,
    )


@pytest.mark.parametrize("answer", ANSWERS)
def test_every_answer_is_recorded_with_what_was_asked(
    consents: ConsentRegister, clock: Clock, answer: str
) -> None:
    record = _record(consents, answer)
    [stored] = consents.for_conversation(CONVERSATION)
    assert stored == record
    assert (stored.purpose, stored.recipient, stored.data_categories) == (
        PURPOSE, RECIPIENT, CATEGORIES)
    assert (stored.question, stored.question_version, stored.answer) == (
        QUESTION, "2026-11-1", answer)
    assert stored.answered_at == clock.now and stored.answered_at.utcoffset().total_seconds() == 0
    assert len(stored.id) == 32


@pytest.mark.parametrize(("answers", "current"), [
    ([], None),
    (["given"], "given"),
    (["refused"], None),
    (["given", "withdrawn"], None),
    (["given", "refused"], None),
    (["refused", "given"], "given"),
    (["given", "withdrawn", "given"], "given"),
    (["given", "given", "withdrawn"], None),
])
def test_current_consent_is_the_latest_yes_only(
    consents: ConsentRegister, clock: Clock, answers: list[str], current: str | None
) -> None:
    records = []
    for answer in answers:
        clock.tick()
        records.append(_record(consents, answer, version=f"v{len(records)}"))
    found = consents.current_consent(CONVERSATION)
    if current is None:
        assert found is None
    else:
        assert found == records[-1]
    assert [r.answer for r in consents.for_conversation(CONVERSATION)] == answers


def test_conversations_do_not_see_each_others_consent(consents: ConsentRegister) -> None:
    _record(consents, "given")
    assert consents.current_consent("0" * 32) is None
    assert consents.for_conversation("0" * 32) == []


@pytest.mark.parametrize("answer", ["ja", "Given", "", "yes", "nee"])
def test_an_unknown_answer_is_refused_and_not_stored(
    consents: ConsentRegister, engine: Engine, answer: str
) -> None:
    with pytest.raises(ValueError, match="answer"):
        _record(consents, answer)
    with engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(consents_table)).scalar() == 0


def test_the_register_holds_names_of_data_not_the_data(
    consents: ConsentRegister, engine: Engine
) -> None:
    _record(consents, "given")
    assert raw_leaks(engine, ["06-12345678", "Fatima", "whatsapp:"]) == []
    assert {c.name for c in consents_table.columns} == {
        "id", "conversation", "purpose", "recipient", "data_categories", "question",
        "question_version", "answer", "answered_at"}


def test_a_clock_in_local_time_stores_the_same_instants(engine: Engine) -> None:
    """SQLite keeps no zone: a local time must be stored as UTC, or it comes back an hour off."""
    cet = timezone(timedelta(hours=1), "CET")
    consents = ConsentRegister(engine, clock=lambda: datetime(2026, 11, 30, 10, 0, tzinfo=cet))
    deletions = DeletionLog(engine, clock=lambda: datetime(2026, 11, 30, 10, 0, tzinfo=cet))
    _record(consents, "given")
    deletions.record(CONVERSATION, "request", ["PERSON"])
    instant = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
    assert consents.for_conversation(CONVERSATION)[0].answered_at == instant
    assert deletions.for_conversation(CONVERSATION)[0].deleted_at == instant

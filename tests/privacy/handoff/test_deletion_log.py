"""The deletion log: which categories, why and when - never the deleted values."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from privacy.deletion_log import REASONS, DeletionLog, DeletionRecord
from privacy.tables import deletions as deletions_table
from tests.privacy.handoff.conftest import Clock

CONVERSATION = "4f1c2d9e8b7a6f5e4d3c2b1a0f9e8d7c"


@pytest.mark.parametrize("reason", REASONS)
def test_a_deletion_is_recorded_with_categories_reason_and_time(
    deletions: DeletionLog, clock: Clock, reason: str
) -> None:
    record = deletions.record(CONVERSATION, reason, ["PERSON", "PHONE_NUMBER"])
    assert record == DeletionRecord(CONVERSATION, reason, ("PERSON", "PHONE_NUMBER"), clock.now)
    assert deletions.for_conversation(CONVERSATION) == [record]


def test_records_come_back_in_order_per_conversation(deletions: DeletionLog, clock: Clock) -> None:
    first = deletions.record(CONVERSATION, "refused", ["PHONE_NUMBER"])
    clock.tick()
    deletions.record("0" * 32, "anonymous", [])
    second = deletions.record(CONVERSATION, "request", ["EMAIL_ADDRESS", "NL_BSN"])
    assert deletions.for_conversation(CONVERSATION) == [first, second]
    assert deletions.for_conversation("0" * 32)[0].categories == ()


@pytest.mark.parametrize("reason", ["", "verzoek", "Refused", "because"])
def test_an_unknown_reason_is_refused_and_not_stored(
    deletions: DeletionLog, engine: Engine, reason: str
) -> None:
    with pytest.raises(ValueError, match="reason"):
        deletions.record(CONVERSATION, reason, ["PERSON"])
    with engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(deletions_table)).scalar() == 0


def test_the_log_has_no_place_for_values() -> None:
    assert {c.name for c in deletions_table.columns} == {
        "id", "conversation", "reason", "categories", "deleted_at"}

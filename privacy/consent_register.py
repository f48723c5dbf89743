"""The consent register: every answer to a consent question, with the exact text shown.

It proves what a resident agreed to (or refused) without holding any personal data: the
conversation is a keyed pseudonym, the data categories are names ("telefoonnummer"), not values.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.engine import Engine

from privacy.clock import as_utc, aware, utc_now
from privacy.tables import consents

ANSWERS = ("given", "refused", "withdrawn")


@dataclass(frozen=True)
class ConsentRecord:
    id: str
    conversation: str
    purpose: str
    recipient: str
    data_categories: tuple[str, ...]
    question: str
    question_version: str
    answer: str
    answered_at: datetime


class ConsentRegister:
    def __init__(self, engine: Engine, clock: Callable[[], datetime] = utc_now) -> None:
        self._engine = engine
        self._clock = clock

    def record(
        self, *, conversation: str, purpose: str, recipient: str,
        data_categories: Iterable[str], question: str, question_version: str, answer: str,
    ) -> ConsentRecord:
        if answer not in ANSWERS:
            raise ValueError(f"answer must be one of {ANSWERS}")
        record = ConsentRecord(
            id=secrets.token_hex(16), conversation=conversation, purpose=purpose,
            recipient=recipient, data_categories=tuple(data_categories), question=question,
            question_version=question_version, answer=answer, answered_at=as_utc(self._clock()),
        )
        with self._engine.begin() as connection:
            connection.execute(consents.insert().values(
                id=record.id, conversation=conversation, purpose=purpose, recipient=recipient,
                data_categories=",".join(record.data_categories), question=question,
                question_version=question_version, answer=answer, answered_at=record.answered_at,
            ))
        return record

    def for_conversation(self, conversation: str) -> list[ConsentRecord]:
        query = (select(consents).where(consents.c.conversation == conversation)
                 .order_by(consents.c.answered_at))
        with self._engine.connect() as connection:
            return [
                ConsentRecord(
                    id=row.id, conversation=row.conversation, purpose=row.purpose,
                    recipient=row.recipient,
                    data_categories=tuple(c for c in row.data_categories.split(",") if c),
                    question=row.question, question_version=row.question_version,
                    answer=row.answer, answered_at=aware(row.answered_at),
                )
                for row in connection.execute(query)
            ]

    def current_consent(self, conversation: str) -> ConsentRecord | None:
        """The latest answer if it is a "yes" that was not withdrawn since."""
        records = self.for_conversation(conversation)
        return records[-1] if records and records[-1].answer == "given" else None

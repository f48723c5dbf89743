"""The referral queue: a hand-off holds the minimum and moves new -> claimed -> contacted -> closed.

Contact details are encrypted with the hand-off's own id as authenticated context; they are only
decrypted when a caller asks for them explicitly (``reveal=True``: the claiming counsellor's view,
which the portal audits). Withdrawal removes every hand-off of a conversation that is not closed.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.engine import Engine

from privacy.cipher import Cipher
from privacy.clock import as_utc, aware, utc_now
from privacy.consent_register import ConsentRecord
from privacy.tables import handoffs

STATUSES = ("new", "claimed", "contacted", "closed")
CONTACT_WAYS = ("telefoon", "e-mail")


class HandoffError(ValueError):
    """A hand-off that does not exist, or a step that is not allowed from its status."""


@dataclass(frozen=True)
class Handoff:
    id: str
    conversation: str
    team: str
    topics: tuple[str, ...]
    contact_way: str
    contact: str  # "" unless read with reveal=True
    preferred_moment: str
    summary: str
    consent_id: str
    status: str
    claimed_by: str | None
    created_at: datetime
    updated_at: datetime
    closed_at: datetime | None


class HandoffQueue:
    def __init__(
        self, engine: Engine, cipher: Cipher, clock: Callable[[], datetime] = utc_now
    ) -> None:
        self._engine = engine
        self._cipher = cipher
        self._clock = clock

    def create(
        self, *, conversation: str, team: str, topics: Iterable[str], contact_way: str,
        contact: str, preferred_moment: str, summary: str, consent_id: str,
    ) -> Handoff:
        """Queue a consented hand-off; only ``contact`` is personal and it is stored encrypted."""
        if contact_way not in CONTACT_WAYS:
            raise HandoffError(f"contact way must be one of {CONTACT_WAYS}")
        if not contact.strip():
            raise HandoffError("a hand-off needs contact details")
        handoff_id = secrets.token_hex(16)
        now = as_utc(self._clock())
        with self._engine.begin() as connection:
            connection.execute(handoffs.insert().values(
                id=handoff_id, conversation=conversation, team=team,
                topics=",".join(topics), contact_way=contact_way,
                contact_encrypted=self._cipher.encrypt(contact, handoff_id),
                preferred_moment=preferred_moment, summary=summary, consent_id=consent_id,
                status="new", claimed_by=None, created_at=now, updated_at=now, closed_at=None,
            ))
        found = self.get(handoff_id)
        assert found is not None
        return found

    def create_for_consent(
        self, consent: ConsentRecord, *, topics: Iterable[str], contact_way: str, contact: str,
        preferred_moment: str, summary: str,
    ) -> Handoff:
        """Queue a hand-off for exactly the conversation and recipient a "yes" row names.

        The team is never passed in separately, so a topic read later cannot send the
        resident's details to a service they did not agree to.
        """
        if consent.answer != "given":
            raise HandoffError("a hand-off needs a consent that was given")
        return self.create(
            conversation=consent.conversation, team=consent.recipient, topics=topics,
            contact_way=contact_way, contact=contact, preferred_moment=preferred_moment,
            summary=summary, consent_id=consent.id,
        )

    def get(self, handoff_id: str, reveal: bool = False) -> Handoff | None:
        with self._engine.connect() as connection:
            row = connection.execute(select(handoffs).where(handoffs.c.id == handoff_id)).first()
        return self._to_handoff(row, reveal) if row else None

    def list(
        self, *, team: str | None = None, statuses: Iterable[str] | None = None,
        claimed_by: str | None = None,
    ) -> list[Handoff]:
        """Hand-offs, oldest first, without contact details."""
        query = select(handoffs).order_by(handoffs.c.created_at, handoffs.c.id)
        if team is not None:
            query = query.where(handoffs.c.team == team)
        if statuses is not None:
            query = query.where(handoffs.c.status.in_(list(statuses)))
        if claimed_by is not None:
            query = query.where(handoffs.c.claimed_by == claimed_by)
        with self._engine.connect() as connection:
            return [self._to_handoff(row, False) for row in connection.execute(query)]

    def for_conversation(self, conversation: str) -> list[Handoff]:
        query = select(handoffs).where(handoffs.c.conversation == conversation)
        with self._engine.connect() as connection:
            return [self._to_handoff(row, False) for row in connection.execute(query)]

    def claim(self, handoff_id: str, counsellor: str) -> Handoff:
        """Take a new hand-off; from now on only this counsellor works on it."""
        return self._move(handoff_id, "new", "claimed", counsellor, set_claimer=True)

    def mark_contacted(self, handoff_id: str, counsellor: str) -> Handoff:
        return self._move(handoff_id, "claimed", "contacted", counsellor)

    def close(self, handoff_id: str, counsellor: str) -> Handoff:
        return self._move(handoff_id, ("claimed", "contacted"), "closed", counsellor)

    def delete(self, handoff_id: str) -> bool:
        with self._engine.begin() as connection:
            result = connection.execute(delete(handoffs).where(handoffs.c.id == handoff_id))
        return result.rowcount > 0

    def withdraw(self, conversation: str) -> int:
        """Remove the conversation's hand-offs that are not closed; how many were removed."""
        with self._engine.begin() as connection:
            result = connection.execute(delete(handoffs).where(
                handoffs.c.conversation == conversation, handoffs.c.status != "closed"
            ))
        return result.rowcount

    def purge_closed(self, retention: timedelta) -> int:
        """Delete hand-offs closed longer than ``retention`` ago."""
        cutoff = as_utc(self._clock()) - retention
        with self._engine.begin() as connection:
            result = connection.execute(delete(handoffs).where(
                handoffs.c.status == "closed", handoffs.c.closed_at < cutoff
            ))
        return result.rowcount

    def _move(
        self, handoff_id: str, from_status: str | tuple[str, ...], to_status: str,
        counsellor: str, set_claimer: bool = False,
    ) -> Handoff:
        allowed = (from_status,) if isinstance(from_status, str) else from_status
        now = as_utc(self._clock())
        values: dict[str, object] = {"status": to_status, "updated_at": now}
        condition = [handoffs.c.id == handoff_id, handoffs.c.status.in_(allowed)]
        if set_claimer:
            values["claimed_by"] = counsellor
        else:
            condition.append(handoffs.c.claimed_by == counsellor)
        if to_status == "closed":
            values["closed_at"] = now
        with self._engine.begin() as connection:
            changed = connection.execute(update(handoffs).where(*condition).values(**values))
        if changed.rowcount != 1:
            current = self.get(handoff_id)
            if current is None:
                raise HandoffError("hand-off not found")
            raise HandoffError(
                f"cannot go from {current.status!r} to {to_status!r}"
                + ("" if set_claimer or current.claimed_by == counsellor else
                   " (claimed by someone else)")
            )
        found = self.get(handoff_id)
        assert found is not None
        return found

    def _to_handoff(self, row, reveal: bool) -> Handoff:  # noqa: ANN001 - SQLAlchemy Row
        contact = self._cipher.decrypt(row.contact_encrypted, row.id) if reveal else ""
        return Handoff(
            id=row.id, conversation=row.conversation, team=row.team,
            topics=tuple(t for t in row.topics.split(",") if t), contact_way=row.contact_way,
            contact=contact, preferred_moment=row.preferred_moment, summary=row.summary,
            consent_id=row.consent_id, status=row.status, claimed_by=row.claimed_by,
            created_at=aware(row.created_at), updated_at=aware(row.updated_at),
            closed_at=aware(row.closed_at),
        )

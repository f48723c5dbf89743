"""Case codes: a resident's way back to a consented hand-off from any later chat.

The code is handed out once, when the hand-off is queued, and stored only as a keyed hash (the
key is derived from the master key for this use alone), so the database cannot give it back.
Every look-up is logged with its outcome and never the code; wrong codes are throttled per
conversation and for the whole system, so nobody can try codes until one fits. The format
itself (check symbol, readable alphabet) is ``redaction.case_codes``: the redactor has to
recognise a typed code before Rasa sees it.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.engine import Engine

from privacy.clock import as_utc, utc_now
from privacy.tables import case_codes, case_lookups, handoffs
from redaction.case_codes import (
    ALPHABET,
    BODY_LENGTH,
    canonical,
    check_symbol,
    looks_like_a_code,
    shown,
)

OUTCOMES = ("found", "unknown", "throttled", "withdrawn")


@dataclass(frozen=True)
class Throttle:
    """How many wrong codes are allowed within ``window`` - per conversation, and in all."""

    per_conversation: int
    overall: int
    window: timedelta


@dataclass(frozen=True)
class Lookup:
    """What a typed code led to: a hand-off id, or why not (``unknown``/``throttled``)."""

    outcome: str
    handoff_id: str | None = None


class CaseCodes:
    def __init__(
        self, engine: Engine, hash_key: bytes, throttle: Throttle,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self._engine = engine
        self._key = hash_key
        self._throttle = throttle
        self._clock = clock

    def issue(self, handoff_id: str) -> str:
        """A new code for a hand-off, as the resident sees it; only its hash is kept."""
        while True:
            body = "".join(secrets.choice(ALPHABET) for _ in range(BODY_LENGTH))
            symbols = body + check_symbol(body)
            if looks_like_a_code(symbols):  # so the redactor can tell it from three words
                break
        with self._engine.begin() as connection:
            connection.execute(case_codes.insert().values(
                handoff_id=handoff_id, code_hash=self._hash(symbols),
                created_at=as_utc(self._clock())))
        return shown(symbols)

    def find(self, typed: str, conversation: str) -> Lookup:
        """The hand-off a typed code belongs to, unless this conversation or the system has
        given too many wrong codes lately; the attempt is logged either way."""
        now = as_utc(self._clock())
        with self._engine.begin() as connection:
            if self._throttled(connection, conversation, now):
                lookup = Lookup("throttled")
            else:
                symbols = canonical(typed)
                row = None if symbols is None else connection.execute(
                    select(case_codes.c.handoff_id).join(
                        handoffs, handoffs.c.id == case_codes.c.handoff_id
                    ).where(case_codes.c.code_hash == self._hash(symbols))).first()
                lookup = Lookup("found", row.handoff_id) if row else Lookup("unknown")
            self._log(connection, conversation, lookup, now)
        return lookup

    def record(self, conversation: str, outcome: str, handoff_id: str | None) -> None:
        """Log what was done with a found hand-off (a withdrawal), without the code."""
        with self._engine.begin() as connection:
            self._log(connection, conversation, Lookup(outcome, handoff_id),
                      as_utc(self._clock()))

    def outcomes(self, conversation: str) -> list[str]:
        """The logged outcomes of a conversation's look-ups, oldest first (tests, audits)."""
        with self._engine.connect() as connection:
            return list(connection.execute(
                select(case_lookups.c.outcome).where(case_lookups.c.conversation == conversation)
                .order_by(case_lookups.c.id)).scalars())

    def forget_orphans(self) -> int:
        """Codes whose hand-off is gone (withdrawn, purged) lead nowhere: remove them."""
        with self._engine.begin() as connection:
            return connection.execute(delete(case_codes).where(
                case_codes.c.handoff_id.not_in(select(handoffs.c.id)))).rowcount

    def purge_log(self, retention: timedelta) -> int:
        """Look-ups older than ``retention`` (the log's purpose - throttling, audit - is met)."""
        cutoff = as_utc(self._clock()) - retention
        with self._engine.begin() as connection:
            return connection.execute(
                delete(case_lookups).where(case_lookups.c.at < cutoff)).rowcount

    def _throttled(self, connection, conversation: str, now: datetime) -> bool:  # noqa: ANN001
        since = now - self._throttle.window
        wrong = select(func.count()).select_from(case_lookups).where(
            case_lookups.c.outcome.in_(("unknown", "throttled")), case_lookups.c.at >= since)
        overall = connection.execute(wrong).scalar() or 0
        mine = connection.execute(wrong.where(case_lookups.c.conversation == conversation)
                                  ).scalar() or 0
        return mine >= self._throttle.per_conversation or overall >= self._throttle.overall

    @staticmethod
    def _log(connection, conversation: str, lookup: Lookup, now: datetime) -> None:  # noqa: ANN001
        connection.execute(case_lookups.insert().values(
            conversation=conversation, handoff_id=lookup.handoff_id, outcome=lookup.outcome,
            at=now))

    def _hash(self, symbols: str) -> str:
        return hmac.new(self._key, symbols.encode("ascii"), hashlib.sha256).hexdigest()

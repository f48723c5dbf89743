"""The append-only audit log: who did what to which hand-off or account, when, from where.

Targets are hand-off ids and account names only; contact details and resident text never go in.
The database refuses UPDATE and DELETE on the table (see ``portal.tables``), and every entry is
sealed onto a hash chain (``portal.audit.chain``) so that what the triggers cannot stop shows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.engine import Engine

from portal.audit.chain import START_ACTION, add_entry, chain_key_for, read_head, start_chain
from portal.tables import AUDIT_CHAIN_LOCK, audit_log, exclusive
from privacy.clock import aware, utc_now

# The actions that are recorded, with the Dutch label the admin's audit page shows.
ACTIONS = {
    "login": "ingelogd",
    "login_failed": "inloggen mislukt",
    "login_throttled": "inloggen geblokkeerd (te vaak mislukt)",
    "logout": "uitgelogd",
    "session_expired": "sessie verlopen",
    "queue_view": "wachtrij bekeken",
    "handoff_view": "aanmelding bekeken",
    "handoff_view_contact": "contactgegevens bekeken",
    "handoff_denied": "toegang tot aanmelding geweigerd",
    "handoff_step_refused": "stap geweigerd (aanmelding niet in de goede stap)",
    "handoff_forbidden": "verzoek om aanmelding geweigerd (geen recht of formulier verlopen)",
    "handoff_claim": "aanmelding opgepakt",
    "handoff_contacted": "contact opgenomen",
    "handoff_close": "aanmelding afgesloten",
    "handoff_delete": "aanmelding verwijderd",
    "reports_view": "rapporten bekeken",
    "report_view": "rapport geopend",
    "accounts_view": "accounts bekeken",
    "account_create": "account aangemaakt",
    "account_disable": "account uitgeschakeld",
    "account_password": "wachtwoord ingesteld",
    "audit_view": "auditlog bekeken",
    START_ACTION: "auditketen gestart (oudere regels erin opgenomen)",
}


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    actor: str
    action: str
    target: str
    address: str

    @property
    def label(self) -> str:
        return ACTIONS.get(self.action, self.action)


class AuditLog:
    """Appends sealed entries; ``key`` is the chain key (``portal.audit.chain.chain_key``), found
    from the engine's settings when not given, and only at the first append."""

    def __init__(self, engine: Engine, clock: Callable[[], datetime] = utc_now, *,
                 key: bytes | None = None) -> None:
        self._engine = engine
        self._clock = clock
        self._key = key

    def append(self, actor: str, action: str, target: str = "", address: str = "") -> None:
        """Record one access; unknown actions are a programming error, not a silent gap.

        Appends are serialised (one chain, never a fork); the first append on a database from
        before the chain chains its old entries first (``start_chain``). A chain head whose seal
        is broken stops appends (``AuditChainError``) rather than re-sealing a tampered log.
        """
        if action not in ACTIONS:
            raise ValueError(f"unknown audit action {action!r}")
        if self._key is None:
            self._key = chain_key_for(self._engine)
        with exclusive(self._engine, AUDIT_CHAIN_LOCK) as connection:
            at = self._clock()  # under the lock, so times never run backwards along the chain
            head = read_head(connection, self._key)
            if head is None:
                head = start_chain(connection, self._key, at)
            add_entry(connection, self._key, head, at, actor[:64], action, target[:128],
                      address[:64])

    def entries(
        self, *, limit: int = 500, actor: str | None = None, action: str | None = None,
        target: str | None = None,
    ) -> list[AuditEntry]:
        """The newest entries first."""
        query = select(audit_log).order_by(audit_log.c.id.desc()).limit(limit)
        if actor is not None:
            query = query.where(audit_log.c.actor == actor)
        if action is not None:
            query = query.where(audit_log.c.action == action)
        if target is not None:
            query = query.where(audit_log.c.target == target)
        with self._engine.connect() as connection:
            return [
                AuditEntry(row.id, aware(row.at), row.actor, row.action, row.target, row.address)
                for row in connection.execute(query)
            ]

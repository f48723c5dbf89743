"""The append-only audit log: who did what to which hand-off or account, when, from where.

Targets are hand-off ids and account names only; contact details and resident text never go in.
The database refuses UPDATE and DELETE on the table (see ``portal.tables``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.engine import Engine

from handoff.clock import aware, utc_now
from portal.tables import audit_log

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
    def __init__(self, engine: Engine, clock: Callable[[], datetime] = utc_now) -> None:
        self._engine = engine
        self._clock = clock

    def append(self, actor: str, action: str, target: str = "", address: str = "") -> None:
        """Record one access; unknown actions are a programming error, not a silent gap."""
        if action not in ACTIONS:
            raise ValueError(f"unknown audit action {action!r}")
        with self._engine.begin() as connection:
            connection.execute(audit_log.insert().values(
                at=self._clock(), actor=actor[:64], action=action, target=target[:128],
                address=address[:64],
            ))

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

"""Build the vault, registers and queue from the ``privacy`` settings, sharing one engine."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from functools import partial

from sqlalchemy.engine import Engine

from privacy.case_codes import CaseCodes, Throttle
from privacy.cipher import Cipher
from privacy.consent_register import ConsentRegister
from privacy.db import make_engine
from privacy.deletion_log import DeletionLog
from privacy.keys import derive_key, load_master_key, pseudonym
from privacy.queue import HandoffQueue
from privacy.reveals import Reveals
from privacy.settings import PrivacySettings, load_privacy_settings
from privacy.vault import Vault


@dataclass(frozen=True)
class PrivacyServices:
    settings: PrivacySettings
    engine: Engine
    vault: Vault
    consents: ConsentRegister
    deletions: DeletionLog
    queue: HandoffQueue
    case_codes: CaseCodes
    reveals: Reveals
    pseudonym_key: bytes

    def pseudonym(self, conversation_id: str) -> str:
        return pseudonym(self.pseudonym_key, conversation_id)

    def purge(self) -> dict[str, int]:
        """Enforce retention: idle vault values, hand-offs closed longer than the retention
        (and their case codes), one-time reveals nobody took, old case-code look-ups."""
        return {
            "vault_values": self.vault.purge_expired(),
            "closed_handoffs": self.queue.purge_closed(
                timedelta(days=self.settings.handoff_retention_days)),
            "case_codes": self.case_codes.forget_orphans(),
            "reveals": self.reveals.purge_expired(),
            "case_lookups": self.case_codes.purge_log(
                timedelta(days=self.settings.case_lookup_log_days)),
        }


def open_privacy_services(
    settings: PrivacySettings | None = None, purge: bool = True
) -> PrivacyServices:
    """Everything wired from settings; runs the retention purge once (start-up) unless told not.

    ``purge=False`` is for a caller that purges itself and wants the counts (runtime.maintenance).
    """
    settings = settings or load_privacy_settings()
    master = load_master_key(settings.key_file)
    engine = make_engine(settings.resolved_database_url)
    pseudonym_key = derive_key(master, "pseudonym")
    services = PrivacyServices(
        settings=settings,
        engine=engine,
        vault=Vault(
            engine, Cipher(derive_key(master, "vault")), derive_key(master, "vault-lookup"),
            partial(pseudonym, pseudonym_key), settings.vault_idle_minutes * 60,
        ),
        consents=ConsentRegister(engine),
        deletions=DeletionLog(engine),
        queue=HandoffQueue(engine, Cipher(derive_key(master, "handoff"))),
        case_codes=CaseCodes(engine, derive_key(master, "case-code"), Throttle(
            settings.case_code_tries_per_conversation, settings.case_code_tries_per_hour,
            timedelta(hours=1))),
        reveals=Reveals(engine, Cipher(derive_key(master, "reveal")),
                        partial(pseudonym, pseudonym_key)),
        pseudonym_key=pseudonym_key,
    )
    if purge:
        services.purge()
    return services

"""The vault: per-conversation original values behind placeholders, encrypted, idle-expiring.

It is the redactor's ``PlaceholderStore`` (the same value keeps the same number), so the original
of every placeholder is kept - encrypted with AES-GCM, bound to its row - until the conversation
has been idle for the configured time, or until the resident refuses consent, withdraws it or
asks for deletion. Values are only decrypted for a consented hand-off (``originals``). Lookups
use a keyed hash of the normalised value; conversations are stored under a keyed pseudonym.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Callable

from sqlalchemy import delete, func, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, IntegrityError

from privacy.cipher import Cipher
from privacy.tables import vault_values
from redaction.placeholder_store import normalise_value
from redaction.placeholders import placeholder

# Concurrent numbering of one conversation rarely collides more than once or twice; each retry
# happens only after a competing row was committed, so this bound is never reached in practice.
_ATTEMPTS = 20
_PG_RETRYABLE = {"40001", "40P01"}  # serialization failure, deadlock detected


class Vault:
    """Thread- and process-safe through the database; plaintext never touches disk."""

    def __init__(
        self, engine: Engine, cipher: Cipher, lookup_key: bytes,
        pseudonymise: Callable[[str], str], idle_expiry_s: float,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._engine = engine
        self._cipher = cipher
        self._lookup_key = lookup_key
        self._pseudonymise = pseudonymise
        self._idle_expiry_s = idle_expiry_s
        self._clock = clock

    # -- PlaceholderStore -------------------------------------------------------------------

    def number_for(self, conversation_id: str, entity_type: str, value: str) -> int:
        conversation = self._pseudonymise(conversation_id)
        lookup = self._lookup(conversation, entity_type, value)
        for attempt in range(_ATTEMPTS):
            try:
                return self._number_once(conversation, entity_type, value, lookup)
            except DBAPIError as exc:
                # Another worker numbered a value of this conversation at the same moment: the
                # primary key (same number) or the unique lookup (same value) refused the
                # duplicate, or PostgreSQL broke a lock cycle. Its row is committed now; look again.
                if attempt == _ATTEMPTS - 1 or not _is_concurrent_conflict(exc):
                    raise
        raise AssertionError("unreachable")

    def _number_once(
        self, conversation: str, entity_type: str, value: str, lookup: str
    ) -> int:
        now = self._clock()
        with self._engine.begin() as connection:
            self._expire_conversation(connection, conversation, now)
            row = connection.execute(select(vault_values.c.number).where(
                vault_values.c.conversation == conversation,
                vault_values.c.entity_type == entity_type, vault_values.c.lookup == lookup,
            )).first()
            if row is not None:
                number = row.number
            else:
                highest = connection.execute(select(func.max(vault_values.c.number)).where(
                    vault_values.c.conversation == conversation,
                    vault_values.c.entity_type == entity_type,
                )).scalar()
                number = (highest or 0) + 1
                context = f"{conversation}/{entity_type}/{number}"
                connection.execute(vault_values.insert().values(
                    conversation=conversation, entity_type=entity_type, number=number,
                    lookup=lookup, value_encrypted=self._cipher.encrypt(value, context),
                    last_used=now,
                ))
            connection.execute(update(vault_values).where(
                vault_values.c.conversation == conversation).values(last_used=now))
        return number

    def forget(self, conversation_id: str) -> None:
        self.delete(conversation_id)

    # -- consent and deletion ---------------------------------------------------------------

    def originals(self, conversation_id: str) -> dict[str, str]:
        """Placeholder -> original value, for a hand-off the resident consented to."""
        conversation = self._pseudonymise(conversation_id)
        with self._engine.begin() as connection:
            self._expire_conversation(connection, conversation, self._clock())
            rows = connection.execute(select(vault_values).where(
                vault_values.c.conversation == conversation)).all()
        return {
            placeholder(row.entity_type, row.number): self._cipher.decrypt(
                row.value_encrypted, f"{conversation}/{row.entity_type}/{row.number}")
            for row in rows
        }

    def categories(self, conversation_id: str) -> list[str]:
        """Entity types held for a conversation (to tell the resident what is deleted)."""
        conversation = self._pseudonymise(conversation_id)
        with self._engine.begin() as connection:
            # expired values are gone, not "held"
            self._expire_conversation(connection, conversation, self._clock())
            rows = connection.execute(select(vault_values.c.entity_type).distinct().where(
                vault_values.c.conversation == conversation)).all()
        return sorted(row.entity_type for row in rows)

    def delete(self, conversation_id: str) -> int:
        """Remove every value of a conversation; how many were removed."""
        conversation = self._pseudonymise(conversation_id)
        with self._engine.begin() as connection:
            return connection.execute(delete(vault_values).where(
                vault_values.c.conversation == conversation)).rowcount

    def delete_type(self, conversation_id: str, entity_type: str) -> int:
        """Remove a conversation's values of one type (a case code that has done its work)."""
        conversation = self._pseudonymise(conversation_id)
        with self._engine.begin() as connection:
            return connection.execute(delete(vault_values).where(
                vault_values.c.conversation == conversation,
                vault_values.c.entity_type == entity_type)).rowcount

    def purge_expired(self) -> int:
        """Remove the values of conversations idle longer than the expiry (also run at start-up)."""
        with self._engine.begin() as connection:
            return self._expire(connection, self._clock())

    def _expire(self, connection, now: float) -> int:  # noqa: ANN001 - SQLAlchemy Connection
        stale = select(vault_values.c.conversation).group_by(vault_values.c.conversation).having(
            func.max(vault_values.c.last_used) < now - self._idle_expiry_s)
        return connection.execute(delete(vault_values).where(
            vault_values.c.conversation.in_(stale))).rowcount

    def _expire_conversation(self, connection, conversation: str, now: float) -> None:  # noqa: ANN001
        """An idle conversation's values are gone before it is used again.

        Only this conversation is looked at, by its key: the other idle ones are the purge's
        (``purge_expired``, at start-up and every ``purge_interval_seconds``), so a turn's cost
        does not grow with the number of conversations in the vault.
        """
        last_used = connection.execute(select(func.max(vault_values.c.last_used)).where(
            vault_values.c.conversation == conversation)).scalar()
        if last_used is not None and last_used < now - self._idle_expiry_s:
            connection.execute(delete(vault_values).where(
                vault_values.c.conversation == conversation))

    def _lookup(self, conversation: str, entity_type: str, value: str) -> str:
        message = f"{conversation}\x1f{entity_type}\x1f{normalise_value(entity_type, value)}"
        return hmac.new(self._lookup_key, message.encode("utf-8"), hashlib.sha256).hexdigest()


def _is_concurrent_conflict(exc: DBAPIError) -> bool:
    return isinstance(exc, IntegrityError) or getattr(exc.orig, "pgcode", None) in _PG_RETRYABLE

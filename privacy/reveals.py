"""Values shown to the resident once and stored nowhere in clear: today, the new case code.

The action writes the value here (encrypted, bound to the conversation, for a minute) and utters
:data:`MARKER` in its message; the Rasa process's channel replaces the marker while it sends the
reply and deletes the row (``channels.revealing``). So Rasa's tracker store, its event stream
and every log keep the marker, and the resident's screen alone shows the code.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from sqlalchemy import delete, select
from sqlalchemy.engine import Engine

from privacy.cipher import Cipher
from privacy.tables import reveals

MARKER = "[ZAAKCODE]"


class Reveals:
    def __init__(
        self, engine: Engine, cipher: Cipher, pseudonymise: Callable[[str], str],
        ttl_s: float = 60.0, clock: Callable[[], float] = time.time,
    ) -> None:
        self._engine = engine
        self._cipher = cipher
        self._pseudonymise = pseudonymise
        self._ttl_s = ttl_s
        self._clock = clock

    def put(self, sender_id: str, value: str) -> None:
        conversation = self._pseudonymise(sender_id)
        with self._engine.begin() as connection:
            connection.execute(delete(reveals).where(reveals.c.conversation == conversation))
            connection.execute(reveals.insert().values(
                conversation=conversation,
                value_encrypted=self._cipher.encrypt(value, conversation),
                expires_at=self._clock() + self._ttl_s))

    def take(self, sender_id: str) -> str | None:
        """The value, once: the row is deleted in the same transaction."""
        conversation = self._pseudonymise(sender_id)
        with self._engine.begin() as connection:
            row = connection.execute(select(reveals).where(
                reveals.c.conversation == conversation)).first()
            if row is None:
                return None
            connection.execute(delete(reveals).where(reveals.c.conversation == conversation))
        if row.expires_at < self._clock():
            return None
        return self._cipher.decrypt(row.value_encrypted, conversation)

    def purge_expired(self) -> int:
        with self._engine.begin() as connection:
            return connection.execute(
                delete(reveals).where(reveals.c.expires_at < self._clock())).rowcount

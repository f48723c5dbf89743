"""Daily salt: the only thing that ties one conversation's records together, for one day.

The salt lives in memory only and is replaced when the local day changes, so yesterday's hashes
can no longer be recomputed from a sender id — not by us, not by anyone holding the tracker store.
A restart during the day starts a new salt: a conversation then counts twice that day, which
overcounts slightly and never links anything.
"""

from __future__ import annotations

import hashlib
import hmac
import random
import secrets
import threading
from datetime import date

HASH_CHARS = 16  # 64 bits: no collisions in practice among one day's conversations


class DailySalt:
    def __init__(self) -> None:
        self._day: date | None = None
        self._salt = b""
        self._lock = threading.Lock()
        self._late = random.Random(secrets.token_bytes(32))

    def conversation(self, sender_id: str, day: date) -> str:
        """The day's pseudonym of ``sender_id``; an event from an earlier day gets a random name
        of its own (a late event from yesterday is never linked to yesterday's records)."""
        with self._lock:
            if self._day is None or day > self._day:
                self._day, self._salt = day, secrets.token_bytes(32)  # yesterday's salt is gone
            if day != self._day:
                # Not linked to anything: a random name of its own (cheaper than a fresh salt).
                return f"{self._late.getrandbits(4 * HASH_CHARS):0{HASH_CHARS}x}"
            salt = self._salt
        digest = hmac.new(salt, sender_id.encode("utf-8"), hashlib.sha256).hexdigest()
        return digest[:HASH_CHARS]

    @property
    def day(self) -> date | None:
        return self._day

"""Daily salt: the only thing that ties one conversation's records together, for one day.

The salt is replaced when the local day changes, so yesterday's hashes can no longer be
recomputed from a sender id — not by us, not by anyone holding the tracker store. It also keys
each record's event id (``event_id``), so a record delivered twice is stored once, and the id
links to nothing once the day's salt is gone.

Two kinds, one interface:

* ``DailySalt`` (embedded profile): in the memory of the one process that translates events
  (Rasa's own trend broker). A restart during the day starts a new salt: a conversation then
  counts twice that day, which overcounts slightly and never links anything.
* ``SharedDailySalt`` (production profile): generated once per day per deployment in Redis
  (``SET NX`` with an expiry at the end of the local day), shared by every trend consumer, never
  written to disk (Redis runs with ``save ""`` and ``appendonly no``). Each consumer keeps the
  salt it uses in memory too: after a Redis restart (empty) the first consumer to write puts the
  same salt back (``SET NX``), so a conversation is not counted twice within the day. Only when
  Redis *and* every consumer forgot it (all restarted the same day) does a new salt start — the
  embedded profile's overcount, never a link.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import random
import secrets
import threading
import time
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

logger = logging.getLogger(__name__)

HASH_CHARS = 16  # 64 bits: no collisions in practice among one day's conversations
EVENT_ID_CHARS = 32  # 128 bits: unique in the store, over years of events
SALT_BYTES = 32
SALT_KEY = "dh:trends:salt:"  # + ISO day; the value is the salt in hex


class SaltUnavailable(RuntimeError):
    """No salt for the day could be had (Redis unreachable and none in memory): wait, retry."""


def canonical(event: Mapping[str, Any]) -> bytes:
    """The event as the same bytes on every delivery (keys sorted, no spaces)."""
    return json.dumps(event, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      default=str).encode("utf-8")


class DailySalt:
    """The salt of the newest day seen, in memory only."""

    def __init__(self) -> None:
        self._day: date | None = None
        self._salt = b""
        self._lock = threading.Lock()
        self._late = random.Random(secrets.token_bytes(32))

    def conversation(self, sender_id: str, day: date) -> str:
        """The day's pseudonym of ``sender_id``; an event from an earlier day gets a random name
        of its own (a late event from yesterday is never linked to yesterday's records)."""
        with self._lock:
            salt = self._advance(day)
            if day != self._day:
                # Not linked to anything: a random name of its own (cheaper than a fresh salt).
                return f"{self._late.getrandbits(4 * HASH_CHARS):0{HASH_CHARS}x}"
        digest = hmac.new(salt, sender_id.encode("utf-8"), hashlib.sha256).hexdigest()
        return digest[:HASH_CHARS]

    def event_id(self, event: Mapping[str, Any], day: date) -> str:
        """The record's id in the store: the same for the same event delivered again (on the same
        day), keyed with the salt of the newest day, so nobody can recompute it from the
        tracker store's events once that salt is gone."""
        with self._lock:
            salt = self._advance(day)
        mac = hmac.new(salt, b"event\0" + canonical(event), hashlib.sha256)
        return mac.hexdigest()[:EVENT_ID_CHARS]

    def _advance(self, day: date) -> bytes:
        """The current salt, replaced first when ``day`` is newer (yesterday's is gone)."""
        if self._day is None or day > self._day:
            self._day, self._salt = day, self._salt_for(day)
        return self._salt

    def _salt_for(self, day: date) -> bytes:
        return secrets.token_bytes(SALT_BYTES)

    @property
    def day(self) -> date | None:
        return self._day


class SharedDailySalt(DailySalt):
    """The day's salt in Redis, shared by every consumer of one deployment.

    ``prepare(days)`` runs before each batch is translated (the only place that talks to
    Redis): it makes sure this process holds the salt of the newest day in the batch, takes the
    one in Redis when there is one, and otherwise puts its own there (``SET NX``, expiring at
    the end of that local day). Translation itself never waits for Redis.
    """

    def __init__(self, redis: Any, timezone: str, clock: Any = time.time) -> None:
        super().__init__()
        self.redis = redis
        self.zone = ZoneInfo(timezone)
        self.clock = clock
        self._known: dict[date, bytes] = {}  # the newest day's salt only

    def prepare(self, days: Iterable[date]) -> None:
        """Hold the salt of the newest of ``days``; raises ``SaltUnavailable`` only when it is
        not in memory and Redis cannot be asked (the batch waits; nothing is translated)."""
        newest = max(days, default=None)
        if newest is None or (self._day is not None and newest < self._day):
            return  # events of an earlier day only: random names, ids under the current salt
        ours = self._known.get(newest)
        end = datetime.combine(newest + timedelta(days=1), datetime.min.time(), self.zone)
        if end.timestamp() <= self.clock():
            # A day that is over (a backlog after midnight): its key has expired in Redis and
            # must not come back. Keep using the salt in memory, else one of this process only.
            self._keep(newest, ours or secrets.token_bytes(SALT_BYTES))
            return
        candidate = ours or secrets.token_bytes(SALT_BYTES)
        key = f"{SALT_KEY}{newest.isoformat()}"
        try:
            if self.redis.set(key, candidate.hex(), nx=True, exat=int(end.timestamp())):
                if ours is not None:
                    logger.warning("daily salt was missing in Redis (restarted?); put it back")
                salt = candidate
            else:
                stored = self.redis.get(key)
                salt = bytes.fromhex(stored.decode() if isinstance(stored, bytes) else stored)
                if ours is not None and ours != salt:
                    logger.warning("another consumer put a different daily salt in Redis; "
                                   "using that one (conversations may count twice today)")
        except Exception as error:  # noqa: BLE001 - any Redis trouble: memory, or wait
            if ours is None:
                raise SaltUnavailable(f"Redis unavailable ({type(error).__name__})") from None
            logger.warning("Redis unavailable (%s); the daily salt in memory is used",
                           type(error).__name__)
            return
        self._keep(newest, salt)

    def _keep(self, day: date, salt: bytes) -> None:
        """Remember ``day``'s salt; events reach it in order (``_advance``), so a batch that
        spans midnight still hashes yesterday's events with yesterday's salt."""
        with self._lock:
            self._known = {day: salt}
            if self._day == day:
                self._salt = salt  # the one in Redis wins

    def _salt_for(self, day: date) -> bytes:
        salt = self._known.get(day)
        if salt is None:
            raise SaltUnavailable(f"no salt prepared for {day.isoformat()}")
        return salt

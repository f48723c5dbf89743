"""A rate limit for ``/chat/send``: a sliding window of accepted messages per key, in memory.

The limit protects the assistant (and the residents waiting for it) from a script or a stuck
client; it is per portal process, which is enough for that purpose. Keys are a conversation's
sender id and a client address; nothing of a message is kept.
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable, Iterable

MAX_KEYS = 50_000  # beyond this, keys whose window is empty are dropped


class SlidingWindowLimit:
    def __init__(self, window_s: float = 60.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._window = window_s
        self._clock = clock
        self._hits: dict[str, deque[float]] = {}

    def take(self, limits: Iterable[tuple[str, int]]) -> int:
        """Record one message for every ``(key, limit)`` and return 0, or - when one key is at
        its limit - record nothing and return the seconds until it may send again."""
        now = self._clock()
        limits = list(limits)
        waits = []
        for key, limit in limits:
            hits = self._recent(key, now)
            if len(hits) >= limit:
                waits.append(math.ceil(hits[len(hits) - limit] + self._window - now))
        if waits:
            return max(1, max(waits))
        for key, _limit in limits:
            self._hits.setdefault(key, deque()).append(now)
        if len(self._hits) > MAX_KEYS:
            self._forget_idle(now)
        return 0

    def _recent(self, key: str, now: float) -> deque[float]:
        hits = self._hits.get(key, deque())
        while hits and hits[0] <= now - self._window:
            hits.popleft()
        return hits

    def _forget_idle(self, now: float) -> None:
        for key in [k for k, hits in self._hits.items() if not hits or
                    hits[-1] <= now - self._window]:
            del self._hits[key]

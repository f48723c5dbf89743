"""Messages held while the action server is away (``channels.resilience``): one interface, two
stores, chosen by the composition root (``runtime.rasa_process``) from the settings.

Only redacted text is ever held: the guard sits behind the redaction boundary. Both stores keep
the same bounds: ``held_per_conversation`` messages per conversation (later ones are not held),
``held_conversations`` conversations (the oldest makes room), ``held_minutes`` from
a conversation's first held message (then all of its held messages are gone).

* ``MemoryHeldMessages`` (embedded profile): in the memory of one Rasa process; a restart of
  that process loses them.
* ``RedisHeldMessages`` (production profile, ``held_redis_url``): in Redis, so any Rasa instance
  replays them and a restart of the instance that held them loses none. Keys carry a keyed hash
  of the sender id (never the id itself); values are the redacted text and the page context
  (``wijk``, ``doelgroep``). Expiry is Redis's own TTL. Redis keeps nothing on disk: a Redis
  restart loses the messages held at that moment (the resident was told to send again when the
  assistant is back, ``assistant_away``). While Redis cannot be reached, messages are held in
  this process's memory instead and replayed from there (after Redis's own, which are older).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
from collections import OrderedDict, deque
from dataclasses import dataclass, field
from typing import Any, Protocol

logger = logging.getLogger(__name__)

HELD_KEY = "dh:held:"        # + keyed hash of the sender id: a list of JSON messages
HELD_INDEX = "dh:held"       # sorted set: key → time of its first held message


class HeldMessages(Protocol):
    async def hold(self, sender: str, text: str, metadata: Any) -> None: ...

    async def take(self, sender: str) -> list[tuple[str, Any]]:
        """The sender's held messages, oldest first, removed (replayed once, by one instance)."""
        ...

    async def count(self) -> int: ...


@dataclass
class _Held:
    texts: deque[tuple[str, Any]] = field(default_factory=deque)
    since: float = field(default_factory=time.monotonic)


class MemoryHeldMessages:
    """In this process's memory; a restart of it loses them (embedded profile)."""

    def __init__(self, per_conversation: int, conversations: int, max_age_s: float) -> None:
        self.per_conversation = per_conversation
        self.conversations = conversations
        self.max_age_s = max_age_s
        self._held: OrderedDict[str, _Held] = OrderedDict()

    async def hold(self, sender: str, text: str, metadata: Any) -> None:
        self.hold_now(sender, text, metadata)

    async def take(self, sender: str) -> list[tuple[str, Any]]:
        return self.take_now(sender)

    async def count(self) -> int:
        return sum(len(h.texts) for h in self._held.values())

    def hold_now(self, sender: str, text: str, metadata: Any) -> None:
        self._expire()
        held = self._held.setdefault(sender, _Held())
        self._held.move_to_end(sender)
        if len(held.texts) < self.per_conversation:
            held.texts.append((text, metadata))
        while len(self._held) > self.conversations:
            self._held.popitem(last=False)

    def take_now(self, sender: str) -> list[tuple[str, Any]]:
        self._expire()
        held = self._held.pop(sender, None)
        return list(held.texts) if held else []

    def _expire(self) -> None:
        cutoff = time.monotonic() - self.max_age_s
        for sender in [s for s, h in self._held.items() if h.since < cutoff]:
            del self._held[sender]


# KEYS: the conversation's list, the index. ARGV: message, per conversation, TTL s, now,
# conversations. Atomic, so two instances holding at once keep the bounds.
_HOLD = """
local held = redis.call('LLEN', KEYS[1])
if held < tonumber(ARGV[2]) then
  redis.call('RPUSH', KEYS[1], ARGV[1])
end
if held == 0 then
  redis.call('EXPIRE', KEYS[1], ARGV[3])
  redis.call('ZADD', KEYS[2], ARGV[4], KEYS[1])
end
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', tonumber(ARGV[4]) - tonumber(ARGV[3]))
local over = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[5])
if over > 0 then
  local oldest = redis.call('ZRANGE', KEYS[2], 0, over - 1)
  for _, key in ipairs(oldest) do redis.call('DEL', key) end
  redis.call('ZREMRANGEBYRANK', KEYS[2], 0, over - 1)
end
return held
"""

# KEYS: the conversation's list, the index. Everything held, removed at once: one replay.
_TAKE = """
local held = redis.call('LRANGE', KEYS[1], 0, -1)
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], KEYS[1])
return held
"""

_COUNT = """
local total = 0
for _, key in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  total = total + redis.call('LLEN', key)
end
return total
"""


class RedisHeldMessages:
    """In Redis, shared by every Rasa instance of the deployment (production profile)."""

    def __init__(self, url: str, key: bytes, per_conversation: int, conversations: int,
                 max_age_s: float, client: Any = None) -> None:
        if client is None:
            from redis.asyncio import Redis
            from redis.asyncio.retry import Retry
            from redis.backoff import ExponentialBackoff
            from redis.exceptions import ConnectionError as RedisConnectionError

            # One retry on a fresh connection: a pooled one Redis dropped (restart, CLIENT
            # KILL) fails once, before anything was sent.
            client = Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2,
                                    retry=Retry(ExponentialBackoff(cap=0.5), 1),
                                    retry_on_error=[RedisConnectionError])
        self.redis = client
        self.key = key
        self.per_conversation = per_conversation
        self.conversations = conversations
        self.ttl_s = max(1, int(max_age_s))
        self.fallback = MemoryHeldMessages(per_conversation, conversations, max_age_s)
        self._hold = self.redis.register_script(_HOLD)
        self._take = self.redis.register_script(_TAKE)
        self._count = self.redis.register_script(_COUNT)

    def list_key(self, sender: str) -> str:
        digest = hmac.new(self.key, sender.encode("utf-8"), hashlib.sha256).hexdigest()
        return f"{HELD_KEY}{digest[:32]}"

    async def hold(self, sender: str, text: str, metadata: Any) -> None:
        message = json.dumps({"text": text, "metadata": metadata}, ensure_ascii=False,
                             default=str)
        try:
            await self._hold(keys=[self.list_key(sender), HELD_INDEX],
                             args=[message, self.per_conversation, self.ttl_s,
                                   f"{time.time():.6f}", self.conversations])
        except Exception as error:  # noqa: BLE001 - Redis away: hold it here instead
            logger.error("Redis unavailable for held messages (%s); held in this process",
                         type(error).__name__)
            self.fallback.hold_now(sender, text, metadata)

    async def take(self, sender: str) -> list[tuple[str, Any]]:
        held: list[tuple[str, Any]] = []
        try:
            for raw in await self._take(keys=[self.list_key(sender), HELD_INDEX]):
                message = json.loads(raw)
                held.append((message["text"], message.get("metadata")))
        except Exception as error:  # noqa: BLE001 - Redis away: what this process holds
            logger.error("Redis unavailable for held messages (%s)", type(error).__name__)
        return held + self.fallback.take_now(sender)

    async def count(self) -> int:
        try:
            stored = int(await self._count(keys=[HELD_INDEX]))
        except Exception:  # noqa: BLE001 - only for a log line
            stored = 0
        return stored + await self.fallback.count()

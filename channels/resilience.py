"""What the resident meets when part of the system fails: a kind reply, never a dead chat.

Wrapped around Rasa's message handler by the channels (channels/redacting.py), after redaction,
so only redacted text is ever held here.

* Action server down (its health check is refused): the message is *held* (redacted, bounded;
  in this process's memory, or in Redis where any Rasa instance replays it: ``channels.held``)
  and the resident gets ``assistant_away`` with the public help numbers. The
  next message after the action server is back first replays the held ones, in order, so the
  conversation continues where it was. A health check that is merely slow does not hold
  messages: a busy action server is not a dead one, and the turn timeout below covers it.
* A custom action failing during a turn (Rasa logs it and carries on without its events): the
  resident's message is in the tracker store; the resident gets ``assistant_away``.
* The tracker store failing during a turn: Rasa's ``FailSafeTrackerStore`` would carry on with
  an empty in-memory tracker and answer as if the conversation had just begun, storing nothing.
  The guard notices (Rasa logs it), drops those replies where it still can (REST) and says
  ``store_unavailable``: the message was not stored, try again; with the help numbers.
* A turn slower than ``turn_timeout_s``: ``assistant_slow`` now; the turn finishes in the
  background and its result is stored (socket.io still delivers its replies).
* Malformed REST payloads get a 400 with the reason (:func:`payload_problem`), and
  ``GET /webhooks/rest/health`` reports every store Rasa depends on (:func:`health`).
"""

from __future__ import annotations

import asyncio
import copy
import json
import logging
import os
import time
from collections.abc import Awaitable, Callable, Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from channels import context
from channels.held import HeldMessages as HeldStore
from channels.held import MemoryHeldMessages
from channels.replies import Replies, read_replies
from settings.core import SettingsError, read_section

logger = logging.getLogger(__name__)
RESILIENCE_FILE = Path(__file__).with_name("resilience.yml")
MAX_SENDER_CHARS = 128
Handler = Callable[[Any], Awaitable[Any]]


@dataclass(frozen=True)
class ResilienceSettings:
    health_timeout_s: float
    health_cache_s: float
    turn_timeout_s: float
    held_per_conversation: int
    held_conversations: int
    held_minutes: float
    held_redis_url: str = ""  # redis://…: held messages in Redis (production); empty: memory


def load_resilience(
    path: Path = RESILIENCE_FILE, env: Mapping[str, str] | None = None
) -> tuple[ResilienceSettings, Replies]:
    """Settings (``DH_RESILIENCE_<KEY>`` overrides) and the replies (Dutch, and English for a
    message read as English), municipality filled in."""
    from bot.referrals import load_referrals

    env = os.environ if env is None else env
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    settings = read_section(ResilienceSettings, raw.get("settings") or {}, env,
                            "DH_RESILIENCE_", path)
    if settings.turn_timeout_s <= 0 or settings.health_timeout_s <= 0:
        raise SettingsError(f"{path}: timeouts must be positive")
    variables = load_referrals().template_variables()
    replies = read_replies(raw.get("replies") or {}, lambda text: text.format(**variables))
    return settings, replies


# --- failed custom actions -------------------------------------------------------------------

@dataclass
class TurnReport:
    action_failed: bool = False
    store_failed: bool = False


_TURN: ContextVar[TurnReport | None] = ContextVar("dh_turn", default=None)


class TurnProblemHandler(logging.Handler):
    """Rasa logs a failing custom action (and carries on without its events) and a failing
    tracker store (and carries on in memory); this notices those records and marks the turn
    they belong to (a context variable), so the resident can be told."""

    def emit(self, record: logging.LogRecord) -> None:
        report = _TURN.get()
        if report is None:
            return
        if record.funcName == "_run_action" and record.exc_info:
            report.action_failed = True
        elif record.funcName.startswith("on_tracker_store"):
            report.store_failed = True


def watch_failed_actions() -> None:
    for name in ("rasa.core.processor", "rasa.core.tracker_store"):
        rasa_logger = logging.getLogger(name)
        if not any(isinstance(h, TurnProblemHandler) for h in rasa_logger.handlers):
            rasa_logger.addHandler(TurnProblemHandler(level=logging.ERROR))


# --- the action server -----------------------------------------------------------------------

class ActionServerWatch:
    """Is the action server there? Asked at most every ``cache_s`` seconds. ``available`` is
    False only when it refuses or errs; ``slow`` says the last check timed out."""

    def __init__(self, url: str, timeout_s: float, cache_s: float) -> None:
        self.url = url
        self.timeout_s = timeout_s
        self.cache_s = cache_s
        self._checked_at = -float("inf")
        self._up = True
        self.slow = False
        self._lock = asyncio.Lock()

    async def available(self, fresh: bool = False) -> bool:
        async with self._lock:
            if fresh or time.monotonic() - self._checked_at >= self.cache_s:
                self._up = await self._probe()
                self._checked_at = time.monotonic()
            return self._up

    async def _probe(self) -> bool:
        import aiohttp

        self.slow = False
        try:
            timeout = aiohttp.ClientTimeout(total=self.timeout_s)
            async with aiohttp.ClientSession(timeout=timeout) as session:
                async with session.get(self.url) as response:
                    return response.status == 200
        except TimeoutError:
            self.slow = True
            return True
        except (aiohttp.ClientError, OSError):
            return False


# --- held messages: channels/held.py (in memory, or in Redis) -------------------------------

HeldMessages = MemoryHeldMessages  # the in-memory store, by its old name


# --- the guard around Rasa's handler ---------------------------------------------------------

class TurnGuard:
    def __init__(self, settings: ResilienceSettings, replies: Mapping[str, str],
                 watch: ActionServerWatch, held: HeldStore | None = None) -> None:
        self.settings = settings
        self.replies = replies if isinstance(replies, Replies) else Replies(replies)
        self.watch = watch
        self.held: HeldStore = held or MemoryHeldMessages(
            settings.held_per_conversation, settings.held_conversations,
            settings.held_minutes * 60)
        self._background: set[asyncio.Future[Any]] = set()

    def wrap(self, handler: Handler) -> Handler:
        async def guarded(message: Any) -> None:
            await self.handle(message, handler)

        return guarded

    async def handle(self, message: Any, handler: Handler) -> None:
        if not await self.watch.available():
            await self.held.hold(message.sender_id, message.text, message.metadata)
            logger.warning("action server unavailable; message held (%d held)",
                           await self.held.count())
            await self._reply(message, "assistant_away")
            return
        report = TurnReport()
        token = _TURN.set(report)
        try:
            for text, metadata in await self.held.take(message.sender_id):
                earlier = copy.copy(message)
                earlier.text, earlier.metadata = text, metadata
                await handler(earlier)
            turn = asyncio.ensure_future(handler(message))
        finally:
            _TURN.reset(token)
        try:
            await asyncio.wait_for(asyncio.shield(turn), self.settings.turn_timeout_s)
        except TimeoutError:
            logger.warning("turn slower than %.0f s; it finishes in the background",
                           self.settings.turn_timeout_s)
            self._background.add(turn)
            turn.add_done_callback(self._finished_late)
            await self._reply(message, "assistant_slow")
            return
        if report.store_failed:
            logger.error("the tracker store failed; the resident was told nothing was stored")
            collected = getattr(message.output_channel, "messages", None)
            if isinstance(collected, list):
                collected.clear()  # answers to an empty in-memory tracker, not to this resident
            await self._reply(message, "store_unavailable")
        elif report.action_failed:
            logger.error("a custom action failed; the resident was told, the message is stored")
            await self._reply(message, "assistant_away")

    def _finished_late(self, turn: asyncio.Future[Any]) -> None:
        self._background.discard(turn)
        if not turn.cancelled() and turn.exception() is not None:
            logger.error("a late turn failed (%s)", type(turn.exception()).__name__)

    async def _reply(self, message: Any, key: str) -> None:
        text = self.replies.for_message(message.metadata)[key]
        await message.output_channel.send_text_message(message.sender_id, text)


def build_turn_guard(actions_health_url: str, path: Path = RESILIENCE_FILE,
                     held: Callable[[ResilienceSettings], HeldStore] | None = None) -> TurnGuard:
    """The guard of one Rasa process, watching the action server the launcher configured;
    ``held`` builds the store of held messages from the settings (default: in memory)."""
    settings, replies = load_resilience(path)
    watch = ActionServerWatch(actions_health_url, settings.health_timeout_s,
                              settings.health_cache_s)
    return TurnGuard(settings, replies, watch, held(settings) if held else None)


def turn_guard() -> TurnGuard:
    return context.current().guard


# --- the REST channel: payloads and health ---------------------------------------------------

def payload_problem(body: bytes) -> str | None:
    """Why a REST webhook body cannot be a resident's message, or None when it can."""
    try:
        payload = json.loads(body or b"")
    except (ValueError, UnicodeDecodeError):
        return "the body is not valid JSON"
    if not isinstance(payload, dict):
        return "the body must be a JSON object"
    sender = payload.get("sender")
    if not isinstance(sender, str) or not sender.strip() or len(sender) > MAX_SENDER_CHARS:
        return f"'sender' must be a non-empty string of at most {MAX_SENDER_CHARS} characters"
    message = payload.get("message")
    if not isinstance(message, str) or not message.strip():
        return "'message' must be a non-empty string"
    if payload.get("metadata") is not None and not isinstance(payload["metadata"], dict):
        return "'metadata' must be a JSON object"
    return None


async def health(app: Any) -> tuple[bool, dict[str, str]]:
    """Every store a turn needs, checked now; values are 'ok' or the error's type, never data."""
    checks: dict[str, str] = {}
    agent = getattr(app.ctx, "agent", None)
    if agent is None or not agent.is_ready():
        return False, {"model": "not loaded"}

    async def check(name: str, probe: Callable[[], Awaitable[Any]]) -> None:
        try:
            await asyncio.wait_for(probe(), 5)
            checks[name] = "ok"
        except Exception as error:  # noqa: BLE001 — reported by type, the endpoint must answer
            checks[name] = type(error).__name__

    # Past Rasa's FailSafeTrackerStore, which would answer from memory when the store is down.
    primary = getattr(agent.tracker_store, "_tracker_store", agent.tracker_store)
    await check("tracker_store", lambda: primary.retrieve("__health__"))
    red = getattr(agent.lock_store, "red", None)
    if red is not None:
        await check("lock_store", lambda: asyncio.to_thread(red.ping))
    await check("privacy_db", lambda: asyncio.to_thread(_privacy_db_ping))
    async def action_server() -> None:
        watch = turn_guard().watch
        if not await watch.available(fresh=True):
            raise ConnectionError("not answering")
        if watch.slow:
            raise TimeoutError("health check timed out")

    await check("action_server", action_server)
    return all(v == "ok" for v in checks.values()), checks


def health_engine(url: str) -> Any:
    """A separate engine with short time-outs, so a hanging database fails the health check
    instead of hanging it."""
    from sqlalchemy import create_engine

    args = {"timeout": 5} if url.startswith("sqlite") else {"connect_timeout": 5}
    return create_engine(url, future=True, pool_pre_ping=True, connect_args=args)


def _privacy_db_ping() -> None:
    from sqlalchemy import text

    with context.current().privacy_engine.connect() as connection:
        connection.execute(text("SELECT 1"))


def checked_rest(blueprint: Any) -> Any:
    """Rasa's REST blueprint plus a 400 for malformed bodies and ``GET …/health``."""
    from sanic import response

    @blueprint.middleware("request")
    async def reject_malformed(request: Any) -> Any:
        if request.method == "POST" and request.path.endswith("/webhook"):
            problem = payload_problem(request.body)
            if problem:
                return response.json({"error": "bad request", "reason": problem}, status=400)
        return None

    @blueprint.route("/health", methods=["GET"])
    async def store_health(request: Any) -> Any:
        ok, checks = await health(request.app)
        return response.json({"status": "ok" if ok else "unhealthy", "checks": checks},
                             status=200 if ok else 503)

    return blueprint

"""The Rasa process's own services, built from the settings ``runtime.bootstrap`` reads.

Apart from the rest of the composition root because only this process needs Rasa's channels
and the boundary: the action server and the portal start faster and hold less without them.
The boundary's redactor and safety check run in a worker process that builds them itself
(``runtime.screen_worker``), so this process imports neither Presidio nor spaCy.
"""

from __future__ import annotations

from channels.context import ChannelContext
from channels.held import HeldMessages, MemoryHeldMessages, RedisHeldMessages
from channels.redacting import RedactingBoundary, load_replies
from channels.resilience import (
    ResilienceSettings,
    build_turn_guard,
    health_engine,
    watch_failed_actions,
)
from channels.revealing import Revealer
from channels.screen import Screening
from channels.screen_pool import ScreenPool
from privacy.janitor import start_purging
from privacy.keys import derive_key, load_master_key
from runtime.bootstrap import AppSettings, privacy_services, socketio_origins

SCREEN_BUILDER = "runtime.screen_worker:build_screen"  # by name: importing it loads Presidio


def held_messages(resilience: ResilienceSettings, master_key: bytes) -> HeldMessages:
    """Where messages wait while the action server is away: Redis when ``held_redis_url`` is
    set (production: any instance replays them, a restart loses none; keys carry a hash keyed
    from the privacy key, which every instance shares), else this process's memory."""
    if resilience.held_redis_url.strip():
        return RedisHeldMessages(
            resilience.held_redis_url.strip(), derive_key(master_key, "held-messages"),
            resilience.held_per_conversation, resilience.held_conversations,
            resilience.held_minutes * 60)
    return MemoryHeldMessages(resilience.held_per_conversation, resilience.held_conversations,
                              resilience.held_minutes * 60)


def channel_context(
    settings: AppSettings, screening: Screening, reveals: Revealer | None = None
) -> ChannelContext:
    """What the channels of the Rasa process share: the redacting boundary (its screen worker
    puts originals in the encrypted vault; ``reveals`` fills in a new case code on the way
    out), the turn guard, the keys for pseudonyms and the socket.io origins."""
    redaction = settings.redaction
    core = settings.core
    master_key = load_master_key(settings.privacy.key_file)
    return ChannelContext(
        boundary=RedactingBoundary(screening, redaction.max_message_chars, load_replies(),
                                   reveals),
        guard=build_turn_guard(f"http://{core.host}:{core.actions_port}/health",
                               held=lambda resilience: held_messages(resilience, master_key)),
        socketio_origins=socketio_origins(redaction, settings.portal),
        privacy_engine=health_engine(settings.privacy.resolved_database_url),
        master_key=master_key,
    )


def start_rasa_process(settings: AppSettings) -> ChannelContext:
    """Everything the Rasa process needs beside Rasa, and its background work, started here and
    nowhere else: the screen worker (it loads while Rasa loads its model), the vault's
    retention purge on a timer, and the log watch that notices a custom action failing
    mid-turn."""
    privacy = privacy_services(settings)
    screening = ScreenPool(SCREEN_BUILDER, settings,
                           deadline_s=settings.redaction.screen_deadline_s)
    screening.start()
    context = channel_context(settings, screening, privacy.reveals)
    start_purging(privacy.purge, settings.privacy.purge_interval_seconds)
    watch_failed_actions()
    return context

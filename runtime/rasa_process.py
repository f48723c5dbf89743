"""The Rasa process's own services, built from the settings ``runtime.bootstrap`` reads.

Apart from the rest of the composition root because only this process needs the redactor
(Presidio, the trained NER), the safety check and Rasa's channels: the action server and the
portal start faster and hold a few hundred MiB less without them.
"""

from __future__ import annotations

from bot.safety_check import load_safety_check
from channels.context import ChannelContext
from channels.redacting import RedactingBoundary, load_replies
from channels.resilience import build_turn_guard, health_engine, watch_failed_actions
from privacy.janitor import start_purging
from privacy.keys import load_master_key
from privacy.services import PrivacyServices
from redaction.analyzer import build_redactor
from runtime.bootstrap import AppSettings, privacy_services, socketio_origins


def channel_context(settings: AppSettings, privacy: PrivacyServices) -> ChannelContext:
    """What the channels of the Rasa process share: the redacting boundary (its originals go to
    the encrypted vault), the turn guard, the keys for pseudonyms and the socket.io origins."""
    redaction = settings.redaction
    core = settings.core
    return ChannelContext(
        boundary=RedactingBoundary(
            build_redactor(redaction, store=privacy.vault), redaction.max_message_chars,
            load_replies(), redaction.context_keys, safety=load_safety_check(core.model_dir)),
        guard=build_turn_guard(f"http://{core.host}:{core.actions_port}/health"),
        socketio_origins=socketio_origins(redaction, settings.portal),
        privacy_engine=health_engine(settings.privacy.resolved_database_url),
        master_key=load_master_key(settings.privacy.key_file),
    )


def start_rasa_process(settings: AppSettings) -> ChannelContext:
    """Everything the Rasa process needs beside Rasa, and its background work, started here and
    nowhere else: the vault's retention purge on a timer, and the log watch that notices a
    custom action failing mid-turn."""
    privacy = privacy_services(settings)
    context = channel_context(settings, privacy)
    start_purging(privacy.purge, settings.privacy.purge_interval_seconds)
    watch_failed_actions()
    return context

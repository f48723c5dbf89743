"""The composition root: settings are read here once, and every process builds its services here
(the Rasa process's channels and boundary in ``runtime.rasa_process``, so the action server and
the portal never load what only Rasa needs: Presidio, spaCy, Rasa itself).

Each package owns the dataclass of its own ``settings.yml`` section; this module is the one place
that knows them all, so a value that two packages must agree on (where the trend store is, which
origins may open socket.io to the widget's page) is decided once and handed to the processes
through their environment. The entry points (``make run``, the action server, the portal, the
retention and report commands) start here instead of each gathering its own configuration.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from actions.context import ActionContext
from bot.consent import load_consent_texts
from bot.languages import load_languages
from bot.referrals import load_referrals
from portal.settings import PortalSettings, load_portal_settings
from privacy.services import PrivacyServices, open_privacy_services
from privacy.settings import PrivacySettings, load_privacy_settings
from redaction.settings import RedactionSettings, load_redaction_settings
from settings.core import (
    SETTINGS_FILE,
    ActionServerAccess,
    Settings,
    load_action_server_access,
    load_settings,
)
from trends.settings import TrendSettings, load_trend_settings

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")


@dataclass(frozen=True)
class AppSettings:
    """Every section of ``settings.yml`` with the ``DH_*`` overrides applied, read together."""

    core: Settings
    access: ActionServerAccess
    privacy: PrivacySettings
    redaction: RedactionSettings
    trends: TrendSettings
    portal: PortalSettings


def load_app_settings(
    path: Path = SETTINGS_FILE, env: Mapping[str, str] | None = None
) -> AppSettings:
    """All sections from one file and one environment, so they cannot disagree."""
    env = os.environ if env is None else env
    core = load_settings(path, env)
    return AppSettings(
        core=core,
        access=load_action_server_access(path, env),
        privacy=load_privacy_settings(path, env),
        redaction=load_redaction_settings(path, env),
        trends=load_trend_settings(path, env, data_dir=core.data_dir),
        portal=load_portal_settings(path, env),
    )


def socketio_origins(redaction: RedactionSettings, portal: PortalSettings) -> tuple[str, ...]:
    """Origins socket.io accepts: the configured list, else the portal's (it serves the widget's
    page), under both loopback names when the portal listens on loopback."""
    if redaction.allowed_origins:
        return redaction.allowed_origins
    hosts = ["localhost", "127.0.0.1"] if portal.host in LOOPBACK_NAMES else [portal.host]
    return tuple(f"{scheme}://{host}:{portal.port}"
                 for host in hosts for scheme in ("http", "https"))


def server_env(settings: Settings, env: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment every server process gets: what endpoints.yml expands, and the values
    two packages must agree on, resolved here once."""
    core = settings.server_env()
    env = {**(os.environ if env is None else env), **core}
    trends = load_trend_settings(env=env, data_dir=settings.data_dir)
    origins = socketio_origins(load_redaction_settings(env=env), load_portal_settings(env=env))
    return {
        **core,
        "DH_TRENDS_DATABASE_URL": trends.database_url,
        # the exchange and queue Rasa's RabbitMQ broker publishes to (endpoints-production.yml)
        # and the trend consumer reads: one setting, so they cannot disagree
        "DH_TRENDS_EVENTS_EXCHANGE": trends.events_exchange,
        "DH_TRENDS_EVENTS_QUEUE": trends.events_queue,
        "DH_REDACTION_SOCKETIO_ORIGINS": ",".join(origins),
    }


def privacy_services(settings: AppSettings, purge: bool = True) -> PrivacyServices:
    """The vault, registers and queue of this process, on the configured stores."""
    return open_privacy_services(settings.privacy, purge=purge)


def action_context(settings: AppSettings) -> ActionContext:
    """What the actions of one action-server worker use (opens the privacy stores, purges once)."""
    services = privacy_services(settings)
    return ActionContext(services=services, referrals=load_referrals(),
                         consent_texts=load_consent_texts(settings.privacy.consent_file),
                         languages=load_languages())

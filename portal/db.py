"""The portal's database: the privacy services' engine, with the portal tables added."""

from __future__ import annotations

from sqlalchemy.engine import Engine

from portal.audit.chain import remember_settings
from portal.tables import create_portal_tables
from privacy.db import make_engine
from privacy.settings import PrivacySettings, load_privacy_settings


def open_portal_engine(settings: PrivacySettings | None = None) -> Engine:
    """An engine on the privacy database with the portal tables and audit triggers in place.

    For the command line, which needs accounts but no vault key. The audit log on this engine
    seals its entries with the chain key of these settings (derived when it first appends).
    """
    settings = settings or load_privacy_settings()
    engine = make_engine(settings.resolved_database_url)
    create_portal_tables(engine)
    remember_settings(engine, settings)
    return engine

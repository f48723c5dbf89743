"""Trend settings: the ``trends`` section of ``settings.yml``, overridable by ``DH_TRENDS_*``.

The store lives under the data dir by default, so Rasa's broker, the report command and the
portal of one system agree on it without further configuration.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from settings.core import (
    SETTINGS_FILE,
    SettingsError,
    load_settings,
    read_section,
    read_settings_file,
)


@dataclass(frozen=True)
class TrendSettings:
    database_url: str
    demo_database_url: str
    areas_file: Path
    topics_file: Path
    timezone: str
    min_count: int
    rounding_base: int
    protection_width: int
    significance_level: float
    review_max_confidence: float
    text_retention_days: int
    batch_size: int
    flush_seconds: float
    events_url: str
    events_exchange: str
    events_queue: str
    consumer_prefetch: int
    consumer_health_port: int
    salt_url: str


def load_trend_settings(
    path: Path = SETTINGS_FILE, env: Mapping[str, str] | None = None,
    data_dir: Path | None = None,
) -> TrendSettings:
    """The ``trends`` section; empty database URLs become SQLite files in the data dir."""
    env = os.environ if env is None else env
    section = read_settings_file(path).get("trends")
    if not isinstance(section, dict):
        raise SettingsError(f"{path} has no 'trends' section")
    raw = read_section(TrendSettings, section, env, "DH_TRENDS_", path)
    if raw.min_count < 2 or raw.rounding_base < 1 or raw.protection_width < 1:
        raise SettingsError("trends: min_count ≥ 2, rounding_base ≥ 1, protection_width ≥ 1")
    if not 0 < raw.significance_level < 1 or not 0 < raw.review_max_confidence <= 1:
        raise SettingsError("trends: significance_level and review_max_confidence in (0, 1]")
    if raw.consumer_prefetch < 1 or not 0 <= raw.consumer_health_port < 65536:
        raise SettingsError("trends: consumer_prefetch ≥ 1, consumer_health_port 0 … 65535")
    if raw.events_url.strip() and not raw.events_url.strip().startswith(("amqp://", "amqps://")):
        raise SettingsError("trends: events_url is an amqp:// or amqps:// URL, or empty")
    if raw.salt_url.strip() and not raw.salt_url.strip().startswith(("redis://", "rediss://")):
        raise SettingsError("trends: salt_url is a redis:// or rediss:// URL, or empty")
    data_dir = data_dir or load_settings(path, env).data_dir
    return replace(
        raw,
        database_url=raw.database_url.strip() or f"sqlite:///{data_dir / 'trends.db'}",
        demo_database_url=(raw.demo_database_url.strip()
                           or f"sqlite:///{data_dir / 'trends-demo.db'}"),
    )

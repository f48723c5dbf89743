"""Privacy settings: the ``privacy`` section of ``settings.yml``, overridable by env vars.

The database and the key file live under the data dir by default, so every process that shares a
data dir (Rasa, the action server, the portal, a test's temporary system) shares one vault.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from settings.core import SETTINGS_FILE, load_section, load_settings


@dataclass(frozen=True)
class _PrivacySection:
    database_url: str
    key_file: str
    vault_idle_minutes: float
    handoff_retention_days: float
    consent_file: Path
    purge_interval_seconds: float
    case_code_tries_per_conversation: int
    case_code_tries_per_hour: int
    case_lookup_log_days: float


@dataclass(frozen=True)
class PrivacySettings:
    database_url: str
    key_file: Path
    vault_idle_minutes: float
    handoff_retention_days: float
    consent_file: Path
    purge_interval_seconds: float
    case_code_tries_per_conversation: int
    case_code_tries_per_hour: int
    case_lookup_log_days: float

    @property
    def resolved_database_url(self) -> str:
        return self.database_url


def load_privacy_settings(
    path: Path = SETTINGS_FILE, env: Mapping[str, str] | None = None
) -> PrivacySettings:
    """The ``privacy`` section; ``DH_PRIVACY_<NAME>`` environment variables override it.

    An empty ``database_url`` means ``privacy.db`` in the data dir; a relative ``key_file`` is
    relative to the data dir.
    """
    raw = load_section(_PrivacySection, "privacy", path, env)
    data_dir = load_settings(path, env).data_dir
    key_file = Path(raw.key_file).expanduser()
    return PrivacySettings(
        database_url=raw.database_url.strip() or f"sqlite:///{data_dir / 'privacy.db'}",
        key_file=key_file if key_file.is_absolute() else data_dir / key_file,
        vault_idle_minutes=raw.vault_idle_minutes,
        handoff_retention_days=raw.handoff_retention_days,
        consent_file=raw.consent_file,
        purge_interval_seconds=raw.purge_interval_seconds,
        case_code_tries_per_conversation=raw.case_code_tries_per_conversation,
        case_code_tries_per_hour=raw.case_code_tries_per_hour,
        case_lookup_log_days=raw.case_lookup_log_days,
    )

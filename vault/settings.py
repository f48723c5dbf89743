"""Privacy settings: the ``privacy`` section of ``settings.yml``, overridable by env vars."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from bot.settings import (
    PROJECT_ROOT,
    SETTINGS_FILE,
    SettingsError,
    read_section,
    read_settings_file,
)


@dataclass(frozen=True)
class PrivacySettings:
    database_url: str
    key_file: Path
    vault_idle_minutes: float
    handoff_retention_days: float
    consent_file: Path

    @property
    def resolved_database_url(self) -> str:
        """Relative SQLite paths are relative to the project, like every other path setting."""
        prefix = "sqlite:///"
        if self.database_url.startswith(prefix) and not self.database_url.startswith(prefix + "/"):
            return prefix + str(PROJECT_ROOT / self.database_url[len(prefix):])
        return self.database_url


def load_privacy_settings(
    path: Path = SETTINGS_FILE, env: Mapping[str, str] | None = None
) -> PrivacySettings:
    """The ``privacy`` section; ``DH_PRIVACY_<NAME>`` environment variables override it."""
    env = os.environ if env is None else env
    section = read_settings_file(path).get("privacy")
    if not isinstance(section, dict):
        raise SettingsError(f"{path} has no 'privacy' section")
    return read_section(PrivacySettings, section, env, "DH_PRIVACY_", path)

"""Portal settings: the ``portal`` section of ``settings.yml``; ``DH_PORTAL_<KEY>`` overrides."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from bot.settings import SETTINGS_FILE, SettingsError, load_section


@dataclass(frozen=True)
class PortalSettings:
    host: str
    port: int
    cookie_secure: bool
    session_minutes: float
    login_max_failures: int
    login_window_minutes: float
    reports_dir: Path  # relative paths are relative to the project, like every other Path setting

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"


def load_portal_settings(
    path: Path = SETTINGS_FILE, env: Mapping[str, str] | None = None
) -> PortalSettings:
    """The ``portal`` section, so the portal, the launcher and the tests agree on one port."""
    settings = load_section(PortalSettings, "portal", path, env)
    if settings.login_max_failures < 1:
        raise SettingsError("setting 'login_max_failures' must be at least 1")
    if settings.session_minutes <= 0 or settings.login_window_minutes <= 0:
        raise SettingsError("'session_minutes' and 'login_window_minutes' must be positive")
    return settings

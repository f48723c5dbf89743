"""Portal settings: the ``portal`` section of ``settings.yml``; ``DH_PORTAL_<KEY>`` overrides."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from settings.core import SETTINGS_FILE, SettingsError, load_section


@dataclass(frozen=True)
class PortalSettings:
    host: str
    port: int
    cookie_secure: bool
    session_minutes: float
    login_max_failures: int
    login_window_minutes: float
    reports_dir: Path  # relative paths are relative to the project, like every other Path setting
    chat_per_minute_conversation: int  # /chat/send messages per minute for one conversation ...
    chat_per_minute_address: int       # ... and from one address (offices and libraries share one)
    chat_origins: str  # other sites' origins that may embed the chat, space-separated

    @property
    def chat_origin_set(self) -> frozenset[str]:
        """The configured origins, compared as browsers send them (no trailing slash)."""
        return frozenset(origin.rstrip("/").lower()
                         for origin in self.chat_origins.replace(",", " ").split()
                         if origin.lower() != "null")

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
    if settings.chat_per_minute_conversation < 1 or settings.chat_per_minute_address < 1:
        raise SettingsError("'chat_per_minute_conversation' and 'chat_per_minute_address' must "
                            "be at least 1")
    for origin in settings.chat_origin_set:
        if not origin.startswith(("https://", "http://")) or origin.count("/") != 2:
            raise SettingsError(f"'chat_origins' holds {origin!r}: use scheme://host[:port]")
    return settings

"""Redaction settings: the ``redaction`` section of ``settings.yml``, overridable by env vars."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from bot.settings import SETTINGS_FILE, load_section


@dataclass(frozen=True)
class RedactionSettings:
    ner_model_dir: Path
    recognizers_file: Path
    score_threshold: float
    max_message_chars: int
    keep_place_names: bool
    idle_expiry_minutes: float
    page_context_keys: str
    socketio_origins: str

    @property
    def context_keys(self) -> tuple[str, ...]:
        """Metadata keys a channel may pass on (comma-separated in settings.yml)."""
        return tuple(k.strip() for k in self.page_context_keys.split(",") if k.strip())

    @property
    def allowed_origins(self) -> tuple[str, ...]:
        """Origins socket.io accepts: the configured list, else the portal's (which serves the
        widget page), under both loopback names when it listens on loopback."""
        listed = tuple(o.strip().rstrip("/") for o in self.socketio_origins.split(",")
                       if o.strip())
        if listed:
            return listed
        from portal.settings import load_portal_settings

        portal = load_portal_settings()
        hosts = [portal.host]
        if portal.host in ("127.0.0.1", "localhost", "::1"):
            hosts = ["localhost", "127.0.0.1"]
        return tuple(f"{scheme}://{host}:{portal.port}"
                     for host in hosts for scheme in ("http", "https"))


def load_redaction_settings(
    path: Path = SETTINGS_FILE, env: Mapping[str, str] | None = None
) -> RedactionSettings:
    """The ``redaction`` section; ``DH_REDACTION_<NAME>`` environment variables override it."""
    return load_section(RedactionSettings, "redaction", path, env)

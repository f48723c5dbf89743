"""Redaction settings: the ``redaction`` section of ``settings.yml``, overridable by env vars."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from settings.core import SETTINGS_FILE, load_section


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
    screen_deadline_s: float

    @property
    def context_keys(self) -> tuple[str, ...]:
        """Metadata keys a channel may pass on (comma-separated in settings.yml)."""
        return tuple(k.strip() for k in self.page_context_keys.split(",") if k.strip())

    @property
    def allowed_origins(self) -> tuple[str, ...]:
        """The origins listed for socket.io; empty means "the portal's", which
        ``runtime.bootstrap.socketio_origins`` fills in (redaction knows nothing of the portal)."""
        return tuple(o.strip().rstrip("/") for o in self.socketio_origins.split(",")
                     if o.strip())


def load_redaction_settings(
    path: Path = SETTINGS_FILE, env: Mapping[str, str] | None = None
) -> RedactionSettings:
    """The ``redaction`` section; ``DH_REDACTION_<NAME>`` environment variables override it."""
    return load_section(RedactionSettings, "redaction", path, env)

"""Project settings, read once from ``settings.yml`` and the ``DH_*`` environment variables."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields
from dataclasses import field as _field
from pathlib import Path
from typing import Any, TypeVar

import yaml

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SETTINGS_FILE = PROJECT_ROOT / "settings.yml"
T = TypeVar("T")


class SettingsError(ValueError):
    """A settings value is missing or of the wrong kind."""


@dataclass(frozen=True)
class Settings:
    """Everything the launcher and the servers need to agree on."""

    data_dir: Path
    model_dir: Path
    model_name: str
    host: str
    rasa_port: int
    actions_port: int
    startup_timeout_s: float
    session_expiry_minutes: int
    rasa_instances: int  # more than one: nginx in front on rasa_port (runtime/nginx_config.py)

    @property
    def model_path(self) -> Path:
        return self.model_dir / f"{self.model_name}.tar.gz"

    def server_env(self) -> dict[str, str]:
        """The core part of the environment endpoints.yml expands (``runtime.bootstrap.server_env``
        adds the stores' addresses, which other packages own)."""
        return {
            "DH_DATA_DIR": str(self.data_dir),
            "DH_HOST": self.host,
            "DH_RASA_PORT": str(self.rasa_port),
            "DH_ACTIONS_PORT": str(self.actions_port),
        }


def _convert(name: str, kind: type, raw: Any) -> Any:
    try:
        if kind is Path:
            path = Path(str(raw)).expanduser()
            return path if path.is_absolute() else PROJECT_ROOT / path
        if kind is bool and isinstance(raw, str):
            if raw.strip().lower() not in ("true", "false", "1", "0", "yes", "no"):
                raise ValueError(raw)
            return raw.strip().lower() in ("true", "1", "yes")
        return kind(raw)
    except (TypeError, ValueError) as exc:
        raise SettingsError(f"setting {name!r} must be a {kind.__name__}, got {raw!r}") from exc


_KINDS = {"Path": Path, "str": str, "int": int, "float": float, "bool": bool}


def read_section(
    cls: type[T], raw: Mapping[str, Any], env: Mapping[str, str], prefix: str, source: Path
) -> T:
    """Build a settings dataclass from a YAML mapping; ``<prefix><NAME>`` env vars override it.

    Every package's settings go through here, so overriding works the same everywhere.
    """
    values: dict[str, Any] = {}
    for field in fields(cls):  # type: ignore[arg-type]
        key = f"{prefix}{field.name.upper()}"
        override = env.get(key)
        value = override if override not in (None, "") else raw.get(field.name)
        if value is None:
            raise SettingsError(f"setting {field.name!r} is missing from {source}")
        values[field.name] = _convert(field.name, _KINDS[str(field.type)], value)
    return cls(**values)


def read_settings_file(path: Path = SETTINGS_FILE) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def load_section(
    cls: type[T], name: str, path: Path = SETTINGS_FILE, env: Mapping[str, str] | None = None
) -> T:
    """The ``name`` section of the settings file; ``DH_<NAME>_<KEY>`` env vars override it."""
    env = os.environ if env is None else env
    section = read_settings_file(path).get(name)
    if not isinstance(section, dict):
        raise SettingsError(f"{path} has no {name!r} section")
    return read_section(cls, section, env, f"DH_{name.upper()}_", path)


def load_settings(
    path: Path = SETTINGS_FILE, env: Mapping[str, str] | None = None
) -> Settings:
    """Read the settings file and let ``DH_<NAME>`` environment variables override it."""
    env = os.environ if env is None else env
    settings = read_section(Settings, read_settings_file(path), env, "DH_", path)
    if settings.rasa_instances < 1:
        raise SettingsError("setting 'rasa_instances' must be at least 1")
    return settings


# --- Action server access (issue 19, finding 2) -------------------------------------------------
ACTIONS_TOKEN_ENV = "DH_ACTIONS_TOKEN"


@dataclass(frozen=True)
class _ActionsSection:
    token_required: bool


@dataclass(frozen=True)
class ActionServerAccess:
    """Who may call the action server: only a holder of the shared secret (Rasa, which sends it
    from endpoints.yml). ``token`` comes from the environment only, never from a file in git;
    empty means "derive it from the privacy key" (``runtime.action_server.actions_token``)."""

    token_required: bool
    token: str = _field(default="", repr=False)


def load_action_server_access(
    path: Path = SETTINGS_FILE, env: Mapping[str, str] | None = None
) -> ActionServerAccess:
    """The ``actions`` section (``DH_ACTIONS_TOKEN_REQUIRED``) and ``DH_ACTIONS_TOKEN``."""
    env = os.environ if env is None else env
    section = load_section(_ActionsSection, "actions", path, env)
    return ActionServerAccess(section.token_required, env.get(ACTIONS_TOKEN_ENV, "").strip())

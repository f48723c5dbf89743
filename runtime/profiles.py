"""Deployment profiles: which stores the system uses (``profiles/<name>.yml``, ``PROFILE=``).

``embedded`` (the default) keeps everything in SQLite files under the data dir; ``production``
moves the stores to PostgreSQL and the lock store to Redis. A profile names the endpoints file
Rasa gets and the ``DH_*`` variables every process gets; variables already set win.
"""

from __future__ import annotations

import os
import re
import socket
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from settings.core import PROJECT_ROOT, SettingsError

PROFILES_DIR = PROJECT_ROOT / "profiles"
DEFAULT_PROFILE = "embedded"
_VARIABLE = re.compile(r"\$\{(\w+)\}")


@dataclass(frozen=True)
class Profile:
    name: str
    endpoints: Path
    env: dict[str, str]
    credentials: Path = PROJECT_ROOT / "credentials.yml"
    create_databases: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()
    shared_stores: bool = False  # several Rasa instances may serve from it (runtime.region)


def expand(value: str, env: Mapping[str, str]) -> str:
    """``${NAME}`` replaced from ``env``; an unknown name is an error, not an empty string."""

    def lookup(match: re.Match[str]) -> str:
        if match.group(1) not in env:
            raise SettingsError(f"profile refers to ${{{match.group(1)}}}, which is not set")
        return env[match.group(1)]

    return _VARIABLE.sub(lookup, value)


def load_profile(env: Mapping[str, str] | None = None, folder: Path = PROFILES_DIR) -> Profile:
    """The profile ``PROFILE`` names (default ``embedded``), resolved against ``env``."""
    env = os.environ if env is None else env
    name = env.get("PROFILE", "").strip() or DEFAULT_PROFILE
    path = folder / f"{name}.yml"
    if not re.fullmatch(r"[a-z][a-z0-9_-]*", name) or not path.is_file():
        known = sorted(p.stem for p in folder.glob("*.yml"))
        raise SettingsError(f"unknown profile {name!r}; known: {', '.join(known)}")
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    defaults = {str(k): str(v) for k, v in (raw.get("env") or {}).items()}
    merged = {**defaults, **{k: v for k, v in env.items() if v != ""}}
    resolved = {key: expand(merged[key], merged) for key in defaults}
    context = {**merged, **resolved}
    endpoints = PROJECT_ROOT / str(raw.get("endpoints", "endpoints.yml"))
    return Profile(
        name=name,
        endpoints=endpoints,
        env=resolved,
        credentials=PROJECT_ROOT / str(raw.get("credentials", "credentials.yml")),
        create_databases=tuple(expand(str(u), context) for u in raw.get("create_databases") or ()),
        requires=tuple(expand(str(u), context) for u in raw.get("requires") or ()),
        shared_stores=raw.get("shared_stores") is True,
    )


def activate(env: dict[str, str] | None = None) -> Profile:
    """Load the profile and put its variables into ``env`` (the process environment)."""
    env = os.environ if env is None else env  # type: ignore[assignment]
    profile = load_profile(env)
    env.update(profile.env)  # type: ignore[union-attr]
    return profile


def unreachable(urls: tuple[str, ...], timeout: float = 3) -> list[str]:
    """The services (host:port of each URL) that refuse a TCP connection, for a clear error."""
    missing = []
    for url in urls:
        parts = urlsplit(url)
        address = f"{parts.hostname}:{parts.port}"
        try:
            with socket.create_connection((parts.hostname, parts.port or 0), timeout=timeout):
                pass
        except OSError:
            missing.append(f"{parts.scheme} at {address}")
    return missing


def create_databases(urls: tuple[str, ...]) -> None:
    """Create each PostgreSQL database that does not exist yet (several starters may race)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import DBAPIError

    for url in urls:
        target = make_url(url)
        if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", target.database or ""):
            raise SettingsError(f"database name {target.database!r}: lower case, digits, _ only")
        admin = create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT",
                              future=True)
        try:
            with admin.connect() as connection:
                exists = connection.execute(
                    text("SELECT 1 FROM pg_database WHERE datname = :name"),
                    {"name": target.database}).first()
                if not exists:
                    try:
                        connection.execute(text(f'CREATE DATABASE "{target.database}"'))
                    except DBAPIError as error:  # another starter created it first
                        if getattr(error.orig, "pgcode", None) not in ("42P04", "23505"):
                            raise
        finally:
            admin.dispose()

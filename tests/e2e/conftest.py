"""Real servers on loopback: the launcher `make run` uses, on free ports and a temp data dir."""

from __future__ import annotations

import json
import os
import secrets
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

import pytest

from portal.settings import load_portal_settings
from runtime.launcher import System, free_port
from settings.core import Settings, load_settings


@dataclass
class Assistant:
    settings: Settings
    log_dir: Path
    portal_url: str

    @property
    def rest_url(self) -> str:
        return f"http://{self.settings.host}:{self.settings.rasa_port}/webhooks/rest/webhook"

    def post(self, payload: object, timeout: float = 30) -> tuple[int, object]:
        data = json.dumps(payload).encode()
        request = urllib.request.Request(
            self.rest_url, data=data, headers={"Content-Type": "application/json"}
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, json.loads(response.read() or b"null")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace")

    def say(self, sender: str, message: str) -> list[dict]:
        status, replies = self.post({"sender": sender, "message": message})
        assert status == 200, replies
        assert isinstance(replies, list)
        return replies

    def new_sender(self) -> str:
        return f"e2e-{uuid.uuid4().hex[:12]}"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):
    """A failed test whose fixtures can describe what the servers saw (``diagnostics()``) gets
    that in its report: a fault that shows once in a CI run can then be read there."""
    outcome = yield
    report = outcome.get_result()
    if report.failed and call.when == "call":
        for name, value in getattr(item, "funcargs", {}).items():
            describe = getattr(value, "diagnostics", None)
            if callable(describe):
                for title, text in describe():
                    report.sections.append((f"{name}: {title}", text))


@contextmanager
def running_system(base: Path, **extra_env: str) -> Iterator[Assistant]:
    """The whole system - Rasa, action server, portal - on free ports and a temporary data dir.

    The variables stay set while it runs, so tests read the same settings the servers got.
    """
    overrides = {
        "DH_DATA_DIR": str(base / "data"),
        "DH_RASA_PORT": str(free_port()),
        "DH_ACTIONS_PORT": str(free_port()),
        "DH_PORTAL_PORT": str(free_port()),
        "DH_PORTAL_COOKIE_SECURE": "false",  # the test client talks plain http on loopback
        **extra_env,
    }
    with mock.patch.dict(os.environ, overrides):
        system = System(load_settings(), log_dir=base / "logs")
        system.start()
        try:
            portal = load_portal_settings()
            yield Assistant(system.settings, base / "logs", f"http://{portal.host}:{portal.port}")
        finally:
            system.stop()


@pytest.fixture(scope="session", autouse=True)
def actions_token() -> Iterator[str]:
    """The action server's shared secret, set as a deployment sets it (the production profile
    requires it; without it the embedded profile derives one: tests/security). The shared
    system, ``assistant``, is in tests/conftest.py: tests/security uses it too."""
    token = secrets.token_urlsafe(32)
    with mock.patch.dict(os.environ, {"DH_ACTIONS_TOKEN": token}):
        yield token


def texts(replies: list[dict]) -> str:
    return "\n".join(r.get("text", "") for r in replies)


def payloads(replies: list[dict]) -> set[str]:
    return {b["payload"] for r in replies for b in r.get("buttons", [])}


def open_privacy(settings: Settings):
    """The running system's vault, registers and queue, opened as another process would."""
    from privacy.services import open_privacy_services
    from privacy.settings import load_privacy_settings

    return open_privacy_services(
        load_privacy_settings(env={"DH_DATA_DIR": str(settings.data_dir)})
    )


def files_containing(folder: Path, values: list[str]) -> dict[str, list[str]]:
    """Files below ``folder`` (SQLite files, journals, keys, logs …) holding a value as bytes."""
    found: dict[str, list[str]] = {}
    for path in folder.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            hits = [v for v in values if v.encode() in content]
            if hits:
                found[str(path.relative_to(folder))] = hits
    return found

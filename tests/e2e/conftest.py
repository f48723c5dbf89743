"""Real servers on loopback: the launcher `make run` uses, on free ports and a temp data dir."""

from __future__ import annotations

import json
import socket
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.launcher import System
from bot.settings import Settings, load_settings


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Assistant:
    settings: Settings
    log_dir: Path

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


@pytest.fixture(scope="session")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Assistant]:
    base = tmp_path_factory.mktemp("assistant")
    settings = load_settings(
        env={
            "DH_DATA_DIR": str(base / "data"),
            "DH_RASA_PORT": str(free_port()),
            "DH_ACTIONS_PORT": str(free_port()),
        }
    )
    system = System(settings, log_dir=base / "logs")
    system.start()
    try:
        yield Assistant(settings, base / "logs")
    finally:
        system.stop()


def texts(replies: list[dict]) -> str:
    return "\n".join(r.get("text", "") for r in replies)


def payloads(replies: list[dict]) -> set[str]:
    return {b["payload"] for r in replies for b in r.get("buttons", [])}

"""The portal (with the widget) as a real server, in front of a fake Rasa REST channel.

The fake stands at the true edge - Rasa's HTTP port on loopback - and records what it got, so
the tests see exactly what the relay forwards.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.portal.conftest import PortalServer, free_port, launch_server, wait_until_healthy


@dataclass
class FakeRasa:
    """Answers ``POST /webhooks/rest/webhook`` with ``replies``, or with ``status``."""

    port: int
    received: list[dict[str, Any]] = field(default_factory=list)
    replies: list[dict[str, Any]] = field(default_factory=list)
    status: int = 200
    server: ThreadingHTTPServer | None = None

    def start(self) -> None:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                length = int(self.headers.get("Content-Length", 0))
                fake.received.append(json.loads(self.rfile.read(length)))
                body = json.dumps(fake.replies).encode()
                self.send_response(fake.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None


@dataclass
class WidgetServer:
    portal: PortalServer
    rasa: FakeRasa

    def client(self) -> httpx.Client:
        return self.portal.client()


@pytest.fixture(scope="session")
def widget_server() -> Iterator[WidgetServer]:
    root = Path(tempfile.mkdtemp(prefix="dh-widget-test-"))
    (root / "reports").mkdir()
    rasa = FakeRasa(free_port())
    rasa.start()
    portal = launch_server(root / "data", root / "reports", DH_HOST="127.0.0.1",
                           DH_RASA_PORT=str(rasa.port))
    try:
        yield WidgetServer(wait_until_healthy(portal), rasa)
    finally:
        portal.stop()
        rasa.stop()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def fake_rasa(widget_server: WidgetServer) -> Iterator[FakeRasa]:
    rasa = widget_server.rasa
    rasa.received.clear()
    rasa.replies = []
    rasa.status = 200
    yield rasa
    if rasa.server is None:
        rasa.start()

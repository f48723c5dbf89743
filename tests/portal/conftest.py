"""A real portal server over HTTP on loopback, with a temporary data dir and real SQLite.

Two servers per test session: ``portal`` (normal settings, used by most tests) and ``quick``
(short session and throttling windows, its own database, so lock-outs and expiry tests cannot
disturb the others). Accounts are made with the accounts module, hand-offs with the real queue.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from portal.accounts import Accounts
from portal.audit import AuditLog
from portal.db import open_portal_engine
from portal.passwords import hash_password
from privacy.queue import Handoff
from privacy.services import PrivacyServices, open_privacy_services
from privacy.settings import load_privacy_settings
from runtime.launcher import free_port
from settings.core import PROJECT_ROOT

PASSWORD = "lang-genoeg-wachtwoord-1"
POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/test"
# name -> (role, teams)
ACCOUNTS = {
    "anna": ("counsellor", ("schuldhulp",)),
    "bram": ("counsellor", ("schuldhulp",)),
    "carla": ("counsellor", ("cjg",)),
    "ellen": ("analyst", ()),
    "frank": ("admin", ()),
}
REPORTS = {
    "trends-2026-10.html": "<html><body><h1>Trends oktober</h1></body></html>",
    "trends-2026-10.csv": "onderwerp,aantal\nschulden,42\n",
}


# Plain http on loopback, but httpx builds a TLS context per client unless given one: ~0.1 s each.
TLS = ssl.create_default_context()


def cheap_hash(password: str) -> str:
    """scrypt with 1/8 of the memory, for the fixture accounts only: the server verifies with the
    parameters stored in the hash, so log-ins take the same path, just faster. Accounts made
    through the CLI and the portal in the tests use the real parameters."""
    return hash_password(password, n=2**12)


class Clock:
    """A settable clock for the session and throttle stores."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def memory_engine() -> Engine:
    """An in-memory database with the portal's tables."""
    from sqlalchemy import create_engine

    from portal.tables import create_portal_tables

    engine = create_engine("sqlite://", future=True)
    create_portal_tables(engine)
    return engine


@dataclass
class PortalServer:
    """One running ``python -m portal`` and handles on its database."""

    env: dict[str, str]
    url: str
    process: subprocess.Popen[bytes]
    services: PrivacyServices
    engine: Engine
    data_dir: Path
    log: Path
    clients: list[httpx.Client] = field(default_factory=list)
    shared: dict[str, httpx.Client] = field(default_factory=dict)

    def client(self, local_address: str | None = None) -> httpx.Client:
        """An HTTP client, optionally from another loopback address (127.0.0.x)."""
        transport = (httpx.HTTPTransport(local_address=local_address, verify=TLS)
                     if local_address else None)
        client = httpx.Client(base_url=self.url, transport=transport, timeout=30, verify=TLS)
        self.clients.append(client)
        return client

    def login(self, name: str, password: str = PASSWORD,
              local_address: str | None = None) -> httpx.Client:
        """A client signed in through the HTML form; ``client.csrf`` holds the session token."""
        client = self.client(local_address)
        response = post_login(client, name, password)
        assert response.status_code == 303, (response.status_code, response.text[:300])
        client.csrf = client.get("/api/me").json()["csrf_token"]  # type: ignore[attr-defined]
        return client

    def as_user(self, name: str) -> httpx.Client:
        """A signed-in client shared between tests (for tests that do not sign out)."""
        if name not in self.shared:
            self.shared[name] = self.login(name)
        return self.shared[name]

    def new_handoff(self, team: str = "schuldhulp", contact: str = "06-12345678") -> Handoff:
        return self.services.queue.create(
            conversation=f"gesprek-{time.monotonic_ns()}", team=team, topics=["debt"],
            contact_way="telefoon", contact=contact, preferred_moment="dinsdagochtend",
            summary="Ik heb schulden bij de energieleverancier en een aanmaning van <ORGANISATIE>.",
            consent_id="toestemming-1",
        )

    def stop(self) -> None:
        for client in self.clients:
            client.close()
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def login_form_token(client: httpx.Client) -> str:
    page = client.get("/login")
    match = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert match, page.text[:300]
    return match.group(1)


def post_login(client: httpx.Client, name: str, password: str) -> httpx.Response:
    token = login_form_token(client)
    return client.post("/login", data={"name": name, "password": password, "csrf_token": token})


def portal_env(data_dir: Path, reports_dir: Path, **overrides: str) -> dict[str, str]:
    """The process environment without the developer's own DH_* settings, plus ours."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("DH_") or k == "DH_PRIVACY_KEY"}
    env.update({
        "DH_DATA_DIR": str(data_dir),
        "DH_PORTAL_HOST": "127.0.0.1",
        "DH_PORTAL_PORT": str(free_port()),
        "DH_PORTAL_COOKIE_SECURE": "false",
        "DH_PORTAL_REPORTS_DIR": str(reports_dir),
        "PYTHONUNBUFFERED": "1",
    })
    env.update(overrides)
    return env


def launch_server(data_dir: Path, reports_dir: Path, **overrides: str) -> PortalServer:
    """Prepare the database, start the process, then add the accounts while it starts up;
    ``wait_until_healthy`` before use."""
    env = portal_env(data_dir, reports_dir, **overrides)
    privacy = load_privacy_settings(env=env)
    # Key file and tables first, so the server and this process share them from the start.
    services = open_privacy_services(privacy)
    engine = open_portal_engine(privacy)
    log = data_dir / "portal.log"
    process = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "portal"], cwd=PROJECT_ROOT, env=env,
        stdout=log.open("wb"), stderr=subprocess.STDOUT,
    )
    store = Accounts(engine, AuditLog(engine), hasher=cheap_hash)
    for name, (role, teams) in ACCOUNTS.items():
        store.add(name, role, PASSWORD, teams, actor="test-setup")
    url = f"http://127.0.0.1:{env['DH_PORTAL_PORT']}"
    return PortalServer(env, url, process, services, engine, data_dir, log)


def wait_until_healthy(server: PortalServer) -> PortalServer:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"portal exited during start-up:\n{server.log.read_text()}")
        try:
            if httpx.get(f"{server.url}/health", timeout=2).status_code == 200:
                return server
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    server.stop()
    raise RuntimeError(f"portal not healthy after 60 s:\n{server.log.read_text()}")


@pytest.fixture(scope="session")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, PortalServer]]:
    """Both servers, started side by side so their start-up times overlap.

    The data dir goes to memory (/dev/shm) where there is one: every audited request commits,
    and on a busy disk those syncs would dominate the run time.
    """
    shm = Path("/dev/shm")
    in_memory = shm.is_dir() and os.access(shm, os.W_OK)
    root = (Path(tempfile.mkdtemp(prefix="dh-portal-test-", dir=shm)) if in_memory
            else tmp_path_factory.mktemp("portal"))
    reports = root / "reports"
    reports.mkdir()
    for name, content in REPORTS.items():
        (reports / name).write_text(content, encoding="utf-8")
    (root / "geheim.html").write_text("<p>buiten de map</p>", encoding="utf-8")
    started = {
        "portal": launch_server(root / "data", reports),
        # Sessions expire after 3 s idle; 3 failed log-ins lock for a 15 s window; no reports.
        "quick": launch_server(
            root / "quick-data", root / "no-reports-yet",
            DH_PORTAL_SESSION_MINUTES="0.05", DH_PORTAL_LOGIN_MAX_FAILURES="3",
            DH_PORTAL_LOGIN_WINDOW_MINUTES="0.25",  # 15 s: room for slow scrypt on a busy machine
        ),
    }
    try:
        for server in started.values():
            wait_until_healthy(server)
        yield started
    finally:
        for server in started.values():
            server.stop()
        if in_memory:
            shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def portal(servers: dict[str, PortalServer]) -> PortalServer:
    return servers["portal"]


@pytest.fixture(scope="session")
def quick(servers: dict[str, PortalServer]) -> PortalServer:
    return servers["quick"]


@pytest.fixture
def postgres_engine() -> Iterator[Engine]:
    """A throw-away schema on the local PostgreSQL; skipped when none is reachable."""
    try:
        socket.create_connection(("127.0.0.1", 5432), timeout=1).close()
    except OSError:
        pytest.skip("PostgreSQL is not reachable on 127.0.0.1:5432")
    schema = f"portal_test_{secrets.token_hex(4)}"
    admin = create_engine(POSTGRES_URL, future=True)
    try:
        with admin.begin() as connection:
            connection.execute(text(f"CREATE SCHEMA {schema}"))
    except DBAPIError as exc:
        pytest.skip(f"PostgreSQL at {POSTGRES_URL} is not usable: {exc.orig}")
    engine = create_engine(POSTGRES_URL, future=True,
                           connect_args={"options": f"-csearch_path={schema}"})
    yield engine
    engine.dispose()
    with admin.begin() as connection:
        connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    admin.dispose()

"""Issue 19 (portal findings 6 and 10): real HTTP against running portal processes.

Each test here failed on the code before its fix: the CSRF slash variant, the log-in race (30
parallel wrong attempts, on SQLite and on PostgreSQL with two processes), directory URLs, the
``/chat/send`` rate limit, the relay's origins, and re-hashing old scrypt hashes at log-in.
Finding 0 (log-in in a real browser) is covered by ``tests/e2e/test_portal_browser.py``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select, update

from portal import passwords
from portal.tables import accounts
from settings.core import PROJECT_ROOT
from tests.portal.conftest import (
    PASSWORD,
    TLS,
    PortalServer,
    free_port,
    launch_server,
    login_form_token,
    portal_env,
    post_login,
    wait_until_healthy,
)
from tests.portal.widget.conftest import FakeRasa
from tests.postgres import postgres_or_skip

LIMIT = 5  # login_max_failures of every server here
CHAT_PER_CONVERSATION = 4
CHAT_PER_ADDRESS = 8
OTHER_SITE = "https://gemeente-voorbeeldstad.example"
JSON = {"Content-Type": "application/json"}


@pytest.fixture(scope="module")
def rasa() -> Iterator[FakeRasa]:
    fake = FakeRasa(free_port())
    fake.start()
    fake.replies = [{"recipient_id": "x", "text": "Hoi! Ik ben de digitale assistent."}]
    yield fake
    fake.stop()


@pytest.fixture(scope="module")
def server(rasa: FakeRasa) -> Iterator[PortalServer]:
    """One portal on SQLite with low chat limits, one allowed other origin, a fake Rasa."""
    root = Path(tempfile.mkdtemp(prefix="dh-security-"))
    (root / "reports").mkdir()
    running = launch_server(
        root / "data", root / "reports", DH_HOST="127.0.0.1", DH_RASA_PORT=str(rasa.port),
        DH_PORTAL_LOGIN_MAX_FAILURES=str(LIMIT),
        DH_PORTAL_CHAT_PER_MINUTE_CONVERSATION=str(CHAT_PER_CONVERSATION),
        DH_PORTAL_CHAT_PER_MINUTE_ADDRESS=str(CHAT_PER_ADDRESS),
        DH_PORTAL_CHAT_ORIGINS=OTHER_SITE,
    )
    try:
        yield wait_until_healthy(running)
    finally:
        running.stop()
        shutil.rmtree(root, ignore_errors=True)


# --- finding 10: CSRF on normalised paths -------------------------------------------------------


@pytest.mark.parametrize("path", ["/login/", "/login//", "//login"])
def test_log_in_by_a_path_variant_still_needs_the_csrf_token(server: PortalServer,
                                                             path: str) -> None:
    client = server.client("127.0.0.21")
    response = client.post(path, data={"name": "bram", "password": PASSWORD})
    assert response.status_code in (403, 404, 405), (path, response.status_code)
    assert not any("session" in name for name in response.cookies), "no session without a token"


def test_log_out_by_a_path_variant_still_needs_the_csrf_token(server: PortalServer) -> None:
    client = server.login("bram", local_address="127.0.0.22")
    assert client.post("/logout/").status_code == 403
    assert client.get("/api/me").status_code == 200, "the session is still there"


# --- finding 6: the log-in throttle cannot be raced ---------------------------------------------


def _race(url: str, attempts: list[tuple[str, str]]) -> list[int]:
    """Every (name, local address) attempt at once with a wrong password; their status codes."""

    def attempt(job: tuple[str, str]) -> int:
        name, address = job
        transport = httpx.HTTPTransport(local_address=address, verify=TLS)
        with httpx.Client(base_url=url, transport=transport, timeout=120, verify=TLS) as client:
            token = login_form_token(client)
            return client.post("/login", data={"name": name, "password": "fout-wachtwoord-1",
                                               "csrf_token": token}).status_code

    with ThreadPoolExecutor(len(attempts)) as pool:
        return list(pool.map(attempt, attempts))


def _evaluated(statuses: list[int]) -> int:
    assert set(statuses) <= {401, 429}, statuses
    return statuses.count(401)


def test_thirty_parallel_wrong_passwords_for_one_account_evaluate_at_most_five(
    server: PortalServer,
) -> None:
    statuses = _race(server.url, [("anna", f"127.0.1.{n}") for n in range(30)])
    assert _evaluated(statuses) <= LIMIT, statuses
    assert post_login(server.client("127.0.1.99"), "anna", PASSWORD).status_code == 429


def test_thirty_parallel_wrong_passwords_from_one_address_evaluate_at_most_five(
    server: PortalServer,
) -> None:
    statuses = _race(server.url, [(f"gok{n}", "127.0.2.1") for n in range(30)])
    assert _evaluated(statuses) <= LIMIT, statuses


@pytest.fixture(scope="module")
def postgres_portals() -> Iterator[list[PortalServer]]:
    """Two portal processes on one throwaway PostgreSQL database."""
    databases = postgres_or_skip()
    url = databases.create("dh_portal_security")
    root = Path(tempfile.mkdtemp(prefix="dh-security-pg-"))
    (root / "reports").mkdir()
    first = launch_server(root / "data", root / "reports", DH_PRIVACY_DATABASE_URL=url,
                          DH_PORTAL_LOGIN_MAX_FAILURES=str(LIMIT))
    # The second process shares the database (accounts included) and the key file.
    env = portal_env(root / "data", root / "reports", DH_PRIVACY_DATABASE_URL=url,
                     DH_PORTAL_LOGIN_MAX_FAILURES=str(LIMIT))
    log = root / "second.log"
    process = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "portal"], cwd=PROJECT_ROOT, env=env,
        stdout=log.open("wb"), stderr=subprocess.STDOUT)
    second = PortalServer(env, f"http://127.0.0.1:{env['DH_PORTAL_PORT']}", process,
                          first.services, first.engine, root / "data", log)
    try:
        yield [wait_until_healthy(first), wait_until_healthy(second)]
    finally:
        second.process.terminate()
        second.process.wait(timeout=10)
        first.stop()
        first.engine.dispose()
        databases.drop_all()
        shutil.rmtree(root, ignore_errors=True)


def test_parallel_wrong_passwords_over_two_processes_on_postgresql_evaluate_at_most_five(
    postgres_portals: list[PortalServer],
) -> None:
    first, second = postgres_portals
    assert first.engine.dialect.name == "postgresql"
    jobs = [("anna", f"127.0.3.{n}") for n in range(30)]
    with ThreadPoolExecutor(2) as pool:
        halves = list(pool.map(_race, [first.url, second.url], [jobs[:15], jobs[15:]]))
    assert _evaluated(halves[0] + halves[1]) <= LIMIT, halves
    by_address = _race(second.url, [(f"gok{n}", "127.0.3.200") for n in range(30)])
    assert _evaluated(by_address) <= LIMIT, by_address


# --- finding 10: directory URLs -----------------------------------------------------------------


@pytest.mark.parametrize("path", ["/widget/", "/static/", "/widget", "/static",
                                  "/static/portal.css/", "/widget/nietbestaand.js"])
def test_directory_and_missing_file_urls_answer_404(server: PortalServer, path: str) -> None:
    response = server.client().get(path)
    assert response.status_code == 404, (path, response.status_code)
    assert "Traceback" not in response.text


# --- finding 10: the chat relay -----------------------------------------------------------------


def _chat(client: httpx.Client, sender: str, **headers: str) -> httpx.Response:
    return client.post("/chat/send", json={"sender": sender, "message": "hoi"},
                       headers=headers)


def test_chat_is_rate_limited_per_conversation_with_a_kind_dutch_answer(
    server: PortalServer, rasa: FakeRasa,
) -> None:
    client = server.client("127.0.4.1")
    sender = "a" * 32
    statuses = [_chat(client, sender).status_code for _ in range(CHAT_PER_CONVERSATION)]
    assert statuses == [200] * CHAT_PER_CONVERSATION
    before = len(rasa.received)
    refused = _chat(client, sender)
    assert refused.status_code == 429
    assert 0 < int(refused.headers["retry-after"]) <= 60
    body = refused.json()
    assert "even" in body["message"] and "112" in body["message"] and body["retry"] is False
    assert len(rasa.received) == before, "a refused message never reaches the assistant"
    assert _chat(client, "b" * 32).status_code == 200, "another conversation may go on"


def test_chat_is_rate_limited_per_address(server: PortalServer) -> None:
    client = server.client("127.0.4.2")
    statuses = [_chat(client, f"{n:032d}").status_code for n in range(CHAT_PER_ADDRESS + 3)]
    assert statuses[:CHAT_PER_ADDRESS] == [200] * CHAT_PER_ADDRESS
    assert statuses[CHAT_PER_ADDRESS:] == [429] * 3
    assert _chat(server.client("127.0.4.3"), "c" * 32).status_code == 200


def test_chat_accepts_only_the_configured_origins(server: PortalServer) -> None:
    client = server.client("127.0.4.4")
    same = _chat(client, "d" * 32, Origin=server.url)
    assert same.status_code == 200
    allowed = _chat(client, "e" * 32, Origin=OTHER_SITE)
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == OTHER_SITE
    for origin in ("https://kwaadaardig.example", "null", OTHER_SITE + ".kwaadaardig.example"):
        refused = _chat(client, "f" * 32, Origin=origin)
        assert refused.status_code == 403, origin
        assert "access-control-allow-origin" not in refused.headers
    preflight = client.options("/chat/send", headers={
        "Origin": OTHER_SITE, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    assert preflight.status_code == 204
    assert preflight.headers["access-control-allow-origin"] == OTHER_SITE
    foreign = client.options("/chat/send", headers={
        "Origin": "https://kwaadaardig.example", "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in foreign.headers


# --- finding 10: scrypt at OWASP's parameters, old hashes re-hashed at log-in -------------------


def _stored_hash(server: PortalServer, name: str) -> str:
    with server.engine.connect() as connection:
        return connection.execute(
            select(accounts.c.password_hash).where(accounts.c.name == name)).scalar_one()


def test_old_scrypt_hash_is_replaced_at_log_in(server: PortalServer) -> None:
    assert (passwords.N, passwords.R, passwords.P) == (2**17, 8, 1)
    old = passwords.hash_password(PASSWORD, n=2**15)
    with server.engine.begin() as connection:
        connection.execute(update(accounts).where(accounts.c.name == "ellen")
                           .values(password_hash=old))
    assert post_login(server.client("127.0.5.1"), "ellen", "fout-wachtwoord-1").status_code == 401
    assert _stored_hash(server, "ellen") == old, "a wrong password changes nothing"
    assert post_login(server.client("127.0.5.2"), "ellen", PASSWORD).status_code == 303
    new = _stored_hash(server, "ellen")
    assert new != old and new.split("$")[1:4] == [str(2**17), "8", "1"]
    assert passwords.verify_password(PASSWORD, new)
    assert post_login(server.client("127.0.5.3"), "ellen", PASSWORD).status_code == 303
    assert _stored_hash(server, "ellen") == new, "a current hash is left alone"

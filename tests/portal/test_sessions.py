"""Sessions end on log-out, after the idle time, and when the account is switched off."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from portal.sessions import MAX_AGE, SessionStore, token_hash
from portal.tables import sessions
from tests.portal.conftest import Clock, PortalServer, memory_engine


@pytest.fixture
def store_and_clock() -> tuple[SessionStore, Clock]:
    engine = memory_engine()
    clock = Clock()
    return SessionStore(engine, timedelta(minutes=60), clock), clock


def test_only_the_hash_of_the_token_is_stored(store_and_clock) -> None:  # noqa: ANN001
    store, _clock = store_and_clock
    token, session = store.create("anna")
    with store._engine.connect() as connection:  # noqa: SLF001
        stored = connection.execute(select(sessions.c.token_hash)).scalars().all()
    assert stored == [token_hash(token)] and token not in stored
    assert len(token) >= 43 and session.csrf_token != token


def test_idle_session_expires(store_and_clock) -> None:  # noqa: ANN001
    store, clock = store_and_clock
    token, _session = store.create("anna")
    clock.now += timedelta(minutes=59)
    assert store.lookup(token)[0] is not None  # use keeps it alive ...
    clock.now += timedelta(minutes=59)
    assert store.lookup(token)[0] is not None
    clock.now += timedelta(minutes=61)  # ... idleness ends it
    assert store.lookup(token) == (None, "anna")
    assert store.lookup(token) == (None, None)  # and it is gone


def test_session_ends_after_a_working_day_even_when_active(store_and_clock) -> None:  # noqa: ANN001
    store, clock = store_and_clock
    token, _session = store.create("anna")
    while clock.now < datetime(2026, 11, 30, 9, 0, tzinfo=UTC) + MAX_AGE - timedelta(minutes=30):
        clock.now += timedelta(minutes=30)
        assert store.lookup(token)[0] is not None
    clock.now += timedelta(minutes=31)
    assert store.lookup(token)[0] is None


@pytest.mark.parametrize("token", ["", "onbekend", "x" * 5000])
def test_unknown_tokens_find_nothing(store_and_clock, token: str) -> None:  # noqa: ANN001
    assert store_and_clock[0].lookup(token) == (None, None)


@pytest.mark.parametrize("path", ["/logout", "/api/logout"])
def test_log_out_invalidates_the_session(portal: PortalServer, path: str) -> None:
    client = portal.login("ellen")
    stolen = dict(client.cookies)  # a copy taken before log-out must be useless afterwards
    if path == "/api/logout":
        response = client.post(path, headers={"X-CSRF-Token": client.csrf})
        assert response.status_code == 200
    else:
        response = client.post(path, data={"csrf_token": client.csrf})
        assert response.status_code == 303 and response.headers["location"] == "/login"
    replay = portal.client()
    replay.cookies.update(stolen)
    assert replay.get("/api/reports").status_code == 401
    assert replay.get("/reports").headers["location"] == "/login"


def test_idle_session_expires_over_http(quick: PortalServer) -> None:
    client = quick.login("ellen")  # quick: 3 s idle time
    assert client.get("/api/reports").status_code == 200
    time.sleep(3.5)
    assert client.get("/api/reports").status_code == 401
    assert client.get("/reports").headers["location"] == "/login"


def test_disabling_an_account_ends_its_sessions(portal: PortalServer) -> None:
    admin = portal.as_user("frank")
    created = admin.post("/api/accounts", headers={"X-CSRF-Token": admin.csrf}, json={
        "name": "tijdelijk", "role": "analyst", "password": "tijdelijk-wachtwoord"})
    assert created.status_code == 201
    temporary = portal.login("tijdelijk", "tijdelijk-wachtwoord")
    assert temporary.get("/api/reports").status_code == 200
    admin.post("/api/accounts/tijdelijk/disable", headers={"X-CSRF-Token": admin.csrf})
    assert temporary.get("/api/reports").status_code == 401
    again = portal.client().post("/api/login", json={"name": "tijdelijk",
                                                     "password": "tijdelijk-wachtwoord"})
    assert again.status_code == 401

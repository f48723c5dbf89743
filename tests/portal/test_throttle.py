"""Brute force: after too many failed log-ins per account or per address, 429 until the window
has passed - also when the password is then right."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from sqlalchemy import select

from portal.tables import login_counters
from portal.throttle import LoginThrottle
from tests.portal.conftest import PASSWORD, Clock, PortalServer, memory_engine, post_login

MAX = 3  # the quick server's login_max_failures


@pytest.fixture
def throttle() -> tuple[LoginThrottle, Clock]:
    engine = memory_engine()
    clock = Clock()
    return LoginThrottle(engine, 5, timedelta(minutes=15), clock), clock


def test_unit_per_account_window(throttle) -> None:  # noqa: ANN001
    limiter, clock = throttle
    for n in range(5):
        assert limiter.retry_after("anna", f"10.0.0.{n}") == 0
        limiter.record("anna", f"10.0.0.{n}", False)
        clock.now += timedelta(minutes=1)
    wait = limiter.retry_after("anna", "10.0.0.99")
    assert 0 < wait <= 11 * 60  # the first failure leaves the window 15 min after it happened
    clock.now += timedelta(seconds=wait)
    assert limiter.retry_after("anna", "10.0.0.99") == 0
    assert limiter.retry_after("Anna ", "10.0.0.99") == 0  # names compare normalised


def test_unit_success_resets_the_account_but_not_the_address(throttle) -> None:  # noqa: ANN001
    limiter, _clock = throttle
    for _ in range(4):
        limiter.record("anna", "10.0.0.1", False)
    limiter.record("anna", "10.0.0.1", True)
    limiter.record("anna", "10.0.0.2", False)
    assert limiter.retry_after("anna", "10.0.0.3") == 0
    assert limiter.retry_after("bram", "10.0.0.1") == 0
    limiter.record("bram", "10.0.0.1", False)
    assert limiter.retry_after("carla", "10.0.0.1") > 0  # five failures from this address


def test_unit_typed_names_are_stored_hashed(throttle) -> None:  # noqa: ANN001
    limiter, _clock = throttle
    limiter.record("MijnWachtwoord123", "10.0.0.1", False)
    with limiter._engine.connect() as connection:  # noqa: SLF001
        keys = connection.execute(select(login_counters.c.key)).scalars().all()
    assert not any("MijnWachtwoord123" in key for key in keys)
    assert sorted(keys)[0].startswith("account:") and len(sorted(keys)[0]) == 8 + 64


def _login(quick: PortalServer, name: str, password: str, address: str):  # noqa: ANN202
    return post_login(quick.client(address), name, password)


def test_per_account_lock_out_over_http(quick: PortalServer) -> None:
    # Failures for one account from different addresses: the account is locked everywhere.
    for n in range(MAX):
        assert _login(quick, "anna", "fout-wachtwoord-1", f"127.0.0.{30 + n}").status_code == 401
    locked = _login(quick, "anna", PASSWORD, "127.0.0.40")  # right password, fresh address
    assert locked.status_code == 429
    assert "te vaak" in locked.text and int(locked.headers["retry-after"]) > 0
    api = quick.client("127.0.0.41").post("/api/login", json={"name": "anna",
                                                               "password": PASSWORD})
    assert api.status_code == 429 and api.json()["error"] == 429
    assert _login(quick, "bram", PASSWORD, "127.0.0.42").status_code == 303  # others unaffected
    wait = int(api.headers["retry-after"])
    assert wait <= 16  # the quick server's window is 15 s
    time.sleep(wait)
    assert _login(quick, "anna", PASSWORD, "127.0.0.40").status_code == 303


def test_per_address_lock_out_over_http(quick: PortalServer) -> None:
    # Failures from one address for different names: that address is locked for everyone.
    for n in range(MAX):
        assert _login(quick, f"gok{n}", "fout-wachtwoord-1", "127.0.0.50").status_code == 401
    locked = _login(quick, "carla", PASSWORD, "127.0.0.50")
    assert locked.status_code == 429
    assert _login(quick, "carla", PASSWORD, "127.0.0.51").status_code == 303


def test_failed_log_in_answer_does_not_tell_which_part_was_wrong(portal: PortalServer) -> None:
    unknown = post_login(portal.client("127.0.0.60"), "niemand", "fout-wachtwoord-1")
    wrong = post_login(portal.client("127.0.0.61"), "ellen", "fout-wachtwoord-1")
    assert unknown.status_code == wrong.status_code == 401
    assert "De naam of het wachtwoord klopt niet." in unknown.text
    assert "De naam of het wachtwoord klopt niet." in wrong.text


def test_unit_each_attempt_is_charged_before_the_password_is_checked(throttle) -> None:  # noqa: ANN001
    limiter, clock = throttle
    assert [limiter.charge("anna", f"10.0.1.{n}") for n in range(5)] == [0] * 5
    wait = limiter.charge("anna", "10.0.1.9")  # the sixth is refused before any check
    assert 0 < wait <= 15 * 60
    assert limiter.charge("anna", "10.0.1.9") == wait, "refused attempts do not move the window"
    for _ in range(10):
        limiter.charge("anna", "10.0.1.10")
    assert limiter.charge("bram", "10.0.1.10") == 0, "refused attempts do not lock the address"
    clock.now += timedelta(seconds=wait)
    assert limiter.charge("anna", "10.0.1.9") == 0, "a new window"


def test_unit_a_right_password_gives_the_address_its_charge_back(throttle) -> None:  # noqa: ANN001
    limiter, _clock = throttle
    for n in range(4):
        assert limiter.charge(f"gok{n}", "10.0.2.1") == 0
    assert limiter.charge("anna", "10.0.2.1") == 0
    limiter.succeeded("anna", "10.0.2.1")
    assert limiter.charge("bram", "10.0.2.1") == 0  # the fifth failure from this address
    assert limiter.charge("carla", "10.0.2.1") > 0

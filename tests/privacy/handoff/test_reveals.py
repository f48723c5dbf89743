"""A value shown once: encrypted while it waits, gone once read, gone after its minute."""

from __future__ import annotations

import secrets

import pytest

from privacy.cipher import Cipher
from privacy.reveals import Reveals
from tests.privacy.handoff.backends import stored_text

CODE = "7QM4-X2PD-9TK3"


class Seconds:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def seconds() -> Seconds:
    return Seconds()


@pytest.fixture
def reveals(engine, seconds) -> Reveals:
    return Reveals(engine, Cipher(secrets.token_bytes(32)), lambda s: f"p-{s}", ttl_s=60,
                   clock=seconds)


def test_a_value_is_read_once(reveals, engine):
    reveals.put("resident", CODE)
    assert CODE not in stored_text(engine), "encrypted while it waits"
    assert reveals.take("another resident") is None
    assert reveals.take("resident") == CODE
    assert reveals.take("resident") is None
    assert stored_text(engine) == "", "nothing left behind"


def test_a_value_nobody_took_expires(reveals, seconds):
    reveals.put("resident", CODE)
    seconds.now += 61
    assert reveals.take("resident") is None
    reveals.put("resident", CODE)
    seconds.now += 61
    assert reveals.purge_expired() == 1


def test_a_newer_value_replaces_the_older(reveals):
    reveals.put("resident", "AAAA-AAAA-AAAA")
    reveals.put("resident", CODE)
    assert reveals.take("resident") == CODE

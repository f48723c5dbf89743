"""Vault fixtures: a real database per backend, a fresh master key, an injectable clock."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from functools import partial

import pytest
from sqlalchemy.engine import Engine

from privacy.cipher import Cipher
from privacy.keys import derive_key, pseudonym
from privacy.vault import Vault
from tests.privacy.handoff.backends import (  # noqa: F401 - the database fixtures
    db_url_fixture,
    engine_fixture,
    postgres_database_fixture,
)

IDLE_S = 30 * 60.0


class Clock:
    """Epoch seconds that only move when a test moves them."""

    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def master() -> bytes:
    return secrets.token_bytes(32)


@pytest.fixture
def pseudonym_key(master: bytes) -> bytes:
    return derive_key(master, "pseudonym")


def build_vault(
    engine: Engine, master: bytes, clock: Callable[[], float], idle_expiry_s: float = IDLE_S,
    cipher_master: bytes | None = None,
) -> Vault:
    """The vault as ``open_privacy_services`` wires it; ``cipher_master`` swaps only the cipher."""
    return Vault(
        engine, Cipher(derive_key(cipher_master or master, "vault")),
        derive_key(master, "vault-lookup"), partial(pseudonym, derive_key(master, "pseudonym")),
        idle_expiry_s, clock=clock,
    )


@pytest.fixture
def vault(engine: Engine, master: bytes, clock: Clock) -> Vault:
    return build_vault(engine, master, clock)

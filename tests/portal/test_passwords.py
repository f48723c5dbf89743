"""scrypt hashing: verifies, refuses wrong passwords, never stores the password itself."""

from __future__ import annotations

import pytest

from portal.passwords import (
    PasswordError,
    check_policy,
    hash_password,
    needs_rehash,
    verify_password,
)

CHEAP = {"n": 2**10}  # parameters are stored with the hash, so cheap ones verify the same way


def test_hash_verifies_and_is_not_the_password() -> None:
    encoded = hash_password("mijn-geheime-zin-42")
    assert verify_password("mijn-geheime-zin-42", encoded)
    assert "mijn-geheime-zin-42" not in encoded
    assert encoded.startswith("scrypt$131072$8$1$")  # OWASP's advice: 128 MiB per hash
    assert not needs_rehash(encoded)


@pytest.mark.parametrize("encoded", [
    "scrypt$32768$8$1$AAAA$AAAA",   # the portal's parameters until issue 19
    "scrypt$131072$4$1$AAAA$AAAA", "scrypt$131072$8$0$AAAA$AAAA", "plain-text", "",
])
def test_weaker_or_unreadable_hashes_need_a_rehash(encoded: str) -> None:
    assert needs_rehash(encoded)


@pytest.mark.parametrize("attempt", ["mijn-geheime-zin-43", "Mijn-geheime-zin-42", "", " " * 20,
                                     "mijn-geheime-zin-42 "])
def test_wrong_password_fails(attempt: str) -> None:
    assert not verify_password(attempt, hash_password("mijn-geheime-zin-42", **CHEAP))


def test_salt_differs_per_hash() -> None:
    assert hash_password("zelfde-wachtwoord-1", **CHEAP) != hash_password(
        "zelfde-wachtwoord-1", **CHEAP)


@pytest.mark.parametrize("encoded", ["", "plain-text", "scrypt$x$8$1$AAAA$AAAA",
                                     "bcrypt$1024$8$1$AAAA$AAAA", "scrypt$1024$8$1$!!$??"])
def test_malformed_hash_never_matches(encoded: str) -> None:
    assert not verify_password("wat-dan-ook-123", encoded)


@pytest.mark.parametrize("password, fragment", [
    ("kort", "te kort"), ("elf-tekens!", "te kort"), (" " * 15, "spaties"), ("x" * 2000, "te lang"),
])
def test_policy_refuses(password: str, fragment: str) -> None:
    with pytest.raises(PasswordError, match=fragment):
        check_policy(password)


def test_policy_accepts_twelve_characters() -> None:
    check_policy("twaalf-tekens")

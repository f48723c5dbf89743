"""Password hashing with scrypt: memory-hard, a random salt per password, parameters kept with
the hash so they can be raised later without breaking existing accounts."""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import secrets

MIN_LENGTH = 12
MAX_LENGTH = 1024  # hashing very long input costs time; nobody types more
# OWASP's password storage advice for scrypt (2024): N=2^17, r=8, p=1 - 128 MiB per hash, about a
# third of a second. Older hashes are replaced at the next log-in (see ``needs_rehash``).
N, R, P = 2**17, 8, 1
SALT_BYTES = 16
KEY_BYTES = 32
_PREFIX = "scrypt"


class PasswordError(ValueError):
    """A new password does not meet the policy; the message says why, in Dutch."""


def check_policy(password: str) -> None:
    """Raise PasswordError for a password that is too short, too long or only spaces."""
    if len(password) < MIN_LENGTH:
        raise PasswordError(
            f"Het wachtwoord is te kort: gebruik minstens {MIN_LENGTH} tekens "
            f"(password too short, minimum {MIN_LENGTH} characters)."
        )
    if len(password) > MAX_LENGTH:
        raise PasswordError(f"Het wachtwoord is te lang: gebruik hoogstens {MAX_LENGTH} tekens.")
    if not password.strip():
        raise PasswordError("Het wachtwoord mag niet alleen uit spaties bestaan.")


def _derive(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p,
        maxmem=256 * n * r + 2**20, dklen=KEY_BYTES,
    )


def hash_password(password: str, *, n: int = N, r: int = R, p: int = P) -> str:
    """``scrypt$<n>$<r>$<p>$<salt>$<key>`` with base64 salt and key."""
    salt = secrets.token_bytes(SALT_BYTES)
    key = _derive(password, salt, n, r, p)
    return "$".join((_PREFIX, str(n), str(r), str(p), _b64(salt), _b64(key)))


def verify_password(password: str, encoded: str) -> bool:
    """True when ``password`` matches; compares in constant time; a malformed hash never matches."""
    try:
        prefix, n, r, p, salt, key = encoded.split("$")
        if prefix != _PREFIX or len(password) > MAX_LENGTH:
            return False
        expected = base64.b64decode(key, validate=True)
        actual = _derive(password, base64.b64decode(salt, validate=True), int(n), int(r), int(p))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


def needs_rehash(encoded: str) -> bool:
    """True for a hash made with weaker parameters than today's (or not readable as ours)."""
    try:
        prefix, n, r, p, _salt, _key = encoded.split("$")
        return prefix != _PREFIX or int(n) < N or int(r) < R or int(p) < P
    except ValueError:
        return True


@functools.cache
def _dummy_hash() -> str:
    return hash_password(secrets.token_urlsafe(16))


def burn_time(password: str) -> None:
    """Verify against a throw-away hash, so a wrong account name costs as long as a wrong
    password and response times do not tell which names exist."""
    verify_password(password, _dummy_hash())


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")

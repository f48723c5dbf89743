"""AES-GCM of small values: round trip, fresh nonces, and refusal of anything not sealed here."""

from __future__ import annotations

import base64
import secrets

import pytest

from privacy.cipher import Cipher, DecryptionError

VALUES = ["06-12345678", "Fatima el Amrani", "Zoë Ünal-Çelik", "fatima.elamrani@voorbeeld.nl",
          "111222333", "Kerkstraat 12, 1234 AB Voorbeeldstad", ""]


@pytest.fixture
def cipher() -> Cipher:
    return Cipher(secrets.token_bytes(32))


@pytest.mark.parametrize("value", VALUES)
@pytest.mark.parametrize("context", ["", "a1b2c3/PHONE_NUMBER/1", "handoff-ëé"])
def test_round_trip(cipher: Cipher, value: str, context: str) -> None:
    token = cipher.encrypt(value, context)
    assert cipher.decrypt(token, context) == value
    if value:
        assert value not in token and value.encode() not in base64.urlsafe_b64decode(token)


def test_every_encryption_uses_a_fresh_nonce(cipher: Cipher) -> None:
    tokens = {cipher.encrypt("06-12345678", "ctx") for _ in range(50)}
    assert len(tokens) == 50


@pytest.mark.parametrize(("sealed_with", "opened_with"), [
    ("conv/PHONE_NUMBER/1", "conv/PHONE_NUMBER/2"),
    ("conv/PHONE_NUMBER/1", "conv/PERSON/1"),
    ("conv/PHONE_NUMBER/1", ""),
    ("", "conv/PHONE_NUMBER/1"),
])
def test_the_context_is_authenticated(cipher: Cipher, sealed_with: str, opened_with: str) -> None:
    with pytest.raises(DecryptionError):
        cipher.decrypt(cipher.encrypt("06-12345678", sealed_with), opened_with)


def test_another_key_cannot_decrypt(cipher: Cipher) -> None:
    token = cipher.encrypt("111222333", "ctx")
    with pytest.raises(DecryptionError):
        Cipher(secrets.token_bytes(32)).decrypt(token, "ctx")


def _flip(token: str, index: int) -> str:
    raw = bytearray(base64.urlsafe_b64decode(token))
    raw[index] ^= 0x01
    return base64.urlsafe_b64encode(bytes(raw)).decode()


@pytest.mark.parametrize("index", [0, 11, 12, -1, -16])  # nonce, first/last ciphertext, tag
def test_a_flipped_bit_is_detected(cipher: Cipher, index: int) -> None:
    with pytest.raises(DecryptionError):
        cipher.decrypt(_flip(cipher.encrypt("Jan de Vries", "ctx"), index), "ctx")


@pytest.mark.parametrize("token", ["", "AAAA", "niet-base64!!", "ëëëë", "A" * 7,
                                   base64.urlsafe_b64encode(b"x" * 11).decode()])
def test_garbage_is_a_decryption_error_not_a_crash(cipher: Cipher, token: str) -> None:
    with pytest.raises(DecryptionError):
        cipher.decrypt(token, "ctx")


def test_decryption_error_is_a_value_error() -> None:
    assert issubclass(DecryptionError, ValueError)


@pytest.mark.parametrize("length", [0, 15, 31, 33])
def test_keys_of_a_wrong_length_are_refused(length: int) -> None:
    with pytest.raises(ValueError):
        Cipher(bytes(length))

"""The project's secret key, and the separate keys derived from it for each use.

One master key (32 random bytes) comes from ``DH_PRIVACY_KEY`` (URL-safe base64) or from a key
file created on first run with mode 0600. Each use gets its own key via HKDF, so the vault's
cipher, the hand-off cipher and the conversation pseudonyms never share key material.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import secrets
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

KEY_ENV = "DH_PRIVACY_KEY"
KEY_BYTES = 32
_URLSAFE_TO_STANDARD = str.maketrans("-_", "+/")


class KeyFileError(ValueError):
    """The configured key is unusable (wrong length, not base64, file readable by others)."""


def load_master_key(key_file: Path, env: dict[str, str] | None = None) -> bytes:
    """The key from the environment, else from ``key_file`` (created with mode 0600 if missing)."""
    env = dict(os.environ) if env is None else env
    raw = env.get(KEY_ENV, "").strip()
    if raw:
        return _decode(raw, KEY_ENV)
    if not key_file.exists():
        _create_key_file(key_file)
    if key_file.stat().st_mode & 0o077:
        raise KeyFileError(f"{key_file} is readable by others; run: chmod 600 {key_file}")
    return _decode(key_file.read_bytes().strip(), str(key_file))


def _create_key_file(key_file: Path) -> None:
    """Write a new key beside ``key_file`` and link it into place only when complete.

    Rasa, the action server and the portal start together on a fresh data dir; linking (which
    never replaces an existing file) makes exactly one of them win, and nobody reads a half-written
    key.
    """
    key_file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)  # the keys folder: owner only
    content = base64.urlsafe_b64encode(secrets.token_bytes(KEY_BYTES)) + b"\n"
    temporary = key_file.with_name(f".{key_file.name}.{secrets.token_hex(8)}.tmp")
    try:
        _write_new(temporary, content)
        os.link(temporary, key_file)
    except FileExistsError:
        pass  # another process created it first: use theirs
    except OSError:  # a file system without hard links: create it in place, exclusively
        try:
            _write_new(key_file, content)
        except FileExistsError:
            pass
    finally:
        temporary.unlink(missing_ok=True)


def _write_new(path: Path, content: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())


def _decode(raw: str | bytes, source: str) -> bytes:
    """Strict URL-safe (or standard) base64 of exactly 32 bytes; stray characters are an error."""
    try:
        text = raw.decode("ascii") if isinstance(raw, bytes) else raw
        key = base64.b64decode(text.translate(_URLSAFE_TO_STANDARD), validate=True)
    except (ValueError, binascii.Error) as exc:  # non-ASCII text raises a ValueError too
        raise KeyFileError(f"{source} is not URL-safe base64") from exc
    if len(key) != KEY_BYTES:
        raise KeyFileError(f"{source} must hold {KEY_BYTES} bytes, not {len(key)}")
    return key


def derive_key(master: bytes, purpose: str) -> bytes:
    """A 32-byte key for one purpose ("vault", "handoff", "pseudonym")."""
    return HKDF(
        algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None,
        info=f"digitale-huiskamer/{purpose}".encode(),
    ).derive(master)


def pseudonym(key: bytes, conversation_id: str) -> str:
    """A stable, keyed pseudonym for a conversation: the registers never hold the sender id."""
    return hmac.new(key, conversation_id.encode("utf-8"), hashlib.sha256).hexdigest()[:32]

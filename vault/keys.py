"""The project's secret key, and the separate keys derived from it for each use.

One master key (32 random bytes) comes from ``DH_PRIVACY_KEY`` (URL-safe base64) or from a key
file created on first run with mode 0600. Each use gets its own key via HKDF, so the vault's
cipher, the hand-off cipher and the conversation pseudonyms never share key material.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

KEY_ENV = "DH_PRIVACY_KEY"
KEY_BYTES = 32


class KeyFileError(ValueError):
    """The configured key is unusable (wrong length, not base64, file readable by others)."""


def load_master_key(key_file: Path, env: dict[str, str] | None = None) -> bytes:
    """The key from the environment, else from ``key_file`` (created with mode 0600 if missing)."""
    env = dict(os.environ) if env is None else env
    raw = env.get(KEY_ENV, "").strip()
    if raw:
        return _decode(raw, KEY_ENV)
    if not key_file.exists():
        key_file.parent.mkdir(parents=True, exist_ok=True)
        encoded = base64.urlsafe_b64encode(secrets.token_bytes(KEY_BYTES))
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(encoded + b"\n")
    if key_file.stat().st_mode & 0o077:
        raise KeyFileError(f"{key_file} is readable by others; run: chmod 600 {key_file}")
    return _decode(key_file.read_text(encoding="ascii").strip(), str(key_file))


def _decode(raw: str, source: str) -> bytes:
    try:
        key = base64.urlsafe_b64decode(raw.encode("ascii"))
    except (ValueError, UnicodeEncodeError) as exc:
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

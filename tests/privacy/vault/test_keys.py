"""The master key: from the environment or a private key file, and one derived key per use."""

from __future__ import annotations

import base64
import os
import secrets
import stat
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from privacy.keys import KEY_ENV, KeyFileError, derive_key, load_master_key, pseudonym


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode()


def test_the_key_file_is_created_private_on_first_run_and_reused(tmp_path: Path) -> None:
    key_file = tmp_path / "var" / "keys" / "privacy.key"
    first = load_master_key(key_file, env={})
    assert len(first) == 32
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    content = key_file.read_bytes()
    assert base64.urlsafe_b64decode(content.strip()) == first
    assert load_master_key(key_file, env={}) == first
    assert key_file.read_bytes() == content, "an existing key is never rewritten"


def test_a_new_key_file_is_private_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        load_master_key(tmp_path / "privacy.key", env={})
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "privacy.key").stat().st_mode) == 0o600


def test_two_installations_get_different_keys(tmp_path: Path) -> None:
    first = load_master_key(tmp_path / "a.key", env={})
    assert first != load_master_key(tmp_path / "b.key", env={})


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604, 0o660, 0o602])
def test_a_key_file_others_can_reach_is_refused(tmp_path: Path, mode: int) -> None:
    key_file = tmp_path / "privacy.key"
    load_master_key(key_file, env={})
    key_file.chmod(mode)
    with pytest.raises(KeyFileError, match=r"readable by others.*chmod 600"):
        load_master_key(key_file, env={})


def test_the_environment_wins_and_no_file_is_made(tmp_path: Path) -> None:
    key = secrets.token_bytes(32)
    key_file = tmp_path / "privacy.key"
    assert load_master_key(key_file, env={KEY_ENV: f"  {_b64(key)}\n"}) == key
    assert not key_file.exists()
    load_master_key(key_file, env={})
    assert load_master_key(key_file, env={KEY_ENV: _b64(key)}) == key


def test_the_environment_is_read_when_no_env_is_passed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = secrets.token_bytes(32)
    monkeypatch.setenv(KEY_ENV, _b64(key))
    assert load_master_key(tmp_path / "privacy.key") == key


BAD_KEYS = [
    pytest.param(_b64(secrets.token_bytes(16)), id="16 bytes"),
    pytest.param(_b64(secrets.token_bytes(31)), id="31 bytes"),
    pytest.param(_b64(secrets.token_bytes(33)), id="33 bytes"),
    pytest.param("dit is geen sleutel", id="Dutch words"),
    pytest.param("sleutel€" + _b64(secrets.token_bytes(32))[8:], id="non-ascii"),
    pytest.param(_b64(secrets.token_bytes(32))[:-1], id="truncated"),
    pytest.param(_b64(secrets.token_bytes(32))[:20] + "!*" + _b64(secrets.token_bytes(32))[20:],
                 id="junk inside a valid key"),
    pytest.param(_b64(secrets.token_bytes(32)) + "$", id="junk after a valid key"),
]


@pytest.mark.parametrize("raw", BAD_KEYS)
def test_unusable_keys_in_the_environment_are_refused(tmp_path: Path, raw: str) -> None:
    with pytest.raises(KeyFileError, match=KEY_ENV):
        load_master_key(tmp_path / "privacy.key", env={KEY_ENV: raw})


@pytest.mark.parametrize("raw", BAD_KEYS)
def test_unusable_key_files_are_refused(tmp_path: Path, raw: str) -> None:
    key_file = tmp_path / "privacy.key"
    key_file.write_bytes(raw.encode("utf-8") + b"\n")
    key_file.chmod(0o600)
    with pytest.raises(KeyFileError, match="privacy.key"):
        load_master_key(key_file, env={})


def test_processes_starting_together_share_one_new_key(tmp_path: Path) -> None:
    """``make run`` starts Rasa, the action server and the portal at once on a fresh data dir."""
    for attempt in range(15):
        key_file = tmp_path / f"run{attempt}" / "keys" / "privacy.key"
        start = threading.Barrier(6)

        def load(_: int, key_file: Path = key_file, start: threading.Barrier = start) -> bytes:
            start.wait(timeout=10)
            return load_master_key(key_file, env={})

        with ThreadPoolExecutor(6) as pool:
            keys = set(pool.map(load, range(6)))
        assert len(keys) == 1
        assert base64.urlsafe_b64decode(key_file.read_bytes().strip()) == keys.pop()
        assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
        assert [p.name for p in key_file.parent.iterdir()] == ["privacy.key"], "no temp files left"


PURPOSES = ["vault", "vault-lookup", "handoff", "pseudonym"]


def test_each_purpose_gets_its_own_key() -> None:
    master = secrets.token_bytes(32)
    keys = [derive_key(master, purpose) for purpose in PURPOSES]
    assert len(set(keys)) == len(PURPOSES)
    assert all(len(key) == 32 and key != master for key in keys)
    assert keys == [derive_key(master, purpose) for purpose in PURPOSES], "deterministic"
    assert derive_key(secrets.token_bytes(32), "vault") != derive_key(master, "vault")


def test_pseudonyms_are_stable_keyed_and_hide_the_sender() -> None:
    key, other_key = secrets.token_bytes(32), secrets.token_bytes(32)
    sender = "whatsapp:+31612345678"
    alias = pseudonym(key, sender)
    assert alias == pseudonym(key, sender)
    assert alias != pseudonym(key, "whatsapp:+31687654321")
    assert alias != pseudonym(other_key, sender)
    assert "31612345678" not in alias and len(alias) == 32
    int(alias, 16)


def test_a_file_system_without_hard_links_still_gets_a_private_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(*_: object) -> None:
        raise PermissionError("hard links not supported")

    monkeypatch.setattr(os, "link", no_links)
    key_file = tmp_path / "privacy.key"
    key = load_master_key(key_file, env={})
    assert load_master_key(key_file, env={}) == key
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["privacy.key"]

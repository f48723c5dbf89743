"""The action server's shared secret: where it comes from, and when the start must stop.

Over HTTP (refusals, loopback, the production start): tests/security/test_action_server.py.
"""

from __future__ import annotations

import base64
import re
import secrets
from dataclasses import replace
from pathlib import Path

import pytest

from privacy.keys import derive_key, load_master_key
from privacy.settings import load_privacy_settings
from runtime.action_server import TOKEN_PURPOSE, actions_token, create_app
from runtime.profiles import load_profile
from settings.core import ActionServerAccess, SettingsError, load_action_server_access


def privacy(tmp_path: Path):  # noqa: ANN201
    return load_privacy_settings(env={"DH_DATA_DIR": str(tmp_path)})


def test_an_explicit_secret_is_used_as_given(tmp_path):
    token = secrets.token_urlsafe(32)
    access = load_action_server_access(env={"DH_ACTIONS_TOKEN": f"  {token}\n"})
    assert actions_token(access, privacy(tmp_path), {}) == token
    assert token not in repr(access), "never printed with the settings"
    assert not (tmp_path / "keys").exists(), "no key needed"


@pytest.mark.parametrize("token", ["kort", "x" * 31, "met spatie " * 4, "é" * 40,
                                   "a" * 40 + "\n" + "b"])
def test_a_short_or_odd_secret_is_refused(tmp_path, token):
    access = ActionServerAccess(token_required=False, token=token)
    with pytest.raises(SettingsError, match="DH_ACTIONS_TOKEN must be at least 32"):
        actions_token(access, privacy(tmp_path), {})


def test_without_a_secret_one_is_derived_from_the_privacy_key(tmp_path):
    access = load_action_server_access(env={})
    assert access.token_required is False, "the embedded default needs no configuration"
    first = actions_token(access, privacy(tmp_path), {})
    assert re.fullmatch(r"[A-Za-z0-9_-]{43}", first)
    assert actions_token(access, privacy(tmp_path), {}) == first, "every process agrees"

    master = load_master_key(privacy(tmp_path).key_file, {})
    assert base64.urlsafe_b64decode(first + "=") == derive_key(master, TOKEN_PURPOSE)
    for purpose in ("vault", "handoff", "pseudonym"):
        assert derive_key(master, purpose) != derive_key(master, TOKEN_PURPOSE)
    other = tmp_path / "other"
    assert actions_token(access, privacy(other), {}) != first, "another key, another secret"


def test_the_production_profile_requires_the_secret(tmp_path):
    profile = load_profile({"PROFILE": "production"})
    access = load_action_server_access(env=profile.env)
    assert access.token_required is True
    with pytest.raises(SettingsError, match="DH_ACTIONS_TOKEN is not set.*requires it"):
        actions_token(access, privacy(tmp_path), {})
    assert not (tmp_path / "keys").exists(), "not silently derived"
    token = secrets.token_urlsafe(32)
    assert actions_token(replace(access, token=token), privacy(tmp_path), {}) == token


def test_an_app_without_a_secret_is_never_made():
    with pytest.raises(ValueError, match="needs a token"):
        create_app("")

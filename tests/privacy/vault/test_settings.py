"""Where the privacy database and key live: under the data dir unless configured otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest

from privacy.settings import load_privacy_settings
from settings.core import PROJECT_ROOT


def test_database_and_key_file_live_under_the_data_dir(tmp_path: Path) -> None:
    settings = load_privacy_settings(env={"DH_DATA_DIR": str(tmp_path)})
    assert settings.database_url == f"sqlite:///{tmp_path / 'privacy.db'}"
    assert settings.resolved_database_url == settings.database_url
    assert settings.key_file == tmp_path / "keys" / "privacy.key"
    assert settings.vault_idle_minutes == 30
    assert settings.handoff_retention_days == 30


def test_a_relative_data_dir_is_relative_to_the_project() -> None:
    settings = load_privacy_settings(env={"DH_DATA_DIR": "var/test-x"})
    assert settings.key_file == PROJECT_ROOT / "var" / "test-x" / "keys" / "privacy.key"
    assert settings.database_url == f"sqlite:///{PROJECT_ROOT / 'var' / 'test-x' / 'privacy.db'}"


@pytest.mark.parametrize("url", [
    "postgresql+psycopg2://postgres@127.0.0.1:5432/privacy",
    "sqlite:////srv/huiskamer/privacy.db",
])
def test_the_database_url_can_be_overridden(tmp_path: Path, url: str) -> None:
    settings = load_privacy_settings(
        env={"DH_DATA_DIR": str(tmp_path), "DH_PRIVACY_DATABASE_URL": url})
    assert settings.resolved_database_url == url
    assert settings.key_file == tmp_path / "keys" / "privacy.key"


def test_key_file_and_times_can_be_overridden(tmp_path: Path) -> None:
    settings = load_privacy_settings(env={
        "DH_DATA_DIR": str(tmp_path / "data"),
        "DH_PRIVACY_KEY_FILE": str(tmp_path / "secrets" / "dh.key"),
        "DH_PRIVACY_VAULT_IDLE_MINUTES": "5",
        "DH_PRIVACY_HANDOFF_RETENTION_DAYS": "7.5",
    })
    assert settings.key_file == tmp_path / "secrets" / "dh.key"
    assert settings.vault_idle_minutes == 5
    assert settings.handoff_retention_days == 7.5

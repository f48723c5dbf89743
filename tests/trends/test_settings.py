"""The trends section of settings.yml, its env overrides and its checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from settings.core import SettingsError
from trends.settings import load_trend_settings


def test_defaults_put_both_stores_under_the_data_dir(tmp_path: Path):
    settings = load_trend_settings(env={"DH_DATA_DIR": str(tmp_path)})
    assert settings.database_url == f"sqlite:///{tmp_path / 'trends.db'}"
    assert settings.demo_database_url == f"sqlite:///{tmp_path / 'trends-demo.db'}"
    assert (settings.min_count, settings.rounding_base) == (10, 5)


def test_env_overrides(tmp_path: Path):
    settings = load_trend_settings(env={
        "DH_DATA_DIR": str(tmp_path), "DH_TRENDS_MIN_COUNT": "20",
        "DH_TRENDS_DATABASE_URL": "postgresql+psycopg2://u@h/db"})
    assert settings.min_count == 20 and settings.database_url == "postgresql+psycopg2://u@h/db"


def test_nonsense_thresholds_are_refused(tmp_path: Path):
    with pytest.raises(SettingsError):
        load_trend_settings(env={"DH_DATA_DIR": str(tmp_path), "DH_TRENDS_MIN_COUNT": "1"})
    with pytest.raises(SettingsError):
        load_trend_settings(env={"DH_DATA_DIR": str(tmp_path),
                                 "DH_TRENDS_SIGNIFICANCE_LEVEL": "2"})


def test_launcher_hands_the_store_to_rasa(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from settings.core import load_settings

    monkeypatch.delenv("DH_TRENDS_DATABASE_URL", raising=False)
    from runtime.bootstrap import server_env

    env = server_env(load_settings(env={"DH_DATA_DIR": str(tmp_path)}),
                     env={"DH_DATA_DIR": str(tmp_path)})
    assert env["DH_TRENDS_DATABASE_URL"] == f"sqlite:///{tmp_path / 'trends.db'}"

from pathlib import Path

import pytest
import yaml

from runtime.bootstrap import server_env
from settings.core import ACTIONS_TOKEN_ENV, PROJECT_ROOT, SettingsError, load_settings


def test_defaults_put_data_under_var():
    settings = load_settings(env={})
    assert settings.data_dir == PROJECT_ROOT / "var"
    assert settings.model_path == PROJECT_ROOT / "models" / "assistant.tar.gz"
    assert (settings.rasa_port, settings.actions_port) == (5005, 5055)


def test_environment_overrides_file(tmp_path: Path):
    settings = load_settings(env={"DH_DATA_DIR": str(tmp_path), "DH_RASA_PORT": "6005"})
    assert settings.data_dir == tmp_path
    assert settings.rasa_port == 6005
    assert settings.server_env()["DH_DATA_DIR"] == str(tmp_path)


def test_bad_value_names_the_setting():
    with pytest.raises(SettingsError, match="rasa_port"):
        load_settings(env={"DH_RASA_PORT": "vijf"})


def test_missing_value_is_an_error(tmp_path: Path):
    path = tmp_path / "settings.yml"
    path.write_text("data_dir: var\n")
    with pytest.raises(SettingsError, match="missing"):
        load_settings(path, env={})


def test_session_expiry_matches_domain(domain):
    settings = load_settings(env={})
    assert domain["session_config"]["session_expiration_time"] == settings.session_expiry_minutes


def test_endpoints_use_only_variables_the_launcher_sets():
    text = (PROJECT_ROOT / "endpoints.yml").read_text()
    import re

    used = set(re.findall(r"\$\{(\w+)\}", text))
    # DH_ACTIONS_TOKEN: the launcher gives it to Rasa and the action server only
    assert used <= set(server_env(load_settings(env={}))) | {ACTIONS_TOKEN_ENV}
    assert "${DH_ACTIONS_TOKEN}" in yaml.safe_load(text)["action_endpoint"]["headers"][
        "Authorization"], "a header, never a ?token= that would show in logged URLs"
    assert yaml.safe_load(text)["tracker_store"]["dialect"] == "sqlite"

"""Portal settings come from settings.yml, DH_PORTAL_* overrides them; the launcher uses them."""

from __future__ import annotations

from pathlib import Path

import pytest

from portal.settings import load_portal_settings
from runtime.launcher import server_specs
from settings.core import PROJECT_ROOT, SettingsError, load_settings


def test_defaults_from_settings_yml() -> None:
    settings = load_portal_settings(env={})
    assert (settings.host, settings.port, settings.cookie_secure) == ("127.0.0.1", 8080, True)
    assert settings.reports_dir == PROJECT_ROOT / "var" / "reports" / "trends"


def test_environment_overrides() -> None:
    settings = load_portal_settings(env={"DH_PORTAL_PORT": "9123", "DH_PORTAL_COOKIE_SECURE":
                                         "false", "DH_PORTAL_REPORTS_DIR": "/tmp/rapporten"})
    assert settings.port == 9123 and settings.cookie_secure is False
    assert settings.reports_dir == Path("/tmp/rapporten")


@pytest.mark.parametrize("env", [{"DH_PORTAL_PORT": "acht"}, {"DH_PORTAL_LOGIN_MAX_FAILURES": "0"},
                                 {"DH_PORTAL_SESSION_MINUTES": "-1"}])
def test_bad_values_are_refused(env: dict[str, str]) -> None:
    with pytest.raises(SettingsError):
        load_portal_settings(env=env)


def test_launcher_starts_the_portal_on_its_port(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DH_PORTAL_PORT", "9124")
    specs = {spec.name: spec for spec in server_specs(load_settings(env={}))}
    portal = specs["portal"]
    assert portal.argv[1:] == ["-m", "portal"]
    assert portal.health_url == "http://127.0.0.1:9124/health"

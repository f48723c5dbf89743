"""nginx's generated config follows the settings: upstreams, request size, rate limits,
timeouts, a log without personal data; and which processes a region runs. nginx itself checks
the config (``nginx -t``) where Debian's nginx is installed (`make nginx`, part of `make test`)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from channels.resilience import load_resilience
from portal.settings import load_portal_settings
from redaction.settings import load_redaction_settings
from runtime import nginx_config, region
from runtime.launcher import server_specs
from runtime.nginx_config import NginxConfig, load_nginx_settings, plan_nginx, render_nginx_config
from runtime.profiles import load_profile
from settings.core import SettingsError, load_settings


def planned(tmp_path: Path, **env: str) -> NginxConfig:
    env = {"DH_DATA_DIR": str(tmp_path / "data"), "DH_RASA_INSTANCES": "2", **env}
    return plan_nginx(load_settings(env=env), load_nginx_settings(env=env),
                      load_redaction_settings(env=env), load_portal_settings(env=env),
                      load_resilience(env=env)[0])


def directives(text: str, name: str) -> list[str]:
    """The arguments of every ``name`` directive, comments left out."""
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return [line[len(name):].strip().rstrip(";") for line in lines
            if line.startswith(name + " ")]


def block(text: str, opening: str) -> str:
    """The body of the block that starts with ``opening`` (braces balanced)."""
    first = text.index("{", text.index(opening))
    depth = 0
    for index in range(first, len(text)):
        depth += {"{": 1, "}": -1}.get(text[index], 0)
        if depth == 0:
            return text[first + 1:index]
    raise AssertionError(f"{opening!r} is not closed")


def nginx_or_skip() -> str:
    try:
        return nginx_config.find_nginx("nginx")
    except SettingsError:
        pytest.skip("Debian's nginx is not installed: `make nginx` (make test runs it)")


@pytest.mark.parametrize(("instances", "ports", "expected"), [
    ("1", "", ["127.0.0.1:5006"]),
    ("2", "", ["127.0.0.1:5006", "127.0.0.1:5007"]),
    ("3", "", ["127.0.0.1:5006", "127.0.0.1:5007", "127.0.0.1:5008"]),
    ("2", "6101,6202", ["127.0.0.1:6101", "127.0.0.1:6202"]),
])
def test_both_upstreams_hold_exactly_the_instances(tmp_path, instances, ports, expected):
    config = planned(tmp_path, DH_RASA_INSTANCES=instances, DH_NGINX_INSTANCE_PORTS=ports,
                     DH_NGINX_MAX_FAILS="3", DH_NGINX_FAIL_TIMEOUT_S="7")
    text = render_nginx_config(config)
    for upstream in ("upstream dh_rasa ", "upstream dh_rasa_socketio "):
        servers = directives(block(text, upstream), "server")
        assert servers == [f"{address} max_fails=3 fail_timeout=7s" for address in expected]
    assert directives(text, "listen") == ["127.0.0.1:5005"]
    assert directives(text, "proxy_next_upstream_tries") == [str(len(expected))]


def test_socketio_is_sticky_per_client_and_rest_spreads_over_the_instances(tmp_path):
    text = render_nginx_config(planned(tmp_path))
    assert directives(block(text, "upstream dh_rasa_socketio "), "hash") == [
        "$remote_addr consistent"]
    rest = block(text, "upstream dh_rasa ")
    assert "least_conn;" in rest
    assert "hash" not in rest
    socketio = block(text, "location /socket.io/ ")
    assert directives(socketio, "proxy_pass") == ["http://dh_rasa_socketio"]
    assert directives(socketio, "proxy_set_header") == [
        "Host $http_host", "Upgrade $http_upgrade", "Connection $dh_connection"]
    assert directives(block(text, "location /webhooks/ "), "proxy_pass") == ["http://dh_rasa"]


def test_a_post_is_retried_on_another_instance_only_when_it_never_reached_one(tmp_path):
    text = render_nginx_config(planned(tmp_path))
    (retry,) = directives(text, "proxy_next_upstream")
    assert set(retry.split()) == {"error", "timeout", "http_502", "http_503"}
    assert "non_idempotent" not in text  # nginx never resends a POST it has sent


@pytest.mark.parametrize("max_chars", [500, 2000, 4000])
def test_the_request_size_follows_the_message_limit_and_bodies_stay_in_memory(
    tmp_path, max_chars
):
    config = planned(tmp_path, DH_REDACTION_MAX_MESSAGE_CHARS=str(max_chars))
    text = render_nginx_config(config)
    (limit,) = directives(text, "client_max_body_size")
    # Every message the boundary accepts fits, in the longest encoding a client may use.
    assert int(limit) >= max_chars * len(r"\ud83d\ude00") // 2 + 4096
    assert directives(text, "client_body_buffer_size") == [limit]  # never a temp file
    assert directives(text, "proxy_max_temp_file_size") == ["0"]


@pytest.mark.parametrize(("per_address", "per_conversation"), [(60, 20), (30, 5), (600, 100)])
def test_rate_limits_follow_the_portals_chat_limits(tmp_path, per_address, per_conversation):
    text = render_nginx_config(planned(
        tmp_path, DH_PORTAL_CHAT_PER_MINUTE_ADDRESS=str(per_address),
        DH_PORTAL_CHAT_PER_MINUTE_CONVERSATION=str(per_conversation)))
    zones = directives(text, "limit_req_zone")
    assert f"$dh_client zone=dh_messages:10m rate={per_address}r/m" in zones
    socketio_rate = per_address * nginx_config.SOCKETIO_REQUESTS_PER_MESSAGE
    assert f"$dh_client zone=dh_socketio:10m rate={socketio_rate}r/m" in zones
    assert directives(block(text, "location /webhooks/ "), "limit_req") == [
        f"zone=dh_messages burst={per_conversation} nodelay"]
    assert directives(text, "limit_req_status") == ["429"]
    retry_after = max(1, -(-60 // per_address))
    assert f"add_header Retry-After {retry_after} always;" in text


def test_the_relays_addresses_are_exempt_from_the_per_address_limit(tmp_path):
    text = render_nginx_config(planned(
        tmp_path, DH_NGINX_UNLIMITED_ADDRESSES="127.0.0.1, 10.1.2.0/24 2001:db8::/32"))
    geo = block(text, "geo $dh_limited ")
    assert re.findall(r"^\s*(\S+) 0;", geo, re.M) == [
        "127.0.0.1/32", "10.1.2.0/24", "2001:db8::/32"]
    with pytest.raises(SettingsError, match="'localhost'"):
        planned(tmp_path, DH_NGINX_UNLIMITED_ADDRESSES="localhost")


@pytest.mark.parametrize(("turn", "screen"), [("6", "10"), ("15", "10"), ("40", "3")])
def test_timeouts_outlast_the_assistants_own(tmp_path, turn, screen):
    """nginx must not cut a turn the resilience layer would still answer (kindly) itself."""
    text = render_nginx_config(planned(
        tmp_path, DH_RESILIENCE_TURN_TIMEOUT_S=turn, DH_REDACTION_SCREEN_DEADLINE_S=screen,
        DH_NGINX_TIMEOUT_MARGIN_S="5"))
    server = block(text, "server {")
    expected = int(turn) + int(screen) + 5
    assert directives(server, "proxy_read_timeout")[0] == f"{expected}s"
    assert int(directives(server, "proxy_read_timeout")[0][:-1]) > int(turn)
    socketio = directives(block(text, "location /socket.io/ "), "proxy_read_timeout")
    assert int(socketio[0][:-1]) >= max(expected, 45)  # engine.io: 25 s ping + 20 s timeout


def test_nginxs_own_answers_are_json_a_client_and_the_relay_can_read(tmp_path):
    text = render_nginx_config(planned(tmp_path))
    pages = dict(line.split()[1:] for line in (f"x {d}" for d in directives(text, "error_page")))
    assert pages == {"413": "@too_large", "429": "@too_many", "502": "@unavailable",
                     "504": "@too_slow"}
    for status, name in pages.items():
        (answer,) = directives(block(text, f"location {name} "), "return")
        assert answer.startswith(f"{status} '{{\"error\": ")
    (not_found,) = directives(block(text, "location / "), "return")
    assert not_found.startswith("404 '{\"error\": \"not found\"}")


def test_the_logs_hold_no_address_query_string_header_or_body(tmp_path):
    text = render_nginx_config(planned(tmp_path))
    log_format = text[text.index("log_format"):].split(";", 1)[0]
    variables = set(re.findall(r"\$(\w+)", log_format))
    assert variables == {"time_iso8601", "dh_route", "request_method", "status",
                         "body_bytes_sent", "request_time", "upstream_addr",
                         "upstream_status", "upstream_response_time"}
    assert directives(text, "error_log") == ["stderr crit"]  # lower levels quote the request
    assert len(directives(text, "access_log")) == 1


def test_paths_stay_in_the_data_dir_and_odd_values_are_refused(tmp_path):
    config = planned(tmp_path)
    text = render_nginx_config(config)
    data = str(tmp_path / "data")
    for name in ("pid", "client_body_temp_path", "proxy_temp_path", "fastcgi_temp_path",
                 "uwsgi_temp_path", "scgi_temp_path"):
        (path,) = directives(text, name)
        assert path.strip('"').startswith(data + "/nginx/"), name
    with pytest.raises(SettingsError, match="cannot quote"):
        planned(tmp_path / 'a";b')
    with pytest.raises(SettingsError, match="collide"):
        planned(tmp_path, DH_NGINX_INSTANCE_PORTS="5006,5055")
    with pytest.raises(SettingsError, match="1 port"):
        planned(tmp_path, DH_NGINX_INSTANCE_PORTS="5006")


@pytest.mark.parametrize("instances", ["1", "2", "3"])
def test_nginx_itself_accepts_the_config(tmp_path, instances):
    executable = nginx_or_skip()
    config = planned(tmp_path, DH_RASA_INSTANCES=instances)
    nginx_config.write_nginx_config(config)
    assert config.conf_path.stat().st_mode & 0o777 == 0o600
    region.check_config(executable, config)  # raises with nginx's reason


def test_nginx_refusing_a_config_names_the_reason(tmp_path):
    executable = nginx_or_skip()
    config = planned(tmp_path)
    nginx_config.write_nginx_config(config)
    config.conf_path.write_text("http { nonsense; }\n")
    with pytest.raises(SettingsError, match="nonsense"):
        region.check_config(executable, config)


def env_for(tmp_path: Path, profile: str, instances: str, **extra: str) -> dict[str, str]:
    return {"PROFILE": profile, "DH_DATA_DIR": str(tmp_path / "data"),
            "DH_RASA_INSTANCES": instances, **extra}


def specs_for(env: dict[str, str]):
    settings, profile = load_settings(env=env), load_profile(env)
    return region.region_specs(server_specs(settings, profile.endpoints), settings, profile, env)


@pytest.mark.parametrize("profile", ["embedded", "production"])
def test_one_instance_changes_nothing(tmp_path, profile):
    env = env_for(tmp_path, profile, "1")
    settings = load_settings(env=env)
    assert specs_for(env) == server_specs(settings, load_profile(env).endpoints)
    assert not (tmp_path / "data" / "nginx").exists()


def test_several_instances_need_a_profile_whose_stores_they_can_share(tmp_path):
    with pytest.raises(SettingsError, match="PROFILE=production"):
        specs_for(env_for(tmp_path, "embedded", "2"))


def test_a_region_runs_each_instance_on_its_port_and_nginx_in_front(tmp_path):
    nginx_or_skip()
    specs = {spec.name: spec for spec in specs_for(env_for(
        tmp_path, "production", "2", DH_NGINX_INSTANCE_PORTS="6101 6202"))}
    assert list(specs) == ["action server", "rasa", "rasa 2", "nginx", "portal"]
    for name, port in (("rasa", "6101"), ("rasa 2", "6202")):
        argv = specs[name].argv
        assert argv[argv.index("--port") + 1] == port
        assert specs[name].health_url == f"http://127.0.0.1:{port}/webhooks/rest/"
        assert specs[name].restartable and specs[name].calls_actions
    front = specs["nginx"]
    assert not front.restartable and not front.calls_actions  # nginx never gets the secret
    assert front.health_url == "http://127.0.0.1:5005/webhooks/rest/"
    assert front.argv[-2:] == ["-g", "daemon off;"]
    assert "6202" in (tmp_path / "data" / "nginx" / "nginx.conf").read_text()


def test_nginx_can_be_asked_for_in_front_of_one_instance(tmp_path):
    nginx_or_skip()
    specs = specs_for(env_for(tmp_path, "production", "1", DH_NGINX_ALWAYS="true"))
    assert [spec.name for spec in specs] == ["action server", "rasa", "nginx", "portal"]
    assert not any(spec.restartable for spec in specs)  # alone, its death stops the system


def test_a_missing_nginx_says_how_to_install_it(tmp_path):
    with pytest.raises(SettingsError, match="make nginx"):
        specs_for(env_for(tmp_path, "production", "2", DH_NGINX_BINARY="no-such-nginx"))


def test_nginx_is_found_off_a_normal_users_path(monkeypatch):
    if shutil.which("nginx", path="/usr/sbin") is None:
        pytest.skip("Debian's nginx is not installed: `make nginx`")
    monkeypatch.setenv("PATH", "/usr/bin:/bin")
    assert nginx_config.find_nginx("nginx") == "/usr/sbin/nginx"


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_dead_instance_is_restarted_after_doubling_waits_up_to_a_cap():
    clock = Clock()
    backoff = region.Backoff(first_s=1, cap_s=8, healthy_after_s=300, clock=clock)
    waits = []
    for _ in range(6):
        backoff.started("rasa 2")
        clock.now += 5  # dies soon after each start
        waits.append(backoff.died("rasa 2"))
        assert backoff.pending("rasa 2") and not backoff.due("rasa 2")
        clock.now += waits[-1]
        assert backoff.due("rasa 2")
    assert waits == [1, 2, 4, 8, 8, 8]


def test_an_instance_that_ran_a_while_before_dying_starts_the_count_again():
    clock = Clock()
    backoff = region.Backoff(first_s=1, cap_s=60, healthy_after_s=300, clock=clock)
    backoff.started("rasa")
    assert [backoff.died("rasa"), backoff.died("rasa")] == [1, 2]
    backoff.started("rasa")
    assert not backoff.pending("rasa")
    clock.now += 301
    assert backoff.died("rasa") == 1


@pytest.mark.parametrize(("target", "env", "installs"), [
    ("test", {}, True), ("bench-load", {}, True), ("run", {}, False),
    ("run", {"DH_RASA_INSTANCES": "2"}, True), ("run", {"DH_NGINX_ALWAYS": "true"}, True),
])
def test_nginx_is_installed_by_the_projects_own_set_up(target, env, installs):
    """Debian's package, only where it is missing; `make run` only when it will be used."""
    import os

    make = subprocess.run(["make", "-n", target], capture_output=True, text=True,
                          cwd=Path(__file__).parents[2], check=False,
                          env={**os.environ, "DH_RASA_INSTANCES": "1", "DH_NGINX_ALWAYS": "",
                               **env})
    install = "command -v nginx >/dev/null || test -x /usr/sbin/nginx ||"
    assert (install in make.stdout) is installs, make.stdout

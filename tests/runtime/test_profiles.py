"""Deployment profiles: what ``PROFILE=…`` changes, and that the files agree with each other."""

from __future__ import annotations

import re

import pytest
import yaml

from runtime.bootstrap import server_env
from runtime.profiles import load_profile
from settings.core import ACTIONS_TOKEN_ENV, PROJECT_ROOT, SettingsError, load_settings


def test_embedded_is_the_default_and_changes_nothing():
    profile = load_profile({})
    assert profile.name == "embedded" and profile.env == {}
    assert profile.endpoints == PROJECT_ROOT / "endpoints.yml"
    assert profile.create_databases == () and profile.requires == ()


def test_production_moves_every_store_to_postgresql_locks_to_redis_events_to_rabbitmq():
    profile = load_profile({"PROFILE": "production"})
    url = "postgresql://postgres@127.0.0.1:5432/digitale_huiskamer"
    assert profile.env["DH_PRIVACY_DATABASE_URL"] == profile.env["DH_TRENDS_DATABASE_URL"] == url
    assert profile.create_databases == (url,)
    endpoints = yaml.safe_load(profile.endpoints.read_text())
    assert endpoints["tracker_store"]["dialect"] == "postgresql"
    assert endpoints["lock_store"]["type"] == "redis"
    broker = endpoints["event_broker"]
    assert broker["type"] == "trends.events.DurablePikaBroker"
    assert broker["queues"] == ["${DH_TRENDS_EVENTS_QUEUE}"]
    assert profile.env["DH_TRENDS_EVENTS_URL"] == "amqp://guest:guest@127.0.0.1:5672/"
    redis = "redis://127.0.0.1:6379/0"
    assert profile.env["DH_TRENDS_SALT_URL"] == profile.env["DH_RESILIENCE_HELD_REDIS_URL"] == redis
    assert "amqp://127.0.0.1:5672/" in profile.requires


def test_embedded_keeps_the_direct_trend_broker_without_a_queue():
    profile = load_profile({})
    endpoints = yaml.safe_load(profile.endpoints.read_text())
    assert endpoints["event_broker"]["type"] == "trends.broker.TrendEventBroker"
    assert not any(key.startswith(("DH_RABBITMQ", "DH_TRENDS_EVENTS")) for key in profile.env)


def test_the_environment_wins_over_profile_defaults():
    profile = load_profile({"PROFILE": "production", "DH_PG_DATABASE": "other",
                            "DH_TRENDS_DATABASE_URL": "sqlite:///x.db"})
    assert profile.env["DH_PRIVACY_DATABASE_URL"].endswith("/other")
    assert profile.env["DH_TRENDS_DATABASE_URL"] == "sqlite:///x.db"


def test_production_endpoints_use_only_variables_the_profile_and_launcher_set():
    profile = load_profile({"PROFILE": "production"})
    used = set(re.findall(r"\$\{(\w+)\}", profile.endpoints.read_text()))
    assert used <= set(profile.env) | set(server_env(load_settings(env={}))) | {ACTIONS_TOKEN_ENV}


def test_an_unknown_profile_is_named_with_the_known_ones():
    with pytest.raises(SettingsError, match="known: embedded, production"):
        load_profile({"PROFILE": "staging"})


def test_the_launcher_adds_the_trend_consumer_only_where_events_go_through_rabbitmq():
    from runtime.launcher import consumer_specs

    settings = load_settings(env={})
    assert consumer_specs(settings, {}) == []  # embedded: Rasa's own broker writes the store
    production = load_profile({"PROFILE": "production"})
    [spec] = consumer_specs(settings, {**production.env, "DH_TRENDS_CONSUMER_HEALTH_PORT": "5999"})
    assert spec.name == "trend consumer" and not spec.calls_actions  # no action server secret
    assert spec.argv[1:] == ["-m", "trends", "consume", "--health-port", "5999"]
    assert spec.health_url == "http://127.0.0.1:5999/health"
    [picked] = consumer_specs(settings, production.env)  # port 0: a free one
    assert picked.health_url != "http://127.0.0.1:0/health"

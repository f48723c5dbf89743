"""The facts a privacy officer needs, collected from the configuration in force.

A processing register or DPIA written by hand drifts from the configuration. These facts are read
where the running system reads them: ``settings.yml`` with the ``DH_*`` overrides and the active
profile's variables (``load_app_settings``), the retention section, the consent texts and their
version, the referral services, the switched-on messaging channels and the profile's endpoints.
Nothing is opened or created here: no database, no key file, no secret is read or printed.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from bot.consent import ConsentTexts, load_consent_texts
from bot.referrals import REFERRALS_FILE, Referrals, load_referrals
from runtime.bootstrap import AppSettings, load_app_settings
from runtime.maintenance import load_retention_settings
from runtime.messaging_config import enabled_channels
from runtime.privacy_docs.figures import FIGURES_FILE, Figure, load_figures
from runtime.privacy_docs.infrastructure import (
    Channel,
    Processor,
    StoreLocations,
    channels_in_force,
    messaging_processors,
    server_processors,
    store_locations,
)
from runtime.privacy_docs.stores import Store, stores_in_force
from runtime.profiles import load_profile
from settings.core import SETTINGS_FILE

SERVICE_PLACEHOLDER = "‹dienst›"


@dataclass(frozen=True)
class Recipient:
    """Who receives a consented hand-off about one help topic."""

    topic: str
    topic_name: str
    service: str
    team: str


@dataclass(frozen=True)
class Consent:
    """The consent texts in force: the exact question (with the service as a placeholder)."""

    version: str
    purpose: str
    data_categories: tuple[str, ...]
    question: str
    deletable_categories: tuple[str, ...]


@dataclass(frozen=True)
class PrivacyFacts:
    """Everything the register, the DPIA facts and the diagram say, typed and in one place."""

    generated_on: date
    profile: str
    municipality: str
    municipality_phone: str
    example_municipality: bool
    referrals_version: str
    consent: Consent
    services: tuple[tuple[str, str], ...]  # (team key, service name), every referral service
    recipients: tuple[Recipient, ...]
    fallback: Recipient
    channels: tuple[Channel, ...]
    stores: tuple[Store, ...]
    locations: StoreLocations
    processors: tuple[Processor, ...]
    figures: tuple[Figure, ...]
    settings: AppSettings
    key_from_environment: bool
    recognizers: tuple[str, ...]

    def store(self, key: str) -> Store:
        """The store called ``key`` (``vault``, ``tracker``, ``handoffs`` …)."""
        return next(store for store in self.stores if store.key == key)


def _recipients(referrals: Referrals, consent: ConsentTexts) -> tuple[Recipient, ...]:
    return tuple(
        Recipient(topic, consent.topic_name(topic), referrals.services[team]["naam"], team)
        for topic, team in referrals.topic_services.items())


def _recognizers(app: AppSettings) -> tuple[str, ...]:
    """The recognizer classes switched on in ``redaction.recognizers_file``."""
    raw = yaml.safe_load(app.redaction.recognizers_file.read_text(encoding="utf-8")) or {}
    return tuple(str(item["class"]) for item in raw.get("recognizers") or ()
                 if item.get("enabled", True))


def collect_facts(
    env: Mapping[str, str] | None = None, settings_file: Path = SETTINGS_FILE,
    referrals_file: Path = REFERRALS_FILE, figures_file: Path = FIGURES_FILE,
    today: date | None = None,
) -> PrivacyFacts:
    """Read every fact from the configuration ``env`` puts in force (default: this process's
    environment), the way ``make run`` would: the profile's variables first, then the settings.

    Raises ``SettingsError`` (unknown profile, bad value) and ``MessagingConfigError`` (a channel
    switched on without its credentials): a document about a configuration that cannot start
    would describe nothing real.
    """
    base = dict(os.environ if env is None else env)
    profile = load_profile(base)
    env_in_force = {**base, **profile.env}
    app = load_app_settings(settings_file, env_in_force)
    retention = load_retention_settings(settings_file, env_in_force)
    consent = load_consent_texts(app.privacy.consent_file)
    referrals = load_referrals(referrals_file)
    switched_on = enabled_channels(env_in_force)
    where = store_locations(app, profile, env_in_force)
    town = referrals.services["gemeente"]
    fallback_team = "wijkteam"  # where Referrals.service_for_topic sends an unknown topic
    return PrivacyFacts(
        generated_on=today or date.today(),
        profile=profile.name,
        municipality=town["naam"],
        municipality_phone=town["telefoon"],
        example_municipality=referrals.example,
        referrals_version=referrals.version,
        consent=Consent(
            version=consent.version, purpose=consent.purpose,
            data_categories=consent.data_categories,
            question=consent.handoff_question(SERVICE_PLACEHOLDER,
                                              app.privacy.handoff_retention_days),
            deletable_categories=tuple(dict.fromkeys(consent.category_names.values()))),
        services=tuple((key, values["naam"]) for key, values in referrals.services.items()),
        recipients=_recipients(referrals, consent),
        fallback=Recipient("(onbekend)", "een ander of onbekend onderwerp",
                           referrals.services[fallback_team]["naam"], fallback_team),
        channels=channels_in_force(profile, switched_on),
        stores=stores_in_force(app, retention, where),
        locations=where,
        processors=(messaging_processors(switched_on, env_in_force)
                    + server_processors(where)),
        figures=load_figures(figures_file),
        settings=app,
        key_from_environment=bool(env_in_force.get("DH_PRIVACY_KEY", "").strip()),
        recognizers=_recognizers(app),
    )


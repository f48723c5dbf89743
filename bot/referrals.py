"""Municipality referral content from ``bot/referrals.yml``.

The file is the one place where a municipality's names, numbers, opening hours and addresses live;
responses in ``domain.yml`` refer to them as ``{<service>_<field>}`` variables. A service's ``en:``
block holds its English labels; :meth:`Referrals.in_language` gives the content with them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from bot.language_id import DUTCH, TEXT_LANGUAGES
from settings.core import PROJECT_ROOT

REFERRALS_FILE = PROJECT_ROOT / "bot" / "referrals.yml"
REQUIRED_FIELDS = ("naam", "telefoon", "tijden", "website")
# The fields a resident needs to reach a local service in person or by mail.
LOCAL_FIELDS = ("adres", "email", "inloop")


class ReferralsError(ValueError):
    """The referral file is incomplete; the assistant must not start with gaps in its answers."""


@dataclass(frozen=True)
class Referrals:
    version: str
    example: bool
    services: dict[str, dict[str, str]]
    topic_services: dict[str, str]
    # Per language, per service: the labels that differ from the Dutch ones (``en:`` blocks).
    translations: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict, repr=False)
    language: str = DUTCH

    def in_language(self, language: str) -> Referrals:
        """The same services with the labels of ``language`` where the file offers them."""
        labels = self.translations.get(language)
        if not labels:
            return self
        services = {key: {**values, **labels.get(key, {})} for key, values in self.services.items()}
        return replace(self, services=services, translations={}, language=language)

    def template_variables(self) -> dict[str, str]:
        """All values as flat response variables, e.g. ``schuldhulp_telefoon``."""
        return {
            f"{service}_{field}": value
            for service, values in self.services.items()
            for field, value in values.items()
        }

    def service_for_topic(self, topic: str | None) -> dict[str, str]:
        """The service a help topic is referred to; the general wijkteam when unknown."""
        key = self.topic_services.get(topic or "", "wijkteam")
        return self.services[key]


def _check(data: dict[str, Any], path: Path) -> None:
    services = data.get("services")
    if not isinstance(services, dict) or not services:
        raise ReferralsError(f"{path}: 'services' must be a non-empty mapping")
    for name, values in services.items():
        missing = [f for f in REQUIRED_FIELDS if not str((values or {}).get(f, "")).strip()]
        if missing:
            raise ReferralsError(f"{path}: service {name!r} lacks {', '.join(missing)}")
    for topic, service in (data.get("topic_services") or {}).items():
        if service not in services:
            raise ReferralsError(f"{path}: topic {topic!r} refers to unknown service {service!r}")
        missing = [f for f in LOCAL_FIELDS if not str(services[service].get(f, "")).strip()]
        if missing:
            raise ReferralsError(
                f"{path}: service {service!r} (topic {topic!r}) lacks {', '.join(missing)}"
            )
    if "wijkteam" not in services or "gemeente" not in services:
        raise ReferralsError(f"{path}: 'gemeente' and 'wijkteam' are the fallback services")


def load_referrals(path: Path = REFERRALS_FILE) -> Referrals:
    """Load and check the referral file; raise ReferralsError naming what is missing."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    _check(data, path)
    services = {k: {f: str(v) for f, v in vals.items() if f not in TEXT_LANGUAGES}
                for k, vals in data["services"].items()}
    translations = {
        language: {k: {f: str(v) for f, v in (vals.get(language) or {}).items()}
                   for k, vals in data["services"].items() if vals.get(language)}
        for language in TEXT_LANGUAGES if language != DUTCH
    }
    for language, labels in translations.items():
        for key, values in labels.items():
            unknown = set(values) - set(services[key])
            if unknown:
                raise ReferralsError(f"{path}: {key}.{language} labels unknown fields "
                                     f"{', '.join(sorted(unknown))}")
    return Referrals(
        version=str(data.get("version", "")),
        example=bool(data.get("example", False)),
        services=services,
        topic_services=dict(data.get("topic_services") or {}),
        translations=translations,
    )

"""Municipality referral content from ``bot/referrals.yml``.

The file is the one place where a municipality's names, numbers, opening hours and addresses live;
responses in ``domain.yml`` refer to them as ``{<service>_<field>}`` variables.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

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
    return Referrals(
        version=str(data.get("version", "")),
        example=bool(data.get("example", False)),
        services={k: {f: str(v) for f, v in vals.items()} for k, vals in data["services"].items()},
        topic_services=dict(data.get("topic_services") or {}),
    )

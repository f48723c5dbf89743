"""The versioned consent texts of ``bot/consent.yml``.

The question a resident sees and the question the consent register keeps are built by one
function, so the registered text is always the exact text that was shown.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from settings.core import PROJECT_ROOT

CONSENT_FILE = PROJECT_ROOT / "bot" / "consent.yml"


class ConsentTextError(ValueError):
    """The consent file is incomplete; the assistant must not ask for consent with gaps."""


@dataclass(frozen=True)
class ConsentTexts:
    version: str
    purpose: str
    data_categories: tuple[str, ...]
    question_template: str
    category_names: dict[str, str]
    handoff_name_template: str
    summary_template: str
    topic_names: dict[str, str]

    def handoff_question(self, service_name: str, retention_days: float) -> str:
        """The consent question for a hand-off to ``service_name``, as shown and as registered."""
        text = self.question_template.format(
            dienst=service_name, bewaartermijn=f"{retention_days:g}"
        )
        return " ".join(text.split())

    def handoff_summary(self, topic: str | None, contact_way: str, moment: str) -> str:
        """The short, redacted summary a hand-off carries; the resident confirms it first."""
        return self.summary_template.format(
            onderwerp=self.topic_name(topic), contact_via=contact_way, moment=moment)

    def topic_name(self, topic: str | None) -> str:
        return self.topic_names.get(topic or "", "je vraag")

    def describe_deleted(self, entity_types: Iterable[str], handoff_services: Iterable[str]) -> str:
        """Plain Dutch for what was deleted: "je naam, je telefoonnummer en je aanmelding bij …"."""
        parts = list(dict.fromkeys(
            self.category_names.get(entity_type, "een persoonlijk gegeven")
            for entity_type in entity_types
        ))
        parts += [self.handoff_name_template.format(dienst=name) for name in handoff_services]
        if len(parts) <= 1:
            return "".join(parts)
        return ", ".join(parts[:-1]) + " en " + parts[-1]


def load_consent_texts(path: Path = CONSENT_FILE) -> ConsentTexts:
    """Read and check the consent file; raise ConsentTextError naming what is missing."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    handoff = data.get("handoff") or {}
    missing = [
        key for key in ("purpose", "data_categories", "question", "summary", "topic_names")
        if not handoff.get(key)
    ]
    if not str(data.get("version", "")).strip():
        missing.append("version")
    if not data.get("category_names") or not data.get("handoff_name"):
        missing.append("category_names/handoff_name")
    if missing:
        raise ConsentTextError(f"{path}: missing {', '.join(missing)}")
    if "{dienst}" not in handoff["question"] or "{bewaartermijn}" not in handoff["question"]:
        raise ConsentTextError(f"{path}: the question must name {{dienst}} and {{bewaartermijn}}")
    return ConsentTexts(
        version=str(data["version"]),
        purpose=str(handoff["purpose"]),
        data_categories=tuple(str(c) for c in handoff["data_categories"]),
        question_template=str(handoff["question"]),
        category_names={str(k): str(v) for k, v in data["category_names"].items()},
        handoff_name_template=str(data["handoff_name"]),
        summary_template=str(handoff["summary"]),
        topic_names={str(k): str(v) for k, v in handoff["topic_names"].items()},
    )

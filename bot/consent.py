"""The versioned consent texts of ``bot/consent.yml``.

The question a resident sees and the question the consent register keeps are built by one
function, so the registered text is always the exact text that was shown. The English texts
(``en:`` in the file) are a set of their own with their own version, reached through
:meth:`ConsentTexts.in_language`; purpose and data categories are the Dutch ones.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from bot.language_id import DUTCH, TEXT_LANGUAGES
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
    # English names of the form's Dutch answer keys ("telefoon", "ochtend"); empty in Dutch.
    contact_way_names: dict[str, str] = field(default_factory=dict)
    moment_names: dict[str, str] = field(default_factory=dict)
    and_word: str = "en"
    unknown_topic: str = "je vraag"
    unknown_category: str = "een persoonlijk gegeven"
    language: str = DUTCH
    translations: dict[str, ConsentTexts] = field(default_factory=dict, repr=False)

    def in_language(self, language: str) -> ConsentTexts:
        """The texts to show in ``language`` (these, the Dutch ones, when there is no other)."""
        return self.translations.get(language, self)

    def handoff_question(self, service_name: str, retention_days: float) -> str:
        """The consent question for a hand-off to ``service_name``, as shown and as registered."""
        text = self.question_template.format(
            dienst=service_name, bewaartermijn=f"{retention_days:g}"
        )
        return " ".join(text.split())

    def handoff_summary(self, topic: str | None, contact_way: str, moment: str) -> str:
        """The short, redacted summary a hand-off carries; the resident confirms it first."""
        return self.summary_template.format(
            onderwerp=self.topic_name(topic),
            contact_via=self.contact_way_names.get(contact_way, contact_way),
            moment=self.moment_names.get(moment, moment))

    def topic_name(self, topic: str | None) -> str:
        return self.topic_names.get(topic or "", self.unknown_topic)

    def describe_deleted(self, entity_types: Iterable[str], handoff_services: Iterable[str]) -> str:
        """Plain words for what was deleted: "je naam, je telefoonnummer en je aanmelding bij …"."""
        parts = list(dict.fromkeys(
            self.category_names.get(entity_type, self.unknown_category)
            for entity_type in entity_types
        ))
        parts += [self.handoff_name_template.format(dienst=name) for name in handoff_services]
        if len(parts) <= 1:
            return "".join(parts)
        return ", ".join(parts[:-1]) + f" {self.and_word} " + parts[-1]


def load_consent_texts(path: Path = CONSENT_FILE) -> ConsentTexts:
    """Read and check the consent file; raise ConsentTextError naming what is missing.

    Each translation (``en:``) is checked like the Dutch texts and needs a version of its own.
    """
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    dutch = _texts(data, path, DUTCH)
    translations = {}
    for language in TEXT_LANGUAGES:
        if language == DUTCH or language not in data:
            continue
        own = data[language] or {}
        merged = {**data, **own, "handoff": {**(data.get("handoff") or {}),
                                             **(own.get("handoff") or {})}}
        texts = _texts(merged, path, language)
        if not str(own.get("version", "")).strip() or texts.version == dutch.version:
            raise ConsentTextError(f"{path}: '{language}' needs a version of its own")
        translations[language] = texts
    return replace(dutch, translations=translations)


def _texts(data: dict[str, Any], path: Path, language: str) -> ConsentTexts:
    handoff = data.get("handoff") or {}
    where = path if language == DUTCH else f"{path} ({language})"
    missing = [
        key for key in ("purpose", "data_categories", "question", "summary", "topic_names")
        if not handoff.get(key)
    ]
    if not str(data.get("version", "")).strip():
        missing.append("version")
    if not data.get("category_names") or not data.get("handoff_name"):
        missing.append("category_names/handoff_name")
    if missing:
        raise ConsentTextError(f"{where}: missing {', '.join(missing)}")
    if "{dienst}" not in handoff["question"] or "{bewaartermijn}" not in handoff["question"]:
        raise ConsentTextError(f"{where}: the question must name {{dienst}} and {{bewaartermijn}}")
    return ConsentTexts(
        version=str(data["version"]),
        purpose=str(handoff["purpose"]),
        data_categories=tuple(str(c) for c in handoff["data_categories"]),
        question_template=str(handoff["question"]),
        category_names={str(k): str(v) for k, v in data["category_names"].items()},
        handoff_name_template=str(data["handoff_name"]),
        summary_template=str(handoff["summary"]),
        topic_names={str(k): str(v) for k, v in handoff["topic_names"].items()},
        contact_way_names={str(k): str(v) for k, v in
                           (handoff.get("contact_way_names") or {}).items()},
        moment_names={str(k): str(v) for k, v in (handoff.get("moment_names") or {}).items()},
        and_word=str(data.get("and_word") or "en"),
        unknown_topic=str(handoff.get("unknown_topic") or "je vraag"),
        unknown_category=str(data.get("unknown_category") or "een persoonlijk gegeven"),
        language=language,
    )

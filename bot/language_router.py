"""The conversation's language: followed where the assistant speaks it, routed where it does not.

The boundary names the language when it is sure (metadata ``language``: a language of
``bot/languages.yml``, or "nl" for a clearly Dutch message; a client cannot set it, the boundary
keeps only the page-context keys it knows). This component, last in the pipeline:
- a language the assistant speaks in full (Dutch, English: ``full_languages``) becomes the
  entity ``language``, which sets the ``language`` slot the responses are chosen by; a message
  the boundary was unsure of ("ok", "yes") leaves the slot as it was;
- a request to switch ("English please", "Nederlands graag") sets the language it names, whatever
  the message is written in (words per language in ``bot/language_switch.yml``);
- any other language becomes the ``other_language`` intent, with what the classifier or the
  safety net decided as the second entry of the ranking, so ``action_other_language`` can put the
  safety answer first.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

import yaml
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    EXTRACTOR,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    METADATA,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.case_code_router import CASE_CODE_INTENT
from bot.language_id import DUTCH, METADATA_LANGUAGE
from settings.core import PROJECT_ROOT

OTHER_LANGUAGE_INTENT = "other_language"
SWITCH_INTENT = "switch_language"
LANGUAGE_ENTITY = "language"  # sets the `language` slot (domain.yml)
SWITCH_FILE = PROJECT_ROOT / "bot" / "language_switch.yml"
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def load_switch_words(path: Path = SWITCH_FILE) -> dict[str, str]:
    """word → language code, from the data file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(word).lower(): code for code, words in (data.get("languages") or {}).items()
            for word in words or ()}


def requested_language(text: str, words: Mapping[str, str]) -> str | None:
    """The language a switch request names; None when it names none or more than one."""
    named = {words[w] for w in _WORD.findall(text.lower()) if w in words}
    return named.pop() if len(named) == 1 else None


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class LanguageRouter(GraphComponent, IntentClassifier):
    """Place last: after the safety net, the fallback and the case-code router."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"full_languages": [DUTCH, "en"]}

    def __init__(self, full_languages: Collection[str], switch_words: Mapping[str, str]) -> None:
        self.full_languages = frozenset(full_languages) | {DUTCH}
        self.switch_words = {w: c for w, c in switch_words.items() if c in self.full_languages}

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> LanguageRouter:
        return cls(config.get("full_languages") or (), load_switch_words())

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            metadata = message.get(METADATA)
            code = metadata.get(METADATA_LANGUAGE) if isinstance(metadata, dict) else None
            code = code if isinstance(code, str) and code else None
            top = message.get(INTENT) or {}
            if top.get(INTENT_NAME_KEY) == SWITCH_INTENT:
                code = requested_language(message.get(TEXT) or "", self.switch_words) or code
            if top.get(INTENT_NAME_KEY) == CASE_CODE_INTENT or code is None:
                continue
            if code in self.full_languages:
                _set_language(message, code)
                continue
            routed = {INTENT_NAME_KEY: OTHER_LANGUAGE_INTENT, PREDICTED_CONFIDENCE_KEY: 1.0}
            ranking = [r for r in message.get(INTENT_RANKING_KEY) or []
                       if r.get(INTENT_NAME_KEY) not in (OTHER_LANGUAGE_INTENT,
                                                        top.get(INTENT_NAME_KEY))]
            message.set(INTENT, routed, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [routed, *([top] if top else []), *ranking],
                        add_to_output=True)
        return messages


def _set_language(message: Message, code: str) -> None:
    """The entity that sets the slot; its value is a language code, never the resident's text."""
    entity = {ENTITY_ATTRIBUTE_TYPE: LANGUAGE_ENTITY, ENTITY_ATTRIBUTE_VALUE: code,
              ENTITY_ATTRIBUTE_START: 0, ENTITY_ATTRIBUTE_END: 0,
              EXTRACTOR: LanguageRouter.__name__}
    kept = [e for e in message.get(ENTITIES) or []
            if e.get(ENTITY_ATTRIBUTE_TYPE) != LANGUAGE_ENTITY]
    message.set(ENTITIES, [*kept, entity], add_to_output=True)

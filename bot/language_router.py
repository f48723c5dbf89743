"""A message in another language gets the answer in that language, whatever DIET read.

The boundary names the language (metadata ``language``, only for a language in
``bot/languages.yml``; a client cannot set it, the boundary keeps only the page-context keys it
knows); this component, last in the pipeline, makes such a message the
``other_language`` intent and keeps what the classifier or the safety net decided as the second
entry of the ranking, so ``action_other_language`` can put the safety answer first.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    METADATA,
    PREDICTED_CONFIDENCE_KEY,
)
from rasa.shared.nlu.training_data.message import Message

from bot.case_code_router import CASE_CODE_INTENT
from bot.language_id import DUTCH, METADATA_LANGUAGE

OTHER_LANGUAGE_INTENT = "other_language"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class LanguageRouter(GraphComponent, IntentClassifier):
    """Place last: after the safety net, the fallback and the case-code router."""

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> LanguageRouter:
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            metadata = message.get(METADATA)
            code = metadata.get(METADATA_LANGUAGE) if isinstance(metadata, dict) else None
            top = message.get(INTENT) or {}
            if not isinstance(code, str) or code in ("", DUTCH) or \
                    top.get(INTENT_NAME_KEY) == CASE_CODE_INTENT:
                continue
            routed = {INTENT_NAME_KEY: OTHER_LANGUAGE_INTENT, PREDICTED_CONFIDENCE_KEY: 1.0}
            ranking = [r for r in message.get(INTENT_RANKING_KEY) or []
                       if r.get(INTENT_NAME_KEY) not in (OTHER_LANGUAGE_INTENT,
                                                        top.get(INTENT_NAME_KEY))]
            message.set(INTENT, routed, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [routed, *([top] if top else []), *ranking],
                        add_to_output=True)
        return messages

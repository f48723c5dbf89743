"""A message that holds a case code is about that case, whatever else the classifier read.

The redactor turns a typed case code into ``<ZAAKCODE_1>`` before Rasa sees it; this component,
last in the pipeline, makes such a message the ``case_code`` intent, so "ik wil mijn aanvraag
intrekken 7QM4-X2PD-9TK3", "mijn gegevens inzien: …" or the code alone all open the case
(``actions/case_code.py``) - no classifier has to learn the placeholder. Only a crisis or
violence intent stays on top: safety comes first, and the case form resumes after it.
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
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.safety import SAFETY_INTENTS
from redaction.placeholders import placeholder_pattern

CASE_CODE_INTENT = "case_code"
_CASE_CODE = placeholder_pattern("NL_CASE_CODE")


def routes_to_case(text: str, intent: str | None) -> bool:
    return bool(_CASE_CODE.search(text or "")) and intent not in SAFETY_INTENTS


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class CaseCodeRouter(GraphComponent, IntentClassifier):
    """Place last, after the fallback classifier: a code is never "not understood"."""

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> CaseCodeRouter:
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            top = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
            if not routes_to_case(message.get(TEXT) or "", top):
                continue
            routed = {INTENT_NAME_KEY: CASE_CODE_INTENT, PREDICTED_CONFIDENCE_KEY: 1.0}
            ranking = [r for r in message.get(INTENT_RANKING_KEY) or []
                       if r.get(INTENT_NAME_KEY) != CASE_CODE_INTENT]
            message.set(INTENT, routed, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [routed, *ranking], add_to_output=True)
        return messages

"""Requests that stop or divert a conversation need more confidence than a topic does.

Inside the hand-off form a resident answers "wanneer jullie willen" or "dinsdag of donderdag,
dan heb ik vrij"; the classifier, reading letters, may call that ``stay_anonymous`` or
``ask_decision`` at 0.3 - and the form then stops, or answers a question nobody asked, instead
of reading the answer. A topic guessed wrongly costs one answer; a stop, a deletion question or
a withdrawal guessed wrongly costs the resident's hand-off. Below the bar such an intent
becomes ``nlu_fallback``: inside a form the answer goes to the form's own reader (its slot
mappings exclude the listed intents, not the fallback), elsewhere the resident gets "Bedoel je
…?" with the likely topics. The ranking is kept. Intents and bar are set in config.yml.
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

FALLBACK_INTENT = "nlu_fallback"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class RequestConfidenceBar(GraphComponent, IntentClassifier):
    """Place after the safety net (its full answers carry confidence 1) and before
    FallbackClassifier."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"intents": [], "threshold": 0.5}

    def __init__(self, config: dict[str, Any]) -> None:
        self._intents = frozenset(str(i) for i in config.get("intents") or ())
        self._threshold = float(config.get("threshold", 0.5))

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> RequestConfidenceBar:
        return cls({**cls.get_default_config(), **config})

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            top = message.get(INTENT) or {}
            if (top.get(INTENT_NAME_KEY) not in self._intents
                    or (message.get(TEXT) or "").startswith("/")
                    or float(top.get(PREDICTED_CONFIDENCE_KEY) or 0.0) >= self._threshold):
                continue
            unsure = {INTENT_NAME_KEY: FALLBACK_INTENT, PREDICTED_CONFIDENCE_KEY: self._threshold}
            message.set(INTENT, unsure, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [unsure, *(message.get(INTENT_RANKING_KEY) or [])],
                        add_to_output=True)
        return messages

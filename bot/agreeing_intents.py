"""Two intents that lead to the same answer are no ambiguity.

"ja ik wil wel dat iemand me belt", after the assistant offered contact, reads as
``request_callback`` and ``affirm`` at 0.38 each; the fallback classifier saw two intents within
its ambiguity margin, the resident got "Bedoel je …?" instead of the call-back they asked for,
and no hand-off was made. Where the two best intents are a listed pair (both take the resident
to a counsellor), the first of the pair takes both confidences and the other leaves the top of
the ranking. Pairs are set in config.yml.
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
)
from rasa.shared.nlu.training_data.message import Message


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class AgreeingIntents(GraphComponent, IntentClassifier):
    """Place before FallbackClassifier, whose ambiguity check reads the ranking."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"pairs": []}

    def __init__(self, config: dict[str, Any]) -> None:
        self._pairs = {frozenset(map(str, pair)): str(pair[0]) for pair in config.get("pairs") or ()
                       if len(pair) == 2}

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> AgreeingIntents:
        return cls({**cls.get_default_config(), **config})

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            ranking = list(message.get(INTENT_RANKING_KEY) or [])
            if len(ranking) < 2:
                continue
            first, second = ranking[0], ranking[1]
            kept = self._pairs.get(frozenset((first.get(INTENT_NAME_KEY),
                                              second.get(INTENT_NAME_KEY))))
            if kept is None:
                continue
            confidence = float(first.get(PREDICTED_CONFIDENCE_KEY) or 0.0) + float(
                second.get(PREDICTED_CONFIDENCE_KEY) or 0.0)
            top = {INTENT_NAME_KEY: kept, PREDICTED_CONFIDENCE_KEY: round(confidence, 6)}
            message.set(INTENT, top, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [top, *ranking[2:]], add_to_output=True)
        return messages

"""Rasa NLU component that lets the safety phrases override the trained intent classifier."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import rasa.shared.utils.io
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
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.safety import SafetyPhrases, load_safety_phrases
from settings.core import PROJECT_ROOT

PHRASES_FILE_NAME = "safety_phrases.json"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class SafetyNetClassifier(GraphComponent, IntentClassifier):
    """Place after the trained classifier and before FallbackClassifier.

    The phrase list is copied into the model at training time, so a served model always carries
    the safety net it was tested with.
    """

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"phrases_file": "bot/safety_phrases.yml"}

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        phrases: SafetyPhrases | None = None,
    ) -> None:
        self._config = config
        self._model_storage = model_storage
        self._resource = resource
        self._phrases = phrases or SafetyPhrases.from_mapping({})

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> SafetyNetClassifier:
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        path = Path(self._config["phrases_file"])
        self._phrases = load_safety_phrases(path if path.is_absolute() else PROJECT_ROOT / path)
        with self._model_storage.write_to(self._resource) as model_dir:
            rasa.shared.utils.io.dump_obj_as_json_to_file(
                model_dir / PHRASES_FILE_NAME, self._phrases.as_mapping()
            )
        return self._resource

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> SafetyNetClassifier:
        with model_storage.read_from(resource) as model_dir:
            raw = rasa.shared.utils.io.read_json_file(model_dir / PHRASES_FILE_NAME)
        return cls(config, model_storage, resource, SafetyPhrases.from_mapping(raw))

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            intent = self._phrases.match(message.get(TEXT))
            if intent is None:
                continue
            top = {INTENT_NAME_KEY: intent, PREDICTED_CONFIDENCE_KEY: 1.0}
            # A one-entry ranking: FallbackClassifier must not call this ambiguous.
            message.set(INTENT, top, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [top], add_to_output=True)
        return messages

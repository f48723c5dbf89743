"""Rasa NLU component that lets the safety phrases override the trained intent classifier."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import rasa.shared.utils.io
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
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.safety import (
    SAFETY_INTENTS,
    WEAK_SIGNAL_ENTITIES,
    SafetyPhrases,
    load_safety_phrases,
    weak_signal,
)
from settings.core import PROJECT_ROOT

PHRASES_FILE_NAME = "safety_phrases.json"
# A classifier's safety guess on a message this short, with no safety phrase in it, is a weak
# signal, not a clear one.
SHORT_WORDS = 2


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class SafetyNetClassifier(GraphComponent, IntentClassifier):
    """Place after the trained classifier and before FallbackClassifier.

    The phrase list is copied into the model at training time, so a served model always carries
    the safety net it was tested with.
    """

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        # weak_signal_threshold: the classifier's confidence in a safety intent from which a
        # message about something else gets the short safety line (chosen on the development
        # sets, see docs/trainers.md).
        return {"phrases_file": "bot/safety_phrases.yml", "weak_signal_threshold": 0.1}

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
    def fingerprint_addon(cls, config: dict[str, Any]) -> str | None:
        """The phrase file's content: without it Rasa's training cache would keep the old
        phrases in a new model when only the file changed."""
        path = Path(config.get("phrases_file") or cls.get_default_config()["phrases_file"])
        path = path if path.is_absolute() else PROJECT_ROOT / path
        return hashlib.sha256(path.read_bytes()).hexdigest()

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
            text = message.get(TEXT)
            intent = self._phrases.match(text)
            if intent is None:
                self._demote_a_short_guess(message, text)
                self._mark_weak_signal(message, text)
                continue
            top = {INTENT_NAME_KEY: intent, PREDICTED_CONFIDENCE_KEY: 1.0}
            # A one-entry ranking: FallbackClassifier must not call this ambiguous.
            message.set(INTENT, top, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [top], add_to_output=True)
        return messages

    @staticmethod
    def _demote_a_short_guess(message: Message, text: str | None) -> None:
        """One or two words no safety phrase knows are no clear signal, whatever the classifier
        guesses from their letters ("morgenochtend" as an answer to "wanneer?"): the best other
        intent answers, and the safety intent stays as a weak signal - the line with 113 or
        Veilig Thuis is added (see weak_signal)."""
        top = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
        if top not in SAFETY_INTENTS or len((text or "").split()) > SHORT_WORDS:
            return
        ranking = list(message.get(INTENT_RANKING_KEY) or [])
        other = next((r for r in ranking if r.get(INTENT_NAME_KEY) not in SAFETY_INTENTS), None)
        if other is None:
            return
        message.set(INTENT, other, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [other, *[r for r in ranking if r is not other]],
                    add_to_output=True)

    def _mark_weak_signal(self, message: Message, text: str | None) -> None:
        """Add a weak-signal entity: a non-personal mark, its value is never the resident's text."""
        ranking = {
            r.get(INTENT_NAME_KEY): r.get(PREDICTED_CONFIDENCE_KEY) or 0.0
            for r in message.get(INTENT_RANKING_KEY) or []
        }
        top = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
        threshold = float(self._config.get("weak_signal_threshold", 0.1))
        intent = weak_signal(self._phrases, text, top, ranking, threshold)
        if intent is None or not text:
            return
        entity = {
            ENTITY_ATTRIBUTE_TYPE: WEAK_SIGNAL_ENTITIES[intent],
            ENTITY_ATTRIBUTE_VALUE: "weak",
            ENTITY_ATTRIBUTE_START: 0,
            ENTITY_ATTRIBUTE_END: len(text),
            EXTRACTOR: self.__class__.__name__,
        }
        message.set(ENTITIES, [*(message.get(ENTITIES) or []), entity], add_to_output=True)

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
    METADATA,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.safety import (
    SAFETY_INTENTS,
    WEAK_SIGNAL_ENTITIES,
    SafetyPhrases,
    SafetySignal,
    load_safety_phrases,
    strongest,
    weak_signal,
)
from bot.safety_check import DETECTOR_DIR_NAME, SHORT_WORDS, SafetyCheck
from bot.safety_detector import MODEL_FILE, SafetyDetector, load
from settings.core import PROJECT_ROOT

PHRASES_FILE_NAME = "safety_phrases.json"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class SafetyNetClassifier(GraphComponent, IntentClassifier):
    """Place after the trained classifier and before FallbackClassifier.

    The phrase list and the safety detector (``make train`` builds it first) are copied into the
    model at training time, so a served model always carries the safety net it was tested with.
    The boundary's check of the original text arrives in the message metadata; the stronger of
    that and this component's own check of the redacted text decides.
    """

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        # weak_signal_threshold: the classifier's confidence in a safety intent from which a
        # message about something else gets the short safety line (chosen on the development
        # sets, see docs/trainers.md).
        return {"phrases_file": "bot/safety_phrases.yml",
                "detector_dir": f"models/{DETECTOR_DIR_NAME}", "weak_signal_threshold": 0.25}

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        phrases: SafetyPhrases | None = None,
        detector: SafetyDetector | None = None,
    ) -> None:
        self._config = config
        self._model_storage = model_storage
        self._resource = resource
        self._phrases = phrases or SafetyPhrases.from_mapping({})
        self._check = SafetyCheck(self._phrases, detector)

    @classmethod
    def _path(cls, config: dict[str, Any], key: str) -> Path:
        path = Path(config.get(key) or cls.get_default_config()[key])
        return path if path.is_absolute() else PROJECT_ROOT / path

    @classmethod
    def fingerprint_addon(cls, config: dict[str, Any]) -> str | None:
        """The phrase file's and the detector's content: without them Rasa's training cache
        would keep old ones in a new model when only those files changed."""
        digest = hashlib.sha256(cls._path(config, "phrases_file").read_bytes())
        detector = cls._path(config, "detector_dir") / MODEL_FILE
        digest.update(detector.read_bytes() if detector.exists() else b"no detector")
        return digest.hexdigest()

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
        self._phrases = load_safety_phrases(self._path(self._config, "phrases_file"))
        detector = load(self._path(self._config, "detector_dir"))
        self._check = SafetyCheck(self._phrases, detector)
        with self._model_storage.write_to(self._resource) as model_dir:
            rasa.shared.utils.io.dump_obj_as_json_to_file(
                model_dir / PHRASES_FILE_NAME, self._phrases.as_mapping()
            )
            rasa.shared.utils.io.dump_obj_as_json_to_file(
                model_dir / MODEL_FILE, detector.as_mapping()
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
            detector = SafetyDetector.from_mapping(
                rasa.shared.utils.io.read_json_file(model_dir / MODEL_FILE))
        return cls(config, model_storage, resource, SafetyPhrases.from_mapping(raw), detector)

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT)
            signal = strongest(
                self._check.check(text), SafetySignal.from_metadata(message.get(METADATA)))
            if signal is None or not signal.clear:
                self._demote_an_unconfirmed_guess(message, text, signal)
                self._mark_weak_signal(message, text, signal)
                continue
            top = {INTENT_NAME_KEY: signal.intent, PREDICTED_CONFIDENCE_KEY: 1.0}
            # A one-entry ranking: FallbackClassifier must not call this ambiguous.
            message.set(INTENT, top, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [top], add_to_output=True)
        return messages

    @staticmethod
    def _demote_an_unconfirmed_guess(
        message: Message, text: str | None, signal: SafetySignal | None
    ) -> None:
        """The classifier alone does not give the full safety answer: without a phrase or the
        detector's word for it ("wordt dit opgeslagen?" read as violence from its letters), and
        on one or two words ("morgenochtend" as an answer to "wanneer?"), the best other intent
        answers and the safety intent stays as a weak signal - the line with 113 or Veilig Thuis
        is added (see weak_signal). Measured on nlu_blind_7: four needless full answers became
        lines, no clear signal lost its full answer."""
        top = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
        if top not in SAFETY_INTENTS:
            return
        if signal is not None and len((text or "").split()) > SHORT_WORDS:
            return
        ranking = list(message.get(INTENT_RANKING_KEY) or [])
        others = [r for r in ranking if r.get(INTENT_NAME_KEY) not in SAFETY_INTENTS]
        if not others:
            return
        # The classifier's belief among the other intents: its confidences given that it is not
        # a safety message, so "ik heb heel veel schulden" read as crisis at 0.98 is debt (and
        # the weak line), not a menu because debt kept its leftover 0.02.
        total = sum(r.get(PREDICTED_CONFIDENCE_KEY) or 0.0 for r in others)
        if total > 0:
            others = [{**r, PREDICTED_CONFIDENCE_KEY: (r.get(PREDICTED_CONFIDENCE_KEY) or 0.0)
                       / total} for r in others]
        safety = [r for r in ranking if r.get(INTENT_NAME_KEY) in SAFETY_INTENTS]
        message.set(INTENT, others[0], add_to_output=True)
        message.set(INTENT_RANKING_KEY, [*others, *safety], add_to_output=True)

    def _mark_weak_signal(
        self, message: Message, text: str | None, signal: SafetySignal | None
    ) -> None:
        """Add a weak-signal entity: a non-personal mark, its value is never the resident's text."""
        ranking = {
            r.get(INTENT_NAME_KEY): r.get(PREDICTED_CONFIDENCE_KEY) or 0.0
            for r in message.get(INTENT_RANKING_KEY) or []
        }
        top = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
        threshold = float(self._config.get("weak_signal_threshold", 0.25))
        intent = weak_signal(self._phrases, text, top, ranking, threshold, signal)
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

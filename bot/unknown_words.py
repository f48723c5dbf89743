"""A message without one word the assistant knows is not understood, whatever the classifier ranks.

The classifier reads character n-grams, so "qwrtz plof bzzk" still gets a ranking, and a topic in
it may pass the "Bedoel je …?" bar by chance: a different topic each time the model is trained. This
component learns the vocabulary of the training examples and, when no word of a message is in
it (or one typo away from a word of four letters or more, or a placeholder, or a number), makes
the message ``nlu_fallback`` with nothing ranked, so the resident gets the whole menu. It runs
before the safety net: a safety phrase, the detector or the boundary's check still wins.
"""

from __future__ import annotations

import re
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

from bot.safety import normalise

FALLBACK_INTENT = "nlu_fallback"
VOCABULARY_FILE = "vocabulary.json"
_WORD = re.compile(r"<[A-Z_]+_\d+>|[^\W_]+", re.UNICODE)
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
MIN_TYPO_LENGTH = 4


def words(text: str) -> list[str]:
    return _WORD.findall(normalise(text)) if "<" not in text else [
        w if w.startswith("<") else w.lower() for w in _WORD.findall(text)]


def one_typo_away(word: str) -> set[str]:
    """Every word one deletion, swap, replacement or insertion away (Norvig's edits1)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    swaps = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    inserts = {a + c + b for a, b in splits for c in _LETTERS}
    return deletes | swaps | replaces | inserts


class Vocabulary:
    def __init__(self, known: set[str]) -> None:
        self.known = known

    def knows(self, word: str) -> bool:
        if word.startswith("<") or word.isdigit() or word in self.known:
            return True
        return len(word) >= MIN_TYPO_LENGTH and not self.known.isdisjoint(one_typo_away(word))

    def knows_any(self, text: str) -> bool:
        found = words(text)
        return not found or any(self.knows(w) for w in found)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class UnknownWordsGuard(GraphComponent, IntentClassifier):
    """Place after the trained classifier and before the safety net."""

    def __init__(self, model_storage: ModelStorage, resource: Resource,
                 vocabulary: Vocabulary | None = None) -> None:
        self._model_storage = model_storage
        self._resource = resource
        self._vocabulary = vocabulary or Vocabulary(set())

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> UnknownWordsGuard:
        return cls(model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        known = {w for example in training_data.intent_examples
                 for w in words(example.get(TEXT) or "")}
        self._vocabulary = Vocabulary(known)
        with self._model_storage.write_to(self._resource) as model_dir:
            rasa.shared.utils.io.dump_obj_as_json_to_file(
                model_dir / VOCABULARY_FILE, sorted(known))
        return self._resource

    @classmethod
    def load(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> UnknownWordsGuard:
        with model_storage.read_from(resource) as model_dir:
            known = set(rasa.shared.utils.io.read_json_file(model_dir / VOCABULARY_FILE))
        return cls(model_storage, resource, Vocabulary(known))

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if not text or text.startswith("/") or self._vocabulary.knows_any(text):
                continue
            unknown = {INTENT_NAME_KEY: FALLBACK_INTENT, PREDICTED_CONFIDENCE_KEY: 1.0}
            message.set(INTENT, unknown, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [unknown], add_to_output=True)
        return messages

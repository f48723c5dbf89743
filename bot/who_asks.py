"""Who is writing - a parent or a young person - decides between the parenting and youth answers.

A Rasa NLU component after the intent classifier. It changes the intent only between the two
topics that share their words and differ in their reader:
- youth, but the writer speaks of their own child and not of themselves as young → parenting;
- youth, but the writer states an adult age → the best other topic the classifier ranked;
- parenting, but the writer says they are young and names no child of their own → youth.
Cues are data (bot/who_asks.yml); the classifier's ranking is kept, re-ordered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
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

from bot.safety import normalise
from bot.topics import HELP_TOPICS
from settings.core import PROJECT_ROOT

WHO_ASKS_FILE = PROJECT_ROOT / "bot" / "who_asks.yml"


@dataclass(frozen=True)
class WhoAsks:
    parent_of_child: tuple[re.Pattern[str], ...]
    young_person_self: tuple[re.Pattern[str], ...]
    adult_self: tuple[re.Pattern[str], ...]

    @classmethod
    def load(cls, path: Path = WHO_ASKS_FILE) -> WhoAsks:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        return cls(*(tuple(re.compile(p) for p in raw.get(key) or ())
                     for key in ("parent_of_child", "young_person_self", "adult_self")))

    def correct(self, text: str, intent: str | None, ranking: list[str]) -> str | None:
        """The intent to use instead of ``intent``, or None to keep it."""
        if intent not in ("youth", "parenting") or not text:
            return None
        plain = normalise(text)
        parent = any(p.search(plain) for p in self.parent_of_child)
        young = any(p.search(plain) for p in self.young_person_self)
        adult = any(p.search(plain) for p in self.adult_self)
        if intent == "youth" and parent and not young:
            return "parenting"
        if intent == "youth" and adult and not young:
            return next((t for t in ranking if t in HELP_TOPICS and t != "youth"), None)
        if intent == "parenting" and young and not parent:
            return "youth"
        return None


def swapped(ranking: list[dict[str, Any]], top: str, better: str) -> list[dict[str, Any]]:
    """The ranking with ``better`` first, holding ``top``'s confidence, and ``top`` in its place."""
    confidence = {r.get(INTENT_NAME_KEY): r.get(PREDICTED_CONFIDENCE_KEY) or 0.0 for r in ranking}
    new = [{INTENT_NAME_KEY: better, PREDICTED_CONFIDENCE_KEY: confidence.get(top, 0.0)}]
    for r in ranking:
        name = r.get(INTENT_NAME_KEY)
        if name == top:
            new.append({**r, PREDICTED_CONFIDENCE_KEY: confidence.get(better, 0.0)})
        elif name != better:
            new.append(r)
    return new


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class WhoAsksClassifier(GraphComponent, IntentClassifier):
    """Place after the trained classifier and before the safety net."""

    def __init__(self, who: WhoAsks) -> None:
        self._who = who

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> WhoAsksClassifier:
        return cls(WhoAsks.load())

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            top = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
            ranking = list(message.get(INTENT_RANKING_KEY) or [])
            names = [r.get(INTENT_NAME_KEY) for r in ranking]
            better = self._who.correct(message.get(TEXT) or "", top, names)
            if better is None:
                continue
            # The two intents swap confidences: the writer, not the words, decided, and the
            # fallback's ambiguity check sees the same margin as before.
            reordered = swapped(ranking, top, better)
            message.set(INTENT_RANKING_KEY, reordered, add_to_output=True)
            message.set(INTENT, reordered[0], add_to_output=True)
        return messages

"""The intent classifier as Rasa trains, stores and loads it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.linear_intents import MODEL_FILE, LinearIntentClassifier
from bot.nlu_examples import load_examples

RESOURCE = Resource("linear_intents")


def _train(storage_dir: Path, examples: dict[str, list[str]]) -> LinearIntentClassifier:
    storage_dir.mkdir(parents=True, exist_ok=True)
    storage = LocalModelStorage(storage_dir)
    classifier = LinearIntentClassifier.create({}, storage, RESOURCE, None)  # type: ignore[arg-type]
    classifier.train(TrainingData([Message.build(text=t, intent=i)
                                   for i, ts in examples.items() for t in ts]))
    return LinearIntentClassifier.load({}, storage, RESOURCE, None)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def trained(tmp_path_factory) -> tuple[LinearIntentClassifier, Path]:
    """Trained on every example in nlu_data (some seconds), stored and loaded as a server would."""
    storage_dir = tmp_path_factory.mktemp("storage")
    return _train(storage_dir, load_examples()), storage_dir


def _parse(classifier: LinearIntentClassifier, text: str) -> Message:
    return classifier.process([Message(data={"text": text})])[0]


@pytest.mark.parametrize(("text", "intent"), [
    ("ik kan de huur niet meer betalen", "debt"),
    ("Er stond vanochtend een deurwaarder voor de deur", "debt"),
    ("mijn zoon van 15 spijbelt al weken", "parenting"),
    ("ik voel me zo alleen sinds mijn vrouw er niet meer is", "loneliness"),
    ("Ik kom niet in mijn DigiD", "digital_help"),
    ("wie kan mijn moeder helpen met douchen, ze heeft dementie", "social_support"),
    ("I cannot pay my rent anymore and the bailiff wrote me", "debt"),
    ("I feel very lonely since I moved here", "loneliness"),
])
def test_residents_topics_are_understood(trained, text, intent):
    message = _parse(trained[0], text)
    assert message.get("intent")["name"] == intent


def test_the_ranking_is_ordered_and_its_confidences_are_probabilities(trained):
    message = _parse(trained[0], "ik heb schulden en ik slaap er slecht van")
    ranking = message.get("intent_ranking")
    confidences = [r["confidence"] for r in ranking]
    assert confidences == sorted(confidences, reverse=True)
    assert len(ranking) == 10 and 0 < sum(confidences) <= 1.0 + 1e-9
    assert message.get("intent") == ranking[0]


def test_an_empty_message_is_left_to_the_fallback(trained):
    assert _parse(trained[0], "   ").get("intent") is None


def test_the_model_is_stored_as_json_and_training_is_deterministic(trained, tmp_path):
    stored = list(trained[1].rglob(MODEL_FILE))
    assert len(stored) == 1
    raw = json.loads(stored[0].read_text(encoding="utf-8"))
    assert {"format", "labels", "coef", "vectorizers", "data_sha256"} <= set(raw)
    examples = {i: ts for i, ts in load_examples().items() if i in ("debt", "loneliness", "stress")}
    first = _train(tmp_path / "a", examples)
    second = _train(tmp_path / "b", dict(reversed(list(examples.items()))))
    texts = ["huurachterstand", "ik ben zo moe van alles", "niemand belt me"]
    assert [_parse(first, t).get("intent_ranking") for t in texts] == \
        [_parse(second, t).get("intent_ranking") for t in texts]


def test_one_intent_is_refused_with_a_clear_error(tmp_path):
    with pytest.raises(ValueError, match="at least two intents"):
        _train(tmp_path, {"debt": ["schulden", "huurachterstand"]})

"""TED loaded without Rasa's training step holds exactly the trained weights and predicts
exactly as Rasa's own loading does, on the project's trained model."""

from __future__ import annotations

import asyncio
import hashlib
from collections import Counter
from unittest import mock

import numpy as np
import pytest
from rasa.core.agent import Agent, load_agent
from rasa.core.channels.channel import UserMessage
from rasa.utils.tensorflow.models import RasaModel

from bot import quick_load
from bot.nlu_examples import load_examples
from settings.core import load_settings

pytestmark = pytest.mark.slow


def _tf_models(agent: Agent) -> dict[str, RasaModel]:
    """The TensorFlow model of each TED node of the loaded graph."""
    models = {}
    for name, node in agent.processor.graph_runner._instantiated_nodes.items():
        component = node._component
        model = getattr(component, "model", None)
        if isinstance(model, RasaModel):
            models[name] = model
    return models


@pytest.fixture(scope="module")
def agents() -> tuple[Agent, Agent]:
    model_path = str(load_settings(env={}).model_path)
    quick = asyncio.run(load_agent(model_path=model_path))
    rasa_way = RasaModel.load.__func__
    with mock.patch.object(quick_load.QuickLoadingTED, "load", classmethod(rasa_way)):
        reference = asyncio.run(load_agent(model_path=model_path))
    return quick, reference


def test_the_model_is_loaded_the_quick_way(agents):
    quick, _ = agents
    kinds = {type(m) for m in _tf_models(quick).values()}
    assert kinds == {quick_load.QuickLoadingTED}


def test_every_prediction_weight_is_the_trained_one(agents):
    """Each variable the quick model holds is, value for value, one of the weights Rasa's way
    restores (layer names may be numbered differently, so values are matched, not names)."""
    quick, reference = agents
    quick_models, reference_models = _tf_models(quick), _tf_models(reference)
    assert quick_models.keys() == reference_models.keys()
    for node, model in quick_models.items():
        trained = Counter(_fingerprint(v) for v in reference_models[node].weights)
        held = Counter(_fingerprint(v) for v in model.weights)
        assert model.weights, node
        assert held - trained == Counter(), node


def _fingerprint(variable: object) -> tuple[tuple[int, ...], bytes]:
    value = np.asarray(variable.numpy())
    return value.shape, hashlib.sha256(value.tobytes()).digest()


def test_next_actions_are_predicted_as_after_rasa_loading(agents):
    """The same conversations get the same next-action scores from both loadings."""
    quick, reference = agents
    texts = [t for examples in load_examples().values() for t in examples][::97]
    texts += ["ik kan de huur niet meer betalen", "hoi", "ja graag", "zzzz"]

    async def predict(agent: Agent) -> list[list[float]]:
        scores = []
        for number, text in enumerate(texts):
            sender = f"quick-load-{number}"
            await agent.processor.log_message(UserMessage(text, sender_id=sender))
            prediction = await agent.processor.predict_next_for_sender_id(sender)
            scores.append([s["score"] for s in prediction["scores"]])
        return scores

    for got, expected in zip(asyncio.run(predict(quick)), asyncio.run(predict(reference)),
                             strict=True):
        assert got == pytest.approx(expected, abs=1e-6)

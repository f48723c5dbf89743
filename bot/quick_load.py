"""Rasa's TED policy, loaded for prediction without a training step.

Rasa builds a stored TensorFlow model by training it for one step on an example (which traces
the whole training graph and creates the optimizer's state), then overwrites the weights with
the stored ones. For serving, none of that is needed: TensorFlow restores stored weights into
variables as they are created, so loading the weights first and making one prediction builds
exactly the prediction graph with the trained values. Measured on this project's model (then
with DIET too): the Rasa process loaded in 7 s instead of 18 s and held about 400 MiB less
(docs/operators.md).

The class is a drop-in subclass named in ``config.yml``; training is Rasa's own. When a
stored weight would be left unused or a created variable unrestored, or when Rasa fine-tunes a
model, loading falls back to Rasa's path.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa.core.policies.ted_policy import TED, TEDPolicy
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.utils.tensorflow.model_data import RasaModelData
from rasa.utils.tensorflow.models import RasaModel

logger = logging.getLogger(__name__)


def load_for_prediction(
    cls: type[RasaModel], model_file_name: str, model_data_example: RasaModelData,
    predict_data_example: RasaModelData | None = None, finetune_mode: bool = False,
    *args: Any, **kwargs: Any,
) -> RasaModel:
    """The stored model, built by one prediction instead of one training step."""
    if finetune_mode or not predict_data_example:
        return RasaModel.load.__func__(cls, model_file_name, model_data_example,
                                       predict_data_example, finetune_mode, *args, **kwargs)
    model = cls(*args, **kwargs)
    status = model.load_weights(model_file_name)
    model.run_inference(predict_data_example)  # creates the variables; each gets its weight
    try:
        status.expect_partial()  # the optimizer's state is stored too; prediction needs none
        status.assert_existing_objects_matched()
    except AssertionError as error:
        logger.warning("%s: quick load incomplete (%s); loading the Rasa way",
                       cls.__name__, type(error).__name__)
        return RasaModel.load.__func__(cls, model_file_name, model_data_example,
                                       predict_data_example, finetune_mode, *args, **kwargs)
    return model


class QuickLoadingTED(TED):
    load = classmethod(load_for_prediction)


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITH_END_TO_END_SUPPORT, is_trainable=True
)
class QuickLoadingTEDPolicy(TEDPolicy):
    """Rasa's TEDPolicy; only loading for prediction differs."""

    @staticmethod
    def model_class() -> type[TED]:
        return QuickLoadingTED

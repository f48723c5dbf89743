"""The shared linear n-gram model: the one-text path equals sklearn's, and JSON loses nothing."""

from __future__ import annotations

import json

import numpy as np
import pytest

from bot.ngram_model import NgramModel
from bot.safety import normalise

EXAMPLES = {
    "debt": ["ik heb een betalingsachterstand bij de huur", "de deurwaarder stond aan de deur",
             "aanmaning van de zorgverzekering", "ik kan de energierekening niet betalen"],
    "loneliness": ["ik voel me zo alleen", "niemand komt ooit op bezoek",
                   "sinds mijn man overleed zie ik bijna niemand", "ik mis gezelschap"],
    "parenting": ["mijn zoon van 14 luistert niet meer", "onze dochter spijbelt steeds",
                  "ik weet niet hoe ik mijn kind moet opvoeden", "ruzie met mijn puber"],
}
TEXTS = [normalise(t) for ts in EXAMPLES.values() for t in ts]
LABELS = [label for label, ts in EXAMPLES.items() for _ in ts]


@pytest.fixture(scope="module")
def model() -> NgramModel:
    return NgramModel.fit(TEXTS, LABELS, c=10.0)


@pytest.mark.parametrize("text", [
    "ik heb schulden bij de energie", "mijn puber spijbelt", "alleen", "", "zzzz qqqq",
    "Ik voel me eenzaam sinds de verhuizing",
])
def test_one_text_gets_sklearns_probabilities(model, text):
    folded = normalise(text)
    assert np.abs(model.probabilities_of(folded) - model.probabilities([folded])[0]).max() < 1e-9


def test_json_keeps_every_probability(model):
    loaded = NgramModel.from_mapping(json.loads(json.dumps(model.as_mapping())))
    assert loaded.labels == model.labels
    texts = [normalise(t) for t in ["deurwaarder", "ik ben eenzaam", "mijn zoon van 12"]]
    assert np.abs(loaded.probabilities(texts) - model.probabilities(texts)).max() < 1e-5


def test_it_learns_the_topics_from_unseen_wording(model):
    best = {t: model.labels[int(np.argmax(model.probabilities_of(normalise(t))))]
            for t in ["nog een aanmaning van de huur", "mijn dochter luistert niet"]}
    assert best == {"nog een aanmaning van de huur": "debt",
                    "mijn dochter luistert niet": "parenting"}


def test_two_labels_use_the_logistic_not_the_softmax():
    two = NgramModel.fit(TEXTS[:8], LABELS[:8], c=10.0)
    text = normalise("ik ben alleen en heb schulden")
    assert two.probabilities_of(text).sum() == pytest.approx(1.0)
    assert np.abs(two.probabilities_of(text) - two.probabilities([text])[0]).max() < 1e-9

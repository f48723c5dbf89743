"""The deterministic safety net: acute danger is recognised without the classifier."""

import pytest

from bot.safety import SafetyPhrases, load_safety_phrases, normalise


@pytest.fixture(scope="module")
def phrases() -> SafetyPhrases:
    return load_safety_phrases()


@pytest.mark.parametrize(
    "text",
    [
        "ik wil niet meer leven",
        "Ik denk aan zelfmoord",
        "ik heb aan suïcide gedacht",
        "soms wil ik er een eind aan maken",
        "ik wil dood",
        "mijn dochter snijdt in zichzelf",
        "IK WIL NIET MEER LEVEN!!!",
        "ik  wil   niet meer   leven",
        "mijn zoon zegt dat hij zelfmoord wil plegen",
    ],
)
def test_crisis_phrases(phrases, text):
    assert phrases.match(text) == "crisis_suicide"


@pytest.mark.parametrize(
    "text",
    [
        "mijn man slaat me",
        "ik ben bang voor mijn partner",
        "er is huiselijk geweld bij ons thuis",
        "mijn vader mishandelt mijn moeder",
        "hij heeft me gisteren weer geschopt",
        "mijn ex bedreigt me",
    ],
)
def test_domestic_violence_phrases(phrases, text):
    assert phrases.match(text) == "domestic_violence"


@pytest.mark.parametrize(
    "text",
    [
        "ik ben doodmoe van al dat gedoe",
        "ik schrik me dood van die energierekening",
        "mijn vader is vorig jaar overleden",
        "ik heb schulden bij de belastingdienst",
        "ik sla nooit mijn kinderen",
        "we hebben ruzie over geld",
        "ik ben bang dat ik mijn baan verlies",
        "mijn moeder woont alleen",
        "",
        "   ",
        "🙂🙂",
    ],
)
def test_ordinary_questions_do_not_trigger(phrases, text):
    assert phrases.match(text) is None


def test_none_is_not_a_match(phrases):
    assert phrases.match(None) is None


def test_normalise_removes_accents_and_case():
    assert normalise("  Suïcide  GEDACHTEN ") == "suicide gedachten"


def test_crisis_wins_when_both_lists_match():
    phrases = SafetyPhrases.from_mapping(
        {"crisis_suicide": [r"\bdood\b"], "domestic_violence": [r"\bslaat\b"]}
    )
    assert phrases.match("hij slaat me en ik wil dood") == "crisis_suicide"


def test_unknown_intent_in_phrase_file_is_refused():
    with pytest.raises(ValueError, match="unknown safety intents"):
        SafetyPhrases.from_mapping({"debt": ["schuld"]})


def _examples_by_intent() -> dict[str, list[str]]:
    from bot.nlu_examples import load_examples

    return load_examples()


# The net is the floor under the classifier, not a replacement: it must catch most of the
# safety examples on its own (vague distress such as "ik zie het niet meer zitten" is left to
# the classifier) and never fire on an example of another intent.
MIN_NET_RECALL = 0.85


@pytest.mark.parametrize("intent", ["crisis_suicide", "domestic_violence"])
def test_net_catches_most_safety_examples_on_its_own(phrases, intent):
    examples = _examples_by_intent()[intent]
    caught = [e for e in examples if phrases.match(e) == intent]
    assert len(caught) / len(examples) >= MIN_NET_RECALL


def test_net_never_fires_on_other_intents_examples(phrases):
    fired = [
        (intent, example)
        for intent, examples in _examples_by_intent().items()
        if intent not in ("crisis_suicide", "domestic_violence")
        for example in examples
        if phrases.match(example)
    ]
    assert fired == []

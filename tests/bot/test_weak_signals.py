"""Weak safety signals inside another topic: the topic answer stays, one short line is added."""

import pytest
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, METADATA, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.safety import WEAK_SIGNAL_ENTITIES, SafetyPhrases, load_safety_phrases, weak_signal
from bot.safety_net import SafetyNetClassifier

THRESHOLD = 0.1


@pytest.fixture(scope="module")
def phrases() -> SafetyPhrases:
    return load_safety_phrases()


@pytest.mark.parametrize(
    "text",
    [
        "de schulden groeien me boven het hoofd en ik zie het soms niet meer zitten",
        "ik ben alleen en vraag me af wat het leven nog voor zin heeft",
        "elke dag hetzelfde, soms denk ik waar doe ik het nog voor",
        "ik zorg voor mijn moeder en weet niet hoe lang ik dit nog volhoud",
        "ben zo moe van alles, soms wil ik gewoon verdwijnen",
        "ik voel me een last voor mijn gezin",
        "mijn dochter draagt steeds lange mouwen en eet slecht",
    ],
)
def test_weak_suicide_wording_inside_a_topic_gets_the_113_line(phrases, text):
    assert phrases.match(text) is None, "a weak signal, not a clear one"
    assert weak_signal(phrases, text, "debt", {"debt": 0.98}, THRESHOLD) == "crisis_suicide"


@pytest.mark.parametrize(
    "text",
    [
        "mijn man heeft een kort lontje en hij duwt me weleens als hij boos is",
        "als ik naar de post vraag, gooide hij laatst een bord kapot",
        "mijn zoon van 16 wordt steeds agressiever",
        "mijn vriend checkt mijn telefoon en bepaalt met wie ik praat",
        "ik durf het niet te zeggen, ik ben bang voor hem",
        "mijn man houdt de pinpas en ik moet alles vragen",
        "mijn ex appt dat hij weet waar we nu wonen",
        "hij zegt dat ik er spijt van ga krijgen als ik niet terugkom",
        "hij komt de kinderen afpakken, zegt hij steeds",
    ],
)
def test_weak_violence_wording_inside_a_topic_gets_the_veilig_thuis_line(phrases, text):
    assert phrases.match(text) is None
    assert weak_signal(phrases, text, "stress", {"stress": 0.97}, THRESHOLD) == "domestic_violence"


@pytest.mark.parametrize(
    "text",
    [
        "ik heb een betalingsachterstand bij de energie",
        "mijn zoon van 4 krijgt driftbuien als hij moet stoppen met spelen",
        "ik kan de huur niet meer betalen",
        "hoe lang duurt het voordat ik bij schuldhulp terecht kan",
        "ik ben bang dat ik mijn baan verlies",
        "ik schrik me dood van die energierekening",
        "de deurwaarder heeft beslag gelegd op mijn loon",
        "weet u waar ik woon qua wijk? ik zoek het wijkteam",
        "je gaat er geen spijt van krijgen als je komt",
        "ik kom de kinderen om 3 uur halen van school",
    ],
)
def test_calm_topic_messages_get_no_line(phrases, text):
    assert weak_signal(phrases, text, "debt", {"debt": 0.99, "stress": 0.01}, THRESHOLD) is None


@pytest.mark.parametrize(
    ("ranking", "expected"),
    [
        ({"debt": 0.85, "crisis_suicide": 0.12}, "crisis_suicide"),
        ({"debt": 0.85, "domestic_violence": 0.1}, "domestic_violence"),
        ({"debt": 0.6, "crisis_suicide": 0.15, "domestic_violence": 0.2}, "domestic_violence"),
        ({"debt": 0.95, "crisis_suicide": 0.09}, None),
        ({"debt": 1.0}, None),
    ],
)
def test_classifier_confidence_in_a_safety_intent_counts_from_the_threshold(
    phrases, ranking, expected
):
    text = "ik heb een brief van het cjib gekregen"
    assert weak_signal(phrases, text, "debt", ranking, THRESHOLD) == expected


@pytest.mark.parametrize("intent", ["crisis_suicide", "domestic_violence"])
def test_a_safety_intent_keeps_its_mark_in_case_the_fallback_takes_over(phrases, intent):
    """A safety intent below the fallback threshold becomes nlu_fallback after the net; the mark
    makes the fallback carry the line (a full safety answer has no rule that adds one)."""
    assert weak_signal(phrases, "hij is beneden", intent, {intent: 0.4}, 0.1) == intent


def test_weak_phrases_are_read_from_the_phrase_file_and_survive_the_model_copy(phrases):
    assert phrases.weak["crisis_suicide"] and phrases.weak["domestic_violence"]
    copy = SafetyPhrases.from_mapping(phrases.as_mapping())
    assert copy.as_mapping() == phrases.as_mapping()


def test_unknown_weak_kind_fails_loudly():
    with pytest.raises(ValueError, match="weak"):
        SafetyPhrases.from_mapping({"weak": {"gambling": ["gok"]}})


def _parsed(text: str, intent: str, ranking: dict[str, float]) -> Message:
    message = Message(data={TEXT: text})
    message.set(INTENT, {"name": intent, "confidence": ranking[intent]})
    message.set(INTENT_RANKING_KEY, [{"name": i, "confidence": c} for i, c in ranking.items()])
    return message


def _component(phrases: SafetyPhrases) -> SafetyNetClassifier:
    config = {**SafetyNetClassifier.get_default_config(), "weak_signal_threshold": THRESHOLD}
    return SafetyNetClassifier(config, None, None, phrases)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("Ik heb zes online leningen en ik zie het soms echt niet meer zitten.",
         WEAK_SIGNAL_ENTITIES["crisis_suicide"]),
        ("Ik heb veel spanning thuis, mijn man duwt me weleens als hij boos is.",
         WEAK_SIGNAL_ENTITIES["domestic_violence"]),
    ],
)
def test_the_safety_net_marks_a_weak_signal_without_changing_the_topic(phrases, text, entity):
    (message,) = _component(phrases).process([_parsed(text, "debt", {"debt": 0.97})])
    assert message.get(INTENT)["name"] == "debt"
    (mark,) = message.get(ENTITIES)
    assert mark["entity"] == entity
    assert mark["value"] == "weak", "a non-personal mark, never the resident's words"
    assert (mark["start"], mark["end"]) == (0, len(text))


def test_the_safety_net_leaves_a_calm_message_unmarked(phrases):
    text = "Ik heb een aanmaning van de zorgverzekeraar, kan ik een regeling treffen?"
    (message,) = _component(phrases).process([_parsed(text, "debt", {"debt": 0.99})])
    assert not message.get(ENTITIES)


def test_a_clear_signal_still_overrides_the_topic_without_a_mark(phrases):
    text = "ik heb schulden en soms wil ik niet meer leven"
    (message,) = _component(phrases).process([_parsed(text, "debt", {"debt": 0.97})])
    assert message.get(INTENT)["name"] == "crisis_suicide"
    assert not message.get(ENTITIES)


@pytest.mark.parametrize("text", ["morgenochtend", "morgen middag"])
def test_a_short_answer_the_classifier_reads_as_crisis_is_a_weak_signal(phrases, text):
    ranking = {"crisis_suicide": 0.8, "choose_contact_way": 0.15, "debt": 0.05}
    (message,) = _component(phrases).process([_parsed(text, "crisis_suicide", ranking)])
    assert message.get(INTENT)["name"] == "choose_contact_way"
    (mark,) = message.get(ENTITIES)
    assert mark["entity"] == WEAK_SIGNAL_ENTITIES["crisis_suicide"], "the line still gives 113"


@pytest.mark.parametrize("text", ["zelfmoord", "ik wil niet meer leven"])
def test_a_short_clear_phrase_keeps_the_full_safety_answer(phrases, text):
    ranking = {"crisis_suicide": 0.8, "debt": 0.2}
    (message,) = _component(phrases).process([_parsed(text, "crisis_suicide", ranking)])
    assert message.get(INTENT)["name"] == "crisis_suicide"


def _parsed_with(text: str, intent: str, ranking: dict[str, float], metadata: dict) -> Message:
    message = _parsed(text, intent, ranking)
    message.set(METADATA, metadata)
    return message


def test_the_boundarys_clear_signal_gives_the_full_answer_on_redacted_text(phrases):
    """The original said it; the redacted text Rasa sees no longer does."""
    metadata = {"safety_signal": "domestic_violence", "safety_strength": "clear"}
    (message,) = _component(phrases).process(
        [_parsed_with("<PERSOON_1> doet het weer", "debt", {"debt": 0.9}, metadata)])
    assert message.get(INTENT)["name"] == "domestic_violence"
    assert [r["name"] for r in message.get(INTENT_RANKING_KEY)] == ["domestic_violence"]


def test_the_boundarys_weak_signal_adds_the_line_and_keeps_the_topic(phrases):
    metadata = {"safety_signal": "crisis_suicide", "safety_strength": "weak"}
    (message,) = _component(phrases).process(
        [_parsed_with("Ik heb een aanmaning gekregen.", "debt", {"debt": 0.99}, metadata)])
    assert message.get(INTENT)["name"] == "debt"
    (mark,) = message.get(ENTITIES)
    assert mark["entity"] == WEAK_SIGNAL_ENTITIES["crisis_suicide"]


def test_a_clear_phrase_in_the_text_beats_a_weak_signal_from_the_boundary(phrases):
    metadata = {"safety_signal": "domestic_violence", "safety_strength": "weak"}
    (message,) = _component(phrases).process(
        [_parsed_with("ik wil niet meer leven", "debt", {"debt": 0.9}, metadata)])
    assert message.get(INTENT)["name"] == "crisis_suicide"


class _Detector:
    def __init__(self, signal) -> None:
        self._signal = signal

    def signal(self, text: str):
        return self._signal


def test_the_classifier_alone_gives_only_the_line(phrases):
    """No phrase, no detector: a guess from the letters ("opgeslagen" near "opgesloten")."""
    ranking = {"domestic_violence": 0.9, "privacy_info": 0.08, "debt": 0.02}
    (message,) = _component(phrases).process(
        [_parsed("Wordt dit allemaal ergens opgeslagen?", "domestic_violence", ranking)])
    assert message.get(INTENT)["name"] == "privacy_info"
    (mark,) = message.get(ENTITIES)
    assert mark["entity"] == WEAK_SIGNAL_ENTITIES["domestic_violence"]


def test_the_classifier_with_the_detectors_weak_word_keeps_the_full_answer(phrases):
    from bot.safety import SafetySignal

    config = {**SafetyNetClassifier.get_default_config(), "weak_signal_threshold": THRESHOLD}
    component = SafetyNetClassifier(config, None, None, phrases,  # type: ignore[arg-type]
                                    _Detector(SafetySignal("domestic_violence", False)))
    ranking = {"domestic_violence": 0.9, "privacy_info": 0.1}
    (message,) = component.process(
        [_parsed("hij pakt steeds mijn telefoon af", "domestic_violence", ranking)])
    assert message.get(INTENT)["name"] == "domestic_violence"

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


# Issue 18: the pattern families added for indirect, everyday wording. Each family has cases it
# must catch and look-alikes it must leave alone (idioms, news, a child's clinginess, cooking).
@pytest.mark.parametrize(
    "text",
    [
        # self-harm: cutting, scratching, burning, carving
        "ik kras mezelf als het thuis weer mis is",
        "ik ben 14 en ik brand mezelf met een aansteker",
        "heb gister weer gekrast",
        "mijn dochter kerft in haar bovenbenen",
        "hij heeft in zijn pols gesneden",
        "ze heeft sneden op haar armen",
        # killing oneself, hanging, pills, methods, rails and heights
        "ik wil mezelf doden",
        "ik wil me zelf dood maken",
        "ik denk erover me op te hangen",
        "ik heb al mijn slaappillen ingenomen",
        "hoeveel paracetamol is dodelijk",
        "ik wil me voor de trein gooien",
        "ik sta op het dak en wil springen",
        "wat is een pijnloos sterven",
        "ik denk aan zelf moord",
        "ik heb een overdosis genomen",
        # passive death wish and hopelessness about living
        "ik heb geen reden meer om te leven",
        "waarom leef ik eigenlijk nog",
        "ik wou dat ik nooit geboren was",
        "ik hoop elke nacht dat ik niet meer wakker word",
        "ik ben klaar met het leven",
        "mijn zoon schreef dat hij dood wil",
        "ze zegt dat ze er niet meer wil zijn",
        # English, as residents with limited Dutch write it
        "i want to kill myself",
        "i dont want to live anymore",
    ],
)
def test_crisis_families_of_issue_18(phrases, text):
    assert phrases.match(text) == "crisis_suicide"


@pytest.mark.parametrize(
    "text",
    [
        # drinking that comes with hitting
        "als papa dronken is slaat hij",
        "hij drinkt veel en dan slaat hij mama",
        # a child who sees or gets hitting
        "ik zie dat mijn vader mijn moeder slaat",
        "ik krijg klappen van mijn stiefvader",
        "mijn moeder heeft me met een riem geslagen",
        "ik denk dat mijn oma geslagen wordt door de thuiszorg",
        "mijn man schudt de baby door elkaar",
        # threats, stalking and sexual images by an ex
        "mijn ex zegt dat hij me gaat afmaken",
        "hij heeft gedreigd dat hij de kinderen iets aandoet",
        "mijn ex staat elke avond voor mijn deur",
        "mijn ex wacht me op na mijn werk",
        "mijn ex dreigt mijn naaktfoto's te verspreiden",
        "ik word bedreigd",
        # coercive control, sexual abuse, honour-related violence
        "mijn man heeft mijn paspoort afgepakt",
        "ik mag niemand zien van mijn man",
        "ik voel me thuis niet veilig",
        "mijn stiefvader komt aan mijn borsten",
        "mijn oom voelt onder mijn rok",
        "ik word uitgehuwelijkt",
        "het gaat om de eer van de familie, mijn broers bedreigen me",
        "ik ben verkracht",
        # route words and spelling
        "huislijk geweld",
        "waar is een vrouwenopvang",
        "my husband beats me",
        "I am not safe at home",
    ],
)
def test_violence_families_of_issue_18(phrases, text):
    assert phrases.match(text) == "domestic_violence"


@pytest.mark.parametrize(
    "text",
    [
        "ik verveel me dood",
        "die rekening maakt me kapot",
        "mijn telefoon is dood",
        "mijn opa is vorig jaar overleden",
        "ik zag op het nieuws dat er iemand is doodgestoken",
        "ik lag dood van het lachen",
        "ik heb de groente gesneden",
        "ik heb mezelf gesneden aan een blikje, moet ik naar de huisarts",
        "de kat heeft krassen op mijn arm gemaakt",
        "ik moet drie pillen per dag innemen, wie helpt me met de apotheek",
        "mijn zoon wordt 's nachts niet meer wakker, fijn",
        "ik hoop dat de baby vannacht niet wakker wordt",
        "mijn zoon van 4 slaat zijn kleine zusje",
        "mijn vrouw sloeg alarm toen de brief kwam",
        "dat bericht heeft me met stomheid geslagen",
        "mijn fantasie is op hol geslagen",
        "hij volgt me op instagram",
        "mijn vader wacht me op bij school",
        "de deurwaarder laat me niet met rust",
        "ik word bedreigd met een boete",
        "mijn moeder heeft mijn telefoon afgepakt omdat ik te laat thuis was",
        "mijn kinderen zitten de hele dag aan me",
        "het spel dat hij speelt is erg gewelddadig",
        "ik heb een naaktfoto gestuurd en nu dreigt iemand die online te zetten",
        "we moeten trouwen bij de gemeente, hoe werkt dat",
        "mijn vriend wil dat ik met hem trouw",
        "it hit me how expensive it is",
        "dat doet pijn aan mijn ogen",
        "waarom leven we in zo'n duur land",
    ],
)
def test_look_alikes_of_issue_18_do_not_trigger(phrases, text):
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
    """The trainers' own examples. The retired blind sets hold other writers' hard negatives and
    weak signals ("a documentary about suicide prevention") the net does fire on: how often it
    does on fresh text is what the blind reports measure (calm messages given the safety answer)."""
    from bot.nlu_examples import load_examples

    return load_examples(retired=False)


# The net is the floor under the classifier, not a replacement: it must catch most of the
# safety examples on its own and never fire on an example of another intent. Since issue 18 the
# safety examples deliberately include indirect wording the net leaves to the classifier, because
# no pattern for it is safe on everyday Dutch: vague hopelessness ("ik zie het niet meer zitten"),
# saying goodbye and giving things away, coercive and financial control, elder neglect. About a
# third of the examples are of that kind (measured 2026-12-04: crisis 71 %, violence 79 %; after
# the indirect examples of round 2: crisis 65.4 %, violence 69.7 %). Round 3 added 320 indirect
# examples for the learned detector (bot/safety_detector.py), which covers what no pattern may:
# crisis 51.5 %, violence 55.6 %, so the floor was 48 %. Round 8 (2026-12-06) added 1,056 more
# indirect Dutch and English examples for the detector: crisis 40.4 % (nl) / 39.4 % (en), violence
# 47.8 % / 49.9 %, so the floor is 38 %; dropping a pattern family (self-harm alone is ~10 % of
# the crisis examples) still makes this fail.
MIN_NET_RECALL = 0.38


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


# Issue 18, round 2: families the classifier missed on indirect wording, each with the calm
# phrasings that share its words.
@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("ik wil gewoon voorgoed verdwijnen", "crisis_suicide"),
        ("ik wil verdwijnen, voor altijd", "crisis_suicide"),
        ("het is voor iedereen makkelijker als ik er gewoon niet meer ben", "crisis_suicide"),
        ("geen mens die het merkt als ik er niet meer zou zijn", "crisis_suicide"),
        ("ik weet niet waarvoor ik nog opsta", "crisis_suicide"),
        ("voor wie ga ik nog door?", "crisis_suicide"),
        ("van mij hoeft het allemaal niet meer", "crisis_suicide"),
        ("ik vertrouw mezelf vannacht niet", "crisis_suicide"),
        ("hij zegt dat hij vanavond van de flat gaat springen", "crisis_suicide"),
        ("ik hield het mesje al tegen mijn pols", "crisis_suicide"),
        ("ik ben het leven zo beu", "crisis_suicide"),
        ("de enige uitweg die ik zie is dat ik er niet meer ben", "crisis_suicide"),
        ("sinds mijn poging voel ik me nog steeds zo, na mijn poging", "crisis_suicide"),
        ("ik mag van mijn man niet naar mijn vriendinnen", "domestic_violence"),
        ("ik mag van mijn vriend niemand zien", "domestic_violence"),
        ("de thuiszorg behandelt mijn vader ruw", "domestic_violence"),
        ("de verzorgster scheldt mijn oma uit en knijpt haar", "domestic_violence"),
        ("ik word gestalkt door mijn ex", "domestic_violence"),
        ("als hij boos wordt, wordt hij handtastelijk", "domestic_violence"),
        ("ik wil mijn leven stoppen", "crisis_suicide"),
    ],
)
def test_families_of_issue_18_round_2(phrases, text, intent):
    assert phrases.match(text) == intent


@pytest.mark.parametrize(
    "text",
    [
        "ik word gestalkt door reclames sinds ik een fiets zocht",
        "ik wil dat mijn schulden voorgoed verdwijnen",
        "ik ga voorgoed weg uit deze stad",
        "wat gebeurt er met mijn huis als ik er niet meer ben",
        "wie zorgt voor mijn zoon als ik er niet meer ben",
        "waarom sta ik nog op de wachtlijst",
        "waarom ga ik nog door met die studie",
        "die afspraak hoeft voor mij niet meer",
        "ik vertrouw mezelf niet met geld",
        "de kinderen springen in de zomer van de steiger",
        "de enige oplossing is dat ik mezelf aanmeld bij de schuldhulp",
        "na mijn poging om te stoppen met roken ben ik aangekomen",
        "ik heb het gezeur van de buren zo beu",
        "ik wil mijn leven op orde krijgen",
        "ik wil stoppen met roken, mijn leven is er beter van",
        "ik mag van mijn man niet roken",
        "de thuiszorg komt steeds te laat",
        "ik verzorg mijn moeder en ze scheldt me uit",
    ],
)
def test_look_alikes_of_issue_18_round_2_do_not_trigger(phrases, text):
    assert phrases.match(text) is None


@pytest.mark.parametrize("text", [
    "Hij is nu beneden en heeft een mes gepakt. Ik zit met de kinderen op de badkamer.",
    "mijn man heeft een mes gepakt en staat in de keuken te schreeuwen",
    "hij pakte een mes uit de la en kwam op me af",
    "mijn ex dreigde me met een mes",
    "ze zwaaide met een hamer naar mij",
    "we hebben ons in de slaapkamer opgesloten want hij is dronken",
])
def test_a_weapon_at_home_and_hiding_from_someone_are_violence(phrases, text):
    assert phrases.match(text) == "domestic_violence"


@pytest.mark.parametrize("text", [
    "ik heb een mes gekocht voor de keuken",
    "mijn zoon heeft een zakmes van opa gekregen",
    "hij heeft het mes in de vaatwasser gelegd",
    "hij pakt een mes om de taart te snijden",
    "mijn vader pakt zijn hamer en gaat de schuur repareren",
    "ik zit op de badkamer te huilen",
])
def test_knives_and_hammers_in_daily_life_are_no_violence(phrases, text):
    assert phrases.match(text) is None


def test_a_changed_phrase_file_changes_the_training_fingerprint(tmp_path):
    """Rasa caches trained components by fingerprint: the phrases must be part of it."""
    from bot.safety_net import SafetyNetClassifier

    path = tmp_path / "phrases.yml"
    path.write_text("crisis_suicide: ['\\\\bzelfmoord\\\\b']\n", encoding="utf-8")
    before = SafetyNetClassifier.fingerprint_addon({"phrases_file": str(path)})
    path.write_text("crisis_suicide: ['\\\\bsuicide\\\\b']\n", encoding="utf-8")
    assert SafetyNetClassifier.fingerprint_addon({"phrases_file": str(path)}) != before

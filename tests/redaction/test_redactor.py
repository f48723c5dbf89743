"""The real redactor on resident text: what goes, what stays, and nothing crashes it."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from redaction.placeholders import PLACEHOLDER


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "ik ben Fatima el Amrani en bel me op 06-12345678",
            "ik ben <PERSOON_1> en bel me op <TELEFOONNUMMER_1>",
        ),
        ("mijn bsn is 111222333", "mijn bsn is <BSN_1>"),
        ("rekening NL91 ABNA 0417 1643 00 graag", "rekening <IBAN_1> graag"),
        (
            "ik woon op de Kerkstraat 12a, 1234 AB Utrecht",
            "ik woon op de <ADRES_1>, <POSTCODE_1> Utrecht",
        ),
    ],
)
def test_personal_data_becomes_typed_dutch_placeholders(redactor, text, expected):
    assert redactor.redact(text)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "ik heb schulden bij de Belastingdienst, het CJIB en DUO",
        "ik moet nog € 1.250 betalen voor maandag, in maart komt er meer",
        "ik woon in Utrecht, in de wijk Kanaleneiland, sinds 2019",
        "bel 113 of 0800-0113, of Veilig Thuis op 0800-2000",
        "mijn DigiD werkt niet en het wijkteam is dicht",
        "Mijn moeder woont alleen en de Voedselbank helpt ons",
        # greetings and thanks in residents' other languages are no names
        "salaam, ik heb een vraag over de huur",
        "tamam, dan bel ik morgen",
        "masha danki voor de hulp",
        "merhaba, kan iemand mij helpen",
        # districts of the larger cities, stations, football clubs and chat words are no names
        "wij wonen sinds maart in Crooswijk en de lift is kapot",
        "ik kom uit Tongelre, waar kan ik een container aanvragen?",
        "Moet ik voor Strijp-R ook een parkeervergunning hebben?",
        "ik sta nu op Utrecht Centraal en mijn OV-kaart is weg",
        "kijken jullie ook naar ajax of feyenoord vanavond",
        "cya morgen, dan bel ik het wijkteam",
        "mijn buurman spamt me met berichten, wat kan ik doen",
        "is er een inloop voor lhbti jongeren in de buurt",
    ],
)
def test_organisations_amounts_places_and_public_numbers_survive(redactor, text):
    assert redactor.redact(text) == (text, [])


def test_placeholders_already_in_the_text_are_left_alone(redactor):
    text = "ik ben <PERSOON_1> en mijn nummer is <TELEFOONNUMMER_1>"
    assert redactor.redact(text) == (text, [])


def test_same_value_same_placeholder_within_a_conversation_only(redactor):
    first, _ = redactor.redact("mijn zoon heet Daan de Jong", "conv-a")
    again, _ = redactor.redact("Daan de Jong is 14", "conv-a")
    other, _ = redactor.redact("ik ben Sanne Visser", "conv-a")
    elsewhere, _ = redactor.redact("ik ben Sanne Visser", "conv-b")
    assert "<PERSOON_1>" in first and again.startswith("<PERSOON_1>")
    assert "<PERSOON_2>" in other and "<PERSOON_1>" in elsewhere
    redactor.forget("conv-a")
    redactor.forget("conv-b")


ODD_INPUT = {
    "empty": "",
    "spaces": "   ",
    "whitespace": "\n\t",
    "emoji": "🙂" * 50,
    "control": "\u0000\u0007\u001b[31m",
    # a name-list word before a control character Python splits on (found by hypothesis)
    "unit-separator": "Aa\u001f",
    "arabic": "مرحبا أنا أحمد",
    "chinese": "你好，我叫王芳",
    "cyrillic": "Привет, меня зовут Олена",
    "100k-one-token": "a" * 100_000,
    "2000-phone-numbers": "06-12345678 " * 2_000,
}


@pytest.mark.parametrize("text", list(ODD_INPUT.values()), ids=list(ODD_INPUT))
def test_odd_input_never_crashes_and_offsets_stay_inside_the_text(redactor, text):
    redacted, findings = redactor.redact(text)
    assert isinstance(redacted, str)
    assert all(0 <= f.start < f.end <= len(text) for f in findings)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=400))
def test_any_text_redacts_without_error_and_findings_do_not_overlap(redactor, text):
    redacted, findings = redactor.redact(text)
    spans = sorted((f.start, f.end) for f in findings)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:], strict=False))
    if not findings:
        assert redacted == text
    else:
        assert len(PLACEHOLDER.findall(redacted)) >= len(findings)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # The name triggers ("groetjes, X", "ik ben X") read these as a name before.
        ("groetjes, Suicide", "Suicide"),
        ("Ik ben Suicidaal", "Suicidaal"),
        ("groetjes, Zelfmoord", "Zelfmoord"),
        ("ik heet Pillen lol", "Pillen"),
        # Guards: these survived before and must keep surviving.
        ("Ik ben Suïcidaal en bang", "Suïcidaal"),
        ("ik denk aan Suicide", "Suicide"),
        ("Soms denk ik aan Suïcide, ik weet niet waar ik heen moet", "Suïcide"),
        ("Zelfdoding. Ik weet het niet meer", "Zelfdoding"),
        ("Wanhoop. Zelfmoord. Pillen. Snijden.", "Snijden"),
        ("Veilig Thuis zei dat ik 113 moest bellen", "Veilig Thuis zei dat ik 113"),
        # algospeak young residents use for suicide
        ("groetjes, Sewerslide", "Sewerslide"),
        ("i want to sewerslide", "sewerslide"),
    ],
)
def test_safety_words_are_never_redacted(redactor, text, word):
    redacted, _ = redactor.redact(text)
    assert word in redacted


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a crisis word the NER took into a name together with a typo: the word stays
        ("heb weer selfharm gedaan vanavond", "selfharm"),
        ("did selfharm agian last night", "selfharm"),
        # algospeak for suicide is a crisis word too
        ("i think about sewerslide every day", "sewerslide"),
    ],
)
def test_a_name_never_holds_a_crisis_word(redactor, text, word):
    redacted, _ = redactor.redact(text)
    assert word in redacted, redacted


def test_a_surname_that_is_a_crisis_word_is_still_a_name(redactor):
    """ "Dood" is a Dutch surname: after "ik ben" it is a person's name, not a crisis word."""
    redacted, _ = redactor.redact("Goedemorgen, ik ben Sanne Dood en ik wil een afspraak maken")
    assert "Sanne" not in redacted and "Dood" not in redacted, redacted


def test_safety_terms_come_from_the_data_file():
    from redaction.redactor import fold, load_safety_terms

    terms = load_safety_terms()
    assert {"suicide", "zelfmoord", "zelfdoding", "113", "veilig thuis"} <= terms
    assert fold("Suïcide") == "suicide"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "meneer Vos komt morgen. er liep een vos in de tuin",
            "meneer <PERSOON_1> komt morgen. er liep een vos in de tuin",
        ),
        (
            "mevrouw Bakker belde. ik haal brood bij de bakker",
            "mevrouw <PERSOON_1> belde. ik haal brood bij de bakker",
        ),
        (
            "meneer Koning is mijn buurman. de koning kwam op tv",
            "meneer <PERSOON_1> is mijn buurman. de koning kwam op tv",
        ),
    ],
)
def test_a_name_found_once_does_not_spread_to_the_same_ordinary_word(redactor, text, expected):
    assert redactor.redact(text)[0] == expected


def test_a_name_found_once_is_still_replaced_where_it_stands_as_a_name(redactor):
    redacted, _ = redactor.redact("ik ben Sanne Visser. Visser is mijn achternaam")
    assert "Visser" not in redacted and "Sanne" not in redacted


@pytest.mark.parametrize(("text", "numeric_recognizers_run", "expected"), [
    ("ik heb schulden en de deurwaarder belt steeds", False,
     "ik heb schulden en de deurwaarder belt steeds"),
    ("bel me op nul zes een twee drie vier vijf zes zeven acht", True,
     "bel me op <TELEFOONNUMMER_1>"),
    ("mijn nummer is 06-12345678", True, "mijn nummer is <TELEFOONNUMMER_1>"),
])
def test_numeric_recognizers_skip_a_message_without_any_digit(
        redactor, text, numeric_recognizers_run, expected):
    """A view without a digit cannot hold a phone number, BSN or date, so those recognizers do
    not run; number words count as digits (the view reads them as such) and still get caught."""
    from presidio_analyzer import AnalyzerEngine

    calls: list[list[str]] = []
    original = AnalyzerEngine.analyze

    def spy(self, *args, **kwargs):
        calls.append(list(kwargs["entities"]))
        return original(self, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(AnalyzerEngine, "analyze", spy)
        assert redactor.redact(text)[0] == expected
    assert ("PHONE_NUMBER" in calls[0]) is numeric_recognizers_run
    assert "PERSON" in calls[0]


# Round 12: words the NER built on this machine read as names in the training data - dialect,
# straattaal, Polish and Arabic words, app and game names, an English "bill", an "ei"/"ij" typo -
# are words (data files, not rules); sentences invented for this test.
WORDS_NOT_NAMES = [
    "kanka ik heb een brief van de deurwaarder gekregen, wat nu",
    "Kan iemand mij efkes helpen met de toeslag?",
    "Wiej hebt een vraag over de afvalpas",
    "Kriej ich noe nog huurtoeslag of neet?",
    "Ya rabb, ik weet niet meer wat ik moet doen met de schulden",
    "Gdzie mam iść z tym listem van de gemeente?",
    "mijn zoon speelt de hele dag Roblox en Fortnite, wat kan ik doen",
    "de juf stuurt alles via Parro maar ik snap die app niet",
    "whatsap doet het niet meer, kan ik bellen?",
    "ik wil zekerhijd over mijn uitkering",
    "energy bill too high, payment plan possible?",
]


@pytest.mark.parametrize("text", WORDS_NOT_NAMES)
def test_dialect_chat_and_app_words_are_no_names(redactor, text):
    assert redactor.redact(text) == (text, [])

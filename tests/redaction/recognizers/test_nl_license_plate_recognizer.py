import pytest

from tests.redaction.recognizers.helpers import assert_spans

POSITIVES = [
    ("Mijn kenteken is AB-12-34", ["AB-12-34"]),  # sidecode 1: XX-99-99
    ("De bus met 12-34-BD stond er weer", ["12-34-BD"]),  # 2: 99-99-XX
    ("Oude auto, 12-AB-34, is verkocht", ["12-AB-34"]),  # 3: 99-XX-99
    ("Ze reed in de HB-12-GF van haar vader", ["HB-12-GF"]),  # 4: XX-99-XX
    ("Kenteken BD-FG-12 graag", ["BD-FG-12"]),  # 5: XX-XX-99
    ("De auto 12-BD-FG staat voor de deur", ["12-BD-FG"]),  # 6: 99-XX-XX
    ("Het busje met 12-ABC-3 is weg", ["12-ABC-3"]),  # 7: 99-XXX-9
    ("mijn auto is 1-KBB-23", ["1-KBB-23"]),  # 8: 9-XXX-99
    ("Mijn kenteken is GF-123-H", ["GF-123-H"]),  # 9: XX-999-X
    ("G-123-BB is mijn auto", ["G-123-BB"]),  # 10: X-999-XX
    ("Ik kreeg een bekeuring voor GBB-12-H", ["GBB-12-H"]),  # 11: XXX-99-X
    ("Geflitst met G-12-BBB", ["G-12-BBB"]),  # 12: X-99-XXX
    ("De scooter 1-GB-234 is gestolen", ["1-GB-234"]),  # 13: 9-XX-999
    ("Kenteken 123-GB-4", ["123-GB-4"]),  # 14: 999-XX-9
    ("kenteken gf-123-h", ["gf-123-h"]),  # lowercase with context
    ("een aanrijding met ns-204-f en die reed door", ["ns-204-f"]),  # RDW consonants: alone
    ("de Wmo-taxi 1-ztr-93 komt altijd te laat", ["1-ztr-93"]),
    ("het kenteken is GF123H", ["GF123H"]),  # no dashes, with context
    ("mijn auto: 12bhd3", ["12bhd3"]),
    ("mijn auto: 12abc3", []),  # vowels are not issued: too wordlike without dashes
    ("parkeerboete voor BT45KL, ik stond op een invalidenplek", ["BT45KL"]),  # context word
    ("mijn camper 5TZ123 telt dat als vermogen", ["5TZ123"]),
    ("weggesleept, de oldtimer nbsr45 van mijn opa", ["nbsr45"]),
    ("kenteken BT 12 KL", ["BT 12 KL"]),  # spaces instead of dashes, with context
    ("mijn auto heeft kenteken gf 123 h", ["gf 123 h"]),
    ("GF123H is mijn kenteken", ["GF123H"]),  # the context word after the plate
    ("ab-12-cd is mijn auto", ["ab-12-cd"]),
    ("kenteken 58 - HDP - 2", ["58 - HDP - 2"]),  # other separators, with context
    ("mijn auto XN.71.TB staat fout", ["XN.71.TB"]),
    ("kenteken hf_603_n", ["hf_603_n"]),
]
NEGATIVES = [
    "ga-123-h",  # lowercase with a vowel, without context
    "GF123H",  # no dashes, no context
    "Ik heb 12 kinderen",
    "Mijn postcode is 1234 AB",
    "Ik ben geboren op 12-03-1985",
    "Bel 06-12345678",
    "De covid-19 prik",
    "NL91ABNA0417164300",
    "Ik heb een MP3-speler",
    "Op 1-jan-20 ging het mis",
    "Ik kreeg een boete van 250 euro voor 12 keer te laat",
    "de boete staat onder kenmerk 2024-18",
    "ik zag BT 12 KL staan",  # spaced, no context
    "GF123H is mijn code voor de kluis",
    "de auto rijdt 12 km per dag",
    "ik zag 58 - HDP - 2 staan",  # other separators, no context
    "versie 12.AB.34 van de app",
]


@pytest.mark.parametrize(("text", "expected"), POSITIVES)
def test_plates(analyzer, text, expected):
    assert_spans(analyzer, text, "NL_LICENSE_PLATE", expected)


@pytest.mark.parametrize("text", NEGATIVES)
def test_not_plates(analyzer, text):
    assert_spans(analyzer, text, "NL_LICENSE_PLATE", [])

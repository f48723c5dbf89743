"""Streets with a place-like ending ("…bocht", "…brug", "…duin", "…zijde"), only when the words
around say it is an address (issue 14: fresh text names streets that have no street suffix)."""

import pytest

from tests.redaction.recognizers.helpers import assert_spans

CASES = [
    # someone lives there
    ("ik woon in Overvecht op Nijlbocht 7 zwart, de verwarming is kapot", ["Nijlbocht 7 zwart"]),
    ("Adres is Bergsebrug 33 rood, de deur met de rode bel", ["Bergsebrug 33 rood"]),
    ("Wij wonen met 8 mensen in 1 huis op Oostzijde 301, is dat normaal?", ["Oostzijde 301"]),
    ("Postcode 3082 LM, adres Smeetsland 44. Graag iemand van het wijkteam", ["Smeetsland 44"]),
    ("mijn moeder woont nog op de Wilgenhoek 12 in Sneek", ["Wilgenhoek 12"]),
    # the house number in words
    ("ik woon in Alkmaar aan de Koedijkerbocht achttien komma de trap is te steil",
     ["Koedijkerbocht achttien"]),
    # a postcode or a town after the number, or an addition
    ("Ik ben Ria, Loodsmansduin 76 A, 1784 NR Den Helder.", ["Loodsmansduin 76 A"]),
    ("stuur de brief naar Zonnebloemveld 9, 6218 BX", ["Zonnebloemveld 9"]),
    ("de pakketjes gaan naar Eikenhorst 14-II", ["Eikenhorst 14-II"]),
    # nothing says it is an address: a town, a surname, a quantity, a bare word
    ("ik ben 3 jaar geleden van Heerhugowaard 2 keer verhuisd", []),
    ("Rosenberg 12 heeft mijn dossier gehad", []),
    ("we hebben Oosterbeek 3 keer bezocht", []),
    ("de Brug 4 is dicht, ik woon daar vlakbij", []),
    ("mijn dochter woont in Zoetermeer 2 straten verderop", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_streets_with_place_like_endings(analyzer, text: str, expected: list[str]) -> None:
    assert_spans(analyzer, text, "NL_ADDRESS", expected)


WORD_CASES = [
    # a street that is an ordinary word too counts only where someone lives, mid-sentence
    ("we wonen op Oostzijde 12 sinds mei", ["Oostzijde 12"]),
    ("de Oostzijde 12 meter verder is afgesloten", []),
]


@pytest.mark.parametrize(("text", "expected"), WORD_CASES)
def test_a_street_that_is_a_word(analyzer, text: str, expected: list[str]) -> None:
    assert_spans(analyzer, text, "NL_ADDRESS", expected)

import pytest

from redaction.case_codes import check_symbol, shown
from tests.redaction.recognizers.helpers import assert_spans

BODY = "K7QM4X2PD9T"
CODE = shown(BODY + check_symbol(BODY))
TYPO = CODE[:-1] + ("A" if CODE[-1] != "A" else "B")  # the check symbol no longer fits

CASES = [
    (f"ik wil mijn aanvraag intrekken {CODE}", [CODE]),
    (f"{CODE}", [CODE]),
    (f"mijn zaakcode is {CODE.lower()}", [CODE.lower()]),
    (f"code {CODE.replace('-', '')} graag inzien", [CODE.replace("-", "")]),
    (f"hier: {CODE.replace('-', ' ')}.", [CODE.replace("-", " ")]),
    (f"mijn zaakcode is {TYPO}", [TYPO]),  # a mistyped code is still the resident's
    (f"zaakcode {TYPO.replace('-', '')}", [TYPO.replace("-", "")]),
    ("is er een buurtteam met postcode 3500 aub?", []),
    ("iban nl92 rabo 3906 0971 22", []),
    ("ik moet 1250 euro terugbetalen", []),
    (f"code {CODE.lower().replace('-', ' ')}", [CODE.lower().replace("-", " ")]),
    ("ik heb heel veel pijn", []),
    ("het was 2024-1182-3301 of zo", []),
    # a word glued to a value only has the shape of a code (the check fits one time in 32)
    ("rekening PL02 1140 2004 0000 3702 4778 1052 op naam van mijn moeder", []),
    ("postcode 1102 ct in kleine letters, klopt dat?", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_case_code(analyzer, text, expected):
    assert_spans(analyzer, text, "NL_CASE_CODE", expected)


def test_a_code_shaped_string_with_a_wrong_check_needs_a_context_word(analyzer):
    assert_spans(analyzer, f"ze zei {TYPO} tegen mij", "NL_CASE_CODE", [])

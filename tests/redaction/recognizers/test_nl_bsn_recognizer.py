import pytest

from tests.redaction.recognizers.helpers import assert_spans

CASES = [
    ("Mijn BSN is 123456782.", ["123456782"]),
    ("mijn bsn is 725763863 klopt dat?", ["725763863"]),
    ("Burgerservicenummer: 1622 75 869", ["1622 75 869"]),
    ("sofinummer 192.285.142", ["192.285.142"]),
    ("bsn 192/285/142 staat op de brief", ["192/285/142"]),  # slashes, as on some forms
    ("bsn-nummer van mijn zoon: 691 682 483", ["691 682 483"]),
    ("123456782", ["123456782"]),  # the whole message: an answer to "wat is je BSN?"
    ("Mijn bsn is 34127884", ["34127884"]),  # leading zero dropped
    ("Mijn BSN is 123456789", []),  # fails the 11-proef
    ("bsn 447712782", []),  # fails the 11-proef
    ("bsn 328-448-114, ik ben dakloos", ["328-448-114"]),
    # Privacy first: a valid number is redacted without context too.
    ("dit is m'n nummer 105299613 kunnen jullie kijken?", ["105299613"]),
    ("kunt u kijken naar 133 250 593? de uitkering is niet gestort", ["133 250 593"]),
    ("Het ordernummer was 688136138 geloof ik", ["688136138"]),
    ("Ik heb 98782575 keer gebeld", []),  # eight valid digits need context
    ("staat 172418130 op de brief", []),  # fails the 11-proef
    ("Bel me op 0612345678", []),
    ("Ik moet € 1.250,00 terugbetalen", []),
    ("NL91ABNA0417164300 is mijn rekening", []),
    ("Geboren 12-03-1985, bsn volgt", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_bsn(analyzer, text, expected):
    assert_spans(analyzer, text, "NL_BSN", expected)

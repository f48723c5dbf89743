import pytest

from tests.redaction.recognizers.helpers import assert_spans

CASES = [
    ("Mijn BSN is 123456782.", ["123456782"]),
    ("mijn bsn is 725763863 klopt dat?", ["725763863"]),
    ("Burgerservicenummer: 1622 75 869", ["1622 75 869"]),
    ("sofinummer 192.285.142", ["192.285.142"]),
    ("bsn-nummer van mijn zoon: 691 682 483", ["691 682 483"]),
    ("123456782", ["123456782"]),  # the whole message: an answer to "wat is je BSN?"
    ("Mijn bsn is 34127884", ["34127884"]),  # leading zero dropped
    ("Mijn BSN is 123456789", []),  # fails the 11-proef
    ("bsn 447712782", []),  # fails the 11-proef
    ("Ik heb 987825707 keer gebeld", []),  # valid checksum, no BSN context
    ("Het ordernummer was 688136138 geloof ik", []),
    ("Bel me op 0612345678", []),
    ("Ik moet € 1.250,00 terugbetalen", []),
    ("NL91ABNA0417164300 is mijn rekening", []),
    ("Geboren 12-03-1985, bsn volgt", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_bsn(analyzer, text, expected):
    assert_spans(analyzer, text, "NL_BSN", expected)

import pytest

from tests.redaction.recognizers.helpers import assert_spans

CASES = [
    ("Mijn ip-adres is 192.168.1.23", ["192.168.1.23"]),
    ("de router zit op 10.0.0.138.", ["10.0.0.138"]),
    ("IPv6: 2001:db8:85a3::8a2e:370:7334", ["2001:db8:85a3::8a2e:370:7334"]),
    ("Om 10:30 bel ik", []),
    ("versie 1.2.3 van de app", []),
    ("Ik moet € 1.250,00 betalen", []),
    ("010.123.45.67 is mijn nummer", []),
    ("Ik ben geboren op 12.03.1985", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_ip(analyzer, text, expected):
    assert_spans(analyzer, text, "IP_ADDRESS", expected)

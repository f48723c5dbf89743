import pytest

from tests.redaction.recognizers.helpers import assert_spans

CASES = [
    ("Mijn ip-adres is 192.168.1.23", ["192.168.1.23"]),
    # typed off a screen with spaces around the dots, with a context word (issue 14)
    ("volgens de helpdesk is mijn ip-adres 31 . 201 . 18 . 74.", ["31 . 201 . 18 . 74"]),
    ("het IP van de router: 10. 0. 0. 138", ["10. 0. 0. 138"]),
    ("we waren met 3 . 4 . 5 . 6 mensen", []),
    ("mijn ip-adres is 31 . 201 . 18 . 274", []),
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

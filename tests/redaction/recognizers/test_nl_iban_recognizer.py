import pytest

from tests.redaction.recognizers.helpers import assert_spans

CASES = [
    ("NL96 - RABO - 0900 - 5155 - 78", ["NL96 - RABO - 0900 - 5155 - 78"]),  # dashes with spaces
    ("Mijn rekeningnummer is NL91ABNA0417164300", ["NL91ABNA0417164300"]),
    ("kunt u het overmaken op NL91 ABNA 0417 1643 00 graag", ["NL91 ABNA 0417 1643 00"]),
    ("iban nl91abna0417164300", ["nl91abna0417164300"]),
    ("nl91 abna 0417 1643 00 over 2 dagen", ["nl91 abna 0417 1643 00"]),
    ("Mijn Belgische rekening is BE68 5390 0754 7034.", ["BE68 5390 0754 7034"]),
    ("DE89370400440532013000 is van mijn broer", ["DE89370400440532013000"]),
    ("NL44RABO0123456789, NL91ABNA0417164300", ["NL44RABO0123456789", "NL91ABNA0417164300"]),
    ("Mijn rekeningnummer is NL91ABNA0417164301", []),  # checksum fails
    ("Ik heb 3000 euro op mijn rekening bij de ING", []),
    ("Bel 06-12345678", []),
    ("bsn 123456782", []),
    ("Kenteken GF-123-H", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_iban(analyzer, text, expected):
    assert_spans(analyzer, text, "IBAN_CODE", expected)

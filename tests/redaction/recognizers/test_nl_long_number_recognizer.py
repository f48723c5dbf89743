import pytest

from tests.redaction.recognizers.helpers import assert_spans

CASES = [
    # identifiers pasted without a keyword
    ("het staat onder 40022918374 bij jullie", ["40022918374"]),
    ("mijn nummer bij de woningcorporatie is 22019843, kunnen jullie bellen?", ["22019843"]),
    ("incassodossier INC-448190 van Intrum", ["INC-448190"]),
    ("meldingsnummer M-2024-88173. de auto rijdt elke avond", ["M-2024-88173"]),
    ("rolnummer C/13/731422, moet ik naar de rechtbank?", ["C/13/731422"]),
    ("mijn oude studentnummer was s2184467 als dat helpt", ["s2184467"]),
    ("het nummer van de aanmaning is AM 2290 1147, wat nu", ["AM 2290 1147"]),
    ("1102 4476 1908 staat op de beschikking", ["1102 4476 1908"]),
    ("mijn paspoort is gestolen, het nummer was NPF7K2LR4", ["NPF7K2LR4"]),
    # the fail-safe: a resident's phone number in a grouping the phone recognizer does not read
    # (the phone recognizer gives the type wherever it reads one too)
    ("u kunt mij bellen op 06/19/37/48/20 als het over de afspraak gaat", ["06/19/37/48/20"]),
    ("bel me op 0612345678 of 020-1234567", ["0612345678", "020-1234567"]),
    # not an identifier
    ("bel de Kindertelefoon op 0800-0432 of 0800 0432", []),
    ("bel de gemeente op 14 020 of 0900-1234567", []),
    ("de schuld is € 1.250.000 of 3000000 euro", []),
    ("ik heb 12345678 keer gebeld", []),
    ("geboren 14-08-2006, schooljaar 2023-2024", []),
    ("mijn IP is 192.168.10.254", []),
    ("kijk op www.voorbeeld.nl/pagina/1234567 of mail info1234567@voorbeeld.nl", []),
    ("ik heb een iPhone15 en COVID-19 gehad, groep 7, 3 kinderen, huur 750", []),
    ("het bedrag van 450 euro, kenmerk 12", []),
    ("123456782", []),  # a valid BSN is NL_BSN
    ("Koningin Julianalaan 140 2274 JJ Voorburg", []),  # house number, then a postcode
    # round 18: a line break is no postcode's letters; a spaced slash between amounts or years
    ("KvK: 6829 1135\nIk ben hovenier", ["6829 1135"]),
    ("ik betaal 1250 / 1300 euro per maand, seizoen 2025 / 2026", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_long_number(analyzer, text, expected):
    assert_spans(analyzer, text, "ID_NUMBER", expected)

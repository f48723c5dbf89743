import pytest

from tests.redaction.recognizers.helpers import assert_spans

POSITIVES = [
    ("Kunt u mij terugbellen op 033-4612870 toestel 214? Ik werk overdag.",
     ["033-4612870 toestel 214"]),  # an extension is part of the number
    ("bereikbaar op 06,35,21,47,96 na vijf uur", ["06,35,21,47,96"]),  # commas between groups
    ("Je kunt me bellen op 0612345678", ["0612345678"]),
    ("mijn nummer is 06-12345678", ["06-12345678"]),
    ("bel me even 06 123 456 78 na 5 uur", ["06 123 456 78"]),
    ("App me op 06-1234 5678", ["06-1234 5678"]),
    ("Mijn mobiel: +31 6 1234 5678", ["+31 6 1234 5678"]),
    ("+31(0)6-12345678 is mijn nummer", ["+31(0)6-12345678"]),
    ("mijn zus heeft 0031612345678", ["0031612345678"]),
    ("Het nummer van mijn moeder is 010-1234567.", ["010-1234567"]),
    ("Bel de buurvrouw op 020 123 4567", ["020 123 4567"]),
    ("Vast nummer (010) 123 45 67", ["(010) 123 45 67"]),
    ("010.123.45.67 werkt niet meer", ["010.123.45.67"]),
    ("wij wonen in Zutphen, 0575-123456", ["0575-123456"]),
    ("Mijn Belgische gsm +32 470 12 34 56", ["+32 470 12 34 56"]),
    ("De contactpersoon is bereikbaar op 088-1234567", ["088-1234567"]),  # 088: redacted
    ("06-12345678 of 010-1234567", ["06-12345678", "010-1234567"]),
    # shapes residents type
    ("bel me maar op 06 - 12 34 56 78", ["06 - 12 34 56 78"]),
    ("06.23.45.67.89 is mijn nummer", ["06.23.45.67.89"]),
    ("mijn telefoon is (020) 6123456", ["(020) 6123456"]),
    ("bel maar 0594-612345, dat is mijn moeder in Zuidhorn", ["0594-612345"]),
    ("bereikbaar op 0031-6-12098765", ["0031-6-12098765"]),
    ("u kunt mijn dochter bellen: 06/28374651", ["06/28374651"]),
    # not assigned today (06-9, 097), still someone's number
    ("mijn telefoonnummer is 06-98 76 54 32, ik heb geen email", ["06-98 76 54 32"]),
    ("kun je me terugbellen op 0031 6 98765432", ["0031 6 98765432"]),
    ("ik kreeg een sms van +31 97 01234567 over een pakket", ["+31 97 01234567"]),
    # the letter o typed for a zero
    ("mijn nummer is o6-28473915, bel na 10 uur", ["o6-28473915"]),
    ("het nummer O6 47 19 28 36 is van mijn dochter", ["O6 47 19 28 36"]),
    ("bel 06-1234o678 maar", ["06-1234o678"]),
]
PUBLIC_NUMBERS = [
    "Bel 112 bij nood",
    "Bel 113 of chat via 113.nl",
    "Je kunt ook 0800-0113 bellen, dat is gratis",
    "De Kindertelefoon is 0800-0432",
    "Bel de Belastingdienst op 0800-0543",
    "Ik belde 0800-2000 voor mijn toeslag",
    "Dat 0900-nummer kost geld: 0900-1234567",
    "Bel de gemeente op 14 020",
    "Bel de gemeente op 14020",
    "de gemeente is bereikbaar via 140 10",
    "Bel 0900-12345678 niet, dat kost 1 euro per minuut",  # unassigned 0900: still public
]
NOT_PHONES = [
    "het kost 12,50 of 10,20 euro per maand",
    "Ik moet € 1.250,00 terugbetalen",
    "Ik heb nog 3000 euro schuld",
    "Ik ben geboren op 12-03-1985",
    "Sinds 2021 woon ik hier",
    "Mijn postcode is 1234 AB",
    "Mijn bsn is 123456782",
    "Mijn rekening is NL91 ABNA 0417 1643 00",
    "Het zaaknummer is ZK-0612345678",
    "Om 10:30 heb ik een afspraak",
    "Mijn oude rekeningnummer is 0417164300",  # ten digits with a leading 0, no mobile shape
    "Het dossier heeft nummer 2024-0612345",
    "ik heb een o2 abonnement en 3 kinderen van 6, 8 en 12",
    # a forwarded chat's time stamp: a date and an hour
    "Doorgestuurd:\n14-10-2026 09:41 - Oma: kun jij de gemeente bellen over de rolstoel?",
    "03/02/2025 18:07 - Broer: ik ben er morgen",
    "Volgens de BRP ben ik geboren op 00-00-1968",  # an unknown day and month
]


@pytest.mark.parametrize(("text", "expected"), POSITIVES)
def test_phone_numbers(analyzer, text, expected):
    assert_spans(analyzer, text, "PHONE_NUMBER", expected)


@pytest.mark.parametrize("text", PUBLIC_NUMBERS)
def test_public_service_numbers_survive(analyzer, text):
    assert_spans(analyzer, text, "PHONE_NUMBER", [])


@pytest.mark.parametrize("text", NOT_PHONES)
def test_no_phone_in_other_numbers(analyzer, text):
    assert_spans(analyzer, text, "PHONE_NUMBER", [])


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a landline the sentence names as an organisation's: neither a phone nor a case number
        ("Is 070 340 50 60 het juiste nummer van de IND?", True),
        ("Klopt het dat 088 123 45 67 het nummer van het CAK is? Nee: is 088 123 45 67 het "
         "telefoonnummer van Humanitas", True),
        # the message asked for the organisation's number just before it
        ("Wat is het nummer van de RIBW? Ik vind alleen 088 357 11 20 en daar neemt niemand op",
         True),
        ("wat is het telefoonnummer van het CAK, ik heb 088 711 40 00 maar klopt dat?", True),
        # round 14: an 088 number (the organisations' range) in a message naming an organisation
        ("Het UWV belt mij steeds vanaf 088-8982070, ik durf niet op te nemen.", True),
        ("ik voel me down en de Luisterlijn 088 0767 000 is steeds in gesprek", True),
        ("is 088 0767 000 gratis? dat is toch de Luisterlijn", True),
        ("DigiD helpdesk is 088-1236555 toch? die nemen nooit op", True),
        ("Mijn consulent bij het UWV heeft als nummer 088 898 21 47", False),
        ("Bel meneer Bakker van de SVB op 088 312 45 67 terug", False),
        ("De contactpersoon is bereikbaar op 088-1234567", False),  # no organisation named
        ("Het CAK belt mij vanaf 020 612 34 56, is dat echt?", False),  # not the 088 range
        # a resident's number, or a mobile, whatever the sentence says
        ("Wat is het nummer van de GGD? Mijn nummer is 088 123 45 67, bel me terug", False),
        ("Het nummer van de RIBW? bel mij op 06 18 27 36 45", False),
        ("is 020 612 34 56 het nummer van mijn oom?", False),
        ("is 06 41 22 87 19 het nummer van de Voedselbank?", False),
    ],
)
def test_an_organisations_landline_named_as_such_survives(redactor, text, kept):
    redacted, findings = redactor.redact(text)
    assert (findings == []) is kept, redacted

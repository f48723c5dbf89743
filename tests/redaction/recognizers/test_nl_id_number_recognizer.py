import pytest

from tests.redaction.recognizers.helpers import assert_spans

CASES = [
    # the subject, object and participant numbers of municipal tax and scheme letters
    ("aanmaning afvalstoffenheffing subjectnummer 118293, ik heb betaald", ["118293"]),
    ("op de WOZ-beschikking staat objectnummer 0344 0001 2291", ["0344 0001 2291"]),
    ("mijn deelnemersnummer bij de regeling is 4471208", ["4471208"]),
    ("Mijn klantnummer is 12345678.", ["12345678"]),
    ("bij de kredietbank heb ik cliëntnummer KB 55190, kan dat", ["KB 55190"]),
    ("mijn klantnummer is nu 55190", ["55190"]),  # "nu" is no letter prefix
    ("zaaknummer: Z-2023-0042", ["Z-2023-0042"]),
    ("Het kenmerk van de brief is 2024/118-AB", ["2024/118-AB"]),
    ("betalingskenmerk 1234 5678 9012 3456 graag", ["1234 5678 9012 3456"]),
    ("Klant nr. 4455-66", ["4455-66"]),
    ("dossier nummer 2023.12.45", ["2023.12.45"]),
    ("Mijn CJIB-nummer is 1234567890123456", ["1234567890123456"]),
    ("ons kenmerk: ABC/2023/001, graag reactie", ["ABC/2023/001"]),
    ("polisnummer 12345678 en", ["12345678"]),
    ("factuurnummer F-2024-0001.", ["F-2024-0001"]),
    ("mijn cliëntnummer is C123456", ["C123456"]),
    ("het beschikkingsnummer is 2024-556677", ["2024-556677"]),
    ("Aanvraagnummer: AV-99887766", ["AV-99887766"]),
    ("mijn klantnummer bij Eneco is 1234567", ["1234567"]),
    ("relatienummer:123456", ["123456"]),
    ("referentie AB12CD34", ["AB12CD34"]),
    ("contractnummer van de huur is 77-8899", ["77-8899"]),
    ("mijn bsn is 123456789", ["123456789"]),  # mistyped BSN: still personal
    # keyword a few words before the number
    ("het klantnummer bij Vattenfall staat bovenaan: 55123987", ["55123987"]),
    ("het dossiernummer van mijn schuldhulp traject is SH-2023-0771", ["SH-2023-0771"]),
    ("de referentie in de mail van het UWV is 99812-AB.", ["99812-AB"]),
    ("het factuurnummer op de rekening = INV20240056", ["INV20240056"]),
    ("het lidnummer van mijn zoon bij de club 88123456 klopt niet", ["88123456"]),
    # no number / no keyword
    ("mijn klantnummer weet ik niet want mijn huur is 75000", []),
    ("het dossiernummer van de aanvraag uit 2023", []),
    ("het kenmerk van de aanmaning is € 45000", []),
    ("mijn klantnummer bij de energie is 3000 euro per jaar", []),
    ("het zaaknummer van de rechter is op 12-03-2024 verstuurd", []),
    ("het kenmerk van de brief over de 1250 euro", []),
    ("mijn polisnummer heb ik niet, de premie is 14500", []),
    ("Mijn klantnummer is onbekend", []),
    ("Ik heb een kenmerk gekregen", []),
    ("Ik heb 12345678 keer gebeld", []),
    ("mijn bsn is 123456782", []),  # a valid BSN is NL_BSN, not ID_NUMBER
    ("kenmerk 12", []),
    ("Ik moet € 1.250,00 betalen", []),
    # identity documents and English case words (data/id_number_keywords.txt)
    ("my Eritrean passport is expired, the passport number was K 7734190", ["K 7734190"]),
    ("Moldovan passport AB 5521873, can I use it for the registration?", ["AB 5521873"]),
    ("residence card number W 5583021947, the IND lost my file", ["W 5583021947"]),
    ("mijn verblijfspas Z 88310457 is verlopen", ["Z 88310457"]),
    ("case number: R2026-44817, please call me back", ["R2026-44817"]),
    ("my passport costs 75 euro to renew, is there help?", []),
    ("mijn rijbewijs verloopt op 12-03-2027, moet ik dat melden?", []),
    # identity documents named in the resident's own language
    ("mam tylko dowód osobisty CKW 771204, wystarczy?", ["CKW 771204"]),
    ("Lichna karta nomer 645120983, moet ik die laten zien?", ["645120983"]),
    ("mijn oude kimlik no 52871436092 heb ik nog", ["52871436092"]),
    ("Personalausweis L01X00T47, is die geldig voor de inschrijving?", ["L01X00T47"]),
    ("mijn buletin is verlopen, wat nu?", []),
    # ... and in their own script (blind_corpus_31: a Ukrainian passport number leaked)
    ("Мій паспорт FX 483920, але він закінчується в березні", ["FX 483920"]),
    ("رقم جواز سفري N 0234781 وهو منتهي", ["N 0234781"]),
    ("Pasaport numaram U 23891746 ama süresi doldu", ["U 23891746"]),
    ("mój paszport EK 4412093 jest ważny", ["EK 4412093"]),
    ("мій паспорт загубився, що робити?", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_id_number(analyzer, text, expected):
    assert_spans(analyzer, text, "ID_NUMBER", expected)

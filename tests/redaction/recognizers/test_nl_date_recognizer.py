import pytest

from tests.redaction.recognizers.helpers import assert_spans

CASES = [
    ("Mijn geboortedatum is 12-03-1985", ["12-03-1985"]),
    ("geboren 12/3/85", ["12/3/85"]),
    ("BSN volgt, geb. 3-4-'92 Ricardo", ["3-4-'92"]),
    ("Mijn zoon is geboren op 12.03.1985.", ["12.03.1985"]),
    ("datum 1985-03-12", ["1985-03-12"]),
    ("Ik ben geboren op 12 maart 1985", ["12 maart 1985"]),
    ("Ik heb op 3 januari een afspraak", ["3 januari"]),
    ("Mijn man is 5 mei 2009 overleden", ["5 mei 2009"]),
    ("geboren op 1 april", ["1 april"]),
    ("Op 14 feb. kom ik langs", ["14 feb."]),
    ("zij is jarig op 3 okt", ["3 okt"]),
    ("geboren 3 jan '85", ["3 jan '85"]),
    ("geboortedatum 12-03", ["12-03"]),
    ("ik moet mijn toeslagen wijzigen voor 1 juli.", ["1 juli"]),  # day-month needs context
    ("geboren 12 03 1985", ["12 03 1985"]),  # spaces: with context
    ("geboren op 14.07_1990", ["14.07_1990"]),
    # not identifying dates
    ("Op maandag heb ik tijd", []),
    ("In maart ga ik verhuizen", []),
    ("Sinds 2021 woon ik hier", []),
    ("Morgen bel ik je terug", []),
    ("Volgende week gaat het beter", []),
    ("Kom om 10 uur", []),
    ("De afspraak is om 10:30", []),
    ("Ik moet € 1.250,00 betalen", []),
    ("Ik heb nog 3000 euro schuld", []),
    ("Hij komt de 25e", []),
    ("010.123.45.67 is mijn nummer", []),
    ("bel 06-12345678", []),
    ("het was 12-03 voor ons", []),  # day-month without context
    ("ik heb 12 03 1985 gelezen", []),  # spaces without context
    ("bel 06 12 03 1985", []),
    # English and the languages residents mix in (date_month_names.txt)
    ("I was born on the 3rd of May 1990 in Manila", ["3rd of May 1990"]),
    ("DOB May 3, 1990", ["May 3, 1990"]),
    ("my son was born 14 February 2019", ["14 February 2019"]),
    ("my dob is 30th Sept '85", ["30th Sept '85"]),
    ("born 17-IV-1993", ["17-IV-1993"]),
    ("Kızım was born on 4 Mart 2016", ["4 Mart 2016"]),
    ("moja żona, urodzona 12 marca 1989", ["12 marca 1989"]),
    ("she was born on December 1st, 1960", ["December 1st, 1960"]),
    ("We're expecting a baby in May", []),
    ("we may 3 times come back", []),
    ("I sold that car in June 2019", []),
    ("Is Wednesday 12:00 still free?", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_date(analyzer, text, expected):
    assert_spans(analyzer, text, "DATE_TIME", expected)

import datetime

import pytest

from redaction.recognizers._date_purpose import may_be_birth_date, year_of
from tests.redaction.recognizers.helpers import assert_spans

CASES = [
    ("Mijn geboortedatum is 12-03-1985", ["12-03-1985"]),
    ("geboren 12/3/85", ["12/3/85"]),
    ("BSN volgt, geb. 3-4-'92 Ricardo", ["3-4-'92"]),
    ("Mijn zoon is geboren op 12.03.1985.", ["12.03.1985"]),
    ("datum 1985-03-12", ["1985-03-12"]),
    ("Ik ben geboren op 12 maart 1985", ["12 maart 1985"]),
    ("Ik heb op 3 januari een afspraak", []),  # no year, no birth word: an appointment
    ("Mijn man is 5 mei 2009 overleden", ["5 mei 2009"]),
    ("geboren op 1 april", ["1 april"]),
    ("Op 14 feb. kom ik langs", []),
    ("ik ben op 14 feb. jarig", ["14 feb."]),
    ("zij is jarig op 3 okt", ["3 okt"]),
    ("geboren 3 jan '85", ["3 jan '85"]),
    ("geboortedatum 12-03", ["12-03"]),
    ("ik moet mijn toeslagen wijzigen voor 1 juli.", []),  # a deadline: no year, no birth word
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
    # round 12: the months of newcomers' and labour migrants' languages, and Frisian
    ("Мій син народився 9 листопада 2011 року", ["9 листопада 2011"]),
    ("Mama mea s-a născut pe 3 octombrie 1955", ["3 octombrie 1955"]),
    ("Myn heit is berne op 21 desimber 1944", ["21 desimber 1944"]),
    ("data de nascimento 15 março 1978", ["15 março 1978"]),
    ("Ik heb 2 mars gegeten en 3 mayo's gekocht", []),  # Dutch words, not months
    ("she was born on December 1st, 1960", ["December 1st, 1960"]),
    # American order after an English birth word; the BRP's unknown day and month
    ("my date of birth is 09/27/1979 according to the card", ["09/27/1979"]),
    ("DOB: 4/30/2001, nationality Filipino", ["4/30/2001"]),
    ("In de BRP staat mijn geboortedatum als 00-00-1971", ["00-00-1971"]),
    ("geboren 00-04-1983 in Mogadishu", ["00-04-1983"]),
    ("the invoice of 12/23/2026 is still open", []),  # this year or later: no birth date
    # a date its holiday names is a day in the calendar; a birth word still wins
    ("Mag ik op Koningsdag 27 april een kraampje op de stoep zetten?", []),
    ("Is het zwembad 5 mei (Bevrijdingsdag) gewoon open?", []),
    ("Mag ik 31 december, oudejaarsavond, vuurwerk afsteken?", []),
    ("Mijn dochter is op Koningsdag 27 april 2016 geboren", ["27 april 2016"]),
    ("Ik ben 27 april jarig, krijg ik dan korting?", ["27 april"]),
    ("We're expecting a baby in May", []),
    ("we may 3 times come back", []),
    ("I sold that car in June 2019", []),
    ("Is Wednesday 12:00 still free?", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_date(analyzer, text, expected):
    assert_spans(analyzer, text, "DATE_TIME", expected)


THIS_YEAR = datetime.date.today().year
NEXT_YEAR = THIS_YEAR + 1
LAST_YEAR = THIS_YEAR - 1

# A letter's date, a deadline, a bank line or a time stamp is no date of birth: it stays readable.
# A birth word or a birth-like shape (an older year, no year at all) keeps a date redacted.
PURPOSE_CASES = [
    (f"Geachte heer,\nDossiernummer: D-12\nDatum: 2 december {THIS_YEAR}\nWij verzoeken u", []),
    (f"te betalen € 109,00 vóór 20 december {THIS_YEAR}. Die auto is verkocht!", []),
    (f"Beslag op uitkering per 1 januari {NEXT_YEAR}.", []),
    (f"Pleegdatum: 12-10-{THIS_YEAR}\nOvertreding: door rood licht gereden", []),
    (f"Op mijn bankafschrift:\n28-11-{THIS_YEAR}\tOverschrijving\tHuur december", []),
    (f"21-11-{THIS_YEAR % 100:02d} 22:14 - Ayşe: de auto staat op de invalidenplek", []),
    (f"sinds 1 maart {LAST_YEAR} bij ons in dienst", []),
    (f"ik heb een afspraak op 21 januari {NEXT_YEAR} voor mijn rijbewijs", []),
    ("02-12-2019 08:31 - mama: neem je paspoort mee", []),
    ("aanmaning afvalstoffenheffing, ik heb gewoon betaald op 1 oktober", []),
    ("mijn Turkse nummer werkt, ik ben daar tot 20 december", []),
    ("de kermis is dit jaar van 3 tot 9 augustus", []),
    # a day and month without a year after "op", a weekday, "vandaag" is a moment in a calendar
    ("kan de buurtcoach op woensdag 17 maart na vieren komen?", []),
    ("is de milieustraat op 31 december ook open?", []),
    ("mijn huurcontract loopt af op 30 april, waar moet ik heen", []),
    ("op 4 mei is er een herdenking bij het monument, mag mijn zoontje mee?", []),
    ("My intake is on Thursday 19 March, can my neighbour come along?", []),
    ("Vorige week, op 2 november, kreeg ik de brief van de woningcorporatie", []),
    ("vandaag is het 11 november en de kachel doet het nog steeds niet", []),
    ("is het zwembad op tweede kerstdag, 26 december, gewoon open?", []),
    # round 14: "voor" and "na" make a day and month without a year a deadline
    ("Ik moet voor 31 december overstappen van zorgverzekeraar, hoe doe ik dat?", []),
    ("Hoe regel ik dat voor 1 januari? Hij heeft geen inkomen.", []),
    ("mag ik na 15 januari nog bezwaar maken tegen de aanslag?", []),
    ("zijn verjaardag is voor 3 mei, dus vóór de zomer", ["3 mei"]),  # a birth word wins
    (f"ik moet betalen voor 1 januari {THIS_YEAR - 30}", [f"1 januari {THIS_YEAR - 30}"]),
    # a short birth word is a whole word: "gebeld", "gebruik" hold no "geb"
    ("Hoe lang duurt een aanvraag Wmo? Ik heb op 2 november gebeld.", []),
    (f"Sinds 3 maart {LAST_YEAR} gebruik ik deze rekening", []),
    ("Mijn zoon, geb. 3 maart 2001, woont bij mij", ["3 maart 2001"]),
    ("my dob 4 March", ["4 March"]),
    (f"sinds 5 maart {LAST_YEAR} ligt de dobber in de sloot", []),
    # a weekday makes a recent date a calendar date; a colon after a letter word's short words
    (f"de intake was op vrijdag 14-02-{LAST_YEAR}, maar er kwam niemand", []),
    ("In het contract staat datum ingang: 01-03-2020, klopt dat voor de toeslag?", []),
    # still redacted: birth words, old years, birthdays named as such
    ("mijn zoon is jarig op 17 maart, mag hij een feestje geven in het buurthuis?", ["17 maart"]),
    ("Geboren op 9 november, het jaar weet ik niet precies", ["9 november"]),
    ("my daughter's birthday is 4 June", ["4 June"]),
    # a two-digit year after a month name, and an ISO date with slashes: with a birth word
    ("mijn moeder is geboren op 9 oktober 52 in Paramaribo", ["9 oktober", "9 oktober 52"]),
    ("geboortedatum 21 feb 99, klopt dat met de brief?", ["21 feb", "21 feb 99"]),
    ("geb. datum 1977/11/30", ["1977/11/30"]),
    ("ik werk vanaf 9 oktober 32 uur per week", []),
    (f"Geboortedatum: 14-03-1958\nBeslag per 1 januari {NEXT_YEAR}.", ["14-03-1958"]),
    (f"onze dochter is geboren op 3 juni {THIS_YEAR}", [f"3 juni {THIS_YEAR}"]),
    (f"Geboortedatum:\n4-2-{THIS_YEAR}", [f"4-2-{THIS_YEAR}"]),
    ("BDAY:1979-04-23\nEND:VCARD", ["1979-04-23"]),
    ("ik ben van 21 juli 1990 en heb een vraag", ["21 juli 1990"]),
    ("Datum: 12 maart 1985", ["12 maart 1985"]),
    (f"mijn zoon van 5-6-{LAST_YEAR} heeft koorts", [f"5-6-{LAST_YEAR}"]),
    ("zij is jarig op 3 okt", ["3 okt"]),
]


@pytest.mark.parametrize(("text", "expected"), PURPOSE_CASES)
def test_only_dates_that_can_be_birth_dates(analyzer, text, expected):
    assert_spans(analyzer, text, "DATE_TIME", expected)


@pytest.mark.parametrize(
    ("value", "year"),
    [("12-03-1985", 1985), ("1985-03-12", 1985), ("3 jan '85", 1985), ("21-11-26", 2026),
     ("30th Sept '85", 1985), ("12/3/85", 1985), ("3 januari", None), ("12-03", None),
     ("14 feb.", None)],
)
def test_the_year_of_a_date(value, year):
    assert year_of(value, 2026) == year


def test_a_birth_word_on_the_line_before_a_form_value_counts():
    text = "Geboortedatum:\n2-12-2026"
    assert may_be_birth_date(text, 15, len(text), datetime.date(2026, 12, 6))
    assert not may_be_birth_date("Datum:\n2-12-2026", 7, 16, datetime.date(2026, 12, 6))


def test_a_birth_word_belongs_to_the_nearest_date():
    text = f"Filmon, geboren 3 juli 1996, sinds 1 maart {LAST_YEAR} bij ons in dienst"
    assert may_be_birth_date(text, 16, 27)
    start = text.index("1 maart")
    assert not may_be_birth_date(text, start, start + len(f"1 maart {LAST_YEAR}"))


ABBREVIATED_FOREIGN_MONTHS = [
    # another language's abbreviated month counts in a whole date, with a year (issue 14)
    ("Nasci a 3 fev '71 em Praia.", ["3 fev '71"]),
    ("urodziłam się 12 lut 1985 w Gdańsku", ["12 lut 1985"]),
    ("doğum tarihim 4 şub 1990", ["4 şub 1990"]),
    ("Ich bin am 9 Okt. 1962 geboren", ["9 Okt. 1962"]),
    # without a year such an abbreviation is a word
    ("ik geef het een 3 out of 10", []),
    ("we spelen 2 set en dan stoppen we", []),
]


@pytest.mark.parametrize(("text", "expected"), ABBREVIATED_FOREIGN_MONTHS)
def test_abbreviated_foreign_months(analyzer, text, expected):
    assert_spans(analyzer, text, "DATE_TIME", expected)

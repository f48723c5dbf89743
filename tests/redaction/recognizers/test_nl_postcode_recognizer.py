import pytest

from tests.redaction.recognizers.helpers import assert_spans

CASES = [
    ("Mijn postcode is 1234 AB", ["1234 AB"]),
    ("3511AB Utrecht", ["3511AB"]),
    ("Ik woon op 2512 CD in Den Haag", ["2512 CD"]),
    ("postcode 1234 ab", ["1234 ab"]),  # lowercase with context
    ("mijn adres is kerkstraat 12, 1234ab utrecht", ["1234ab"]),
    ("Kerkstraat 12a, 1234 ab Utrecht", ["1234 ab"]),  # lowercase after street + number
    ("Ik ben verhuisd naar 9711 LM", ["9711 LM"]),
    # a unit-like pair in the address position: street + number, comma, postcode
    ("Molenweg 14, 3521 kg, Utrecht", ["3521 kg"]),
    ("mijn postcode is 3521 km", ["3521 km"]),  # a unit, but said to be the postcode
    ("stuur het naar Beukenlaan 2a, 6711 km Ede", ["6711 km"]),
    ("Hoofdstraat 8, 9401 en dan de 3e etage", []),  # "en" + more words: a sentence
    # not postcodes
    ("Ik woon sinds 2021 in Utrecht", []),
    ("Ik moet 1250 op de rekening storten", []),
    ("Ik heb 3000 en nog wat schuld", []),
    # lowercase, letters not a word or unit: on its own
    ("is er een inloopspreekuur bij 1103 tx in de buurt", ["1103 tx"]),
    ("3531 ep is mijn postcode, ik woon hier pas 2 weken", ["3531 ep"]),
    ("ik heb 1234 nu gezegd", []),  # a Dutch word
    ("neem 1000 mg paracetamol", []),  # a unit
    ("1234 SA", []),  # SA, SD and SS are never issued
    ("Postcode 1234 SS", []),
    ("Ik heb een abonnement met 1000 GB", []),
    ("Bel 0612345678", []),
    ("Mijn bsn is 123456782", []),
    ("NL91ABNA0417164300", []),
    ("0123 AB", []),
    ("de koffer weegt 23, 1500 kg is te veel", []),
    ("we kochten 12, 2000 kg hout en 10 zakken", []),
    ("Ik fiets 12, 1100 km per jaar", []),
    # a double space, a town after unit letters, a town glued on, living there in so many words
    ("postcode is 6821  AB arnhem, kan iemand langskomen?", ["6821  AB"]),
    ("Voor de zekerheid: 6511 PK nijmegen", ["6511 PK"]),
    ("PC: 9402 KM Assen", ["9402 KM"]),
    ("mijn pc 3311 ab", ["3311 ab"]),
    ("2311 ezleiden", ["2311 ez"]),
    ("kan ik ook naar het buurthuis als ik in 3067 ga woon", ["3067 ga"]),
    ("ik woon al sinds 2015 in deze wijk", []),  # a year
    ("ik woon 1500 km van mijn familie", []),  # a unit
    ("de auto heeft 1400 PK en ik woon in Assen", []),
    ("we hadden 1200 zakken, 2311 extra", []),
    ("ik woon in postcodegebied 3521 en wil weten welk buurtteam ik heb", []),
    # typed with a space between every character, spaced letters, a dash
    ("postcode 2 5 1 3 ck huisnummer 12", ["2 5 1 3 ck"]),
    ("in 2 5 1 3 c k is geen buurthuis", ["2 5 1 3 c k"]),
    ("ik verhuis naar 9 7 2 1 a b", ["9 7 2 1 a b"]),
    ("de postcode is 3 5 8 1 E H", ["3 5 8 1 E H"]),
    ("mijn postcode: 9712 C D", ["9712 C D"]),
    ("mijn postcode is 8022-AW", ["8022-AW"]),
    # a unit-like pair after street + number + "in", before a town in lowercase
    ("burg. de withstraat 3 in 4511 cl oostburg", ["4511 cl"]),
    # a unit-like pair after a street, a number and its colour or floor (issue 14)
    ("Nijlbocht 7 zwart, 3563 tb. De verwarming is kapot", ["3563 tb"]),
    ("stuur het naar Kerkweg 12 hs, 3563 tb Utrecht", ["3563 tb"]),
    # not postcodes
    ("ik heb 1 2 3 4 en 5 gekozen", []),
    ("de uitslag was 2024 a b c", []),
    ("de jaren 2010-2020 waren zwaar", []),
    ("vanaf 1990-en verder", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_postcode(analyzer, text, expected):
    assert_spans(analyzer, text, "NL_POSTCODE", expected)

"""Names in English and mixed-language messages: English words, months, weekdays, nationalities
and greetings of other languages are never (part of) a name; English triggers announce one."""

import pytest

from tests.redaction.recognizers.helpers import assert_spans

CASES = [
    ("I'm Andrei Popescu from Romania, I need a BSN", ["Andrei Popescu"]),
    ("My landlord Mark Visser refuses to register me", ["Mark Visser"]),
    ("my son Oliver was born 14 February 2019", ["Oliver"]),
    ("My son Will needs a new ID card", ["Will"]),
    ("my daughter May has a fever", ["May"]),
    ("Cześć, my wife Agnieszka Zając needs a BSN too", ["Agnieszka Zając"]),
    ("Merhaba, benim adım Ayşe Yılmaz, I need an afspraak", ["Ayşe Yılmaz"]),
    ("Salaan, magacaygu waa Ayaan Mohamed Farah, I live in Tilburg", ["Ayaan Mohamed Farah"]),
    ("Uncle Bilal will bring the documents to the Stadswinkel tomorrow", ["Bilal"]),
    # an English contraction after a name is no part of it
    ("Our neighbour Sanne Visser doesn't open the door anymore", ["Sanne Visser"]),
    ("My sister Fenna Kuipers isn't home before six", ["Fenna Kuipers"]),
    ("my landlord Bram de Haan won’t fix the heating", ["Bram de Haan"]),
    # negatives: words, not names
    ("dr Patel at the huisarts said I need a letter", ["Patel"]),
    ("Citizen service number please", []),
    ("my Indian passport expires next year", []),
    ("I got a fine, but I sold that car in June", []),
    ("I hope you can help me, I have been waiting for 3 weeks", []),
    ("Grace and peace to the whole team, you were all very kind", []),
    ("Mark my words, the bins are never emptied on Wednesday", []),
    ("Is Wednesday still free for a passport appointment?", []),
    ("We're expecting a baby in May, how do I do the erkenning?", []),
    ("I'm moving from Amsterdam to Haarlem next month", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_person_in_english(analyzer, text, expected):
    assert_spans(analyzer, text, "PERSON", expected)

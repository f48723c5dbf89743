"""Names fresh text leaked (issue 14): first names deduce's list misses, "my name is" in more
languages, and Portuguese and Cape Verdean surnames after a lone particle. The blank pipeline:
what the rules find, without the trained NER."""

import pytest

from tests.redaction.recognizers.helpers import assert_spans

CASES = [
    # first names that are words too (data/first_names.txt), where something says it is a name
    ("Toon Verhoeven hier, melkveehouder onder Oss.", ["Toon Verhoeven"]),
    ("Hoi! Ik ben Toon van de Ven uit Oss", ["Toon van de Ven"]),
    ("Mijn naam is Selam Tesfay Gebremedhin.", ["Selam Tesfay Gebremedhin"]),
    ("goedemorgen. mijn naam Selam Gebremedhin. ik heb 2 kinderen", ["Selam Gebremedhin"]),
    ("de toon van die brief is onbeschoft", []),
    ("Selam, ik heb een vraag over de toeslag", []),
    # "my name is" in the languages residents mix in (data/naming_phrases.txt)
    ("Oi, mi é Nilsa Fortes de Pina, N ta mora na Delfshaven.", ["Nilsa Fortes de Pina"]),
    ("ma numesc ionut popescu si am nevoie de ajutor", ["ionut popescu"]),
    ("Salam, smiti Khadija Azzouzi, ik heb hulp nodig", ["Khadija Azzouzi"]),
    ("tên tôi là Le Quang Vinh, tôi cần giúp đỡ", ["Le Quang Vinh"]),
    # a surname after a lone particle, also when it is a word ("pina")
    ("mijn naam is Maria Fortes de Pina, ik woon in Delft", ["Maria Fortes de Pina"]),
    ("ik sprak met Jansen van het Wijkteam", ["Jansen"]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_fresh_names(analyzer, text: str, expected: list[str]) -> None:
    assert_spans(analyzer, text, "PERSON", expected)

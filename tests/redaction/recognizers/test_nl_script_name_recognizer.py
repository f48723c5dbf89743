"""Names in scripts without capitals (Arabic, Persian, Tigrinya): after "my name is" always,
after "I am" or "my brother" only when they look like a name (issue 14: a resident writing in
their own script kept their name)."""

import pytest

from redaction.recognizers.nl_script_name_recognizer import script_names
from tests.redaction.recognizers.helpers import assert_spans

CASES = [
    # "I am" + a first name and a family name with al-
    ("مرحبا، أنا رنا الخطيب من دوردريخت. وصلتني رسالة", ["رنا الخطيب"]),
    ("السلام عليكم، أنا أحمد الحسين، أسكن في سخيدام", ["أحمد الحسين"]),
    # "and I am", written onto the word
    ("وأنا سلمى وعندي ثلاثة أطفال", ["سلمى"]),
    # a relation + a first name, the family name following
    ("أخي محمد الحموي في سوريا، رقمه معي", ["محمد الحموي"]),
    ("زوجي خالد يضربني كل يوم", ["خالد"]),
    # "my name is": whatever follows
    ("اسمي نوره بنت سعد", ["نوره بنت سعد"]),
    # Persian: "my brother"
    ("برادرم حمید در ایران است", ["حمید"]),
    # Tigrinya: "I ... am" closes the name; a first name after "my brother"
    ("ሰላም፣ ኣነ ሰናይት ወልደሚካኤል እየ። ደብዳቤ መጺኡኒ", ["ሰናይት ወልደሚካኤል"]),
    ("ሓወይ ዳዊት ኣብ ሊቢያ ኣሎ", ["ዳዊት"]),
    # "I am" + a state, a relation + a verb: no name
    ("أنا خائفة من زوجي", []),
    ("أنا لاجئة سورية وعندي ديون", []),
    ("أخي يسكن في سوريا", []),
    ("ኣነ ሕሙም እየ", []),
    # Latin letters are the person recognizer's
    ("ik ben bang voor mijn man", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_names_in_scripts_without_capitals(analyzer, text: str, expected: list[str]) -> None:
    assert_spans(analyzer, text, "PERSON", expected)


def test_every_trigger_and_name_is_of_its_script():
    """A word list typed in the wrong keyboard layout would silently never match."""
    for script in script_names():
        for word in script.given_names | script.naming:
            assert all(script.word.fullmatch(part) for part in word.split()), word

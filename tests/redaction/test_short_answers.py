"""A short answer of ordinary words stays readable; a short message with a name does not
(answers invented for these tests)."""

from __future__ import annotations

import pytest

from redaction.short_answers import is_short_answer

ANSWERS = ["Sure", "Fine", "Telephone please", "Prima", "Sure, why not", "Tomorrow morning",
           "Morgen graag", "Perfect!"]
NOT_ANSWERS = ["Sanne", "ik ben Noor", "Mark Visser", "Ahmed", "Sure, my name is Lotte",
               "06 12345678", "Yes <PERSOON_1>", "mail naar jan@voorbeeld.nl", "Groetjes, M."]


@pytest.mark.parametrize("text", ANSWERS)
def test_a_few_everyday_words_are_an_answer(text):
    assert is_short_answer(text)


@pytest.mark.parametrize("text", NOT_ANSWERS)
def test_a_name_a_number_or_a_longer_message_is_no_short_answer(text):
    assert not is_short_answer(text)


@pytest.mark.parametrize("text", ["Sure", "Perfect!", "Sure, why not"])
def test_the_redactor_leaves_an_answer_as_it_is(redactor, text):
    """Before: "Sure" became <PERSOON_1> and the hand-off form asked for yes or no again."""
    assert redactor.redact(text)[0] == text


@pytest.mark.parametrize(("text", "name"), [("Sanne", "Sanne"), ("ik ben Noor", "Noor"),
                                            ("Mark Visser", "Visser")])
def test_the_redactor_still_hides_a_name_in_a_short_message(redactor, text, name):
    assert name not in redactor.redact(text)[0]

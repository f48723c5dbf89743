"""Residents who write in another language, through the real boundary, Rasa and action server.

The language is read at the boundary on the original words; Rasa only gets the code. Every
answer in another language carries 112, 113 and Veilig Thuis; a crisis or violence message in
that language gets its safety answer first. Dutch stays Dutch.
"""

from __future__ import annotations

import pytest

from bot.languages import load_languages
from tests.e2e.conftest import texts

pytestmark = pytest.mark.e2e
NUMBERS = ("112", "0800-0113", "0800-2000")


@pytest.fixture(scope="module")
def languages():
    return load_languages()


@pytest.mark.parametrize(("message", "code"), [
    ("Borçlarım var ve kiramı ödeyemiyorum, ne yapmalıyım?", "tr"),
    ("Mam duże długi i nie mogę zapłacić czynszu", "pl"),
    ("لدي ديون كثيرة ولا أستطيع دفع الإيجار", "ar"),
])
def test_an_everyday_question_gets_the_answer_in_that_language(assistant, languages, message,
                                                                code):
    replies = texts(assistant.say(assistant.new_sender(), message))
    language = languages.get(code)
    assert language.safety_lines in replies
    assert language.answer.split("{", 1)[0].strip()[:20] in replies
    assert all(number in replies for number in NUMBERS)
    assert "14 0999" in replies, "the municipality's number, filled in"


@pytest.mark.parametrize(("message", "code", "first"), [
    ("Nie chcę już żyć, myślę o tym, żeby się zabić", "pl", "safety_answer_suicide"),
    ("Kocam beni dövüyor ve çocukları tehdit ediyor", "tr", "safety_answer_violence"),
    ("Чоловік мене б'є, я боюся йти додому", "uk", "safety_answer_violence"),
])
def test_a_crisis_in_another_language_gets_its_safety_answer_first(assistant, languages, message,
                                                                    code, first):
    replies = assistant.say(assistant.new_sender(), message)
    language = languages.get(code)
    # No Dutch welcome first: the answer in the resident's language says who is talking.
    assert "digitale assistent" not in texts(replies)
    assert replies[0]["text"] == getattr(language, first)
    assert all(number in texts(replies) for number in NUMBERS)


def test_dutch_stays_dutch(assistant):
    replies = texts(assistant.say(assistant.new_sender(), "ik heb schulden en de deurwaarder belt"))
    assert "schuld" in replies.lower()
    assert load_languages().get("pl").safety_lines not in replies

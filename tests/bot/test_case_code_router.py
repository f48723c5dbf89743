"""A message holding a case code opens the case - unless it is a cry for help."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.case_code_router import CaseCodeRouter


def _message(text: str, intent: str) -> Message:
    top = {"name": intent, "confidence": 0.6}
    return Message(data={TEXT: text, INTENT: top,
                         INTENT_RANKING_KEY: [top, {"name": "debt", "confidence": 0.2}]})


@pytest.mark.parametrize(("text", "intent", "expected"), [
    ("ik wil mijn aanvraag intrekken <ZAAKCODE_1>", "withdraw_consent", "case_code"),
    ("<ZAAKCODE_1>", "nlu_fallback", "case_code"),
    ("mijn gegevens inzien graag, code <ZAAKCODE_2>", "privacy_info", "case_code"),
    ("ik wil mijn aanvraag intrekken", "withdraw_consent", "withdraw_consent"),
    ("bel <TELEFOONNUMMER_1> maar", "request_callback", "request_callback"),
    ("<ZAAKCODE_1> en ik wil er niet meer zijn", "crisis_suicide", "crisis_suicide"),
    ("<ZAAKCODE_1> hij slaat me", "domestic_violence", "domestic_violence"),
    ("<ZAAKCODE_X>", "out_of_scope", "out_of_scope"),
])
def test_a_code_decides_the_intent_but_safety_stays_first(text, intent, expected):
    (message,) = CaseCodeRouter().process([_message(text, intent)])
    assert message.get(INTENT)["name"] == expected
    ranking = [r["name"] for r in message.get(INTENT_RANKING_KEY)]
    assert ranking[0] == expected and ranking.count(expected) == 1

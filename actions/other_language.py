"""The answer for a resident who writes in another language: theirs, short, safety always in it.

What it says is data (``bot/languages.yml``): the safety answer first when the boundary found a
crisis or violence word of that language (or the safety net read one), then what the assistant
can do and how to reach the municipality, and always the lines with 112, 113 and Veilig Thuis.
The widget shows every message with dir="auto", so Arabic and Persian read right to left.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.context import current
from bot.language_id import METADATA_LANGUAGE
from bot.languages import Language
from bot.safety import KIND_INTENT, SAFETY_INTENTS, SafetySignal

INTENT_KIND = {intent: kind for kind, intent in KIND_INTENT.items()}


def safety_kind(latest: dict[str, Any]) -> str | None:
    """ "suicide" / "violence" from the boundary's signal, or from what the router replaced."""
    signal = SafetySignal.from_metadata(latest.get("metadata"))
    intent = signal.intent if signal is not None and signal.clear else None
    ranking = latest.get("intent_ranking") or []
    if intent is None and len(ranking) > 1 and ranking[1].get("name") in SAFETY_INTENTS \
            and (ranking[1].get("confidence") or 0) >= 1.0:
        intent = ranking[1]["name"]
    return INTENT_KIND.get(intent or "")


def answer_messages(language: Language, kind: str | None, variables: dict[str, str]) -> list[str]:
    first = {"suicide": language.safety_answer_suicide,
             "violence": language.safety_answer_violence}.get(kind or "")
    texts = [first] if first else []
    texts += [language.answer.format(**variables), language.safety_lines]
    return texts


class ActionOtherLanguage(Action):
    def name(self) -> str:
        return "action_other_language"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[dict[str, Any]]:
        latest = tracker.latest_message or {}
        metadata = latest.get("metadata") or {}
        context = current()
        language = context.languages.get(metadata.get(METADATA_LANGUAGE))
        if language is None:  # not a language of the data file: the Dutch menu
            dispatcher.utter_message(response="utter_fallback")
            return []
        variables = context.referrals.template_variables()
        values = {"gemeente_naam": variables.get("gemeente_naam", ""),
                  "gemeente_telefoon": variables.get("gemeente_telefoon", ""),
                  "inloop": variables.get("gemeente_adres", "")}
        for text in answer_messages(language, safety_kind(latest), values):
            dispatcher.utter_message(text=text)
        return []

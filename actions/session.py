"""Session start: introduce the assistant honestly and load the municipality's referral details.

The welcome is in the language of the resident's first message: the boundary's reading of it
arrives as the ``session_started_metadata`` Rasa gives this action. English sets the
``language`` slot at once; another language gets no Dutch welcome - its own short answer
(actions/other_language.py) says who is talking.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.language_id import DUTCH, METADATA_LANGUAGE
from bot.referrals import Referrals, load_referrals

LANGUAGE_SLOT = "language"


def first_language(tracker: Tracker) -> str | None:
    """The boundary's reading of the first message; None when it was unsure (Dutch)."""
    metadata = tracker.get_slot("session_started_metadata")
    code = metadata.get(METADATA_LANGUAGE) if isinstance(metadata, dict) else None
    return code if isinstance(code, str) and code else None


def variation(domain: DomainDict, response: str, language: str) -> dict[str, Any] | None:
    """The response's variation for ``language`` (its slot condition), or the plain one for Dutch.

    Rasa renders an action's response with the tracker as it was before the action's events, so
    a slot this action sets cannot choose the variation: the action chooses it.
    """
    for candidate in domain.get("responses", {}).get(response, []):
        conditions = candidate.get("condition") or []
        wanted = [c.get("value") for c in conditions if c.get("name") == LANGUAGE_SLOT]
        if (wanted == [language]) or (not conditions and language == DUTCH):
            return candidate
    return None


class ActionSessionStart(Action):
    """Fill the referral slots the responses refer to, then say who is talking."""

    def __init__(self, referrals: Referrals | None = None) -> None:
        self._referrals = referrals or load_referrals()

    def name(self) -> str:
        return "action_session_start"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        declared = set(domain.get("slots", {}))
        referral_slots = [
            SlotSet(key, value)
            for key, value in self._referrals.template_variables().items()
            if key in declared
        ]
        # The welcome is rendered by Rasa after these events, so pass the values explicitly too.
        variables: dict[str, Any] = self._referrals.template_variables()
        spoken = list(domain.get("slots", {}).get(LANGUAGE_SLOT, {}).get("values") or [DUTCH])
        language = first_language(tracker) or DUTCH
        events: list[EventType] = [SessionStarted(), *referral_slots]
        welcome = variation(domain, "utter_welcome", language) if language != DUTCH else None
        if welcome is not None:
            dispatcher.utter_message(text=welcome["text"].format(**variables))
            events.append(SlotSet(LANGUAGE_SLOT, language))
        elif language == DUTCH or language in spoken:
            dispatcher.utter_message(response="utter_welcome", **variables)
        return [*events, ActionExecuted("action_listen")]

"""The anonymous contact route: which service, and how the resident wants to reach it."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.language import referrals_in
from actions.topic import keep_topic
from bot.referrals import Referrals, load_referrals

# How residents say the way they want contact; first match wins.
CONTACT_WAYS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("mailen", re.compile(r"\b(e-?mail\w*|mail\w*|schrijven|brief|write|letter)\b",
                          re.IGNORECASE)),
    ("bellen", re.compile(r"\b(bel\w*|telefo\w*|opbellen|call\w*|phon\w*|ring)\b",
                          re.IGNORECASE)),
    (
        "langskomen",
        re.compile(
            r"\b(langs\w*|loket|balie|inloop\w*|persoonlijk|afspraak|spreekuur|bezoek\w*"
            r"|visit\w*|in person|walk[- ]?in|drop in|come (by|in|over)|desk|appointment)\b",
            re.IGNORECASE,
        ),
    ),
)


def parse_contact_way(text: str | None) -> str | None:
    """The contact way a resident's answer names, or None when it names none."""
    if not text:
        return None
    for way, pattern in CONTACT_WAYS:
        if pattern.search(text):
            return way
    return None


class ValidateContactRouteForm(FormValidationAction):
    def name(self) -> str:
        return "validate_contact_route_form"

    def validate_help_topic(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
        domain: DomainDict,
    ) -> dict[str, Any]:
        """A contact way or an age read as a topic must not change whom the route names."""
        return keep_topic(slot_value, tracker)

    def validate_contact_way(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> dict[str, Any]:
        way = parse_contact_way(slot_value if isinstance(slot_value, str) else None)
        if way is None:
            dispatcher.utter_message(response="utter_invalid_contact_way")
        return {"contact_way": way}


class ActionGiveContactRoute(Action):
    """Tell the resident how to reach the right service themselves; nothing about them is sent."""

    def __init__(self, referrals: Referrals | None = None) -> None:
        self._referrals = referrals or load_referrals()

    def name(self) -> str:
        return "action_give_contact_route"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        service = referrals_in(self._referrals, tracker).service_for_topic(
            tracker.get_slot("help_topic"))
        way = tracker.get_slot("contact_way") or "bellen"
        dispatcher.utter_message(
            response=f"utter_contact_route_{way}",
            dienst=service["naam"],
            telefoon=service["telefoon"],
            tijden=service["tijden"],
            adres=service.get("adres", ""),
            inloop=service.get("inloop", ""),
            email=service.get("email", ""),
        )
        return [SlotSet("contact_way", None)]

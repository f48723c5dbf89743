"""Session start: introduce the assistant honestly and load the municipality's referral details."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.referrals import Referrals, load_referrals


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
        dispatcher.utter_message(response="utter_welcome", **variables)
        return [SessionStarted(), *referral_slots, ActionExecuted("action_listen")]

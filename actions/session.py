"""Session start: introduce the assistant honestly and load the municipality's referral details.

Both in the language of the first message: the ``language`` slot is set only after this action,
so the boundary's signal on that message decides (``actions.language.session_start_language``).
Rasa would pick the welcome's variation by the slot, still Dutch here, so an English welcome is
sent as the domain's English text, and the slot is set here at once. A first message in another
language gets no Dutch welcome: its own short answer (actions/other_language.py) says who is
talking.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.language import (
    LANGUAGE_SLOT,
    first_message_language,
    session_start_language,
    variation,
)
from bot.language_id import DUTCH, TEXT_LANGUAGES
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
        language = session_start_language(tracker)
        referrals = self._referrals.in_language(language)
        referral_slots = [
            SlotSet(key, value)
            for key, value in referrals.template_variables().items()
            if key in declared
        ]
        # The welcome is rendered by Rasa after these events, so pass the values explicitly too.
        variables: dict[str, Any] = referrals.template_variables()
        events: list[EventType] = [SessionStarted(), *referral_slots]
        if first_message_language(tracker) not in (None, *TEXT_LANGUAGES):
            pass  # another language: its own answer introduces the assistant
        elif language == DUTCH:
            dispatcher.utter_message(response="utter_welcome", **variables)
        else:
            welcome = variation(domain, "utter_welcome", language)["text"]
            # custom.language: the widget switches its own texts too (portal/widget/relay.py)
            dispatcher.utter_message(text=welcome.format(**variables),
                                     json_message={"language": language})
            events.append(SlotSet(LANGUAGE_SLOT, language))
        return [*events, ActionExecuted("action_listen")]

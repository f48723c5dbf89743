"""Deletion on request: "verwijder mijn gegevens", "ik wil anoniem blijven", consent withdrawn.

Each wipes the vault, the personal slots and every hand-off not yet closed, records what kinds of
data were deleted (never the data), and tells the resident in plain words what happened.
``action_delete_my_data`` also erases the conversation itself: the tracker store
(``bot.tracker_store.ErasableSQLTrackerStore``) deletes every stored event of the conversation
when it saves a tracker in which this action ran; the rules then start a fresh session.
"""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.privacy import (
    Forgotten,
    clear_personal_slots,
    consent_texts,
    forget_resident,
    privacy_services,
    referrals,
    register_withdrawal,
    tell_what_was_deleted,
)


def withdraw_and_forget(tracker: Tracker, reason: str) -> tuple[bool, Forgotten]:
    """Register a withdrawal if consent stood, then forget; whether consent stood."""
    services = privacy_services()
    stood = register_withdrawal(services, services.pseudonym(tracker.sender_id))
    return stood, forget_resident(services, referrals(tracker), tracker.sender_id, reason)


class ActionDeleteMyData(Action):
    def name(self) -> str:
        return "action_delete_my_data"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        _, forgotten = withdraw_and_forget(tracker, "request")
        dispatcher.utter_message(response="utter_conversation_deleted")
        tell_what_was_deleted(dispatcher, forgotten, consent_texts(tracker))
        _tell_about_closed(dispatcher, forgotten)
        return clear_personal_slots(tracker)


class ActionStayAnonymous(Action):
    def name(self) -> str:
        return "action_stay_anonymous"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        _, forgotten = withdraw_and_forget(tracker, "anonymous")
        if forgotten.anything:
            tell_what_was_deleted(dispatcher, forgotten, consent_texts(tracker))
        _tell_about_closed(dispatcher, forgotten)
        dispatcher.utter_message(response="utter_stay_anonymous")
        return clear_personal_slots(tracker)


class ActionWithdrawConsent(Action):
    def name(self) -> str:
        return "action_withdraw_consent"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        had_consent, forgotten = withdraw_and_forget(tracker, "withdrawn")
        if had_consent or forgotten.handoff_services or forgotten.closed_handoffs:
            dispatcher.utter_message(response="utter_consent_withdrawn")
        else:
            dispatcher.utter_message(response="utter_withdraw_consent")
        if forgotten.anything:
            tell_what_was_deleted(dispatcher, forgotten, consent_texts(tracker))
        _tell_about_closed(dispatcher, forgotten)
        return clear_personal_slots(tracker)


def _tell_about_closed(dispatcher: CollectingDispatcher, forgotten: Forgotten) -> None:
    """A closed hand-off is the service's file now; say whom to ask to delete it."""
    if forgotten.closed_handoffs:
        dispatcher.utter_message(response="utter_handoff_already_closed")

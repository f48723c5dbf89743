"""What the actions share about a resident's data: the privacy services and one way to forget.

Every deletion path - consent refused, consent withdrawn, "ik wil anoniem blijven",
"verwijder mijn gegevens" - goes through ``forget_resident``, so they all wipe the same things
and record the deletion the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet

from actions.context import current
from actions.language import consent_texts_in, referrals_in
from bot.consent import ConsentTexts
from bot.referrals import Referrals
from privacy.services import PrivacyServices

# Slots that may point at a resident's personal data (placeholders, answers about them), in
# the order the hand-off form asks for them.
PERSONAL_SLOTS = (
    "age_16_plus",
    "handoff_consent",
    "handoff_contact_way",
    "handoff_contact",
    "handoff_moment",
    "handoff_summary_ok",
)


def privacy_services() -> PrivacyServices:
    """The vault, registers and queue the composition root opened for this process."""
    return current().services


def consent_texts(tracker: Tracker | None = None) -> ConsentTexts:
    """The consent texts; in the conversation's language when its tracker is given."""
    texts = current().consent_texts
    return texts if tracker is None else consent_texts_in(texts, tracker)


@dataclass(frozen=True)
class Forgotten:
    """What was deleted for a resident: kinds of data and the services whose hand-off went."""

    entity_types: tuple[str, ...]
    handoff_services: tuple[str, ...]
    closed_handoffs: int

    @property
    def anything(self) -> bool:
        return bool(self.entity_types or self.handoff_services)


def team_of(referrals: Referrals, topic: str | None) -> str:
    """The referral service key a help topic goes to (the hand-off's team)."""
    return referrals.topic_services.get(topic or "", "wijkteam")


def forget_resident(
    services: PrivacyServices, referrals: Referrals, sender_id: str, reason: str
) -> Forgotten:
    """Wipe the vault and every hand-off not yet closed; record the deletion, never the data."""
    entity_types = tuple(services.vault.categories(sender_id))
    services.vault.delete(sender_id)
    return forget_handoffs(services, referrals, services.pseudonym(sender_id), reason,
                           entity_types)


def forget_handoffs(
    services: PrivacyServices, referrals: Referrals, conversation: str, reason: str,
    entity_types: tuple[str, ...] = (),
) -> Forgotten:
    """Withdraw a conversation's hand-offs that are not closed (and their case codes) and record
    the deletion - also for a resident who comes back later with a case code."""
    handoffs = services.queue.for_conversation(conversation)
    open_handoffs = [h for h in handoffs if h.status != "closed"]
    services.queue.withdraw(conversation)
    services.case_codes.forget_orphans()
    names = tuple(dict.fromkeys(
        referrals.services.get(h.team, {}).get("naam", h.team) for h in open_handoffs))
    categories = list(entity_types) + [f"handoff:{h.team}" for h in open_handoffs]
    if categories:
        services.deletions.record(conversation, reason, categories)
    return Forgotten(entity_types, names, len(handoffs) - len(open_handoffs))


def register_withdrawal(services: PrivacyServices, conversation: str) -> bool:
    """Register "withdrawn" for the consent that stands, if one does; whether one stood."""
    current = services.consents.current_consent(conversation)
    if current is not None:
        services.consents.record(
            conversation=conversation, purpose=current.purpose, recipient=current.recipient,
            data_categories=current.data_categories, question=current.question,
            question_version=current.question_version, answer="withdrawn",
        )
    return current is not None


def tell_what_was_deleted(dispatcher, forgotten: Forgotten, texts: ConsentTexts) -> None:  # noqa: ANN001
    """Say in plain words what was deleted - or that nothing about them was kept."""
    if forgotten.anything:
        dispatcher.utter_message(
            response="utter_data_deleted",
            wat=texts.describe_deleted(forgotten.entity_types, forgotten.handoff_services),
        )
    else:
        dispatcher.utter_message(response="utter_nothing_held")


def clear_personal_slots(tracker: Tracker) -> list[EventType]:
    return [SlotSet(slot, None) for slot in PERSONAL_SLOTS if tracker.get_slot(slot) is not None]


def referrals(tracker: Tracker | None = None) -> Referrals:
    """The referral content; with the labels of the conversation's language given its tracker."""
    data = current().referrals
    return data if tracker is None else referrals_in(data, tracker)

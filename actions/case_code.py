"""Back to a hand-off from a later chat: see what is stored, withdraw it - with the case code.

The resident got the code when the hand-off was queued (``actions.handoff``). A message holding
a code reaches Rasa as ``<ZAAKCODE_1>`` (the redactor hides it; the vault keeps the original for
this conversation) with the intent ``case_code`` (``bot.case_code_router``), which starts
``case_form``. Its validation looks the code up - throttled, logged without the code - and shows
in plain words what is stored; the form then asks whether to withdraw. A withdrawal goes through
the same path as one inside the first conversation (``actions.privacy.forget_handoffs``); a
closed hand-off is the service's file, so the resident is told whom to call.
"""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import answers
from actions.language import conversation_language
from actions.privacy import (
    consent_texts,
    forget_handoffs,
    privacy_services,
    referrals,
    register_withdrawal,
    tell_what_was_deleted,
)
from bot.language_id import DUTCH, ENGLISH
from privacy.queue import Handoff
from redaction.placeholders import placeholder_pattern

CASE_SLOTS = ("case_code", "case_withdraw")
CASE_CODE_TYPE = "NL_CASE_CODE"
UNKNOWN = "onbekend"  # the code led nowhere: the form ends after saying so
CLOSED = "afgerond"   # nothing to withdraw: the form ends after saying whom to call
_CODE_PLACEHOLDER = placeholder_pattern(CASE_CODE_TYPE)
# The words of what is shown about a stored hand-off, per language of the conversation.
CASE_WORDS = {
    DUTCH: {
        "new": "nog niet opgepakt; een medewerker neemt contact met je op",
        "claimed": "een medewerker heeft je vraag opgepakt",
        "contacted": "een medewerker heeft contact met je gehad",
        "closed": "afgerond",
        "phone": "telefoon", "ends_in": "nummer eindigt op", "when": "%d-%m-%Y om %H:%M",
    },
    ENGLISH: {
        "new": "not picked up yet; a staff member will contact you",
        "claimed": "a staff member has picked up your question",
        "contacted": "a staff member has been in touch with you",
        "closed": "finished",
        "phone": "phone", "ends_in": "number ends in", "when": "%d-%m-%Y at %H:%M",
    },
}


def masked_contact(way: str, contact: str, language: str = DUTCH) -> str:
    """Enough to recognise one's own number or address, too little to learn it."""
    words = CASE_WORDS[language]
    if way == "e-mail" and "@" in contact:
        local, _, domain = contact.strip().partition("@")
        tld = domain.rsplit(".", 1)[-1] if "." in domain else ""
        return f"e-mail, {local[:1]}…@….{tld}"
    digits = re.sub(r"\D", "", contact)
    phone = words["phone"]
    return f"{phone}, {words['ends_in']} {digits[-2:]}" if len(digits) >= 2 else phone


def _found_handoff(tracker: Tracker, placeholder: str) -> tuple[str, Handoff | None]:
    """Look the code behind ``placeholder`` up: the outcome and, when found, the hand-off."""
    services = privacy_services()
    typed = services.vault.originals(tracker.sender_id).get(placeholder)
    if typed is None:  # the vault expired meanwhile: as good as no code
        return UNKNOWN, None
    lookup = services.case_codes.find(typed, services.pseudonym(tracker.sender_id))
    handoff = services.queue.get(lookup.handoff_id, reveal=True) if lookup.handoff_id else None
    return lookup.outcome, handoff


class ValidateCaseForm(FormValidationAction):
    def name(self) -> str:
        return "validate_case_form"

    async def required_slots(
        self, domain_slots: list[str], dispatcher: CollectingDispatcher, tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        """Ask about withdrawing only when there is an open hand-off to withdraw."""
        if tracker.get_slot("case_code") in (UNKNOWN, CLOSED, answers.STOP):
            return ["case_code"]
        return list(CASE_SLOTS)

    def validate_case_code(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        found = _CODE_PLACEHOLDER.search(value if isinstance(value, str) else "")
        if found is None:
            dispatcher.utter_message(response="utter_case_code_unknown")
            return {"case_code": UNKNOWN}
        outcome, handoff = _found_handoff(tracker, found.group())
        if outcome == "throttled":
            dispatcher.utter_message(response="utter_case_code_throttled")
            return {"case_code": answers.STOP}
        if handoff is None:
            dispatcher.utter_message(response="utter_case_code_unknown")
            return {"case_code": UNKNOWN}
        dispatcher.utter_message(response="utter_case_found", **self._facts(handoff, tracker))
        if handoff.status == "closed":
            dispatcher.utter_message(response="utter_handoff_already_closed")
            return {"case_code": CLOSED}
        return {"case_code": found.group()}

    def validate_case_withdraw(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        text = value if isinstance(value, str) else None
        if answers.is_stop(text):
            return {"case_withdraw": "nee"}
        answer = answers.yes_or_no(text)
        if answer is None:
            dispatcher.utter_message(response="utter_invalid_yes_no")
        return {"case_withdraw": answer}

    @staticmethod
    def _facts(handoff: Handoff, tracker: Tracker) -> dict[str, str]:
        services, texts = privacy_services(), consent_texts(tracker)
        language = conversation_language(tracker)
        words = CASE_WORDS[language]
        consent = next((c for c in services.consents.for_conversation(handoff.conversation)
                        if c.id == handoff.consent_id), None)
        service = referrals(tracker).services.get(handoff.team, {})
        moment = handoff.preferred_moment
        return {
            "onderwerp": texts.topic_name(handoff.topics[0] if handoff.topics else None),
            "dienst": service.get("naam", handoff.team),
            "contact": masked_contact(handoff.contact_way, handoff.contact, language),
            "moment": texts.moment_names.get(moment, moment),
            "status": words.get(handoff.status, handoff.status),
            # The question as it was shown and registered, in the language it was asked in.
            "toestemming": consent.question if consent else "",
            "wanneer": consent.answered_at.strftime(words["when"]) if consent else "",
        }


class ActionFinishCase(Action):
    """Withdraw the open hand-off the code found, or leave it - then forget the code here."""

    def name(self) -> str:
        return "action_finish_case"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        placeholder = tracker.get_slot("case_code") or ""
        if _CODE_PLACEHOLDER.fullmatch(placeholder):
            if tracker.get_slot("case_withdraw") == "ja":
                self._withdraw(dispatcher, tracker, placeholder)
            else:
                dispatcher.utter_message(response="utter_case_kept")
        privacy_services().vault.delete_type(tracker.sender_id, CASE_CODE_TYPE)  # done its work
        return [SlotSet(slot, None) for slot in CASE_SLOTS]

    @staticmethod
    def _withdraw(dispatcher: CollectingDispatcher, tracker: Tracker, placeholder: str) -> None:
        services = privacy_services()
        outcome, handoff = _found_handoff(tracker, placeholder)
        if handoff is None:  # withdrawn meanwhile, or too many tries in between
            dispatcher.utter_message(response="utter_case_code_unknown")
            return
        if handoff.status == "closed":  # a counsellor closed it while the resident read
            dispatcher.utter_message(response="utter_handoff_already_closed")
            return
        register_withdrawal(services, handoff.conversation)
        forgotten = forget_handoffs(services, referrals(tracker), handoff.conversation,
                                    "withdrawn")
        services.case_codes.record(services.pseudonym(tracker.sender_id), "withdrawn", handoff.id)
        dispatcher.utter_message(response="utter_case_withdrawn")
        tell_what_was_deleted(dispatcher, forgotten, consent_texts(tracker))

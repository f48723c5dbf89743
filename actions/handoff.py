"""The consented hand-off: explain, ask, collect only the contact details needed, then queue it.

``handoff_form`` asks, in order: the topic (if unknown), whether the resident is 16 or older,
consent (the exact versioned question from ``bot/consent.yml``, registered with the answer),
phone or e-mail, the number or address itself, a preferred moment, and a confirmation of the
summary. The text the actions see is redacted, so the contact slot holds a placeholder; the
original is read from the encrypted vault only when the hand-off is created.

Consent integrity: the topic decides the recipient, so an answer inside the form never changes
it (``validate_help_topic``; the domain's slot mapping conditions say the same). A consent "yes"
from before the form resumed only counts for the recipient it was given for; after a topic
change the question is asked again. The hand-off goes to the recipient of the register row.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import answers
from actions.language import conversation_language, variation
from actions.privacy import (
    PERSONAL_SLOTS,
    clear_personal_slots,
    consent_texts,
    forget_resident,
    privacy_services,
    referrals,
    team_of,
    tell_what_was_deleted,
)
from actions.topic import TOPIC_SLOT, keep_topic, settled_topic
from bot.safety import SAFETY_INTENTS, normalise
from privacy.reveals import MARKER

# The order the form asks in: the topic, then every answer about the resident.
FORM_SLOTS = ("help_topic", *PERSONAL_SLOTS)
# Answers after which nothing more is asked: the form ends and action_finish_handoff decides.
ENDING_ANSWERS = {
    "age_16_plus": ("nee", answers.STOP),
    "handoff_consent": ("nee", answers.STOP),
    "handoff_summary_ok": ("nee", answers.STOP),
}


def yes_no_buttons(domain: DomainDict, tracker: Tracker) -> list[dict[str, str]]:
    """The domain's yes/no buttons (``utter_invalid_yes_no``) in the conversation's language."""
    language = conversation_language(tracker)
    return [dict(b) for b in variation(domain, "utter_invalid_yes_no", language)["buttons"]]


def service_for(tracker: Tracker) -> tuple[str, dict[str, str]]:
    """The team key and referral details of the service the resident's topic goes to."""
    data = referrals(tracker)
    team = team_of(data, settled_topic(tracker))
    return team, data.services[team]


def consent_question(tracker: Tracker) -> str:
    _, service = service_for(tracker)
    retention = privacy_services().settings.handoff_retention_days
    return consent_texts(tracker).handoff_question(service["naam"], retention)


def summary(tracker: Tracker) -> str:
    return consent_texts(tracker).handoff_summary(
        settled_topic(tracker), tracker.get_slot("handoff_contact_way") or "",
        tracker.get_slot("handoff_moment") or "",
    )


def answer_behind_a_safety_guess(tracker: Tracker) -> dict[str, Any]:
    """A form answer the classifier alone took for a crisis ("deze week nog als het kan" read as
    suicide at 0.44) still answers the question: the safety answer is given, and without this the
    question came back, the same answer tripped the same guess and the form never ended. A clear
    signal (a phrase, the detector or the boundary: the safety net's one-entry ranking at 1.0) is
    no answer - the question is asked again after the safety answer - unless the resident gives
    the same answer once more (see said_again)."""
    slot = tracker.get_slot("requested_slot")
    message = tracker.latest_message or {}
    intent = message.get("intent") or {}
    if slot not in PERSONAL_SLOTS or intent.get("name") not in SAFETY_INTENTS:
        return {}
    clear = ((intent.get("confidence") or 0.0) >= 1.0
             and len(message.get("intent_ranking") or []) <= 1)
    if clear and not said_again(tracker, message.get("text")):
        return {}
    return {slot: message.get("text")}


def stop_behind_another_intent(tracker: Tracker) -> dict[str, Any]:
    """A stop anywhere in an answer ends the hand-off, whatever the classifier read: "wait, will
    my employer find out about this? forget it, never mind" is privacy_info, an interjection the
    domain's mappings leave to the rules - the privacy answer came, the question came back, and
    the same answer looped (development set conv_en_blind_3)."""
    slot = tracker.get_slot("requested_slot")
    text = (tracker.latest_message or {}).get("text")
    return {slot: answers.STOP} if slot in PERSONAL_SLOTS and answers.is_stop(text) else {}


def said_again(tracker: Tracker, text: str | None) -> bool:
    """The resident answered the question before, was given the safety answer, and answers the
    same again: it is their answer. Else the form never ends - "na 19u als hij slaapt" (the
    detector read "slaapt" as "slaat") got the violence answer and the same question three
    times, and the hand-off was lost."""
    said = [e.get("text") or "" for e in tracker.events if e.get("event") == "user"]
    return bool(text) and len(said) >= 2 and normalise(said[-2]) == normalise(text or "")


class ValidateHandoffForm(FormValidationAction):
    def name(self) -> str:
        return "validate_handoff_form"

    async def get_extraction_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict,
    ) -> list[EventType]:
        """The domain's mappings leave safety intents and interjections out; see
        answer_behind_a_safety_guess and stop_behind_another_intent."""
        events = await super().get_extraction_events(dispatcher, tracker, domain)
        found = {**answer_behind_a_safety_guess(tracker), **stop_behind_another_intent(tracker)}
        return events + [SlotSet(slot, value) for slot, value in found.items()]

    async def required_slots(
        self, domain_slots: list[str], dispatcher: CollectingDispatcher, tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        """Stop asking after a "no", an under-16 answer or "stop": nothing more is needed."""
        for index, slot in enumerate(FORM_SLOTS):
            value = tracker.get_slot(slot)
            if value == answers.STOP or value in ENDING_ANSWERS.get(slot, ()):
                return list(FORM_SLOTS[: index + 1])
        return list(FORM_SLOTS)

    def validate_help_topic(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """An age, a time or "bellen" read as a topic must not send the hand-off elsewhere."""
        return keep_topic(value, tracker)

    def validate_age_16_plus(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._answer("age_16_plus", answers.age_answer, value, dispatcher,
                            "utter_invalid_age")

    def validate_handoff_consent(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """Register an answer to the question; an earlier "yes" counts only for its recipient."""
        if tracker.get_slot("requested_slot") != "handoff_consent":
            return self._earlier_consent(value, dispatcher, tracker)
        result = self._answer("handoff_consent", answers.yes_or_no, value, dispatcher,
                              "utter_invalid_yes_no")
        answer = result["handoff_consent"]
        if answer is not None:
            self._register(tracker, "given" if answer == "ja" else "refused")
        return result

    def validate_handoff_contact_way(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        result = self._answer("handoff_contact_way", answers.contact_way, value, dispatcher,
                              "utter_invalid_handoff_contact_way")
        # A number or address given straight away answers the next question too.
        way = result["handoff_contact_way"]
        found = answers.contact_placeholder(_text(value), way)
        if found:
            result["handoff_contact"] = found
        return result

    def validate_handoff_contact(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        text = _text(value)
        if answers.is_stop(text):
            return {"handoff_contact": answers.STOP}
        way = tracker.get_slot("handoff_contact_way")
        found = answers.contact_placeholder(text, way)
        if found is None:
            other = "e-mail" if way == "telefoon" else "telefoon"
            switched = answers.contact_placeholder(text, other)
            if switched:  # gave an e-mail address after choosing phone (or the other way round)
                return {"handoff_contact": switched, "handoff_contact_way": other}
            if answers.contact_way(text) == other:  # "liever mail": ask for the address instead
                return {"handoff_contact": None, "handoff_contact_way": other}
            dispatcher.utter_message(response=f"utter_invalid_handoff_contact_{_way_key(way)}")
        return {"handoff_contact": found}

    def validate_handoff_moment(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._answer("handoff_moment", answers.moment, value, dispatcher,
                            "utter_invalid_handoff_moment")

    def validate_handoff_summary_ok(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._answer("handoff_summary_ok", answers.yes_or_no, value, dispatcher,
                            "utter_invalid_yes_no")

    @staticmethod
    def _answer(slot, parse, value, dispatcher, invalid_response) -> dict[str, Any]:  # noqa: ANN001
        text = _text(value)
        if answers.is_stop(text):
            return {slot: answers.STOP}
        parsed = parse(text)
        if parsed is None:
            dispatcher.utter_message(response=invalid_response)
        return {slot: parsed}

    @staticmethod
    def _earlier_consent(
        value: Any, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> dict[str, Any]:
        """The form resumed with a "yes" from before: keep it only if it stands for this team.

        Otherwise (the topic changed since, or the yes was withdrawn) ask again; the summary the
        resident confirmed named the old recipient, so it is asked again too.
        """
        if value != "ja":
            return {"handoff_consent": value}
        services = privacy_services()
        team, _ = service_for(tracker)
        consent = services.consents.current_consent(services.pseudonym(tracker.sender_id))
        if consent is not None and consent.recipient == team:
            return {"handoff_consent": value}
        if consent is not None:
            dispatcher.utter_message(response="utter_handoff_topic_changed")
        return {"handoff_consent": None, "handoff_summary_ok": None}

    @staticmethod
    def _register(tracker: Tracker, answer: str) -> None:
        """Register the answer with the exact question text that was shown, and its version."""
        services = privacy_services()
        team, _ = service_for(tracker)
        texts = consent_texts(tracker)  # the version of the text shown, in its language
        services.consents.record(
            conversation=services.pseudonym(tracker.sender_id), purpose=texts.purpose,
            recipient=team, data_categories=texts.data_categories,
            question=consent_question(tracker), question_version=texts.version, answer=answer,
        )


class ActionAskHandoffConsent(Action):
    """Ask the versioned consent question (rendered here so the register gets the same text)."""

    def name(self) -> str:
        return "action_ask_handoff_consent"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        dispatcher.utter_message(text=consent_question(tracker),
                                 buttons=yes_no_buttons(domain, tracker))
        return []


class ActionAskHandoffContact(Action):
    def name(self) -> str:
        return "action_ask_handoff_contact"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        way = _way_key(tracker.get_slot("handoff_contact_way"))
        dispatcher.utter_message(response=f"utter_ask_handoff_contact_{way}")
        return []


class ActionAskHandoffSummaryOk(Action):
    def name(self) -> str:
        return "action_ask_handoff_summary_ok"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        _, service = service_for(tracker)
        dispatcher.utter_message(
            response="utter_ask_handoff_summary_ok", dienst=service["naam"],
            samenvatting=summary(tracker),
        )
        return []


class ActionFinishHandoff(Action):
    """Queue the consented hand-off, or give the public routes - help never depends on a yes."""

    def name(self) -> str:
        return "action_finish_handoff"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        slots = {slot: tracker.get_slot(slot) for slot in FORM_SLOTS}
        slots[TOPIC_SLOT] = settled_topic(tracker)
        team, service = service_for(tracker)
        route = {"dienst": service["naam"], "telefoon": service["telefoon"],
                 "tijden": service["tijden"], "inloop": service.get("inloop", "")}
        if slots["age_16_plus"] == "nee":
            dispatcher.utter_message(response="utter_handoff_under_16")
        elif slots["age_16_plus"] == answers.STOP or slots["handoff_consent"] in ENDING_ANSWERS[
                "handoff_consent"]:
            self._forget(dispatcher, tracker, "refused")
            dispatcher.utter_message(response="utter_handoff_public_route", **route)
        elif answers.STOP in slots.values() or slots["handoff_summary_ok"] == "nee":
            ValidateHandoffForm._register(tracker, "withdrawn")
            self._forget(dispatcher, tracker, "withdrawn")
            dispatcher.utter_message(response="utter_handoff_public_route", **route)
        else:
            self._queue(dispatcher, tracker, team, service, slots, route)
        return clear_personal_slots(tracker)

    @staticmethod
    def _forget(dispatcher: CollectingDispatcher, tracker: Tracker, reason: str) -> None:
        dispatcher.utter_message(response="utter_handoff_not_sent")
        forgotten = forget_resident(privacy_services(), referrals(tracker), tracker.sender_id,
                                    reason)
        tell_what_was_deleted(dispatcher, forgotten, consent_texts(tracker))

    @staticmethod
    def _queue(dispatcher, tracker, team, service, slots, route) -> None:  # noqa: ANN001
        services = privacy_services()
        conversation = services.pseudonym(tracker.sender_id)
        consent = services.consents.current_consent(conversation)
        contact = services.vault.originals(tracker.sender_id).get(slots["handoff_contact"] or "")
        if consent is None or contact is None:
            # The idle vault expired (or consent was withdrawn meanwhile): ask again, share nothing.
            dispatcher.utter_message(response="utter_handoff_expired")
            dispatcher.utter_message(response="utter_handoff_public_route", **route)
            return
        if consent.recipient != team:
            # The yes was for another service: never send it where the resident did not agree.
            dispatcher.utter_message(response="utter_handoff_topic_changed")
            dispatcher.utter_message(response="utter_handoff_not_sent")
            dispatcher.utter_message(response="utter_handoff_public_route", **route)
            return
        # The recipient is the one in the register row, the one the resident said yes to.
        handoff = services.queue.create_for_consent(
            consent, topics=[slots["help_topic"] or "onbekend"],
            contact_way=slots["handoff_contact_way"], contact=contact,
            preferred_moment=slots["handoff_moment"], summary=summary(tracker),
        )
        service = referrals(tracker).services[handoff.team]
        # The hand-off holds its own encrypted copy; the vault keeps nothing it no longer needs.
        services.vault.delete(tracker.sender_id)
        # The case code is shown once, by the channel; Rasa only ever sees the marker.
        services.reveals.put(tracker.sender_id, services.case_codes.issue(handoff.id))
        dispatcher.utter_message(response="utter_handoff_done", dienst=service["naam"],
                                 zaakcode=MARKER)


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _way_key(way: str | None) -> str:
    return "email" if way == "e-mail" else "telefoon"

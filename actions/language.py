"""Which language this conversation is in, for the actions - and the texts of that language.

The NLU pipeline sets the ``language`` slot every turn (Dutch unless the resident writes
English); an action reads it here and nowhere else. Rasa picks a response's English variation
itself from the same slot; what an action writes or fills in itself - the consent question,
referral details, button titles - comes from the data files through these functions.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker

from bot.consent import ConsentTexts
from bot.language_id import METADATA_LANGUAGE, text_language
from bot.referrals import Referrals

LANGUAGE_SLOT = "language"
SESSION_METADATA_SLOT = "session_started_metadata"  # Rasa's: the first message's metadata


def conversation_language(tracker: Tracker) -> str:
    """"en" when the conversation is in English, else "nl"."""
    return text_language(tracker.get_slot(LANGUAGE_SLOT))


def first_message_language(tracker: Tracker) -> str | None:
    """At session start the slot is not set yet: the boundary's reading of the first message
    (any language code), None when it was unsure."""
    metadata = tracker.get_slot(SESSION_METADATA_SLOT)
    code = metadata.get(METADATA_LANGUAGE) if isinstance(metadata, dict) else None
    return code if isinstance(code, str) and code else None


def session_start_language(tracker: Tracker) -> str:
    """The language of the welcome and the referral details: English or Dutch."""
    return text_language(first_message_language(tracker))


def referrals_in(referrals: Referrals, tracker: Tracker) -> Referrals:
    return referrals.in_language(conversation_language(tracker))


def consent_texts_in(texts: ConsentTexts, tracker: Tracker) -> ConsentTexts:
    return texts.in_language(conversation_language(tracker))


def variation(domain: dict[str, Any], response: str, language: str) -> dict[str, Any]:
    """A response's variation in ``language`` as Rasa would pick it for the slot: the one whose
    condition names that language, else the unconditional (Dutch) one."""
    variations = (domain.get("responses") or {}).get(response) or [{}]
    for candidate in variations:
        if any(c.get("name") == LANGUAGE_SLOT and c.get("value") == language
               for c in candidate.get("condition") or ()):
            return candidate
    return next((v for v in variations if not v.get("condition")), variations[0])


def button_titles(domain: dict[str, Any], response: str, language: str) -> dict[str, str]:
    """Payload → title of a response's buttons in ``language``."""
    buttons = variation(domain, response, language).get("buttons", [])
    return {b["payload"]: b["title"] for b in buttons}

"""Reading the assistant's replies as a resident does: which answer, which number, which question.

Replies are recognised by the assistant's own response texts (domain.yml and the consent
question in bot/consent.yml): each response is known by its longest fixed passage, the part
between the filled-in values, so a change of wording moves the evaluation with it. Safety is
read from the numbers a resident would dial, not from response names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.consent import load_consent_texts
from bot.language import decision_phrases
from bot.language_id import TEXT_LANGUAGES
from bot.referrals import Referrals
from bot.topics import HELP_TOPICS
from settings.core import PROJECT_ROOT

CONSENT_QUESTION = "consent_question"
FALLBACK = "utter_fallback"
# A follow-up the assistant cannot answer itself, referred to the service of the topic in play,
# and the service named after a decision question: they serve every topic whose service they name.
FOLLOW_UPS = frozenset({"utter_topic_followup", "utter_decision_service"})
SAFETY_NUMBERS = {"suicide": "0800-0113", "violence": "0800-2000"}
# Which form question a response asks; the runner answers it from the resident's profile.
QUESTIONS = {
    "utter_offer_contact": "offer",
    "utter_ask_contact_way": "route",
    "utter_invalid_contact_way": "route",
    "utter_ask_age_16_plus": "age",
    CONSENT_QUESTION: "consent",
    "utter_ask_handoff_contact_way": "contact_way",
    "utter_ask_handoff_contact_telefoon": "contact",
    "utter_ask_handoff_contact_email": "contact",
    "utter_invalid_handoff_contact_telefoon": "contact",
    "utter_invalid_handoff_contact_email": "contact",
    "utter_ask_handoff_moment": "moment",
    "utter_ask_handoff_summary_ok": "summary",
}
_VALUE = re.compile(r"\{[^{}]*\}")
_MIN_PASSAGE = 18


def _plain(text: str) -> str:
    return " ".join(text.split()).casefold()


def _passage(template: str) -> str | None:
    pieces = [_plain(p) for p in _VALUE.split(template)]
    pieces = [p for p in pieces if len(p) >= _MIN_PASSAGE]
    return max(pieces, key=len) if pieces else None


@dataclass(frozen=True)
class Reply:
    """Everything the assistant said after one resident message."""

    text: str
    responses: tuple[str, ...]
    buttons: tuple[tuple[str, str], ...]  # (title, payload)
    topics_answered: tuple[str, ...]
    topics_offered: tuple[str, ...]
    safety_routes: tuple[str, ...]
    decision_phrases: tuple[str, ...]
    services_named: tuple[str, ...]

    @property
    def not_understood(self) -> bool:
        return FALLBACK in self.responses

    @property
    def asks_which_topic(self) -> bool:
        """The resident is offered a choice of at least two topics (a clarifying question)."""
        return len(self.topics_offered) >= 2 and not self.topics_answered

    @property
    def offers_topic_choice(self) -> bool:
        """Several topics are put before the resident: the clarifying question, or one topic
        answered and the others offered as buttons (actions/offer_contact.py)."""
        return self.asks_which_topic or bool(
            set(self.topics_offered) - set(self.topics_answered) and self.topics_answered)

    @property
    def question(self) -> str | None:
        """The form question this reply ends with, if any."""
        asked = [QUESTIONS[name] for name in self.responses if name in QUESTIONS]
        return asked[-1] if asked else None

    def payload_for(self, wanted: Iterable[str]) -> str | None:
        wanted = set(wanted)
        return next((p for _, p in self.buttons if p in wanted), None)


class ReplyReader:
    def __init__(self, responses: Mapping[str, list[str]], referrals: Referrals) -> None:
        self._passages: dict[str, list[str]] = {}
        for name, templates in responses.items():
            passages = [p for p in (_passage(t) for t in templates) if p]
            if passages:
                self._passages[name] = passages
        # Every language's name of a service: an English conversation's consent question names
        # "Centre for Youth and Family (CJG)", and was read as naming no service at all.
        self._services = {
            key: (service["naam"], *(labels[key]["naam"] for labels in
                                     referrals.translations.values()
                                     if "naam" in labels.get(key, {})))
            for key, service in referrals.services.items()
        }
        self._referrals = referrals

    @classmethod
    def for_project(cls, referrals: Referrals, root: Path = PROJECT_ROOT) -> ReplyReader:
        domain = yaml.safe_load((root / "domain.yml").read_text(encoding="utf-8"))
        responses = {
            name: [v["text"] for v in variants if v.get("text")]
            for name, variants in (domain.get("responses") or {}).items()
        }
        consent = load_consent_texts()
        responses[CONSENT_QUESTION] = [consent.in_language(language).question_template
                                       for language in TEXT_LANGUAGES]
        return cls(responses, referrals)

    def service_of_topic(self, topic: str | None) -> str:
        """The key of the service a topic is referred to (the general one when unknown)."""
        service = self._referrals.service_for_topic(topic)
        return next(k for k, s in self._referrals.services.items() if s is service)

    def _topics_served(self, responses: tuple[str, ...], text: str) -> tuple[str, ...]:
        followed_up = bool(FOLLOW_UPS.intersection(responses))
        return tuple(t for t in HELP_TOPICS if f"utter_{t}" in responses or (
            followed_up and any(name in text for name in self._services[self.service_of_topic(t)])))

    def read(self, messages: list[dict]) -> Reply:
        text = "\n".join(m.get("text") or "" for m in messages)
        plain = _plain(text)
        responses = tuple(
            name for name, passages in self._passages.items()
            if any(p in plain for p in passages)
        )
        buttons = tuple(
            (str(b.get("title", "")), str(b.get("payload", "")))
            for m in messages for b in (m.get("buttons") or [])
        )
        return Reply(
            text=text,
            responses=responses,
            buttons=buttons,
            topics_answered=self._topics_served(responses, text),
            topics_offered=tuple(t for t in HELP_TOPICS if any(p == f"/{t}" for _, p in buttons)),
            safety_routes=tuple(k for k, number in SAFETY_NUMBERS.items() if number in text),
            decision_phrases=tuple(decision_phrases(text)),
            services_named=tuple(k for k, names in self._services.items()
                                 if any(name in text for name in names)),
        )

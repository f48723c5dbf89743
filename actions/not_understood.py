"""When the assistant is unsure: ask a short question instead of showing the whole menu.

Three situations, in this order:
- A topic is already in play: the message is most likely a follow-up the assistant has no
  answer for ("moet ik eerst naar de huisarts?"), or one the classifier read, unsure, as another
  topic (bot/topic_followup.py). The resident gets the service of that topic, which does know,
  plus the other likely topics as buttons; the conversation keeps its topic.
- No topic yet, but the classifier ranks one or more topics: "Bedoel je …?" with the two or
  three most likely as buttons, and "Iets anders" for the whole menu.
- Nothing likely (or "Iets anders" pressed): the whole menu, as before.
After a safety answer earlier in the conversation, the short safety line of that kind comes
with it: a resident who just told about a crisis should not lose the number in a menu.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.context import current
from actions.language import button_titles, conversation_language, referrals_in
from actions.topic import TOPIC_SLOT, topic_before_latest_message
from bot.language_id import DUTCH, ENGLISH
from bot.safety import WEAK_SIGNAL_ENTITIES
from bot.topics import HELP_TOPICS

# A topic is worth offering from this confidence up (the classifier's probabilities over about
# 25 intents); at most this many are offered.
MIN_CONFIDENCE = 0.08
MAX_SUGGESTIONS = 3
SOMETHING_ELSE = {"title": "Iets anders", "payload": "/nlu_fallback"}
SOMETHING_ELSE_TITLES = {DUTCH: "Iets anders", ENGLISH: "Something else"}
SAFETY_LINES = {
    "utter_crisis_suicide": "utter_safety_line_suicide",
    "utter_domestic_violence": "utter_safety_line_violence",
}


def likely_topics(latest_message: dict[str, Any]) -> list[str]:
    """Topic intents the classifier ranks high enough to offer, most likely first."""
    ranking = latest_message.get("intent_ranking") or []
    ranked = sorted((r for r in ranking if r.get("name") in HELP_TOPICS
                     and (r.get("confidence") or 0) >= MIN_CONFIDENCE),
                    key=lambda r: -(r.get("confidence") or 0))
    return [r["name"] for r in ranked[:MAX_SUGGESTIONS]]


def topic_buttons(domain: DomainDict, topics: list[str], language: str = DUTCH,
                  something_else: bool = True) -> list[dict[str, str]]:
    """The menu's own buttons for these topics (titles are the domain's, in the conversation's
    language), then "Iets anders" unless left out."""
    titles = button_titles(domain, "utter_ask_help_topic", language)
    buttons = [{"title": titles.get(f"/{t}", t), "payload": f"/{t}"} for t in topics]
    if something_else:
        buttons.append({**SOMETHING_ELSE, "title": SOMETHING_ELSE_TITLES[language]})
    return buttons


def service_reference(service: dict[str, Any]) -> dict[str, str]:
    """A reply's variables that refer the resident to a service: name, number, hours, site."""
    return {"dienst": service["naam"], "telefoon": service["telefoon"],
            "tijden": service["tijden"], "website": service.get("website", "")}


def earlier_safety_line(tracker: Tracker) -> str | None:
    """The short line for the last safety answer of this session, if one was given."""
    line = None
    for event in tracker.events or []:
        if event.get("event") == "session_started":
            line = None
        elif event.get("event") == "action" and event.get("name") in SAFETY_LINES:
            line = SAFETY_LINES[event["name"]]
    return line


class ActionNotUnderstood(Action):
    def name(self) -> str:
        return "action_not_understood"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[dict[str, Any]]:
        latest = tracker.latest_message or {}
        topics = likely_topics(latest)
        topic = tracker.get_slot(TOPIC_SLOT)
        events: list[dict[str, Any]] = []
        earlier = topic_before_latest_message(tracker)
        if (latest.get("intent") or {}).get("name") in HELP_TOPICS and earlier in HELP_TOPICS:
            # An unsure read of another topic (bot/topic_followup.py): the conversation stays
            # with its topic, the other one is offered as a button.
            topic, events = earlier, [SlotSet(TOPIC_SLOT, earlier)]
        language = conversation_language(tracker)
        if topic in HELP_TOPICS:
            service = referrals_in(current().referrals, tracker).service_for_topic(topic)
            others = [t for t in topics if t != topic]
            dispatcher.utter_message(response="utter_topic_followup",
                                     buttons=topic_buttons(domain, others, language),
                                     **service_reference(service))
        elif topics:
            dispatcher.utter_message(response="utter_suggest_topics",
                                     buttons=topic_buttons(domain, topics, language))
        else:
            dispatcher.utter_message(response="utter_fallback")
        marks = {e.get("entity") for e in latest.get("entities") or []}
        weak = bool(marks & set(WEAK_SIGNAL_ENTITIES.values()))
        line = earlier_safety_line(tracker)
        if line and not weak:  # a weak signal's rule adds its own line after this action
            dispatcher.utter_message(response=line)
        return events

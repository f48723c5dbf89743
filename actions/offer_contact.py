"""The offer of contact after a topic answer, with the other topics the message was also about.

Residents often tell several things at once ("de huur is niet betaald, ik slaap slecht en ik
ken hier niemand"). Asking "waar wil je mee beginnen?" instead of answering would cost their
answer the many single-topic messages the classifier also ranks a second topic for (on the read
conversation sets, one first message in seven). So the most likely topic is answered, and the
other topics the classifier ranks high enough are offered as buttons with the contact question:
the resident can go on with them, and nothing is lost when they were not meant.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.language import conversation_language
from actions.not_understood import likely_topics, topic_buttons
from bot.topics import HELP_TOPICS

# Another topic is offered from this confidence up; on the read conversation sets (rounds 1-15)
# that offered one for 88 of 146 first messages with several topics and for 198 of 1,467 with
# one (docs/evaluation.md, "Conversations"). At most two are offered.
OTHER_TOPIC_CONFIDENCE = 0.12
MAX_OTHER_TOPICS = 2


def other_topics(latest_message: dict[str, Any]) -> list[str]:
    """Topics besides the one answered that the resident's own words also point to."""
    answered = (latest_message.get("intent") or {}).get("name")
    if answered not in HELP_TOPICS or str(latest_message.get("text") or "").startswith("/"):
        return []  # no topic answered, or a button pressed: one topic, chosen
    ranking = {r.get("name"): r.get("confidence") or 0.0
               for r in latest_message.get("intent_ranking") or []}
    return [t for t in likely_topics(latest_message)
            if t != answered and ranking.get(t, 0.0) >= OTHER_TOPIC_CONFIDENCE][:MAX_OTHER_TOPICS]


class ActionOfferContact(Action):
    def name(self) -> str:
        return "action_offer_contact"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[dict[str, Any]]:
        others = other_topics(tracker.latest_message or {})
        if not others:
            dispatcher.utter_message(response="utter_offer_contact")
            return []
        # One message, its own yes/no first and the topics after: the widget shows only the
        # newest message's choices, and SMS numbers only the last list.
        dispatcher.utter_message(
            response="utter_offer_contact_and_topics",
            buttons=topic_buttons(domain, others, conversation_language(tracker),
                                  something_else=False))
        return []

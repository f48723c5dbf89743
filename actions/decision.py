"""A decision question about a topic gets the service that can look into it.

"Heb ik recht op een traplift?" is both: a request for a decision the assistant must not take,
and a question about help at home. The decision answer says who decides; this action then names
the service of the topic in play, or of the topic the classifier ranks next, with its number,
hours and website, so the resident knows where to go in the same answer.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.context import current
from actions.language import referrals_in
from actions.not_understood import likely_topics, service_reference
from actions.topic import TOPIC_SLOT
from bot.topics import HELP_TOPICS

# A decision question takes nearly all of the classifier's confidence ("heb ik recht op een
# traplift?": ask_decision 0.94, social_support 0.03), so the topic it is about is read from the
# topics' scores among themselves: the leading topic, when it holds this share of all topic
# confidence in the ranking (and the ranking holds any at all).
TOPIC_SHARE = 0.5


def question_topic(latest_message: dict[str, Any]) -> str | None:
    """The topic a decision question is about, by the topics' scores relative to each other."""
    scores = {r["name"]: float(r.get("confidence") or 0.0)
              for r in latest_message.get("intent_ranking") or [] if r.get("name") in HELP_TOPICS}
    total = sum(scores.values())
    if total <= 0:
        return None
    best = max(scores, key=lambda name: scores[name])
    return best if scores[best] / total >= TOPIC_SHARE else None


def decision_topic(tracker: Tracker) -> str | None:
    """The topic in play, else the topic the question itself is about."""
    topic = tracker.get_slot(TOPIC_SLOT)
    if topic in HELP_TOPICS:
        return topic
    latest = tracker.latest_message or {}
    topics = likely_topics(latest)
    return topics[0] if topics else question_topic(latest)


class ActionDecisionService(Action):
    def name(self) -> str:
        return "action_decision_service"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[dict[str, Any]]:
        topic = decision_topic(tracker)
        if topic is not None:
            service = referrals_in(current().referrals, tracker).service_for_topic(topic)
            dispatcher.utter_message(response="utter_decision_service",
                                     **service_reference(service))
        return []

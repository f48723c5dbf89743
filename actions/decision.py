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


def decision_topic(tracker: Tracker) -> str | None:
    """The topic in play, else the most likely topic of the question itself."""
    topic = tracker.get_slot(TOPIC_SLOT)
    if topic in HELP_TOPICS:
        return topic
    topics = likely_topics(tracker.latest_message or {})
    return topics[0] if topics else None


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

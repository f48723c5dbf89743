"""Rasa dialogue policy: a follow-up question stays with the topic the conversation is about.

Why: the classifier reads one message at a time. After "ik zit met schulden", the follow-up
"kan ik ook gewoon ergens langs komen of moet alles online" reads as digital help, and "Kan dit
ook via het wijkteam?" after a question about a foster child as social support - the topic
changed, and a later hand-off would have gone to another service. On the development
conversations such wrong switches came with the classifier unsure (0.30-0.55) and the real
switches ("Oh en ik heb ook een aanmaning ...") with it sure (0.58-0.99).

How: when a topic is settled and the latest message reads as another topic with less than
``bar`` confidence, outside a form, this policy predicts ``action_not_understood``: it answers
with the settled topic's service (which knows the answer) and offers the other topic as a
button (actions/not_understood.py keeps the settled topic); then ``action_listen``. A sure
message about another topic switches as before. The same holds for the intents listed under
``also`` (out_of_scope: "Waar is dat?" after a topic's answer is a follow-up, not another
subject).
"""

from __future__ import annotations

from typing import Any

import rasa.shared.utils.io
from rasa.core.policies.policy import Policy, PolicyPrediction
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

from bot.topics import HELP_TOPICS, topic_before_latest_user_message


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True
)
class TopicFollowUpPolicy(Policy):
    """Place in ``policies`` with a priority above RulePolicy's (4), after the safety follow-up
    policy (on a tie the first listed wins: a safety line comes first)."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"priority": 5, "bar": 0.5, "action": "action_not_understood", "also": []}

    def __init__(self, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
                 execution_context: ExecutionContext, featurizer: Any = None) -> None:
        super().__init__(config, model_storage, resource, execution_context, featurizer)
        self._bar = float(config["bar"])
        self._action = str(config["action"])
        # Besides the other topics: intents an unsure follow-up is as often misread as
        # ("Waar is dat? Ik woon bij het station" after the money answer: out_of_scope, 0.38).
        self._reads = frozenset(HELP_TOPICS) | frozenset(map(str, config.get("also") or ()))

    def train(self, training_trackers: list[TrackerWithCachedStates], domain: Domain,
              **kwargs: Any) -> Resource:
        """Nothing to learn (the bar travels in the model's config); the file only gives the
        trained resource a content, as Rasa packages every trained component's resource."""
        with self._model_storage.write_to(self._resource) as path:
            rasa.shared.utils.io.dump_obj_as_json_to_file(path / "topic_followup.json",
                                                         {"bar": self._bar})
        return self._resource

    @classmethod
    def load(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> TopicFollowUpPolicy:
        return cls(config, model_storage, resource, execution_context)

    def predict_action_probabilities(
        self, tracker: DialogueStateTracker, domain: Domain,
        rule_only_data: dict[str, Any] | None = None, **kwargs: Any,
    ) -> PolicyPrediction:
        probabilities = self._default_predictions(domain)
        action = self.next_action(tracker)
        if action is not None:
            probabilities[domain.index_for_action(action)] = 1.0
        return self._prediction(probabilities)

    def next_action(self, tracker: DialogueStateTracker) -> str | None:
        """The follow-up answer, ``action_listen`` right after it, or None (others decide)."""
        if self._answered_by_me(tracker):
            return ACTION_LISTEN_NAME
        if tracker.latest_action_name != ACTION_LISTEN_NAME or tracker.active_loop_name:
            return None
        intent = (tracker.latest_message.intent if tracker.latest_message else None) or {}
        name, confidence = intent.get("name"), float(intent.get("confidence") or 0.0)
        if name not in self._reads or confidence >= self._bar:
            return None
        settled = topic_before_latest_user_message([e.as_dict() for e in tracker.events])
        if settled not in HELP_TOPICS or settled == name:
            return None
        return self._action

    def _answered_by_me(self, tracker: DialogueStateTracker) -> bool:
        for event in reversed(tracker.events):
            if isinstance(event, ActionExecuted):
                return (event.action_name == self._action
                        and type(self).__name__ in (event.policy or ""))
        return False

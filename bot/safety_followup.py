"""Rasa dialogue policy: after a safety answer, the next answers keep the number in view.

Why: a resident who has just told of violence or of wanting to die often goes on in words that
carry no signal of their own - "ik weet niet wie ik moet geloven", "is dat nummer anoniem?",
"u hoeft niet ongerust te zijn hoor". Read one by one, those messages get an ordinary answer
and the number is gone from the screen. So for the next few messages after a safety answer (the
full answer; not the short line of a weak signal), each answer ends with one short reminder
with 113 or Veilig Thuis and 112 (seed 004: care before privacy; a needless line costs little).

The same holds for a weak signal (the safety net's ``weak_signal_*`` mark on the message): the
answer ends with that kind's short line, whatever rule answered. The rules add the line after
the topic answers themselves, but a rule matches the message's entities as a whole, so a mark
beside another entity (the conversation's ``language``) would leave the line out.

How: which actions end a turn is learned from the rules and stories at training time (those
always followed by ``action_listen``, or by a short line and then listening); when one of them
has just run and the turn showed no safety number yet, this policy predicts the reminder (a
safety answer came at most ``turns`` messages ago) or the short line (the message carries a weak
mark), then ``action_listen``. Never inside a form: its questions come first.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import rasa.shared.utils.io
from rasa.core.policies.policy import Policy, PolicyPrediction
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActiveLoop,
    BotUttered,
    SessionStarted,
    UserUttered,
)
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

TURN_ENDS_FILE = "turn_ending_actions.json"
_PHONE = re.compile(r"\b0800-\d{4}\b")


def turn_ending_actions(
    event_sequences: Iterable[Sequence[Any]], lines: Iterable[str] = ()
) -> frozenset[str]:
    """Actions that, wherever they occur outside a form in the training data, are followed by
    listening (inside a form the form's next question follows them) - or by one of the short
    ``lines`` a weak signal adds, which the turn may also end without."""
    followers: dict[str, set[str]] = defaultdict(set)
    for events in event_sequences:
        loop: str | None = None
        previous: str | None = None
        for event in events:
            if isinstance(event, ActiveLoop):
                loop = event.name
            elif isinstance(event, ActionExecuted) and event.action_name:
                if previous is not None:
                    followers[previous].add(event.action_name)
                previous = None if loop else event.action_name
    transparent = frozenset(lines)
    return frozenset(a for a, f in followers.items()
                     if f - transparent == {ACTION_LISTEN_NAME} and a != ACTION_LISTEN_NAME)


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True
)
class SafetyFollowUpPolicy(Policy):
    """Place in ``policies`` with a priority above RulePolicy's (4)."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        # kinds: per safety intent, its full answers (they open the window; the short line of a
        # weak signal does not: one doubtful line is not repeated) and its reminder.
        return {
            "priority": 5,
            "turns": 3,
            "kinds": {
                "crisis_suicide": {
                    "answers": ["utter_crisis_suicide"],
                    "reminder": "utter_safety_reminder_suicide",
                    "mark": "weak_signal_suicide",
                    "line": "utter_safety_line_suicide",
                },
                "domestic_violence": {
                    "answers": ["utter_domestic_violence"],
                    "reminder": "utter_safety_reminder_violence",
                    "mark": "weak_signal_violence",
                    "line": "utter_safety_line_violence",
                },
            },
        }

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        featurizer: Any = None,
        turn_ends: Iterable[str] = (),
    ) -> None:
        super().__init__(config, model_storage, resource, execution_context, featurizer)
        self._turn_ends = frozenset(turn_ends)
        kinds: Mapping[str, Mapping[str, Any]] = config["kinds"]
        self._answers = {a: kind for kind, c in kinds.items() for a in c["answers"]}
        self._reminders = {kind: c["reminder"] for kind, c in kinds.items()}
        self._marks = {c["mark"]: kind for kind, c in kinds.items() if c.get("mark")}
        self._lines = {kind: c["line"] for kind, c in kinds.items() if c.get("line")}

    def train(
        self, training_trackers: list[TrackerWithCachedStates], domain: Domain, **kwargs: Any
    ) -> Resource:
        # A form's own action ends no turn: when it finishes, the form's answer comes next.
        shown = (set(self._answers) | set(self._reminders.values()) | set(self._lines.values())
                 | set(domain.form_names))
        self._turn_ends = turn_ending_actions(
            (t.events for t in training_trackers), self._lines.values()) - shown
        with self._model_storage.write_to(self._resource) as path:
            rasa.shared.utils.io.dump_obj_as_json_to_file(
                path / TURN_ENDS_FILE, sorted(self._turn_ends))
        return self._resource

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> SafetyFollowUpPolicy:
        with model_storage.read_from(resource) as path:
            turn_ends = rasa.shared.utils.io.read_json_file(path / TURN_ENDS_FILE)
        return cls(config, model_storage, resource, execution_context, turn_ends=turn_ends)

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        probabilities = self._default_predictions(domain)
        action = self.next_action(tracker, domain)
        if action is not None:
            probabilities[domain.index_for_action(action)] = 1.0
        return self._prediction(probabilities)

    def next_action(self, tracker: DialogueStateTracker, domain: Domain) -> str | None:
        """The reminder, ``action_listen`` right after it, or None (the other policies decide)."""
        latest = tracker.latest_action_name
        if latest in self._reminders.values() or self._added_by_me(tracker):
            return ACTION_LISTEN_NAME
        if latest not in self._turn_ends or latest in domain.form_names or tracker.active_loop_name:
            return None
        kind = self._recent_kind(tracker)
        if kind is not None:
            reminder = self._reminders[kind]
            return None if self._turn_showed(tracker, domain, kind, reminder) else reminder
        kind = self._marked_kind(tracker)
        if kind is None or kind not in self._lines:
            return None
        line = self._lines[kind]
        return None if self._turn_showed(tracker, domain, kind, line) else line

    def _marked_kind(self, tracker: DialogueStateTracker) -> str | None:
        """The kind of the weak signal the safety net marked on the latest message, if any."""
        entities = (tracker.latest_message.entities if tracker.latest_message else None) or []
        for entity in entities:
            kind = self._marks.get(entity.get("entity", ""))
            if kind is not None:
                return kind
        return None

    def _added_by_me(self, tracker: DialogueStateTracker) -> bool:
        """The latest action is a short line this policy put at the end of the turn (a rule's
        line is followed by the rest of its answer, so only this policy's one ends the turn)."""
        for event in reversed(tracker.events):
            if isinstance(event, ActionExecuted):
                return (event.action_name in self._lines.values()
                        and "SafetyFollowUpPolicy" in (event.policy or ""))
        return False

    def _recent_kind(self, tracker: DialogueStateTracker) -> str | None:
        """The kind of this session's latest safety answer, if at most ``turns`` messages came
        after it."""
        messages_after = 0
        for event in reversed(tracker.events):
            if isinstance(event, SessionStarted):
                return None
            if isinstance(event, UserUttered):
                messages_after += 1
            elif isinstance(event, ActionExecuted) and event.action_name in self._answers:
                if messages_after > int(self.config["turns"]):
                    return None
                return self._answers[event.action_name]
        return None

    def _turn_showed(
        self, tracker: DialogueStateTracker, domain: Domain, kind: str, reminder: str
    ) -> bool:
        """This turn already has a safety answer, this kind's line or reminder, or a message
        with the reminder's number."""
        numbers = {m for r in domain.responses.get(reminder, [])
                   for m in _PHONE.findall(str(r.get("text", "")))}
        shown = {*self._answers, self._reminders[kind], self._lines.get(kind, "")}
        for event in reversed(tracker.events):
            if isinstance(event, UserUttered):
                return False
            if isinstance(event, ActionExecuted) and event.action_name in shown:
                return True
            if isinstance(event, BotUttered) and any(n in (event.text or "") for n in numbers):
                return True
        return False

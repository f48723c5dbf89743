"""A resident going through a form, turn by turn, with Rasa's own slot extraction.

Each message is classified as the test says (the intent the NLU model gives it), then Rasa's
``action_extract_slots`` fills slots from the domain's mappings, and the action server's
validation, ask and finish actions run on the tracker state Rasa would send them, the way
Rasa's ``FormAction`` calls them. Only the policy is left out: the form always continues.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

from rasa.core.actions.action import ActionExtractSlots
from rasa.core.channels import CollectingOutputChannel
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActiveLoop,
    Event,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity
from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from settings.core import PROJECT_ROOT


@dataclass
class FormConversation:
    """One conversation; ``shown`` holds every bot message (response name or text)."""

    sender: str
    domain: Domain
    domain_dict: dict[str, Any]
    form: str
    validator: Action
    ask_actions: dict[str, Action]
    finish: Action
    tracker: DialogueStateTracker = field(init=False)
    shown: list[dict[str, Any]] = field(default_factory=list)
    shown_before: int = 0  # where the bot messages of the latest turn start

    def __post_init__(self) -> None:
        self.tracker = DialogueStateTracker.from_events(
            self.sender, [ActionExecuted("action_listen")], slots=self.domain.slots)

    # --- the resident's side ------------------------------------------------------------------
    def say(self, text: str, intent: str, confidence: float = 0.95,
            ranking: list[dict[str, Any]] | None = None) -> None:
        """A message classified as ``intent``: extraction, then the form if one is active.
        ``ranking``: the classifier's ranking (the safety net's override has only its own row)."""
        self.shown_before = len(self.shown)
        top = {"name": intent, "confidence": confidence}
        self._apply([UserUttered(text, intent=top,
                                 parse_data={"text": text, "entities": [], "intent": top,
                                             "intent_ranking": ranking or [top]})])
        extracted = self._extract()
        if self.tracker.active_loop_name == self.form:
            candidates = [e for e in extracted if e.key in self.required()]
            self._run_form(candidates)

    def start_form(self) -> None:
        """The form is predicted (a rule after "/request_callback" or "ja graag")."""
        self._apply([ActionExecuted(self.form), ActiveLoop(self.form)])
        prefilled = [SlotSet(slot, self.tracker.get_slot(slot)) for slot in self.required()
                     if self.tracker.get_slot(slot) is not None]
        self._run_form(prefilled)

    def stop_form(self) -> None:
        """``action_deactivate_loop`` (goodbye, stop …): the answers so far stay."""
        self._apply([ActionExecuted("action_deactivate_loop"), ActiveLoop(None),
                     SlotSet("requested_slot", None)])

    # --- what the resident sees ---------------------------------------------------------------
    @property
    def requested(self) -> str | None:
        return self.tracker.get_slot("requested_slot")

    def slot(self, name: str) -> Any:
        return self.tracker.get_slot(name)

    def responses(self) -> list[str | None]:
        return [m.get("response") for m in self.shown]

    def latest(self) -> list[dict[str, Any]]:
        return self.shown[self.shown_before:]

    # --- Rasa's side ----------------------------------------------------------------------------
    def required(self) -> list[str]:
        return list(self.domain.required_slots_for_form(self.form))

    def _apply(self, events: list[Event]) -> None:
        for event in events:
            self.tracker.update(event, self.domain)

    def _extract(self) -> list[SlotSet]:
        nlg = TemplatedNaturalLanguageGenerator(self.domain.responses)
        events = asyncio.run(ActionExtractSlots(None).run(
            CollectingOutputChannel(), nlg, self.tracker, self.domain))
        self._apply(events)
        return [e for e in events if isinstance(e, SlotSet)]

    def _sdk_tracker(self, extra: list[Event]) -> Tracker:
        """The state Rasa's FormAction sends the validation action (its temporary tracker)."""
        temporary = DialogueStateTracker.from_events(
            self.sender,
            self.tracker.events_after_latest_restart()
            + [SlotSet("requested_slot", self.requested), ActionExecuted(self.form)] + extra,
            slots=self.domain.slots,
        )
        return Tracker.from_dict(temporary.current_state(EventVerbosity.ALL))

    def _run_action(self, action: Action, tracker: Tracker) -> list[Event]:
        dispatcher = CollectingDispatcher()
        events = asyncio.run(action.run(dispatcher, tracker, self.domain_dict))
        self.shown.extend(dispatcher.messages)
        return [Event.from_parameters(e) for e in events]

    def _run_form(self, candidates: list[SlotSet]) -> None:
        validated = self._run_action(self.validator, self._sdk_tracker(candidates))
        self._apply([ActionExecuted(self.form), *validated])
        sdk_tracker = Tracker.from_dict(self.tracker.current_state(EventVerbosity.ALL))
        required = asyncio.run(self.validator.required_slots(
            self.required(), CollectingDispatcher(), sdk_tracker, self.domain_dict))
        asked = next((e.value for e in validated if e.key == "requested_slot"), None)
        missing = asked or next((s for s in required if self.tracker.get_slot(s) is None), None)
        self._apply([SlotSet("requested_slot", missing)])
        if missing is None:
            self._apply([ActiveLoop(None)])
            self._apply(self._run_action(self.finish, Tracker.from_dict(
                self.tracker.current_state(EventVerbosity.ALL))))
            return
        ask = self.ask_actions.get(missing)
        if ask is not None:
            self._run_action(ask, Tracker.from_dict(
                self.tracker.current_state(EventVerbosity.ALL)))
        else:
            self.shown.append({"response": f"utter_ask_{missing}"})


def load_domain() -> Domain:
    return Domain.load(str(PROJECT_ROOT / "domain.yml"))

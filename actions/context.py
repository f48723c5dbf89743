"""What the actions work with, handed to them once by the action server's composition root.

rasa_sdk creates the action classes itself, without arguments, so the services cannot come in
through constructors. ``runtime.action_server`` builds them from settings when a server worker
starts and calls :func:`provide`; an action that runs before that fails loudly instead of
opening databases on its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.consent import ConsentTexts
from bot.languages import Languages
from bot.referrals import Referrals
from privacy.services import PrivacyServices


@dataclass(frozen=True)
class ActionContext:
    services: PrivacyServices
    referrals: Referrals
    consent_texts: ConsentTexts
    languages: Languages


class _Slot:
    """The one context of this process; set by the composition root, read by the actions."""

    context: ActionContext | None = None


def provide(context: ActionContext | None) -> None:
    """Set (or, with None, clear) the context every action of this process uses."""
    _Slot.context = context


def current() -> ActionContext:
    if _Slot.context is None:
        raise RuntimeError("the action server's services were not provided: start it with "
                           "`python -m runtime.action_server` (runtime.bootstrap builds them)")
    return _Slot.context

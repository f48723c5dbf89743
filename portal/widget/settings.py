"""What the widget needs to know, gathered once from the project's settings."""

from __future__ import annotations

from dataclasses import dataclass

from bot.referrals import Referrals, load_referrals
from privacy.settings import PrivacySettings, load_privacy_settings
from redaction.settings import RedactionSettings, load_redaction_settings
from settings.core import Settings, load_settings


@dataclass(frozen=True)
class WidgetSettings:
    """Where Rasa's redacting REST channel is, and the facts the privacy page states."""

    rest_url: str
    max_message_chars: int
    context_keys: tuple[str, ...]
    vault_idle_minutes: float
    handoff_retention_days: float
    session_expiry_minutes: int
    municipality: str  # from bot/referrals.yml, as the assistant names it
    municipality_phone: str
    example: bool  # the shipped demo municipality: the demo page says it does not exist
    timeout_s: float = 30.0

    @classmethod
    def from_settings(
        cls, bot: Settings, redaction: RedactionSettings, privacy: PrivacySettings,
        referrals: Referrals,
    ) -> WidgetSettings:
        municipality = referrals.services["gemeente"]
        return cls(
            rest_url=f"http://{bot.host}:{bot.rasa_port}/webhooks/rest/webhook",
            max_message_chars=redaction.max_message_chars,
            context_keys=redaction.context_keys,
            vault_idle_minutes=privacy.vault_idle_minutes,
            handoff_retention_days=privacy.handoff_retention_days,
            session_expiry_minutes=bot.session_expiry_minutes,
            municipality=municipality["naam"],
            municipality_phone=municipality["telefoon"],
            example=referrals.example,
        )


def load_widget_settings() -> WidgetSettings:
    """From ``settings.yml`` and the ``DH_*`` variables the launcher gives every process."""
    return WidgetSettings.from_settings(
        load_settings(), load_redaction_settings(), load_privacy_settings(), load_referrals())

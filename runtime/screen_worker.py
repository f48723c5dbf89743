"""The screen worker's own composition root: what ``channels.screen_pool`` runs in its process.

Named by the Rasa process ("runtime.screen_worker:build_screen"), never imported by it: this
module is where Presidio, the trained NER and the safety detector are loaded.
"""

from __future__ import annotations

from bot.languages import load_language_check
from bot.safety_check import load_safety_check
from channels.screen import Screen
from redaction.analyzer import build_redactor
from runtime.bootstrap import AppSettings, privacy_services


def build_screen(settings: AppSettings) -> Screen:
    """The boundary's screen: the redactor numbering placeholders in the encrypted vault (the
    Rasa process, not this one, purges it) and the safety check for the original words."""
    redaction = settings.redaction
    vault = privacy_services(settings, purge=False).vault
    language = load_language_check(model_dir=settings.core.model_dir)
    language.warm_up()  # while Rasa loads its model, not on the first resident's message
    return Screen(build_redactor(redaction, store=vault), redaction.context_keys,
                  safety=load_safety_check(settings.core.model_dir), language=language)

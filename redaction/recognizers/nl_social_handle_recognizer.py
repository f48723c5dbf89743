"""Social-media handles: "@jaydenn.010", and "mn snap is liam.rtm09" after the platform's name.

Teenagers in particular give their Instagram, Snapchat or TikTok name instead of a phone number,
and a handle finds the person as surely as one. An "@" at the start of a word is never part of an
e-mail address, so "@name" is redacted on its own. Without the "@", a word is a handle only right
after a platform's name ("insta is", "snap:", "tiktok account is") or right before "op/on/via" and
one ("fleur_smit_013 op insta"), and only when it holds a digit, a dot or an underscore, which
ordinary words never do ("mn snap is leeg", "kijk op insta" stay).
Reported as URL: the placeholder for links and profiles.
"""

from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer

_HANDLE = r"[A-Za-z0-9_](?:[A-Za-z0-9_]|\.(?=[A-Za-z0-9_])){1,29}"
_PLATFORMS = (
    r"insta(?:gram)?|ig|snap(?:chat)?|tiktok|tik tok|twitter|discord|threads|telegram|facebook|fb"
    r"|twitch|youtube|bluesky|bsky"
)
_AFTER_PLATFORM = (
    rf"(?<=\b(?i:{_PLATFORMS})(?:\s+(?i:account|accountnaam|naam|name|handle|id))?"
    r"(?:\s*:\s*|\s+(?i:is|=)\s+(?:(?i:dus|gewoon)\s+)?))"
)

_BEFORE_PLATFORM = rf"(?![\w@])(?=\s+(?i:op|on|via)\s+(?i:{_PLATFORMS})\b)"


class NlSocialHandleRecognizer(PatternRecognizer):
    """Recognise URL for @handles and for handles named right after a platform."""

    PATTERNS = [
        Pattern("handle (@)", r"(?<![\w@.+/-])@" + _HANDLE + r"(?![\w@])", 0.6),
        Pattern(
            "handle (after platform)",
            _AFTER_PLATFORM + r"(?=[A-Za-z0-9_.]*[\d_.])@?" + _HANDLE + r"(?![\w@])",
            0.6,
        ),
        Pattern(  # "fleur_smit_013 op insta", "kev.010 on snap": the platform named after it
            "handle (before platform)",
            r"(?<![\w@.+/-])(?=[A-Za-z0-9_.]*[\d_.])(?=[\d_.]*[A-Za-z])(?=[\w.]{4})" + _HANDLE
            + _BEFORE_PLATFORM,
            0.6,
        ),
    ]
    CONTEXT = ["insta", "instagram", "snap", "snapchat", "tiktok", "account", "volg", "dm"]

    def __init__(
        self,
        patterns: list[Pattern] | None = None,
        context: list[str] | None = None,
        supported_language: str = "nl",
        supported_entity: str = "URL",
        name: str | None = None,
    ) -> None:
        super().__init__(
            supported_entity=supported_entity,
            patterns=patterns or self.PATTERNS,
            context=context or self.CONTEXT,
            supported_language=supported_language,
            name=name,
        )

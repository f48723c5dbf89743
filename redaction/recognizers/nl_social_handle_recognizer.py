"""Social-media handles: "@jaydenn.010", and "mn snap is liam.rtm09" after the platform's name.

Teenagers in particular give their Instagram, Snapchat or TikTok name instead of a phone number,
and a handle finds the person as surely as one. An "@" at the start of a word is never part of an
e-mail address, so "@name" is redacted on its own. Without the "@", a word is a handle only right
after a platform's name ("insta is", "snap:", "tiktok account is", or only a space: "Snapchat
liam.rtm09") or right before "op/on/via" and one ("fleur_smit_013 op insta"), and only when it
holds a digit, a dot or an underscore, which ordinary words never do ("mn snap is leeg", "kijk op
insta" stay); right after the name with only a space, a digit or an underscore, a letter and four
characters ("insta 2x per dag", "ik snap het.Dan" stay). A word with a digit and a dot or
underscore inside, a few words after the platform's name, counts too ("kan je me op snap
berichten? sera.yldz07": a weak pattern that a context word lifts).
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
# What a word without the "@" needs to be a handle: a digit, an underscore or a dot inside it (a
# full stop after a word is none: "mn snap is leeg."), a letter and four characters. With
# nothing but a space to tie it to the platform, a digit or an underscore: "snap" is a Dutch
# verb too ("ik snap het.Ik ...").
_HANDLE_MARK = r"(?=[A-Za-z0-9_.]*(?:[\d_]|\.[A-Za-z0-9_]))"
_HANDLE_SHAPE = r"(?=[\d_.]*[A-Za-z])(?=[\w.]{4})"


class NlSocialHandleRecognizer(PatternRecognizer):
    """Recognise URL for @handles and for handles named right after a platform."""

    PATTERNS = [
        Pattern("handle (@)", r"(?<![\w@.+/-])@" + _HANDLE + r"(?![\w@])", 0.6),
        Pattern(
            "handle (after platform)",
            _AFTER_PLATFORM + _HANDLE_MARK + "@?" + _HANDLE + r"(?![\w@])",
            0.6,
        ),
        Pattern(  # "Snapchat jesse.mldr07", "insta sanne.dewit04": the platform, a space, the name
            "handle (right after platform)",
            rf"(?<=\b(?i:{_PLATFORMS})\s+)(?=[A-Za-z0-9_.]*[\d_])" + _HANDLE_SHAPE + _HANDLE
            + r"(?![\w@])",
            0.6,
        ),
        Pattern(  # "kan je me op snap berichten? sera.yldz07": the platform a few words before
            # it (a context word), a digit and a dot or underscore inside a word ("v1.2" and
            # "nr.12" have no letter after the dot and two before it)
            "handle (platform in the words before)",
            r"(?<![\w@.+/-])(?=[A-Za-z0-9_.]*\d)[A-Za-z]{2}[A-Za-z0-9_]*"
            r"(?:[._][A-Za-z][A-Za-z0-9_]*)+(?![\w@]|\.\w)",
            0.3,
        ),
        Pattern(  # "fleur_smit_013 op insta", "kev.010 on snap": the platform named after it
            "handle (before platform)",
            r"(?<![\w@.+/-])" + _HANDLE_MARK + _HANDLE_SHAPE + _HANDLE
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

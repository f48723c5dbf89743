"""E-mail addresses: Presidio's EmailRecognizer with Dutch context and an offline TLD check.

The stock validate_result calls tldextract with its default settings, which fetches the public
suffix list over the network on first use. Here the extractor is built once, from the snapshot
bundled with tldextract, so analysing text never touches the network.
"""

from __future__ import annotations

import tldextract
from presidio_analyzer import Pattern
from presidio_analyzer.predefined_recognizers import EmailRecognizer


def offline_tld_extractor() -> tldextract.TLDExtract:
    """A tldextract instance that only uses its bundled public suffix snapshot."""
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)


class NlEmailRecognizer(EmailRecognizer):
    """Recognise EMAIL_ADDRESS; a match counts when its domain ends in a known public suffix."""

    CONTEXT = ["e-mail", "email", "mail", "mailadres", "e-mailadres", "emailadres", "mailen"]
    # "a.bakker@ziggo,nl", "omar.hh@gmail,com": a comma typed for the last dot (a phone keyboard)
    COMMA_PATTERN = Pattern(
        "email (comma before the top-level domain)",
        r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)*,(?:nl|com|net|org|be|eu|de|info)\b",
        0.5,
    )

    def __init__(
        self,
        patterns: list[Pattern] | None = None,
        context: list[str] | None = None,
        supported_language: str = "nl",
        supported_entity: str = "EMAIL_ADDRESS",
        name: str | None = None,
    ) -> None:
        self._tld = offline_tld_extractor()
        super().__init__(
            patterns=patterns or [*self.PATTERNS, self.COMMA_PATTERN],
            context=context or self.CONTEXT,
            supported_language=supported_language,
            supported_entity=supported_entity,
            name=name,
        )

    def validate_result(self, pattern_text: str) -> bool:
        """A known public suffix, and no "/" before the "@": "tiktok.com/@naam" is a profile
        link (NlUrlRecognizer's), though RFC 5322 would allow the slash."""
        local, _, domain = pattern_text.rpartition("@")
        return "/" not in local and self._tld(domain.replace(",", ".")).fqdn != ""

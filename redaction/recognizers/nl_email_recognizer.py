"""E-mail addresses: Presidio's EmailRecognizer with Dutch context and an offline TLD check.

The stock validate_result calls tldextract with its default settings, which fetches the public
suffix list over the network on first use. Here the extractor is built once, from the snapshot
bundled with tldextract, so analysing text never touches the network.

A local part typed apart from its domain ("mijn mail is hanna.dekker. Daarachter komt
@planet.nl.", "priya.ramsaran. daarna apenstaartje outlook punt com") is an e-mail address too:
when the message holds a domain without its own local part (a bare "@planet.nl", or a spoken one
read as "daarna@outlook.com"), an earlier dotted word that is no domain or file name is the local
part.
"""

from __future__ import annotations

import re

import tldextract
from presidio_analyzer import Pattern, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import EmailRecognizer

from redaction.recognizers import _lexicon
from redaction.recognizers._results import explained_result

# "hanna.dekker", "j.okoro", "wiebe_t": letters with a dot or underscore inside, no "@" after.
_LOCAL_PART = re.compile(r"(?<![\w.@/-])[^\W\d_][\w-]*(?:[._][\w-]+)+(?![\w@/-]|\.\w)")
# A domain with no local part of its own: " @planet.nl", or a word-glued one ("daarna@outlook").
_BARE_DOMAIN = re.compile(r"(?:^|[\s(:])@[\w-]+\.|(?<![\w.])(?P<word>[^\W\d_]+)@[\w-]+\.")
_FILE_ENDINGS = frozenset("pdf doc docx jpg jpeg png xls xlsx txt zip heic".split())


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

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        """The addresses, and a local part typed apart from its domain (module docstring)."""
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        if "@" not in text or not self._domain_alone(text):
            return results
        for match in _LOCAL_PART.finditer(text, 0, text.rfind("@")):
            ending = match.group().rsplit(".", 1)[-1].lower()
            if (ending in _FILE_ENDINGS or self._tld(match.group()).suffix
                    or any(r.start < match.end() and match.start() < r.end for r in results)):
                continue  # "brief.pdf", "ziggo.nl", or part of an address already found
            results.append(explained_result(self, match.start(), match.end(), 0.6,
                                            "e-mail local part typed apart from its domain"))
        return results

    @staticmethod
    def _domain_alone(text: str) -> bool:
        ordinary = _lexicon.ordinary_words()
        return any(not m.group("word") or m.group("word").lower() in ordinary
                   for m in _BARE_DOMAIN.finditer(text))

    def validate_result(self, pattern_text: str) -> bool:
        """A known public suffix, and no "/" before the "@": "tiktok.com/@naam" is a profile
        link (NlUrlRecognizer's), though RFC 5322 would allow the slash."""
        local, _, domain = pattern_text.rpartition("@")
        return "/" not in local and self._tld(domain.replace(",", ".")).fqdn != ""

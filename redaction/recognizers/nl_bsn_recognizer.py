"""Burgerservicenummer (BSN): nine digits that pass the 11-proef.

One random nine-digit number in eleven passes the 11-proef, so a valid checksum alone is weak
evidence: the pattern score stays below the threshold and Dutch context words ("bsn",
"burgerservicenummer", "sofinummer") lift it over. A message that is nothing but the number is the
typical answer to "wat is je BSN?" and is kept without context. Numbers that fail the check are
dropped; a mistyped BSN behind a BSN keyword is caught by NlIdNumberRecognizer instead.
"""

from __future__ import annotations

import regex as re
from presidio_analyzer import Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

_BEFORE = r"(?<![\w.,/+-])"
_AFTER = r"(?![\w]|[.,/-]\d)"


def elf_proef(digits: str) -> bool:
    """The BSN 11-proef: sum(9*d1 ... 2*d8) - d9 is a multiple of 11 (eight digits: leading 0)."""
    if not digits.isdigit() or len(digits) not in (8, 9):
        return False
    digits = digits.zfill(9)
    if digits == "000000000":
        return False
    weighted = zip(digits[:8], range(9, 1, -1), strict=True)
    total = sum(int(d) * w for d, w in weighted) - int(digits[8])
    return total % 11 == 0


class NlBsnRecognizer(PatternRecognizer):
    """Recognise NL_BSN: 9 digits, optionally grouped 4-2-3 or 3-3-3, validated by the 11-proef."""

    PATTERNS = [
        Pattern("bsn (compact)", _BEFORE + r"\d{9}" + _AFTER, 0.3),
        Pattern("bsn (4-2-3)", _BEFORE + r"\d{4}([ .])\d{2}\1\d{3}" + _AFTER, 0.3),
        Pattern("bsn (3-3-3)", _BEFORE + r"\d{3}([ .])\d{3}\1\d{3}" + _AFTER, 0.3),
    ]
    EIGHT_DIGIT_PATTERN = Pattern(
        "bsn (8 digits, leading 0 dropped)", _BEFORE + r"\d{8}" + _AFTER, 0.2
    )

    CONTEXT = [
        "bsn",
        "bsn-nummer",
        "burgerservicenummer",
        "burgerservice",
        "sofinummer",
        "sofi-nummer",
        "sofi",
        "persoonsnummer",
    ]

    def __init__(
        self,
        patterns: list[Pattern] | None = None,
        context: list[str] | None = None,
        supported_language: str = "nl",
        supported_entity: str = "NL_BSN",
        name: str | None = None,
        allow_eight_digits: bool = True,
        standalone_score: float = 0.5,
    ) -> None:
        if patterns is None:
            patterns = list(self.PATTERNS)
            if allow_eight_digits:
                patterns.append(self.EIGHT_DIGIT_PATTERN)
        self.standalone_score = standalone_score
        super().__init__(
            supported_entity=supported_entity,
            name=name,
            supported_language=supported_language,
            patterns=patterns,
            context=context or self.CONTEXT,
            global_regex_flags=re.MULTILINE,
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        """Drop numbers failing the 11-proef; keep valid ones at their (weak) pattern score."""
        return None if elf_proef(re.sub(r"\D", "", pattern_text)) else False

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        stripped = text.strip(" \t\r\n.!?")
        offset = text.find(stripped) if stripped else -1
        for result in results:
            whole_message = result.start == offset and result.end == offset + len(stripped)
            if whole_message and len(re.sub(r"\D", "", stripped)) == 9:
                result.score = max(result.score, self.standalone_score)
        return results

"""Burgerservicenummer (BSN): nine digits that pass the 11-proef.

Privacy first: every nine-digit number that passes the 11-proef is reported, with or without a
Dutch context word. Residents paste their BSN without saying what it is ("dit is m'n nummer
123456782", "kunt u kijken naar 123456782?"), and a nine-digit number in a chat is nearly always
some identifier anyway; one random number in eleven passes the check, so an order number may be
typed as NL_BSN - it is redacted either way. Eight digits (a BSN with its leading zero dropped)
are much more often other numbers, so they stay weak and need a context word ("bsn",
"burgerservicenummer", "sofinummer"). Numbers that fail the check are dropped; a mistyped BSN
behind a BSN keyword is caught by NlIdNumberRecognizer, other long numbers by its bare-number
rule.
"""

from __future__ import annotations

import regex as re
from presidio_analyzer import Pattern, PatternRecognizer

_BEFORE = r"(?<![\w.,/+-])"
_AFTER = r"(?![\w]|[.,/-]\d)"
# A group of digits is part of a longer number when another group follows one separator away.
_NO_DIGIT_BEFORE = _BEFORE + r"(?<!\d[ .-])"
_NO_DIGIT_AFTER = _AFTER + r"(?![ .-]\d)"


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
    """Recognise NL_BSN: 9 digits, in any grouping, validated by the 11-proef."""

    PATTERNS = [
        Pattern("bsn (compact)", _BEFORE + r"\d{9}" + _AFTER, 0.5),
        Pattern("bsn (4-2-3)", _BEFORE + r"\d{4}([ ./-])\d{2}\1\d{3}" + _AFTER, 0.5),
        Pattern("bsn (3-3-3)", _BEFORE + r"\d{3}([ ./-])\d{3}\1\d{3}" + _AFTER, 0.5),
        # Any other grouping residents type or paste: "392 16 91 62", "92793-5703", "1 96 78 36
        # 77", "7092 17791" (a line break in the view): nine digits, no tenth one next to them.
        Pattern(
            "bsn (any grouping)", _NO_DIGIT_BEFORE + r"\d(?:[ .-]?\d){8}" + _NO_DIGIT_AFTER, 0.5
        ),
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
    ) -> None:
        if patterns is None:
            patterns = list(self.PATTERNS)
            if allow_eight_digits:
                patterns.append(self.EIGHT_DIGIT_PATTERN)
        super().__init__(
            supported_entity=supported_entity,
            name=name,
            supported_language=supported_language,
            patterns=patterns,
            context=context or self.CONTEXT,
            global_regex_flags=re.MULTILINE,
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        """Drop numbers failing the 11-proef; keep valid ones at their pattern score."""
        return None if elf_proef(re.sub(r"\D", "", pattern_text)) else False

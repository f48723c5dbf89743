"""Dates that can identify someone: a day with a month (and maybe a year), Dutch style.

Matches 12-03-1985, 12/3/85, 3-4-'92, 12.03.1985, "23 / 09 / 1949" (pasted, spaces around every
separator), 1985-03-12, "12 maart 1985", "3 januari",
with a context word also "12 03 1985" and "14.07_1990",
"5 mei 2009", "1 apr." and "3 jan '85". Not matched on purpose: weekdays, a month or year
alone ("in maart", "sinds 2021"), clock times ("om 10 uur", "10:30"), amounts ("1.250,00")
and ordinals ("de 25e"). Numeric dates need the same separator twice and a real day/month, so
phone numbers (010.123.45.67) and version numbers do not match.
"""

from __future__ import annotations

import regex as re
from presidio_analyzer import Pattern, PatternRecognizer

_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_MONTH_NUM = r"(?:0?[1-9]|1[0-2])"
_YEAR = r"(?:19|20)\d{2}"
_START = r"(?<![\w.,/:-])"
_END = r"(?![\w]|[.,/:-]\d)"
_LOOSE = r"(?: |[-/._] ?)"
_MONTH_NAMES = (
    r"(?:(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november"
    r"|december)\b|(?:jan|feb|febr|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec)(?:\.(?!\w)|\b))"
)


class NlDateRecognizer(PatternRecognizer):
    """Recognise DATE_TIME for day + month (+ year) dates in numeric or written Dutch form."""

    PATTERNS = [
        Pattern(
            "date (d-m-y)",
            _START + _DAY + r"( ?)([-/.])\1" + _MONTH_NUM + r"\1\2\1(?:" + _YEAR + r"|['’]?\d{2})"
            + _END,
            0.6,
        ),
        Pattern(
            "date (iso)",
            _START + _YEAR + r"-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])" + _END,
            0.6,
        ),
        Pattern(
            "date (day month [year])",
            _START
            + _DAY
            + r"(?:e|de|ste)?\s+"
            + _MONTH_NAMES
            + r"(?:,?\s+(?:"
            + _YEAR
            + r"|'\d{2})(?!\d|[.,:]\d|\s?(?:uur|u)\b))?",
            0.6,
        ),
        Pattern("date (d-m, no year)", _START + _DAY + r"[-/]" + _MONTH_NUM + _END, 0.2),
        Pattern(  # "geboren 12 03 1985", "14.07_1990": pasted or mistyped, so context needed
            "date (d m yyyy, spaces or mixed separators)",
            _START + _DAY + _LOOSE + _MONTH_NUM + _LOOSE + _YEAR + _END,
            0.2,
        ),
    ]
    CONTEXT = [
        "geboren",
        "geboortedatum",
        "geb",
        "geboortedag",
        "verjaardag",
        "jarig",
        "datum",
        "overleden",
        "overlijden",
        "sterfdatum",
        "getrouwd",
        "trouwdatum",
    ]

    def __init__(
        self,
        patterns: list[Pattern] | None = None,
        context: list[str] | None = None,
        supported_language: str = "nl",
        supported_entity: str = "DATE_TIME",
        name: str | None = None,
    ) -> None:
        super().__init__(
            supported_entity=supported_entity,
            name=name,
            supported_language=supported_language,
            patterns=patterns or self.PATTERNS,
            context=context or self.CONTEXT,
            global_regex_flags=re.IGNORECASE | re.MULTILINE,
        )

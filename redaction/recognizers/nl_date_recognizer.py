"""Dates that can identify someone: a day with a month (and maybe a year), Dutch style.

Also as residents write them in English and the languages they mix in: "3rd of May 1990",
"May 3, 1990", "30th Sept '85", "4 Mart 2016", "17-IV-1993" (a Roman month), "3 fev '71"; the month
names are data (``data/date_month_names.txt``, ``data/date_month_abbreviations.txt``).

Matches 12-03-1985, 12/3/85, 3-4-'92, 12.03.1985, "23 / 09 / 1949" (pasted, spaces around every
separator), 1985-03-12, 1985/03/12, "12 maart 1985", "3 januari", 11/23/1987 (American order,
where the day cannot be a month), 00-00-1968 (the BRP's unknown day and month),
with a context word also "12 03 1985", "14.07_1990" and "12 maart 64" (a two-digit year),
"5 mei 2009", "1 apr." and "3 jan '85". Not matched on purpose:
weekdays, a month or year alone ("in maart", "sinds 2021"), clock times ("om 10 uur",
"10:30"), amounts ("1.250,00") and ordinals ("de 25e"). Numeric dates need the same separator
twice and a real day/month, so phone numbers (010.123.45.67) and version numbers do not match.
"""

from __future__ import annotations

from pathlib import Path

import regex as re
from presidio_analyzer import Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from redaction.recognizers._date_purpose import may_be_birth_date
from redaction.wordlists import read_term_file

_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_MONTH_NUM = r"(?:0?[1-9]|1[0-2])"
_YEAR = r"(?:19|20)\d{2}"
_START = r"(?<![\w.,/:-])"
_END = r"(?![\w]|[.,/:-]\d)"
_LOOSE = r"(?: |[-/._] ?)"
_MONTH_FILE = Path(__file__).with_name("data") / "date_month_names.txt"
_MONTHS = sorted(read_term_file(_MONTH_FILE), key=len, reverse=True)
# An abbreviation ("feb.", "sept.": listed with its dot) may be typed with it or without; the dot
# after a full name ends the sentence.
_MONTH_NAMES = (
    "(?:(?:" + "|".join(re.escape(m) for m in _MONTHS if not m.endswith(".")) + r")\b"
    "|(?:" + "|".join(re.escape(m[:-1]) for m in _MONTHS if m.endswith("."))
    + r")(?:\.(?!\w)|\b))"
)
# Abbreviated months of other languages, many of them words too ("set", "out"): only in a date
# with a year ("3 fev '71", "12 lut. 1985"; data/date_month_abbreviations.txt).
_ABBREVIATION_FILE = Path(__file__).with_name("data") / "date_month_abbreviations.txt"
_ABBREVIATIONS = (
    r"(?:" + "|".join(re.escape(m) for m in sorted(read_term_file(_ABBREVIATION_FILE),
                                                    key=len, reverse=True)) + r")\.?"
)
_ORDINAL = r"(?:e|de|ste|st|nd|rd|th)"
_YEAR_AFTER = r"(?:,?\s+(?:" + _YEAR + r"|['’]\d{2}))"
_ROMAN_MONTH = r"(?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)"


class NlDateRecognizer(PatternRecognizer):
    """Recognise DATE_TIME for day + month (+ year) dates in numeric or written Dutch form."""

    PATTERNS = [
        Pattern(
            "date (d-m-y)",
            _START + _DAY + r"( ?)([-/.])\1" + _MONTH_NUM + r"\1\2\1(?:" + _YEAR + r"|['’]?\d{2})"
            + _END,
            0.6,
        ),
        Pattern(  # also right after a field name: "BDAY:1979-04-23" (a vCard); "1985/03/12"
            "date (iso)",
            r"(?<![\w.,/-])(?<!\d:)" + _YEAR + r"([-/.])(?:0[1-9]|1[0-2])\1(?:0[1-9]|[12]\d|3[01])"
            + _END,
            0.6,
        ),
        Pattern(
            "date (day month [year])",
            _START
            + _DAY
            + _ORDINAL
            + r"?(?:\s+of)?\s+"
            + _MONTH_NAMES
            + _YEAR_AFTER
            + r"?(?!\d|[.,:]\d|\s?(?:uur|u)\b)",
            0.6,
        ),
        Pattern(  # "3 fev '71", "12 lut 1985": another language's abbreviation, with a year
            "date (day abbreviated month year)",
            _START + _DAY + r"\.?\s+" + _ABBREVIATIONS + _YEAR_AFTER + _END,
            0.6,
        ),
        Pattern(  # "May 3, 1990", "Sept 30th '85": English order, only with a year
            "date (month day year)",
            r"(?<![\w])" + _MONTH_NAMES + r"\s+" + _DAY + _ORDINAL + r"?" + _YEAR_AFTER + _END,
            0.6,
        ),
        Pattern(  # "17-IV-1993": a Roman month, as Polish and Romanian documents write it
            "date (d-roman month-y)",
            _START + _DAY + r"([-./ ])" + _ROMAN_MONTH + r"\1(?:" + _YEAR + r"|\d{2})" + _END,
            0.6,
        ),
        Pattern(  # "11/23/1987": American order, where the day cannot be a month
            "date (m/d/y)",
            _START + _MONTH_NUM + r"([-/.])(?:1[3-9]|2\d|3[01])\1" + _YEAR + _END,
            0.6,
        ),
        Pattern(  # "00-00-1968", "00-07-1968": the BRP's unknown day or month
            "date (unknown day or month)",
            _START + r"(?=00[-/.]|\d{1,2}[-/.]00[-/.])(?:00|" + _DAY + r")([-/.])(?:00|"
            + _MONTH_NUM + r")\1" + _YEAR + _END,
            0.6,
        ),
        Pattern("date (d-m, no year)", _START + _DAY + r"[-/]" + _MONTH_NUM + _END, 0.2),
        Pattern(  # "geb 12 maart 64", "geboren op 3 april 87": a two-digit year, context needed
            "date (day month yy)",
            _START + _DAY + _ORDINAL + r"?\s+" + _MONTH_NAMES + r"\s+\d{2}"
            + r"(?!\d|[.,:]\d|\s?(?:uur|u|euro|eur|jaar|keer|minuten|procent)\b)",
            0.2,
        ),
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
        "born",
        "birth",
        "dob",
        "birthday",
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

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        """The pattern matches that can be a date of birth (``_date_purpose``): a letter's date,
        a deadline or a time stamp stays readable."""
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        return [r for r in results if may_be_birth_date(text, r.start, r.end)]

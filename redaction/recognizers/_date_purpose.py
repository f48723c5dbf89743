"""Is a date a date of birth? Only those identify a resident; a letter's date must stay readable.

Residents paste letters, bank lines and chat forwards full of dates: "Datum: 2 december 2026",
"vóór 20 december 2026", "28-11-2026 Overschrijving", "21-11-26 22:14 - Ayşe: ...". Blacking
them out hides what the resident asks about and protects no one. A date stays redacted when:

- a birth word is near ("geboren", "geboortedatum", "geb.", "DOB", "BDAY", "born", ...;
  ``data/birth_context_words.txt``), whatever its year; or
- its shape says it can be a birth date: no year (a birthday), or a year before this one —
  except right after a letter word ("sinds", "per", "tot", "betaald op", "Datum:", a weekday;
  ``data/letter_date_words.txt``; with a year only for a recent one), or a date followed by a
  clock time (a time stamp). A day and month without a year is also a calendar moment after
  "op", "on", "vandaag", "voor", "na" (``data/moment_date_words.txt``): "op dinsdag 9
  december", "Sinterklaas op 5 december" are appointments and holidays, "overstappen voor 1
  januari" a deadline; a birthday comes with a birth word ("jarig op 3 okt"). Not for a date
  with a year: "een kindje gekregen op 9 oktober 2025" is a birth date. A birth word of three
  letters or fewer ("geb", "dob") counts as a whole word only: "gebeld" is no birth word.

A date its holiday names ("op Koningsdag 27 april", "5 mei (Bevrijdingsdag)";
``data/holiday_words.txt``) is that day in the calendar. A date in this year or a later one is
never a resident's birth date without a birth word.
"""

from __future__ import annotations

import datetime
from functools import lru_cache
from pathlib import Path

import regex as re

from redaction.wordlists import read_term_file

_DATA = Path(__file__).with_name("data")
# A recent year: a child may be born then, so a letter word is needed to keep the date.
RECENT_YEARS = 14
_FULL_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_DIGITS = re.compile(r"\d+")
_LETTERS = re.compile(r"[^\W\d_]{2,}|(?<![a-z])[IVX]+(?![a-z])")
_CLOCK_AFTER = re.compile(r"[,\s]*(?:om\s+|at\s+)?(?:[01]?\d|2[0-3])[:.][0-5]\d(?!\d)")


# A birth word this short is matched as a whole word only: "geb" opens "gebeld", "gebruik",
# "gebeurd", "dob" opens "dobber"; the longer ones also open their compounds ("geboortedatum").
BIRTH_PREFIX_MIN_LENGTH = 4


@lru_cache(maxsize=1)
def _birth_words() -> re.Pattern[str]:
    words = sorted(read_term_file(_DATA / "birth_context_words.txt"), key=len, reverse=True)
    alternatives = "|".join(
        re.escape(w) if len(w) >= BIRTH_PREFIX_MIN_LENGTH else re.escape(w) + r"(?![^\W\d_])"
        for w in words
    )
    return re.compile(r"(?<!\w)(?:" + alternatives + ")", re.IGNORECASE)


def _words_before(file_name: str) -> re.Pattern[str]:
    words = sorted(read_term_file(_DATA / file_name), key=len, reverse=True)
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    # the word, then at most two short words or a colon: "Datum:", "per", "sinds 1", "vóór de",
    # "datum in dienst:"
    return re.compile(
        rf"(?<!\w)(?:{alternatives})(?!\w)[\s:.,]*(?:[^\W\d_]{{1,9}}[\s:.,]+){{0,2}}$",
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _holidays() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A holiday right before a date ("op Koningsdag 27 april", "Kerst: 25 december") and right
    after one ("5 mei (Bevrijdingsdag)", "31 december, oudejaarsavond")."""
    words = sorted(read_term_file(_DATA / "holiday_words.txt"), key=len, reverse=True)
    names = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    before = re.compile(rf"(?<!\w)(?:{names})(?!\w)[\s:,(–-]*(?:(?:is|was|op|on)\s+)?$",
                        re.IGNORECASE)
    after = re.compile(rf"[\s,(–-]*(?:{names})(?!\w)", re.IGNORECASE)
    return before, after


def is_holiday_date(text: str, start: int, end: int) -> bool:
    """ "Heb ik op Koningsdag 27 april een vergunning nodig?": a date its holiday names."""
    before, after = _holidays()
    return bool(before.search(text, max(0, start - 40), start) or after.match(text, end))


@lru_cache(maxsize=1)
def _letter_words() -> re.Pattern[str]:
    return _words_before("letter_date_words.txt")


@lru_cache(maxsize=1)
def _moment_words() -> re.Pattern[str]:
    return _words_before("moment_date_words.txt")


def year_of(value: str, this_year: int) -> int | None:
    """The year written in a date, two digits read as the nearest past or coming year."""
    full = _FULL_YEAR.search(value)
    if full:
        return int(full.group())
    groups = _DIGITS.findall(value)
    has_letters = bool(_LETTERS.search(value))
    if len(groups) == 3 or (len(groups) == 2 and has_letters and len(groups[1]) == 2):
        short = int(groups[-1])
        return (2000 if short <= this_year % 100 + 1 else 1900) + short
    return None  # "3 januari", "12-03", "14 feb.": no year


def _window_before(text: str, start: int) -> str:
    line_start = text.rfind("\n", 0, start) + 1
    if not text[line_start:start].strip() and line_start > 0:  # a form: "Geboortedatum:\n1-2-1980"
        line_start = text.rfind("\n", 0, line_start - 1) + 1
    return text[max(line_start, start - 80):start]


def _window_after(text: str, end: int) -> str:
    line_end = text.find("\n", end)
    return text[end:min(line_end if line_end >= 0 else len(text), end + 30)]


def has_birth_context(text: str, start: int, end: int) -> bool:
    """A birth word on the date's line (or the form label on the line above), with no other
    year between them: in "geboren 3 juli 1996, sinds 1 maart 2025" it belongs to the first."""
    words = _birth_words()
    before = _window_before(text, start)
    matches = list(words.finditer(before))
    last = matches[-1] if matches else None
    if last is not None and not _FULL_YEAR.search(before, last.end()):
        return True
    after = _window_after(text, end)
    first = words.search(after)
    return bool(first and not _FULL_YEAR.search(after, 0, first.start()))


def may_be_birth_date(text: str, start: int, end: int, today: datetime.date | None = None) -> bool:
    """Whether the date ``text[start:end]`` must be redacted (see the module docstring)."""
    if has_birth_context(text, start, end):
        return True
    if is_holiday_date(text, start, end):
        return False
    this_year = (today or datetime.date.today()).year
    year = year_of(text[start:end], this_year)
    before = text[max(0, start - 40):start]
    if year is None:
        return not (_letter_words().search(before) or _moment_words().search(before)
                    or _CLOCK_AFTER.match(text, end))
    if year >= this_year or _CLOCK_AFTER.match(text, end):
        return False
    letter_date = _letter_words().search(before)
    return not (letter_date and year > this_year - RECENT_YEARS)

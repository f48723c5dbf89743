"""Reading a resident's short answers in the hand-off form: yes/no, age, contact way, moment.

Dutch and English (and a few words of other languages); the words are data in
``answer_words.yml``. Answers are kept as the form's Dutch keys ("ja", "telefoon", "ochtend"):
the texts shown for them come from the data files in the conversation's language.

The text arrives redacted (personal data is already a placeholder such as ``<TELEFOONNUMMER_1>``),
so a contact answer is valid when it holds a placeholder of the right kind, never a raw value.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from pathlib import Path

import yaml

from redaction.number_words import number_word_value
from redaction.placeholders import LABELS, PLACEHOLDER

STOP = "stop"
ANSWER_WORDS = Path(__file__).with_name("answer_words.yml")


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """The word lists, each one pattern of whole words, compiled on first use (not at import)."""
    lists = yaml.safe_load(ANSWER_WORDS.read_text(encoding="utf-8"))
    return {key: re.compile(r"(?<![\w/])(?:" + "|".join(words) + r")(?!\w)", re.IGNORECASE)
            for key, words in lists.items()}


# A question is not an answer: "ja maar hoe lang bewaren jullie het?" is asked again.
_QUESTION = re.compile(r"\?\s*$|\?\s+\S")
_I_AM = r"(?:ik ben|i'?m|i am)"
_AGE = re.compile(r"\b(?:ik ben|i'?m|i am|ben|pas|net|just)?\s*(\d{1,3})\s*"
                  r"(?:jaar|jr|years?|yrs?)?\b", re.IGNORECASE)
# "bijna 16", "ik word in maart 16", "almost 16", "I turn 16 in May": not that age yet
_AGE_COMING = re.compile(
    r"\b(?:bijna|word|wordt|almost|turn|turning)\b(?:\s+\w+){0,3}?\s+(\d{1,3})\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# A clock time ("om 10 uur", "10.30", "14:00", "after 3 pm") is not an age, whichever question
# it answers.
_HOUR_WORDS = (r"enen|tweeën|drieën|vieren|vijven|zessen|zevenen|achten|negenen|tienen|elven"
               r"|twaalven")
_CLOCK_WORDS = (r"een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|one|two|three"
                r"|four|five|six|seven|eight|nine|ten|eleven|twelve")
_TIME = re.compile(
    r"\b(?:om|rond|tegen|na|voor|vanaf|tussen|tot|at|around|after|before|from|between|until)"
    r"\s+(?:\d{1,2}(?:[:.]\d{2}|en)?(?:\s*(?:uur|am|pm|o'clock))?|" + _HOUR_WORDS + r")\b"
    r"|\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s*(?:uur|u|am|pm|o'clock)(?!\w)"
    # "na half negen", "kwart over drie", "half past nine", "quarter to four"
    r"|\b(?:half|kwart\s+(?:over|voor)|half\s+past|quarter\s+(?:past|to))\s+(?:\d{1,2}|"
    + _CLOCK_WORDS + r")\b",
    re.IGNORECASE,
)
# Days and parts of the week a resident names for a call ("dinsdag of donderdag", "in het
# weekend", "morgen vroeg"): with a clock time, what makes an answer a moment.
_DAY = re.compile(
    r"\b(?:(?:maan|dins|woens|donder|vrij|zater|zon)dag\w*|weekend\w*|door de week"
    r"|doordeweeks|(?:over)?morgen(?! ?ochtend)|vandaag|vroeg|laat"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)days?|tomorrow|today|weekdays?|early|late)\b",
    re.IGNORECASE,
)
# Where a long moment answer is cut: the reason after it is not needed for the call.
_CLAUSE = re.compile(r"[,;]|\s(?:dan|want|omdat|because|since|as|then)\s", re.IGNORECASE)
# A birth year given as the age ("1979", "geboren in '88", "born in 1990", "ben van 2003").
_BIRTH_YEAR = re.compile(
    r"^\s*(?:(?:ik\s+)?ben\s+|i\s*(?:was|am|'m)\s+)?(?:geboren|born|van|uit|from|bouwjaar)?"
    r"\s*(?:in\s+)?(?:(19\d{2}|20\d{2})|'(\d{2}))\s*[.!]*\s*$"
    r"|\b(?:geboren|born)\s+(?:in\s+)?(?:(19\d{2}|20\d{2})|'(\d{2}))\b",
    re.IGNORECASE,
)
# An age stated where a moment is asked ("ik ben 42", "I'm 42", "15 jaar") or a bare number.
_AGE_STATEMENT = re.compile(
    r"^\s*(?:" + _I_AM + r"\s+)?\d{1,3}(?:\s*(?:jaar|jr|years?|yrs?)(?:\s+(?:oud|old))?)?"
    r"\s*[.!]*\s*$|\b" + _I_AM + r"\s+\d{1,3}\b|\b\d{1,3}\s*(?:jaar|jr|years?|yrs?)\b",
    re.IGNORECASE,
)
_YOUNGER = re.compile(r"\b(jonger|onder de 16|nog geen 16|minderjarig|younger|under (16|sixteen)"
                      r"|not (yet )?16|a minor)\b", re.IGNORECASE)
_OLDER = re.compile(r"\b(ouder|boven de 16|16 of ouder|volwassen|meerderjarig|older"
                    r"|over (16|sixteen)|16 or over|an adult|grown[- ]up)\b", re.IGNORECASE)

# The form's keys and the word lists (answer_words.yml) that name them, in the order tried.
CONTACT_WAY_WORDS = {"telefoon": "phone", "e-mail": "email"}
# Which placeholder a contact answer must hold, per contact way.
CONTACT_LABELS = {"telefoon": LABELS["PHONE_NUMBER"], "e-mail": LABELS["EMAIL_ADDRESS"]}
MOMENT_WORDS = {"ochtend": "morning", "middag": "afternoon", "avond": "evening",
                "maakt niet uit": "any_time"}
MAX_MOMENT_CHARS = 60


def is_stop(text: str | None) -> bool:
    if not text:
        return False
    patterns = _patterns()
    alone = patterns["stop_alone"].fullmatch(text.strip(" .!"))
    return bool(alone or patterns["stop_anywhere"].search(text))


def yes_or_no(text: str | None) -> str | None:
    """"ja", "nee", or None when the answer is neither, or is a question (ask again).

    The last yes or no in the message counts; a no-phrase holding a yes-word ("niet goed")
    is one no.
    """
    if not text:
        return None
    if len(text.split()) > 3 and _QUESTION.search(text):
        return None
    patterns = _patterns()
    cues = [(m.start(), m.end(), "nee") for m in patterns["no"].finditer(text)]
    cues += [(m.start(), m.end(), "ja") for m in patterns["yes"].finditer(text)]
    cues = [c for c in cues if not any(
        o is not c and o[0] <= c[0] and c[1] <= o[1] and (o[1] - o[0]) > (c[1] - c[0])
        for o in cues)]
    return max(cues, key=lambda c: (c[0], c[1]))[2] if cues else None


def age_answer(text: str | None) -> str | None:
    """"ja" when 16 or older, "nee" when younger, None when unclear."""
    if not text:
        return None
    if _YOUNGER.search(text):
        return "nee"
    if _OLDER.search(text):
        return "ja"
    answer = yes_or_no(text)
    if answer:
        return answer
    born = _birth_year(text)
    if born is not None:
        age = date.today().year - born
        return ("ja" if age >= 16 else "nee") if 4 <= age <= 120 else None
    without_times = _with_digits(_TIME.sub(" ", text))
    coming = _AGE_COMING.search(without_times)
    if coming and 4 <= int(coming.group(1)) <= 120:
        return "ja" if int(coming.group(1)) > 16 else "nee"
    ages = [int(m.group(1)) for m in _AGE.finditer(without_times) if 4 <= int(m.group(1)) <= 120]
    if ages:
        return "ja" if ages[0] >= 16 else "nee"
    return None


def _birth_year(text: str) -> int | None:
    match = _BIRTH_YEAR.search(text)
    if not match:
        return None
    full = match.group(1) or match.group(3)
    if full:
        return int(full)
    short = int(match.group(2) or match.group(4))  # '88 is 1988, '09 is 2009
    return 2000 + short if 2000 + short <= date.today().year else 1900 + short


def _with_digits(text: str) -> str:
    """Ages residents write in words ("zevenenveertig", "drieëntachtig") as digits."""
    def digits(match: re.Match[str]) -> str:
        value = number_word_value(match.group(0))
        return str(value) if value is not None and 4 <= value <= 120 else match.group(0)
    return _WORD.sub(digits, text)


def contact_way(text: str | None) -> str | None:
    """"telefoon" or "e-mail"; a placeholder in the answer counts as the way too."""
    if not text:
        return None
    for way, label in CONTACT_LABELS.items():
        if f"<{label}_" in text:
            return way
    patterns = _patterns()
    named = sorted((m.start(), way) for way, words in CONTACT_WAY_WORDS.items()
                   for m in patterns[words].finditer(text))
    if len({way for _, way in named}) > 1:
        # "mail, bellen vind ik eng", "liever niet bellen, mail maar": the way not turned down,
        # else the first one named.
        wanted = [(at, way) for at, way in named if not _turned_down(text, at)]
        named = wanted or named
    return named[0][1] if named else None


def _turned_down(text: str, at: int) -> bool:
    """The contact way named at ``at`` comes with a no: "niet bellen", "bellen vind ik eng"."""
    patterns = _patterns()
    before = text[max(0, at - 20):at]
    after = text[at:at + 40]
    return bool(patterns["not_before_way"].search(before + "\0")
                or patterns["not_after_way"].search(after))


def contact_placeholder(text: str | None, way: str | None) -> str | None:
    """The first placeholder of the kind the contact way needs, e.g. ``<TELEFOONNUMMER_1>``."""
    if not text or way not in CONTACT_LABELS:
        return None
    for match in PLACEHOLDER.finditer(text):
        if match.group("label") == CONTACT_LABELS[way]:
            return match.group(0)
    return None


def moment(text: str | None) -> str | None:
    """A known moment, or the resident's own short words; None when empty or too long.

    Also None for an answer to another question given here - "bellen", "mail", "ja", "ik ben
    42", "15" - so it is asked again instead of ending up in the hand-off as the moment.
    """
    if not text or not text.strip():
        return None
    patterns = _patterns()
    # A clock time is more than a part of the day: "after 4 o clock, morning I work in cleaning"
    # became "morning", the one time the resident cannot be called. Their own words stay.
    for name, words in MOMENT_WORDS.items():
        if patterns[words].search(text) and not _TIME.search(text):
            return name
    words = " ".join(text.split())
    if PLACEHOLDER.search(words):
        return None
    timed = _names_a_time(words)
    if len(words) > MAX_MOMENT_CHARS and timed:
        # "dinsdag of donderdag, dan is mijn moeder naar de dagbesteding": the day, not why.
        words = next((c.strip() for c in _CLAUSE.split(words)
                      if c and _names_a_time(c)), words)
    if len(words) > MAX_MOMENT_CHARS:
        return None
    if not timed and _answers_another_question(words):
        return None
    return words


def _names_a_time(text: str) -> bool:
    """A clock time or a day in the answer: what makes it a moment."""
    return bool(_TIME.search(text) or _DAY.search(text))


def _answers_another_question(text: str) -> bool:
    """An answer that fits the contact-way, yes/no or age question, not a moment."""
    return bool(contact_way(text) or _starts_with_yes_or_no(text) or is_stop(text)
                or _AGE_STATEMENT.search(text))


def _starts_with_yes_or_no(text: str) -> bool:
    """"ja", "nee hoor", "prima": a bare answer, not a moment such as "morgen is goed"."""
    patterns = _patterns()
    return any(p.match(text.strip()) for p in (patterns["yes"], patterns["no"]))

"""Dutch phone numbers via python-phonenumbers, minus public service numbers.

libphonenumber already knows every Dutch numbering format residents type (06-12345678,
+31(0)6-12345678, (010) 123 45 67, 010.123.45.67, 0031...) and rejects amounts, dates and
postcodes, so this is Presidio's PhoneRecognizer restricted to region NL (international "+"
numbers still parse) with a higher base score and Dutch context.

Public numbers survive: 0800 (free), 0900/0906/0909 (paid) and 084/087 (shared cost) numbers
belong to organisations, and 14 + area code (14 020) is the municipal number. 112 and 113 are
too short to be matched at all. 088 numbers are organisation numbers too, but they also reach
individual employees directly, so they are redacted (set `public_prefixes: ["14", "88"]` in
recognizers.yml to keep them) - unless the sentence itself names the landline as an
organisation's ("Is 088 898 92 94 het algemene nummer van het UWV?"); a mobile never is. An 088
number also survives in a message that names a listed organisation ("de Luisterlijn 088 0767
000 is bezet", "Het UWV belt mij vanaf 088-8982070") when nothing in its sentence before it says
whose else it is ("mijn", "haar", "de consulent", "meneer").

libphonenumber's "valid" also means "in a range that is assigned today". Residents do not know
that, and a made-up or newly issued number is still their number: "06-98 76 54 32" (06-9 is not
assigned) and "+31 97 0123 4567" (M2M) are reported too, when they have a mobile shape (06 + eight
digits) or an explicit international prefix (+, 00). Other unassigned shapes stay out, so bank
account numbers and dates are not read as phone numbers.

Residents on a phone keyboard type the letter o for a zero ("o6-28473915", "O6 47 19 28 36");
an o/O that starts a run of digits or sits between digits is read as 0 (same length, so the
offsets still point into the original text).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import phonenumbers
import regex as re
from phonenumbers import PhoneNumberType
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import PhoneRecognizer

from redaction.recognizers import _lexicon

# "o6…", "O6 47…", "06-1234o678": a letter o typed where a zero belongs.
_O_FOR_ZERO = re.compile(r"(?<![^\W\d_])[oO](?=\d)|(?<=\d)[oO](?=\d)")
# "... het (goede|algemene) nummer van (de|het) UWV": the sentence names whose number it is.
_NUMBER_OF = re.compile(
    r"\s*,?\s+(?:is\s+)?(?:dat|dit|het)\s+(?:\w+\s+){0,2}(?:telefoon)?nummer\s+van\s+"
    r"(?:de\s+|het\s+)?(?P<org>[\w&-]+)",
    re.IGNORECASE,
)
# "Wat is het (telefoon)nummer van de GGD Brabant-Zuidoost? Ik heb alleen 088 ... gevonden"
_NUMBER_OF_BEFORE = re.compile(
    r"\b(?:telefoon)?nummer\s+van\s+(?:de\s+|het\s+)?(?P<org>[\w&]+)", re.IGNORECASE
)
# Between that question and the number: another owner ("mijn nummer") or another number.
_OTHER_OWNER = re.compile(r"\d|\b(?:mijn|m'n|mn|my|ons|onze|zijn|haar|hun|jouw|uw)\b",
                          re.IGNORECASE)
# Before an 088 number in its sentence: a person it belongs to ("mijn", "zijn consulent").
_PERSON_OWNER = re.compile(
    r"\b(?:mijn|m'n|mn|my|zijn|z'n|haar|hem|hun|jouw|uw|meneer|mevrouw|mevr|mw|dhr|heer"
    r"|consulent|klantmanager|casemanager|contactpersoon|begeleider|hulpverlener|behandelaar"
    r"|doorkiesnummer|direct|privé|prive)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?\n](?=\s|$)")
# The numbering range of organisations ("bedrijfsnummers"): 088 + seven digits.
_ORGANISATION_RANGE = "88"
# A date with a four-digit year at the start of a match: a time stamp, not a phone number.
# "00-00-1968": the BRP writes an unknown day or month as 00.
_DATE_START = re.compile(
    r"(?:00|0?[1-9]|[12]\d|3[01])([-/.])(?:00|0?[1-9]|1[0-2])\1(?:19|20)\d\d\b"
)
_EXTENSION = re.compile(r"\s*,?\s*(?:toestel|tst\.?|ext\.?|extensie|extension)\s*\d{1,5}(?!\d)",
                        re.IGNORECASE)
# "06,35,21,47,96": a number typed in groups with commas (three or more groups; "1,50" is money).
_COMMA_GROUPS = re.compile(r"(?<![\d,])(?:\+)?\d{2,4}(?:,\d{2,4}){2,5}(?![\d,])")


class NlPhoneRecognizer(PhoneRecognizer):
    """Recognise PHONE_NUMBER for region NL; public service numbers are never reported."""

    SCORE = 0.6
    CONTEXT = [
        "telefoon",
        "telefoonnummer",
        "telnr",
        "tel",
        "mobiel",
        "mobiele",
        "mobieltje",
        "gsm",
        "nummer",
        "bellen",
        "bel",
        "belt",
        "gebeld",
        "terugbellen",
        "bereikbaar",
        "whatsapp",
        "appen",
        "sms",
        # English, as residents mix it in ("my number starts with 06 52. Then 817 304.")
        "phone",
        "number",
        "call",
        "mobile",
        "cell",
    ]
    PUBLIC_NUMBER_TYPES = ("TOLL_FREE", "PREMIUM_RATE", "SHARED_COST")
    # National significant number prefixes (after +31 / leading 0) that are public services.
    PUBLIC_PREFIXES = ("14",)

    def __init__(
        self,
        context: list[str] | None = None,
        supported_language: str = "nl",
        supported_entity: str = "PHONE_NUMBER",
        supported_regions: Iterable[str] = ("NL",),
        leniency: int = 1,
        name: str | None = None,
        public_number_types: Iterable[str] | None = None,
        public_prefixes: Iterable[str] | None = None,
    ) -> None:
        self.public_types = frozenset(
            getattr(PhoneNumberType, t) for t in (public_number_types or self.PUBLIC_NUMBER_TYPES)
        )
        self.public_prefixes = tuple(public_prefixes or self.PUBLIC_PREFIXES)
        super().__init__(
            context=context or self.CONTEXT,
            supported_language=supported_language,
            supported_entity=supported_entity,
            supported_regions=tuple(supported_regions),
            leniency=leniency,
            name=name,
        )

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        text = _O_FOR_ZERO.sub("0", text)
        text = _COMMA_GROUPS.sub(lambda m: m.group().replace(",", " "), text)
        results = []
        for region in self.supported_regions:
            for match in phonenumbers.PhoneNumberMatcher(text, region, leniency=self.leniency):
                if self.is_public(match.number) or _glued_to_word(text, match.start, match.end):
                    continue
                if organisation_number(
                    text, match.end, match.number, match.start
                ) or _DATE_START.match(
                    text, match.start
                ):
                    continue  # "05-12-2026 08:03 - Papa:": a chat's time stamp
                found_region = phonenumbers.region_code_for_number(match.number) or region
                results.append(
                    self._get_recognizer_result(match, text, found_region, nlp_artifacts)
                )
            if self.leniency == phonenumbers.Leniency.POSSIBLE:
                continue
            for match in phonenumbers.PhoneNumberMatcher(
                text, region, leniency=phonenumbers.Leniency.POSSIBLE
            ):
                if (
                    any(r.start < match.end and match.start < r.end for r in results)
                    or not _phone_shaped(match.raw_string, match.number)
                    or self.is_public(match.number)
                    or _glued_to_word(text, match.start, match.end)
                    or organisation_number(text, match.end, match.number, match.start)
                    or _DATE_START.match(text, match.start)
                ):
                    continue
                results.append(self._get_recognizer_result(match, text, region, nlp_artifacts))
        for result in results:
            extension = _EXTENSION.match(text, result.end)
            if extension:
                result.end = extension.end()  # "033-4612870 toestel 214": the extension is hers
        return EntityRecognizer.remove_duplicates(results)

    def is_public(self, number: phonenumbers.PhoneNumber) -> bool:
        """True for numbers of public services that must survive redaction."""
        return is_public_number(number, self.public_types, self.public_prefixes)


@lru_cache(maxsize=1)
def _organisations() -> frozenset[str]:
    return _lexicon.load_keep_terms()


def organisation_number(
    text: str, end: int, number: phonenumbers.PhoneNumber, start: int | None = None
) -> bool:
    """ "Is 050 599 77 55 het goede nummer van DUO?": a landline the sentence itself names as
    an organisation's (a listed organisation, or a word in capitals) - not a resident's. Also
    when the message asked for that number just before ("Wat is het nummer van de GGD? Ik heb
    alleen 088 ... gevonden"), with no possessive or other number between ("mijn nummer is")."""
    if str(number.national_number).startswith("6"):
        return False  # a mobile number is a person's
    if start is not None and _organisation_range_named(text, start, number):
        return True
    named = _NUMBER_OF.match(text, end)
    if named is None and start is not None:
        named = _asked_before(text, start)
    if named is None:
        return False
    org = named["org"]
    return org.casefold() in _organisations() or (org.isupper() and len(org) >= 2)


@lru_cache(maxsize=1)
def _organisation_names() -> re.Pattern[str]:
    terms = sorted(_organisations(), key=len, reverse=True)
    alternatives = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in terms)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


def _organisation_range_named(text: str, start: int, number: phonenumbers.PhoneNumber) -> bool:
    """An 088 number in a message naming a listed organisation, with no person's word before it
    in its sentence: the organisation's line, not an employee's or a resident's."""
    if number.country_code != 31 or not str(number.national_number).startswith(
        _ORGANISATION_RANGE
    ):
        return False
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    sentence_start = ends[-1] if ends else 0
    if _PERSON_OWNER.search(text, sentence_start, start):
        return False
    return bool(_organisation_names().search(text))


def _asked_before(text: str, start: int) -> re.Match[str] | None:
    """The last "nummer van (de) ORG" in the 120 characters before ``start``, when nothing
    between it and the number says whose else it is or holds another number."""
    matches = list(_NUMBER_OF_BEFORE.finditer(text, max(0, start - 120), start))
    asked = matches[-1] if matches else None
    if asked is None or _OTHER_OWNER.search(text, asked.end(), start):
        return None
    return asked


def is_public_number(
    number: phonenumbers.PhoneNumber,
    types: Iterable[int] | None = None,
    prefixes: tuple[str, ...] = NlPhoneRecognizer.PUBLIC_PREFIXES,
) -> bool:
    """A number of a public service (0800, 090x, 084/087, 14 0xx by default)."""
    if types is None:
        types = {getattr(PhoneNumberType, t) for t in NlPhoneRecognizer.PUBLIC_NUMBER_TYPES}
    if phonenumbers.number_type(number) in types:
        return True
    national = str(number.national_number)
    if number.country_code == 31 and national.startswith(prefixes):
        return True
    # An unassigned number in a service range cannot be typed, but is not a resident's.
    return not phonenumbers.is_valid_number(number) and _public_range(number)


# Service ranges by prefix (0800, 090x, 084/087), for numbers libphonenumber cannot type.
_SERVICE_PREFIXES = ("800", "900", "906", "909", "84", "87")


def _public_range(number: phonenumbers.PhoneNumber) -> bool:
    return number.country_code == 31 and str(number.national_number).startswith(_SERVICE_PREFIXES)


def _phone_shaped(raw: str, number: phonenumbers.PhoneNumber) -> bool:
    """An unassigned number that still looks like a phone number to anyone reading it."""
    digits = re.sub(r"\D", "", raw)
    if raw.lstrip("(").startswith("+") or digits.startswith("00"):
        return phonenumbers.is_possible_number(number)
    national = str(number.national_number)
    return number.country_code == 31 and digits.startswith("06") and len(national) == 9


def _glued_to_word(text: str, start: int, end: int) -> bool:
    """Digits inside a longer token (an IBAN, a case number) are not a phone number."""
    before = text[max(0, start - 2) : start].rjust(2)
    after = text[end : end + 2].ljust(2)
    joined_before = before[1].isalnum() or (before[1] in "-_" and before[0].isalnum())
    joined_after = after[0].isalnum() or (after[0] in "-_" and after[1].isalnum())
    return joined_before or joined_after

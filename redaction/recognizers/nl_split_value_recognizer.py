"""Values split into parts with words between them: "de eerste vier zijn 0612 en daarna 345678",
"eerst 246, dan 497, en als laatste 191, dat is mijn burgerservicenummer", "mijn iban begint met
NL27 BUNQ en dan 1167 4731 49", "de postcode begint met 3085 en de letters zijn E X".

Each part alone is no value (or a different one), so no other recognizer sees the whole. Parts
of two to four fragments in a row, with at most a few words and no other number between them,
are put together and checked the way the whole value is: the 11-proef for a BSN, mod-97 for an
IBAN, libphonenumber for a phone number, four digits and two letters for a postcode. Only a
checked value is reported, each fragment on its own (the words between stay); a BSN, phone number
or postcode also needs one of its recognizer's context words in the message, since three
ordinary numbers pass the 11-proef one time in eleven.
"""

from __future__ import annotations

import phonenumbers
import regex as re
from presidio_analyzer import LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from redaction.recognizers._amounts import is_amount
from redaction.recognizers._results import explained_result
from redaction.recognizers.nl_bsn_recognizer import NlBsnRecognizer, elf_proef
from redaction.recognizers.nl_iban_recognizer import is_valid_iban
from redaction.recognizers.nl_phone_recognizer import NlPhoneRecognizer
from redaction.recognizers.nl_postcode_recognizer import NlPostcodeRecognizer

# A fragment: the head of an IBAN ("NL27 BUNQ"), a digit group ("0612", "1167 4731 49"), or one
# or two capitals ("E X", "EX": the letters of a postcode).
_FRAGMENT = re.compile(
    r"(?<![\w@+/-])(?:NL\d{2}(?: ?[A-Z]{4})?|\d+(?:[ .-]\d+)*|[A-Z](?: ?[A-Z])?)(?![\w@]|[.,-]\d)"
)
# Between two fragments: up to five words, commas and full stops, nothing else.
_GAP = re.compile(r"[\s,.:;]*(?:[^\W\d_]+[\s,.:;]+){1,5}")
_MAX_FRAGMENTS = 4
_POSTCODE = re.compile(r"[1-9]\d{3}(?!SA|SD|SS)[A-Z]{2}")
_NL_IBAN = re.compile(r"NL\d{2}[A-Z]{4}\d{10}")
_WORD = re.compile(r"[^\W\d_]+")
_PERSONAL_PHONE_TYPES = (
    phonenumbers.PhoneNumberType.FIXED_LINE,
    phonenumbers.PhoneNumberType.MOBILE,
    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
)


class NlSplitValueRecognizer(LocalRecognizer):
    """Recognise a BSN, IBAN, phone number or postcode typed in parts with words between them."""

    def __init__(
        self,
        supported_language: str = "nl",
        name: str | None = None,
        score: float = 0.6,
    ) -> None:
        self.score = score
        self.context_words = {
            "NL_BSN": tuple(NlBsnRecognizer.CONTEXT),
            "PHONE_NUMBER": tuple(NlPhoneRecognizer.CONTEXT),
            "NL_POSTCODE": tuple(NlPostcodeRecognizer.CONTEXT),
            "IBAN_CODE": (),
        }
        super().__init__(
            supported_entities=list(self.context_words),
            name=name,
            supported_language=supported_language,
        )

    def load(self) -> None:  # noqa: D102 - nothing to load
        pass

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        fragments = [m for m in _FRAGMENT.finditer(text) if not is_amount(text, m.start(), m.end())]
        if len(fragments) < 2:
            return []
        words = [w.casefold() for w in _WORD.findall(text)]
        results: list[RecognizerResult] = []
        first = 0
        while first < len(fragments) - 1:
            found = self._value_from(text, fragments, first, words)
            if found is None:
                first += 1
                continue
            entity, last = found
            results += [
                self._result(entity, fragment.start(), fragment.end())
                for fragment in fragments[first:last + 1]
            ]
            first = last + 1
        return results

    def _value_from(
        self, text: str, fragments: list[re.Match], first: int, words: list[str]
    ) -> tuple[str, int] | None:
        """The type of the value that fragments ``first`` … ``last`` make together, and ``last``."""
        compact = _compact(fragments[first].group())
        for last in range(first + 1, min(first + _MAX_FRAGMENTS, len(fragments))):
            if not _GAP.fullmatch(text, fragments[last - 1].end(), fragments[last].start()):
                return None
            compact += _compact(fragments[last].group())
            entity = _checked_type(compact)
            if entity and self._has_context(entity, words):
                return entity, last
        return None

    def _has_context(self, entity: str, words: list[str]) -> bool:
        context = self.context_words[entity]
        return not context or any(word.startswith(context) for word in words)

    def _result(self, entity: str, start: int, end: int) -> RecognizerResult:
        result = explained_result(
            self, start, end, self.score, f"{entity} typed in parts with words between them"
        )
        result.entity_type = entity
        return result


def _compact(fragment: str) -> str:
    return re.sub(r"[\s.-]", "", fragment)


def _checked_type(compact: str) -> str | None:
    """The type of a value whose check passes, else None."""
    if compact.isdigit():
        if len(compact) == 9 and elf_proef(compact):
            return "NL_BSN"
        if len(compact) == 10 and compact.startswith("0") and _is_personal_phone(compact):
            return "PHONE_NUMBER"
        return None
    if _NL_IBAN.fullmatch(compact) and is_valid_iban(compact):
        return "IBAN_CODE"
    if _POSTCODE.fullmatch(compact):
        return "NL_POSTCODE"
    return None


def _is_personal_phone(digits: str) -> bool:
    try:
        number = phonenumbers.parse(digits, "NL")
    except phonenumbers.NumberParseException:
        return False
    mobile = digits.startswith("06")
    return mobile or (
        phonenumbers.is_valid_number(number)
        and phonenumbers.number_type(number) in _PERSONAL_PHONE_TYPES
    )

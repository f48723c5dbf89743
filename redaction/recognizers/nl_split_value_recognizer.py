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

# A fragment: the head of an IBAN with the digits typed so far ("NL27 BUNQ", "NL52 RBRB 2698",
# "PL23 8846 0708 8927", "ro85 btrl 4640": any country, any case), a
# digit group ("0612", "1167 4731 49"), or one or two capitals ("E X", "EX": a postcode's letters).
_FRAGMENT = re.compile(
    r"(?<![\w@+/-])(?:(?i:[A-Z]{2})\d{2}(?: ?(?i:[A-Z]{4}))?(?: ?\d+)*|\d+(?:[ .-]\d+)*"
    r"|[A-Z](?: ?[A-Z])?)"
    r"(?![\w@]|[.,-]\d)"
)
# Between two fragments: words, commas, full stops, dashes and dots of hesitation, nothing else.
# Residents look a value up halfway ("06 19 en dan, uit mijn hoofd weet ik het niet, o ja, 284
# 706", "NL87 BUNQ, wacht ff ik pak mn pasje. ok daarna komt 0269 2160 82"): up to twelve words;
# the check of the whole value and a context word keep chance combinations out.
# Or no word, only a full stop, comma or dash: a cracked screen or a slip of the thumb ends the
# first part ("bsn 4543. 72231.").
_GAP = re.compile(r"[\s,.:;…–—-]*(?:[^\W\d_]+[\s,.:;…–—-]+){1,12}|\s*[,.:;…–—-][\s,.:;…–—-]*")
_MAX_FRAGMENTS = 4
_POSTCODE = re.compile(r"[1-9]\d{3}(?!SA|SD|SS)[A-Z]{2}")
_POSTCODE_DIGITS = re.compile(r"[1-9]\d{3}")
_IBAN = re.compile(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}")
_WORD = re.compile(r"[^\W\d_]+")
_PERSONAL_PHONE_TYPES = (
    phonenumbers.PhoneNumberType.FIXED_LINE,
    phonenumbers.PhoneNumberType.MOBILE,
    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
)


class NlSplitValueRecognizer(LocalRecognizer):
    """Recognise a BSN, IBAN, phone number or postcode typed in parts with words between them."""

    # Checked as a whole and (BSN, phone, postcode) named by a context word: the type is known
    # better than the long-number fail-safe's ID_NUMBER, even with its context boost (0.85), so a
    # part it also matches keeps this type ("begint met 06. Dan komt 44 90 21 76").
    SCORE = 0.9

    def __init__(
        self,
        supported_language: str = "nl",
        name: str | None = None,
        score: float = SCORE,
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
            entity, used = found
            results += [self._result(entity, part.start(), part.end()) for part in used]
            first = fragments.index(used[-1]) + 1
        return results

    def _value_from(
        self, text: str, fragments: list[re.Match], first: int, words: list[str]
    ) -> tuple[str, list[re.Match]] | None:
        """The type of the value that fragments from ``first`` on make together, and those used.

        A lone capital that does not follow a postcode's digits is a word of the gap ("the rest
        I have to look up"); a part with its own trunk prefix after a number that has one is
        another number ("bel 06 en vraag naar Lisa, of bel 0800 1234").
        """
        used = [fragments[first]]
        compact = _compact(fragments[first].group())
        for fragment in fragments[first + 1:]:
            part = _compact(fragment.group())
            if part.isalpha() and not _POSTCODE_DIGITS.fullmatch(compact):
                continue
            if not _GAP.fullmatch(text, used[-1].end(), fragment.start()):
                return None
            if part.startswith("0") and compact.startswith("0"):
                return None
            used.append(fragment)
            compact += part
            entity = checked_type(compact)
            if entity and self._has_context(entity, words):
                return entity, used
            if len(used) == _MAX_FRAGMENTS:
                return None
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


def checked_type(compact: str) -> str | None:
    """The type of a value whose check passes, else None."""
    if compact.isdigit():
        if len(compact) == 9 and elf_proef(compact):
            return "NL_BSN"
        if len(compact) == 10 and compact.startswith("0") and _is_personal_phone(compact):
            return "PHONE_NUMBER"
        return None
    if _IBAN.fullmatch(compact.upper()) and is_valid_iban(compact.upper()):
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

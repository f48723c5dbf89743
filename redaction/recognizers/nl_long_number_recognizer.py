"""Long numbers and codes without a keyword: the identifiers residents paste without saying what
they are ("het staat onder 40022918374", "incassodossier INC-448190", "het nummer was NPF7K2LR4").

Privacy first: in a chat with the municipality a number of seven digits or more, or a code that
mixes letters with five digits or more, is nearly always a client, case, document or account
number. What it is instead is excluded: public service numbers (0800, 090x, 14 0xx survive),
amounts ("€ 1.250.000", "3000000 euro"), dates and year ranges, quantities
("12345678 keer"), IP addresses and anything inside a URL or e-mail address. Reported as
ID_NUMBER at the lowest strong score, so every more specific recognizer (IBAN, plate, postcode,
phone) decides the type where it also matches; valid BSNs are left to NlBsnRecognizer. A phone
number in a grouping the phone recognizer does not read ("06/19/37/48/20") is still redacted here.
"""

from __future__ import annotations

import phonenumbers
import regex as re
from presidio_analyzer import LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from redaction.recognizers._amounts import is_amount
from redaction.recognizers._results import explained_result
from redaction.recognizers.nl_bsn_recognizer import elf_proef
from redaction.recognizers.nl_phone_recognizer import is_public_number, organisation_number

# A code: letters/digits joined by - / . (no spaces), or digit groups of any size separated by
# single spaces or a spaced slash ("1102 4476 1908", "1 96 78 36 77", "SHV 2026 / 33814": the
# fail-safe for long numbers in any grouping), optionally after an uppercase prefix that is not a
# keyword ("AM 2290 1147", "UA-0471 2289"); hyphens between the groups too when the number starts
# with a 0, as no time, range or count does ("01-77 41 93", not "ma 9-12 13-17").
_CANDIDATE = re.compile(
    r"(?<![\w@.:/+#-])"
    r"(?P<value>(?:(?!(?:BSN|IBAN|TEL|NR|KVK)[\s-])[A-Z]{1,4}[\s-])?\d{1,5}(?:(?:\s|\s/\s)\d{1,5})+"
    r"|0\d{0,4}(?:(?:\s|\s?[-–]\s?)\d{1,5})+"
    r"|[A-Za-z0-9]+(?:[-/.][A-Za-z0-9]+)*)"
    r"(?![\w@]|[.:/-]\w)"
)
_DATE = re.compile(
    r"\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"
    r"|(?:19|20)\d{2}\s?[-/]\s?(?:19|20)?\d{2}"
)
# "140 2274" + " JJ": the house number and the digits of the postcode after it.
_HOUSE_NUMBER_AND_POSTCODE = re.compile(r"[1-9]\d{0,3}\s[1-9]\d{3}")
# The postcode's letters on the same line ("2274 JJ"; not "6829 1135\nIk ben ...").
_POSTCODE_LETTERS = re.compile(r"[ \t]?(?![sS][aAdDsS])[a-zA-Z]{2}(?!\w)")
_YEARS = re.compile(r"(?:19|20)\d{2}(?:\s(?:19|20)\d{2})+")  # "2019 2020 2021": years, not a number
_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?")
_IP = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}")
_DOMAIN = re.compile(r"[A-Za-z]{2,}\.[A-Za-z]{2,}")
_QUANTITY_AFTER = re.compile(
    r"\s*(?:keer\b|maal\b|mensen\b|personen\b|stuks\b|km\b|kilometer"
    r"|meter\b|kilo\b|kg\b|gram\b|liter\b|kwh\b|m3\b|views\b|volgers\b|likes\b|procent\b|%)",
    re.IGNORECASE,
)


class NlLongNumberRecognizer(LocalRecognizer):
    """Recognise ID_NUMBER: long numbers and letter-digit codes that carry no keyword."""

    CONTEXT = ["nummer", "kenmerk", "staat", "code"]

    def __init__(
        self,
        context: list[str] | None = None,
        supported_language: str = "nl",
        supported_entity: str = "ID_NUMBER",
        name: str | None = None,
        min_digits: int = 7,
        min_digits_in_code: int = 5,
        score: float = 0.5,
    ) -> None:
        self.min_digits = min_digits
        self.min_digits_in_code = min_digits_in_code
        self.score = score
        super().__init__(
            supported_entities=[supported_entity],
            name=name,
            supported_language=supported_language,
            context=context or self.CONTEXT,
        )

    def load(self) -> None:  # noqa: D102 - nothing to load
        pass

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        results = []
        for match in _CANDIDATE.finditer(text):
            value = match.group("value")
            if self._is_identifier(value) and not self._is_other_number(text, match):
                results.append(explained_result(
                    self, match.start("value"), match.end("value"), self.score,
                    "Long number or letter-digit code (an identifier without a keyword)",
                ))
        return results

    def _is_identifier(self, value: str) -> bool:
        digits = sum(ch.isdigit() for ch in value)
        letters = sum(ch.isalpha() for ch in value)
        if letters == 0:
            compact = re.sub(r"\D", "", value)
            return digits >= self.min_digits and not (digits == 9 and elf_proef(compact))
        if digits >= self.min_digits_in_code:
            return True
        # Document numbers: nine or more capitals and digits, at least three digits ("NPF7K2LR4").
        compact = re.sub(r"[-/.\s]", "", value)
        return len(compact) >= 8 and digits >= 3 and compact.isupper()

    @staticmethod
    def _is_other_number(text: str, match: re.Match) -> bool:
        """A public service number, amount, date, quantity or IP address: not an identifier."""
        value = match.group("value")
        if any(p.fullmatch(value) for p in (_DATE, _THOUSANDS, _IP, _YEARS)):
            return True
        if _DOMAIN.search(value):
            return True  # a web address: NlUrlRecognizer's
        if _HOUSE_NUMBER_AND_POSTCODE.fullmatch(value) and _POSTCODE_LETTERS.match(
            text, match.end()
        ):
            return True  # "Julianalaan 140 2274 JJ": a house number, then a postcode
        if is_amount(text, match.start(), match.end()) or _QUANTITY_AFTER.match(text, match.end()):
            return True
        return _is_public_phone_number(value, text, match.start(), match.end())


def _is_public_phone_number(value: str, text: str, start: int, end: int) -> bool:
    """A public service number, or a landline the sentence names as an organisation's."""
    digits = re.sub(r"\D", "", value)
    if not digits.startswith("0") or not 8 <= len(digits) <= 13:
        return False
    try:
        number = phonenumbers.parse(digits, "NL")
    except phonenumbers.NumberParseException:
        return False
    return is_public_number(number) or organisation_number(text, end, number, start)

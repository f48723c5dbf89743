"""IBAN: Dutch and other European account numbers, validated by the ISO 13616 mod-97 check.

Presidio's IbanRecognizer matches uppercase only and scores lowercase IBANs without a checksum
boost; residents type "nl91abna0417164300" and "NL91 ABNA 0417 1643 00", so this recognizer
matches case-insensitively, allows spaces or dashes (" - " too) anywhere between characters, and
cuts the match at exactly the country's IBAN length (so "... 1643 00 2 dagen" does not swallow
the "2").
"""

from __future__ import annotations

from collections import defaultdict

import regex as re
from presidio_analyzer import Pattern, PatternRecognizer

# ISO 13616 lengths for the EU/EEA and countries residents often bank in.
IBAN_LENGTHS: dict[str, int] = {
    "AD": 24, "AL": 28, "AT": 20, "BA": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24,
    "DE": 22, "DK": 18, "EE": 20, "ES": 24, "FI": 18, "FR": 27, "GB": 22, "GR": 27, "HR": 21,
    "HU": 28, "IE": 22, "IS": 26, "IT": 27, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MA": 28,
    "MC": 27, "ME": 22, "MK": 19, "MT": 31, "NL": 18, "NO": 15, "PL": 28, "PT": 25, "RO": 24,
    "RS": 22, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "TR": 26, "UA": 29, "XK": 20,
}  # fmt: skip
_NL_BBAN = re.compile(r"[A-Z]{4}\d{10}")
_BANK_CODE_LETTERS = str.maketrans("01", "OL")
# Between two characters: nothing, a space, a dash, or a dash with spaces ("NL96 - RABO - 0900").
_GAP = r"(?: ?- ?| )?"


def normalise_iban(text: str) -> str:
    return re.sub(r"[\s-]", "", text).upper()


def iban_checksum_ok(iban: str) -> bool:
    """ISO 7064 mod 97-10: move the first four characters to the end, letters to 10..35, mod 97."""
    iban = normalise_iban(iban)
    if len(iban) < 5 or not iban.isalnum() or not iban.isascii():
        return False
    rearranged = iban[4:] + iban[:4]
    return int("".join(str(int(ch, 36)) for ch in rearranged)) % 97 == 1


def is_valid_iban(text: str) -> bool:
    """Known country, right length, Dutch BBAN shape for NL, and a correct mod-97 checksum."""
    iban = normalise_iban(text)
    country = iban[:2]
    if IBAN_LENGTHS.get(country) != len(iban) or not iban[2:4].isdigit():
        return False
    if country == "NL" and not _NL_BBAN.fullmatch(iban[4:]):
        # The normaliser reads O and l next to digits as 0 and 1 ("RABO0773..." spelled "R A B O
        # nul zeven ..."); in a Dutch bank code they are the letters.
        iban = iban[:4] + iban[4:8].translate(_BANK_CODE_LETTERS) + iban[8:]
        if not _NL_BBAN.fullmatch(iban[4:]):
            return False
    return iban_checksum_ok(iban)


def _patterns() -> list[Pattern]:
    by_length: dict[int, list[str]] = defaultdict(list)
    for country, length in IBAN_LENGTHS.items():
        by_length[length].append(country)
    return [
        Pattern(
            f"iban ({length} chars)",
            rf"(?<![A-Z0-9])(?:{'|'.join(sorted(countries))}){_GAP}\d{{2}}"
            rf"(?:{_GAP}[A-Z0-9]){{{length - 4}}}(?![A-Z0-9])",
            0.5,
        )
        for length, countries in sorted(by_length.items())
    ]


class NlIbanRecognizer(PatternRecognizer):
    """Recognise IBAN_CODE in any case, compact or grouped; invalid checksums are dropped."""

    PATTERNS: list[Pattern] | None = None  # built per instance from IBAN_LENGTHS
    CONTEXT = [
        "iban",
        "rekeningnummer",
        "rekening",
        "bankrekening",
        "bankrekeningnummer",
        "rekeningnr",
        "bank",
        "overmaken",
        "overgemaakt",
        "storten",
        "gestort",
        "betalen",
    ]

    def __init__(
        self,
        patterns: list[Pattern] | None = None,
        context: list[str] | None = None,
        supported_language: str = "nl",
        supported_entity: str = "IBAN_CODE",
        name: str | None = None,
    ) -> None:
        super().__init__(
            supported_entity=supported_entity,
            name=name,
            supported_language=supported_language,
            patterns=patterns or self.PATTERNS or _patterns(),
            context=context or self.CONTEXT,
            global_regex_flags=re.IGNORECASE | re.MULTILINE,
        )

    def validate_result(self, pattern_text: str) -> bool:
        return is_valid_iban(pattern_text)

"""Case, client, contract and reference numbers, found by the Dutch word in front of them.

"Mijn klantnummer is 12345678", "zaaknummer: Z-2023-0042", "kenmerk van de brief is 2024/118-AB",
"betalingskenmerk 1234 5678 9012 3456". The keyword is right before the number (with at most a
few filler words such as "is", ":", "nr", "van de brief"), or a short gap of up to six words away
("het polisnummer van Zilveren Kruis is 77281934", "het kenmerk op de brief van DUO is 2024-1182").
Only the number is reported. The value needs two digits, so "klantnummer is onbekend" never
matches; after a gap it must look like an identifier (five characters, four digits), never an
amount ("€ 450", "3000 euro"), a date or a year.

A BSN keyword followed by a nine-digit number that fails the 11-proef (a typo) is still personal,
so it is reported here as ID_NUMBER; valid BSNs are left to NlBsnRecognizer.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import regex as re
from presidio_analyzer import LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from redaction.recognizers._amounts import is_amount
from redaction.recognizers._results import explained_result
from redaction.recognizers.nl_bsn_recognizer import elf_proef
from redaction.wordlists import read_term_file

# Identity documents and English case words (data: residents name them in many ways).
_KEYWORD_FILE = Path(__file__).with_name("data") / "id_number_keywords.txt"

_NUMBER_WORD = r"(?:[- ]?(?:nummer|nr\.?|no\.?|#))"
# Words that end the clause of the keyword: "klantnummer weet ik niet, maar de huur is 750".
_GAP_STOP = (
    r"niet|geen|nooit|maar|want|en|of|omdat|dus|als|toen|weet|ken|kwijt|onbekend|ook|nog|"
    r"bedrag|bedraagt|kost|kosten|huur|schuld|euro|eur|datum|sinds|tot|om"
)
# A value after a gap that is an amount, a date or a year, not an identifier.
_DATE_OR_YEAR = re.compile(
    r"(?:\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|(?:19|20)\d{2}"
    r"|\d{1,3}(?:\.\d{3})+)"
)


class NlIdNumberRecognizer(LocalRecognizer):
    """Recognise ID_NUMBER: the number after a Dutch case/client/reference keyword."""

    # Stems that become a keyword with "nummer"/"nr" after them (klantnummer, klant nr., ...).
    NUMBER_STEMS = (
        "klant", "dossier", "zaak", "cliënt", "client", "contract", "polis", "factuur",
        "beschikkings", "beschikking", "cjib", "aanvraag", "registratie", "relatie", "order",
        "referentie", "debiteur", "debiteuren", "vorderings", "vordering", "lid", "lidmaatschap",
        "pas", "klantenpas", "leerling", "student", "patiënt", "patient", "verzekerden",
        "verzekering", "aansluit", "huurder", "huurders", "contract", "werknemer", "personeels",
        "abonnement", "abonnements", "meld", "melding", "ticket", "zaak", "dossier", "kenmerk",
        "bsn", "sofi", "burgerservice", "v-", "vreemdelingen", "document", "paspoort", "rijbewijs",
        "id-kaart", "identiteitskaart", "uitkerings", "uitkering", "toeslag", "aanslag",
        "aanslagnummer", "betalings", "machtigings", "btw", "kvk", "track", "track-and-trace",
        "zending", "pakket", "subject", "object", "woz-object", "deelnemer", "deelnemers",
        "inschrijf", "inschrijvings", "vergunning", "vergunnings", "bezwaar", "debiteur",
    )  # fmt: skip
    # Keywords that are complete on their own.
    WORDS = (
        "betalingskenmerk", "kenmerk", "ons kenmerk", "uw kenmerk", "referentie", "dossier",
        "zaak-id", "klant-id", "aanslagnummer", "vonnisnummer", "cjib-nummer", "bsn",
        "burgerservicenummer", "sofinummer", "v-nummer", "track-and-trace code",
        "track & trace", "trackingcode",
    )  # fmt: skip
    CONTEXT = ["nummer", "kenmerk", "referentie", "dossier", "klantnummer", "zaaknummer"]
    BSN_KEYWORDS = ("bsn", "burgerservice", "sofi")

    SCORE = 0.6

    def __init__(
        self,
        context: list[str] | None = None,
        supported_language: str = "nl",
        supported_entity: str = "ID_NUMBER",
        name: str | None = None,
        extra_keywords: Iterable[str] = (),
    ) -> None:
        stems = "|".join(sorted({re.escape(s) for s in self.NUMBER_STEMS}, key=len, reverse=True))
        words = sorted({*self.WORDS, *read_term_file(_KEYWORD_FILE), *extra_keywords},
                       key=len, reverse=True)
        words_re = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
        filler = (
            r"(?:\s*(?:[:#=]|is|was|luidt|staat|"
            r"(?:van|bij|voor)\s+(?:mij|ons|(?:mijn|de|het|uw|jullie)\s+\w+|[A-Z][\w-]+)"
            r"|nr\.?|nummer|no\.?|code|\(\w+\)))"
        )
        value = (
            r"(?P<value>\d{4}(?:\s\d{4}){2,3}(?![\w-])"  # payment references: 1234 5678 9012 3456
            r"|(?-i:[A-Z]{1,4})\s\d{4,}(?![\w-])"  # "KB 55190": letters, a space, the digits
            r"|(?=[\w./-]*\d[\w./-]*\d)[a-z0-9](?:[\w./-]*[a-z0-9])?)"
        )
        self.regex = re.compile(
            rf"(?<![\w-])(?P<keyword>(?:{stems}){_NUMBER_WORD}|{words_re})(?![\w])"
            rf"{filler}{{0,3}}\s*[:#]?\s*{value}(?![\w])",
            re.IGNORECASE | re.MULTILINE,
        )
        # "het kenmerk op de brief van DUO is 2024-118273": up to six words without digits or
        # clause punctuation, then "is"/":"/"=" (or the number straight after the gap).
        gap_word = rf"(?!(?:{_GAP_STOP})(?![\w-]))[^\W\d_][\w'’-]*"
        self.gap_regex = re.compile(
            rf"(?<![\w-])(?P<keyword>(?:{stems}){_NUMBER_WORD}|{words_re})(?![\w])"
            rf"(?:\s+{gap_word}){{1,6}}?"
            rf"(?P<end>\s+(?:is|was|luidt)\s*[:=]?|\s*[:=]|)\s*{value}(?![\w])",
            re.IGNORECASE | re.MULTILINE,
        )
        super().__init__(
            supported_entities=[supported_entity],
            name=name,
            supported_language=supported_language,
            context=context or self.CONTEXT,
        )

    def load(self) -> None:  # noqa: D102 - nothing to load, the regex is built in __init__
        pass

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        results = []
        matches = list(self.regex.finditer(text))
        taken = {m.start("value") for m in matches}
        for match in self.gap_regex.finditer(text):
            if match.start("value") not in taken and self._identifier_after_gap(text, match):
                matches.append(match)
        for match in matches:
            value = match.group("value").rstrip(".-/")
            if len(value) < 3 or sum(ch.isdigit() for ch in value) < 2:
                continue
            if is_amount(text, match.start("value"), match.start("value") + len(value)):
                continue  # "klantnummer bij Eneco is 3000 euro": a sum of money, not an id
            keyword = match.group("keyword").lower()
            digits = re.sub(r"\D", "", value)
            if keyword.startswith(self.BSN_KEYWORDS) and (elf_proef(digits) or len(digits) < 8):
                continue  # a valid BSN is NlBsnRecognizer's; short numbers after "bsn" are not one
            start = match.start("value")
            results.append(explained_result(
                self, start, start + len(value), self.SCORE,
                "Number after a Dutch case/client/reference keyword",
            ))
        return results

    @staticmethod
    def _identifier_after_gap(text: str, match: re.Match) -> bool:
        """A number some words after its keyword must look like an identifier, not an amount."""
        value = match.group("value").rstrip(".-/")
        digits = sum(ch.isdigit() for ch in value)
        if len(value) < 5 or digits < 4 or _DATE_OR_YEAR.fullmatch(value):
            return False
        return True


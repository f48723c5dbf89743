"""Streets whose name ends like a place, not like a street: "Nijlbocht 7 zwart", "Bergsebrug
33 rood", "Loodsmansduin 76 A, 1784 NR", "op Oostzijde 301", "aan de Koedijkerbocht achttien".

Why: ``NlAddressRecognizer`` knows a street by its suffix (straat, laan, weg ...) or from deduce's
list, and fresh text names the many streets that have neither. Their endings (bocht, brug, duin,
zijde, land, veld ... in ``data/street_name_endings.txt``) are also the endings of towns and
surnames, so the word alone says little: it counts only when the words around say it is an
address - someone lives there ("ik woon op", "adres", "huis"), a postcode or town follows the
number, or the number has an addition ("7 zwart", "76 A", "12-III"). Towns, first names and
ordinary words ("Oostzijde") only mid-sentence where someone lives.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import regex as re
from presidio_analyzer import LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from redaction.number_words import number_word_value
from redaction.recognizers import _lexicon
from redaction.recognizers._house_numbers import (
    _HOUSE_NUMBER,
    _POSTCODE_AFTER,
    quantity_after,
    town_after,
)
from redaction.recognizers._results import explained_result
from redaction.recognizers._streets_without_suffix import _RESIDENCE, _SENTENCE_BREAK
from redaction.wordlists import read_term_file

ENDINGS_FILE = Path(__file__).with_name("data") / "street_name_endings.txt"
# A capitalised word (hyphens inside: "Groot-Hoek") and what may stand before its number.
_HEAD = re.compile(r"(?<![\w'’.@/-])(?P<head>[A-Z][^\W\d_]{2,}(?:-[^\W\d_]+)*)"
                   r"(?P<gap>\s+(?:nr\.?\s*|nummer\s+)?)")
_NUMBER_WORD = re.compile(r"[^\W\d_]{3,}(?![\w-])")
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s*|\n\s*)$")
_MIN_STEM = 3  # "Nijl" + "bocht"; a bare "Brug" or "Hoek" is a word, not a street


@cache
def street_name_endings() -> tuple[str, ...]:
    """The endings, longest first (so "duinen" is tried before "duin")."""
    return tuple(sorted(read_term_file(ENDINGS_FILE), key=len, reverse=True))


class NlEvidencedStreetRecognizer(LocalRecognizer):
    """Recognise NL_ADDRESS: a street with a place-like ending, confirmed by its surroundings."""

    CONTEXT: list[str] = []

    def __init__(
        self,
        context: list[str] | None = None,
        supported_language: str = "nl",
        supported_entity: str = "NL_ADDRESS",
        name: str | None = None,
        score: float = 0.65,
    ) -> None:
        self.score = score
        self._endings = street_name_endings()
        self._ordinary = _lexicon.ordinary_words()
        self._function_words = _lexicon.function_words()
        self._places = _lexicon.place_names()
        self._first_names = _lexicon.first_names()
        super().__init__(
            supported_entities=[supported_entity], name=name,
            supported_language=supported_language, context=context or self.CONTEXT,
        )

    def load(self) -> None:  # noqa: D102 - lists are read in __init__
        pass

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        results = []
        for match in _HEAD.finditer(text):
            if not self._is_street_word(match["head"]):
                continue
            end, has_addition = self._number_end(text, match.end())
            if end is None or quantity_after(text, end):
                continue
            lives_there = self._lives_there(text, match.start())
            if match["head"].lower() in self._ordinary and not (
                lives_there and not _SENTENCE_START.search(text, 0, match.start())
            ):
                continue  # "Oostzijde" is a word too: a street only where someone lives
            if has_addition or lives_there or self._place_after(text, end):
                why = "a street with a place-like ending, confirmed by the words around it"
                results.append(explained_result(self, match.start(), end, self.score, why))
        return results

    def _is_street_word(self, word: str) -> bool:
        low = word.lower()
        if low in self._places or low in self._first_names:
            return False
        if low in self._function_words:
            return False
        ending = next((e for e in self._endings if low.endswith(e)), None)
        return ending is not None and len(low) - len(ending) >= _MIN_STEM

    @staticmethod
    def _number_end(text: str, position: int) -> tuple[int | None, bool]:
        """Where the house number after the street ends, and whether it has an addition; a
        number word counts too ("Koedijkerbocht achttien")."""
        number = _HOUSE_NUMBER.match(text, position)
        if number is not None:
            return number.end(), bool(number["addition"])
        word = _NUMBER_WORD.match(text, position)
        if word is not None:
            value = number_word_value(word.group())
            if value is not None and 1 < value < 10000:
                return word.end(), False
        return None, False

    @staticmethod
    def _lives_there(text: str, start: int) -> bool:
        """The sentence before the street says someone lives there ("ik woon in Overvecht op")."""
        sentence = _SENTENCE_BREAK.split(text[max(0, start - 80):start])[-1]
        return _RESIDENCE.search(sentence) is not None

    def _place_after(self, text: str, end: int) -> bool:
        """A postcode or a listed town right after the number ("76 A, 1784 NR", "12, Venlo")."""
        return _POSTCODE_AFTER.match(text, end) is not None or town_after(
            text, end, self._places, comma_only=True)

"""Dutch postcodes: four digits (not starting with 0) and two letters, never SA, SD or SS.

"1234 AB" and "1234AB" are distinctive enough on their own, so the uppercase form is matched
case-sensitively (Presidio's default flags would make it case-insensitive). Lowercase forms
collide with ordinary text only where the letters are a two-letter Dutch word or a unit ("2021 in",
"1250 op", "3000 en", "500 mg"); those are a postcode only right after the word ("mijn postcode is
3521 km") or in the address position (below). Any other lowercase pair
("1103 tx", "3531 ep") is reported on its own: residents type their postcode in lowercase. Uppercase
units ("1000 GB", "2000 KM") are weak and need a context word (postcode, adres, woon...), except in
the address position itself: "Dorpsweg 3, 1697 kg," (street, number, comma, postcode,
then a comma, a town or the end) is a postcode even though "kg" is also a unit.

Residents also type "2 5 1 3 ck" (a space between every character), "9712 C D" and "8022-AW";
those spellings are matched too, and the letters are judged as above once the spaces are gone.
A double space ("6821  AB") is a slip of the thumb, not a different thing. A known town right
after the postcode ("6511 PK nijmegen", "9402 KM Assen") makes even unit or word letters a
postcode, and so does a town glued to it ("2311 ezleiden", only the postcode is reported). A
word pair ("3067 ga") counts when the resident talks about living there in the same sentence,
unless the digits read as a year or the letters as a unit.
"""

from __future__ import annotations

import regex as re
from presidio_analyzer import Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from redaction.recognizers import _lexicon

_DIGITS = r"(?<![\w-])[1-9]\d{3}"
_GAP = r" {0,2}"
_END = r"(?![\w-])"
# A street and house number (+ addition) right before the postcode: "Kerkstraat 12a, ".
_AFTER_HOUSE_NUMBER = re.compile(
    r"[^\W\d_]{2,}\.?\s+\d{1,5}(?:\s?-?\s?[a-zA-Z]{1,3}|-\d{1,3}|\s[IV]{1,3})?\s*[,;]?\s*$"
)

# A colour or floor after the number and its addition: "Nijlbocht 7 zwart, 3563 tb".
_FLOOR_WORD = r"(?:\s(?:rood|rd|zwart|zw|hs|boven|beneden|bg|hg))?"
# The strict address position: "Dorpsweg 3, ", "kerkstraat 12a, " (capital or street suffix).
_AFTER_STREET_COMMA = re.compile(
    r"(?:\b[A-Z][^\W\d_]+|[^\W\d_]*(?:straat|laan|weg|plein|gracht|kade|singel|dijk|dreef|"
    r"hof|park|pad|steeg|markt|wal|erf|baan|zoom|brink|haven|ring))\.?\s+\d{1,5}"
    r"(?:\s?-?\s?[a-zA-Z]{1,3}|-\d{1,3}|\s[IV]{1,3})?" + _FLOOR_WORD + r"\s*(?:,|\s\bin\b)\s*$"
)
# "mijn postcode is 3521 km": said in so many words, even when the letters are a unit or a word.
_POSTCODE_WORD_BEFORE = re.compile(
    r"\b(?:postcode|postcd|post code|pc)\s*(?:is\s*)?:?\s*$", re.IGNORECASE
)
# "2311 ezleiden": a postcode with the town typed against it.
_GLUED_TOWN = re.compile(_DIGITS + r" ?(?![sS][aAdDsS])([a-zA-Z]{2})([^\W\d_]{3,})" + _END)
# The resident says they live there: "als ik in 3067 ga woon".
_LIVING_WORD = re.compile(r"\b(?:woon|woont|wonen|woonachtig|adres|postcode)\b", re.IGNORECASE)
_SENTENCE = re.compile(r"[^.!?\n]*")
# After the postcode in that position: a comma, a capitalised town, or the end of the line.
_TOWN_OR_END = re.compile(r"\s*(?:[,;.]|$|\n|[A-Z])")
_SPACED_LETTERS = re.compile(r"[a-zA-Z] [a-zA-Z]$")
_SPACED_DIGITS = re.compile(r"\d \d")
_LETTER_AFTER = re.compile(r" [a-zA-Z]\b")
_WORD_AFTER = re.compile(r"\s+([^\W\d_][\w'-]*)")


class NlPostcodeRecognizer(PatternRecognizer):
    """Recognise NL_POSTCODE; lowercase forms only with context or after a street + number."""

    PATTERNS = [
        Pattern("postcode (uppercase)", _DIGITS + _GAP + r"(?!SA|SD|SS)[A-Z]{2}" + _END, 0.6),
        Pattern(
            "postcode (lowercase)",
            _DIGITS + _GAP + r"(?![sS][aAdDsS])(?![A-Z]{2})[a-zA-Z]{2}" + _END,
            0.3,
        ),
        # "2 5 1 3 ck", "3 5 8 1 E H", "9712 C D", "8022-AW": typed with spaces or a dash
        Pattern(
            "postcode (spaced)",
            r"(?<![\w-])(?:[1-9](?: \d){3} ?|[1-9]\d{3} ?- ?|[1-9]\d{3} ?(?=[a-zA-Z] [a-zA-Z]))"
            r"(?![sS] ?[aAdDsS])[a-zA-Z] ?[a-zA-Z]" + _END,
            0.3,
        ),
    ]
    CONTEXT = [
        "postcode",
        "adres",
        "woonadres",
        "huisadres",
        "huisnummer",
        "woon",
        "wonen",
        "woont",
        "woonachtig",
        "woonplaats",
        "verhuisd",
        "verhuizen",
        "straat",
    ]
    # Letter pairs that are far more often a unit or abbreviation than a postcode.
    WEAK_LETTERS = frozenset(
        "GB MB KB TB KM KG CM MM ML CL DL KW PK HP EU NL BV AM PM CC OK NR EN IN OP OF OM TE DE "
        "IK JE WE ZE IS AL NU NA ER ZO JA UW".split()
    )
    # Two-letter Dutch words: "2021 in", "1250 op", "3000 en" are never a lowercase postcode.
    DUTCH_WORDS = frozenset(
        "in op en of om te de ik je we ze is al nu na er zo ja uw af an bv ok nr km kg gb mb cm mm "
        "ml cl pk st eu nl pm am of ga ge he hé hè ah oh eh hm au ui mg kb tb kw mw hz ms dl gr "
        "pc tv cd uu xl xs vs ps pp lp cc mp ha jr wk mn zn dr mr ct".split()
    )

    # Units among those letters: "1500 km" is a distance even in a sentence about living.
    UNITS = frozenset("km kg gb mb cm mm ml cl pk mg kb tb kw mw hz ms dl gr".split())
    # Words that glue numbers into sentences: "2021 in Utrecht", "1250 op Texel".
    FUNCTION_WORDS = frozenset(
        "in op en of om te de ik je we ze is al nu na er zo ja uw af".split()
    )

    def __init__(
        self,
        patterns: list[Pattern] | None = None,
        context: list[str] | None = None,
        supported_language: str = "nl",
        supported_entity: str = "NL_POSTCODE",
        name: str | None = None,
        strong_score: float = 0.6,
    ) -> None:
        self.strong_score = strong_score
        super().__init__(
            supported_entity=supported_entity,
            name=name,
            supported_language=supported_language,
            patterns=patterns or self.PATTERNS,
            context=context or self.CONTEXT,
            global_regex_flags=re.MULTILINE,  # case-sensitive on purpose
        )

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        kept = []
        for result in super().analyze(text, entities, nlp_artifacts, regex_flags):
            value = text[result.start : result.end]
            letters = re.sub(r"\s", "", value)[-2:]
            before = text[max(0, result.start - 60) : result.start]
            if _SPACED_LETTERS.search(value) and (
                _LETTER_AFTER.match(text, result.end) or not letters.isupper()
            ):
                if not _SPACED_DIGITS.match(value) and not _POSTCODE_WORD_BEFORE.search(before):
                    continue  # "2024 a b c": a list, unless said to be the postcode
            if letters.isupper():
                if letters in self.WEAK_LETTERS and not self._town_after(text, result.end):
                    result.score = min(result.score, 0.3)
                else:
                    result.score = max(result.score, self.strong_score)
            elif letters.lower() in self.DUTCH_WORDS:
                if not (
                    (_AFTER_STREET_COMMA.search(before) and self._town_or_end(text, result.end))
                    or _POSTCODE_WORD_BEFORE.search(before)
                    or self._word_pair_before_town(text, result, letters.lower())
                    or self._said_to_live_there(text, result, letters.lower())
                ):
                    continue
                result.score = max(result.score, self.strong_score)
            else:
                result.score = max(result.score, self.strong_score)
            if _AFTER_HOUSE_NUMBER.search(before) or _POSTCODE_WORD_BEFORE.search(before):
                result.score = max(result.score, self.strong_score)
            kept.append(result)
        kept.extend(self._glued_to_town(text, kept))
        return kept

    def _word_pair_before_town(self, text: str, result: RecognizerResult, letters: str) -> bool:
        """"3067 ga rotterdam" but not "2021 in Utrecht" or "2000 kg hout" (Hout is a place)."""
        return self._could_be_letters(text, result, letters) and self._town_after(text, result.end)

    def _could_be_letters(self, text: str, result: RecognizerResult, letters: str) -> bool:
        """Not a year, and the letters neither a unit nor a word that glues a sentence."""
        digits = re.sub(r"\D", "", text[result.start : result.end])
        return (
            letters not in self.UNITS
            and letters not in self.FUNCTION_WORDS
            and not 1900 <= int(digits) <= 2099
        )

    def _said_to_live_there(self, text: str, result: RecognizerResult, letters: str) -> bool:
        if not self._could_be_letters(text, result, letters):
            return False
        start = text.rfind("\n", 0, result.start) + 1
        for stop in ".!?":
            start = max(start, text.rfind(stop, 0, result.start) + 1)
        sentence = _SENTENCE.match(text, start).group(0)
        return _LIVING_WORD.search(sentence) is not None

    def _glued_to_town(self, text: str, found: list[RecognizerResult]) -> list[RecognizerResult]:
        results = []
        for match in _GLUED_TOWN.finditer(text):
            if match.group(2).lower() not in _lexicon.place_names():
                continue
            start, end = match.start(), match.start(2)
            if any(r.start < end and start < r.end for r in found):
                continue
            results.append(
                RecognizerResult(self.supported_entities[0], start, end, self.strong_score)
            )
        return results

    @staticmethod
    def _town_after(text: str, end: int) -> bool:
        """A known town right after the postcode, in any case: "6511 PK nijmegen"."""
        word = _WORD_AFTER.match(text, end)
        return word is not None and word.group(1).lower() in _lexicon.place_names()

    @classmethod
    def _town_or_end(cls, text: str, end: int) -> bool:
        """A comma, a capitalised word or the end after the postcode; or a known town in
        lowercase ("4511 cl oostburg")."""
        return _TOWN_OR_END.match(text, end) is not None or cls._town_after(text, end)

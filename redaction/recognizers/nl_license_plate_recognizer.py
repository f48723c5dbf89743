"""Dutch licence plates (kentekens), sidecodes 1-14, and Belgian ones (1-ABC-123).

With dashes the shape is distinctive: in capitals ("GF-123-H", "12-ABC-3") and in lowercase when
the letters are the consonants RDW issues since sidecode 4 ("ns-204-f", "1-ztr-93"). Other
lowercase dashed forms, plates without dashes ("gf123h", "12ABC3"), with spaces ("GF 123 H") or
other separators ("58 - HDP - 2", "XN.71.TB", "hf_603_n")
look like codes, words and numbers, so they score low and need a context word (kenteken, auto,
nummerbord...). Undashed and spaced plates must also use only those consonants, which keeps words
and product codes out.
"""

from __future__ import annotations

import regex as re
from presidio_analyzer import Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

# Letter (L) / digit (D) groups of each sidecode.
SIDECODES: dict[int, tuple[str, str, str]] = {
    1: ("LL", "DD", "DD"),
    2: ("DD", "DD", "LL"),
    3: ("DD", "LL", "DD"),
    4: ("LL", "DD", "LL"),
    5: ("LL", "LL", "DD"),
    6: ("DD", "LL", "LL"),
    7: ("DD", "LLL", "D"),
    8: ("D", "LLL", "DD"),
    9: ("LL", "DDD", "L"),
    10: ("L", "DDD", "LL"),
    11: ("LLL", "DD", "L"),
    12: ("L", "DD", "LLL"),
    13: ("D", "LL", "DDD"),
    14: ("DDD", "LL", "D"),
    # Belgian plates since 2010 ("1-ABC-123"): Flemish residents and border towns write them too.
    15: ("D", "LLL", "DDD"),
}
_CONSONANTS = "BDFGHJKLNPRSTVXZ"
_START = r"(?<![\w-])"
_END = r"(?![\w]|-\w)"
_WORD = re.compile(r"[^\W\d_]+")
_OTHER_SEPARATOR = r"(?: ?[-./_] ?)"


def _shape(groups: tuple[str, str, str], letters: str, separator: str) -> str:
    def group(spec: str) -> str:
        return f"{letters}{{{len(spec)}}}" if spec[0] == "L" else rf"\d{{{len(spec)}}}"

    return separator.join(group(spec) for spec in groups)


def _alternatives(letters: str, separator: str) -> str:
    return "|".join(_shape(groups, letters, separator) for groups in SIDECODES.values())


class NlLicensePlateRecognizer(PatternRecognizer):
    """Recognise NL_LICENSE_PLATE; dashed capitals alone, other forms with a context word."""

    PATTERNS = [
        Pattern(
            "plate (dashed, capitals)", _START + f"(?:{_alternatives('[A-Z]', '-')})" + _END, 0.6
        ),
        Pattern(
            "plate (dashed, lowercase, RDW consonants)",
            _START + f"(?=[^\\s]*[a-z])(?i:{_alternatives(f'[{_CONSONANTS}]', '-')})" + _END,
            0.5,
        ),
        Pattern(
            "plate (dashed, lowercase)",
            _START + f"(?=[^\\s]*[a-z])(?i:{_alternatives('[A-Z]', '-')})" + _END,
            0.3,
        ),
        Pattern(
            "plate (compact, capitals)",
            _START + f"(?:{_alternatives(f'[{_CONSONANTS}]', '')})" + _END,
            0.3,
        ),
        Pattern(
            "plate (compact, lowercase)",
            _START + f"(?:{_alternatives(f'[{_CONSONANTS.lower()}]', '')})" + _END,
            0.2,
        ),
        Pattern(
            "plate (spaced, RDW consonants)",
            _START + f"(?i:{_alternatives(f'[{_CONSONANTS}]', ' ')})" + _END,
            0.2,
        ),
        Pattern(  # "58 - HDP - 2", "XN.71.TB", "hf_603_n": other separators, context needed
            "plate (other separators, RDW consonants)",
            _START + f"(?i:{_alternatives(f'[{_CONSONANTS}]', _OTHER_SEPARATOR)})" + _END,
            0.2,
        ),
    ]
    CONTEXT = [
        "kenteken",
        "nummerbord",
        "auto",
        "wagen",
        "bus",
        "motor",
        "scooter",
        "brommer",
        "camper",
        "aanhanger",
        "taxi",
        "oldtimer",
        "voertuig",
        "rdw",
        "apk",
        "parkeer",  # parkeren, geparkeerd, parkeerboete, parkeervergunning
        "geparkeerd",
        "bekeuring",
        "boete",
        "geflitst",
        "flitser",
        "wegenbelasting",
        "weggesleept",
        "wielklem",
    ]

    STRONG_SCORE = 0.5
    WORDS_AFTER = 4

    def __init__(
        self,
        patterns: list[Pattern] | None = None,
        context: list[str] | None = None,
        supported_language: str = "nl",
        supported_entity: str = "NL_LICENSE_PLATE",
        name: str | None = None,
    ) -> None:
        super().__init__(
            supported_entity=supported_entity,
            name=name,
            supported_language=supported_language,
            patterns=patterns or self.PATTERNS,
            context=context or self.CONTEXT,
            global_regex_flags=re.MULTILINE,  # case-sensitive: capitals are the strong signal
        )

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        """Presidio looks for context words before a match only; "GF123H is mijn kenteken" and
        "ab-12-cd is mijn auto" name it after, so a weak plate also counts with a context word
        among the next few words."""
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        for result in results:
            if result.score < self.STRONG_SCORE and self._context_after(text, result.end):
                result.score = self.STRONG_SCORE
        return results

    def _context_after(self, text: str, end: int) -> bool:
        words = _WORD.findall(text, end, end + 60)[: self.WORDS_AFTER]
        return any(c in w.lower() for w in words for c in self.context)

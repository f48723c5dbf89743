"""The resident's case code for a hand-off (``7QM4-X2PD-9TK3``), so it never reaches Rasa.

A code with a valid check symbol is certain; a code-shaped string whose check fails, typed as a
code is shown (dashes, dots or nothing between the groups - spaces would make "postcode 3500
aub" one), is most likely a mistyped code and is reported weakly, so only a context word
("zaakcode", "code", "aanvraag"), which the resident almost always types with it, makes it
count. Candidates are matched overlapping: in "code 7qm4 x2pd 9tky" the valid code starts at
the second word, not at "code".
"""

from __future__ import annotations

import regex as re
from presidio_analyzer import LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from redaction.case_codes import PATTERN, canonical, looks_like_a_code
from redaction.recognizers._results import explained_result

_CANDIDATE = re.compile(PATTERN.pattern)
# A code is typed with one separator between its groups, or none: "7QM4-X2PD-9TK3",
# "7qm4 x2pd 9tk3", "7QM4X2PD9TK3". One check symbol in 32 fits by chance, so a run of a word
# and a value ("rekening PL02", "postcode 1102") would otherwise be a code now and then.
_SAME_SEPARATORS = re.compile(r"\w{4}(?P<sep>[-. ]?)\w{4}(?P=sep)\w{4}")


class NlCaseCodeRecognizer(LocalRecognizer):
    CONTEXT = ["zaakcode", "code", "aanvraag", "intrekken", "inzien", "zaak", "nummer"]
    VALID_SCORE = 1.0
    TYPO_SCORE = 0.3  # needs a context word (+0.35) to be reported

    def __init__(
        self, supported_language: str = "nl", supported_entity: str = "NL_CASE_CODE",
        context: list[str] | None = None, name: str | None = None,
    ) -> None:
        super().__init__(
            supported_entities=[supported_entity], name=name,
            supported_language=supported_language, context=context or self.CONTEXT,
        )

    def load(self) -> None:  # noqa: D102 - nothing to load
        pass

    def validate_result(self, pattern_text: str) -> bool | None:
        """True for a code with its check symbol; False for words that only have the shape
        ("heel veel pijn"); None (context decides) for a probable typo."""
        if not looks_like_a_code(pattern_text):
            return False
        if not _SAME_SEPARATORS.fullmatch(pattern_text):
            return False  # "rekening PL02", "postcode 1102": a word and a value, not a code
        return True if canonical(pattern_text) else None

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        valid, typos = [], []
        for match in _CANDIDATE.finditer(text, overlapped=True):
            verdict = self.validate_result(match.group())
            if verdict is True:
                valid.append(match.span())
            elif verdict is None and " " not in match.group():
                typos.append(match.span())
        kept = valid + [t for t in typos if not any(_overlap(t, v) for v in valid)]
        results = []
        taken: list[tuple[int, int]] = []
        for start, end in kept:
            if any(_overlap((start, end), other) for other in taken):
                continue  # overlapping typo candidates: the first one stands for them
            taken.append((start, end))
            certain = (start, end) in valid
            results.append(explained_result(
                self, start, end, self.VALID_SCORE if certain else self.TYPO_SCORE,
                "Case code with its check symbol" if certain else "Case-code-shaped string",
            ))
        return results


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]

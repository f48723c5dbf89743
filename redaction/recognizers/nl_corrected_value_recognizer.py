"""A value corrected halfway, where neither part is a value: "06 17 48 nee 84 29 05", "NL13 RABO
4782 2216 35, nee sorry, 2216 53".

Why: ``redaction.corrections`` extends a value a recognizer found; here the first attempt fails
its check (the resident typed a group wrong), the correction alone is too short, and nothing is
found. The resident starts again from the group that went wrong, so the value is the first part
with its last groups replaced by the correction: that value must pass the check of its type (the
11-proef, mod-97, libphonenumber) and, like a value in parts, have its context word in the
message. One span covers both parts and the correction words, so nothing of the number stays.
"""

from __future__ import annotations

from functools import lru_cache

import regex as re
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from redaction.corrections import correction_marker
from redaction.recognizers.nl_split_value_recognizer import NlSplitValueRecognizer, checked_type

# A value's first attempt and its correction: groups of digits, an IBAN's head in front.
_GROUPS = r"(?:[A-Za-z]{2}\d{2}[ .-]?(?:[A-Za-z]{4}[ .-]?)?)?\d+(?:[ .-]\d+)*"


@lru_cache(maxsize=1)
def _corrected() -> re.Pattern[str]:
    return re.compile(
        rf"(?<![\w@+/.-])(?P<first>{_GROUPS})(?P<marker>{correction_marker()})"
        r"(?P<second>\d+(?:[ .-]\d+)*)(?![\w@]|[.,-]\d)",
        re.IGNORECASE,
    )


class NlCorrectedValueRecognizer(NlSplitValueRecognizer):
    """Recognise a BSN, IBAN or phone number whose last groups are typed again after "nee"."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        results = []
        words = [w.casefold() for w in re.findall(r"[^\W\d_]+", text)]
        for match in _corrected().finditer(text):
            entity = _corrected_type(match["first"], match["second"])
            if entity is not None and self._has_context(entity, words):
                results.append(self._result(entity, match.start(), match.end()))
        return results


def _corrected_type(first: str, second: str) -> str | None:
    """The checked type of ``first`` with its last one or more groups replaced by ``second``."""
    groups = re.split(r"[ .-]", first)
    correction = re.sub(r"[ .-]", "", second)
    for kept in range(len(groups) - 1, 0, -1):
        entity = checked_type("".join(groups[:kept]) + correction)
        if entity is not None:
            return entity
    return None

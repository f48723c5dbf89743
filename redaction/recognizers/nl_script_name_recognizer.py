"""Names written in a script without capital letters: Arabic, Persian, Tigrinya.

Why: the person recognizer and the NER know a name by its capital and its place in a Dutch
sentence. "مرحبا، أنا رنا الخطيب من دوردريخت" or "ኣነ ሰናይት ወልደሚካኤል እየ" has neither, so a
resident writing in their own script kept their name in the tracker store. Here the words after
"my name is" are the name; after "I am" or "my brother" they are a name only when they look like
one - a common first name (``data/script_names.yml``), a family name that begins like one
("al-", "bin", "abu"), or, in Tigrinya, two or three words closed by "am" ("ኣነ … እየ"): "أنا
خائفة" (I am scared) and "أخي يسكن في سوريا" (my brother lives in Syria) stay.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import regex as re
import yaml
from presidio_analyzer import LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from redaction.recognizers._results import explained_result

SCRIPT_NAMES_FILE = Path(__file__).with_name("data") / "script_names.yml"
MAX_NAME_WORDS = 3
_ARABIC_CONJUNCTIONS = "وف"  # "وأنا", "فأخي": "and"/"so" written onto the next word
_SPACES = re.compile(r"[ \u00A0]+")  # between the words of one name


@dataclass(frozen=True)
class ScriptNames:
    """One script's trigger words and name evidence, as the data file gives them."""

    trigger: re.Pattern
    naming: frozenset[str]
    word: re.Pattern
    copulas: frozenset[str]
    surname_starts: tuple[str, ...]
    given_names: frozenset[str]
    not_names: frozenset[str]

    def looks_like_family_name(self, word: str) -> bool:
        return any(word.startswith(p) and len(word) > len(p) + 1 for p in self.surname_starts)


def _words(raw: object) -> list[str]:
    """A list from the data file, each entry's spaces made single."""
    return [" ".join(str(w).split()) for w in raw] if isinstance(raw, list) else []


def _script(raw: Mapping[str, object]) -> ScriptNames:
    letters = str(raw["letters"])
    naming, introducing, relations = (_words(raw.get(k)) for k in
                                      ("naming", "introducing", "relations"))
    triggers = sorted({*naming, *introducing, *relations}, key=len, reverse=True)
    spelled = "|".join(r"\s+".join(map(re.escape, t.split())) for t in triggers)
    return ScriptNames(
        trigger=re.compile(rf"(?<![{letters}])[{_ARABIC_CONJUNCTIONS}]?(?P<t>{spelled})"
                           rf"(?![{letters}])\s*:?\s*"),
        naming=frozenset(naming),
        word=re.compile(rf"[{letters}]+(?:/[{letters}]+)?"),
        copulas=frozenset(_words(raw.get("copulas"))),
        surname_starts=tuple(_words(raw.get("surname_starts"))),
        given_names=frozenset(_words(raw.get("given_names"))),
        not_names=frozenset(_words(raw.get("not_names"))) | frozenset(triggers),
    )


@cache
def script_names(path: Path = SCRIPT_NAMES_FILE) -> tuple[ScriptNames, ...]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return tuple(_script(script) for script in raw.values())


class NlScriptNameRecognizer(LocalRecognizer):
    """Recognise PERSON after a naming, introducing or kinship word in Arabic, Persian or
    Tigrinya script."""

    CONTEXT: list[str] = []

    def __init__(
        self,
        context: list[str] | None = None,
        supported_language: str = "nl",
        supported_entity: str = "PERSON",
        name: str | None = None,
        score: float = 0.7,
    ) -> None:
        self.score = score
        self._scripts = script_names()
        super().__init__(
            supported_entities=[supported_entity], name=name,
            supported_language=supported_language, context=context or self.CONTEXT,
        )

    def load(self) -> None:  # noqa: D102 - the data file is read in __init__
        pass

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        results = []
        for script in self._scripts:
            for trigger in script.trigger.finditer(text):
                span = self._name_after(script, text, trigger)
                if span is not None:
                    why = f"a name after '{trigger['t']}' in a script without capitals"
                    results.append(explained_result(self, *span, self.score, why))
        return results

    @staticmethod
    def _candidates(script: ScriptNames, text: str, position: int) -> tuple[list[tuple[int, int]],
                                                                            bool]:
        """Up to three words of the script after the trigger, one space apart and none a
        non-name; and whether a copula closes them."""
        words: list[tuple[int, int]] = []
        while len(words) < MAX_NAME_WORDS:
            match = script.word.match(text, position)
            if match is None:
                return words, False
            if match.group() in script.copulas:
                return words, True
            if match.group() in script.not_names:
                return words, False
            words.append(match.span())
            gap = _SPACES.match(text, match.end())
            if gap is None:
                return words, False
            position = gap.end()
        closing = script.word.match(text, position)
        return words, closing is not None and closing.group() in script.copulas

    def _name_after(self, script: ScriptNames, text: str,
                    trigger: re.Match) -> tuple[int, int] | None:
        words, closed = self._candidates(script, text, trigger.end())
        if not words:
            return None
        spelled = [text[s:e] for s, e in words]
        if " ".join(trigger["t"].split()) in script.naming or (closed and (
                len(words) >= 2 or spelled[0] in script.given_names)):
            return words[0][0], words[-1][1]
        if spelled[0] not in script.given_names and not (
                len(spelled) >= 2 and script.looks_like_family_name(spelled[1])):
            return None
        taken = 1
        while taken < len(words) and (spelled[taken] in script.given_names
                                      or script.looks_like_family_name(spelled[taken])):
            taken += 1
        return words[0][0], words[taken - 1][1]

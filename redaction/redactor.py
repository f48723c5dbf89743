"""Replace personal data by typed Dutch placeholders, numbered per conversation.

The recognizers read a normalised view of the message (``redaction.normalise``: odd spaces,
invisible characters, fullwidth and look-alike digits); what they find there is mapped back and
the original characters are replaced, so nothing of a value or its separators survives.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Iterable
from pathlib import Path

from presidio_analyzer import AnalyzerEngine

from redaction.bible_references import is_bible_reference
from redaction.corrections import extend_corrections
from redaction.dictated_numbers import read_dictated_zero
from redaction.false_starts import with_false_starts
from redaction.findings import Finding, outside_placeholders, resolve_overlaps
from redaction.german_words import german_name_part
from redaction.name_abbreviations import extend_over_abbreviations
from redaction.normalise import normalise
from redaction.occupations import is_occupation
from redaction.organisations import person_part
from redaction.placeholder_store import PlaceholderStore
from redaction.placeholders import LABELS, placeholder
from redaction.recognizers import _lexicon
from redaction.short_answers import is_short_answer
from redaction.spoken_emails import read_spoken_emails
from redaction.wordlists import fold_accents, read_term_file

logger = logging.getLogger(__name__)
LANGUAGE = "nl"
SAFETY_TERMS_FILE = Path(__file__).with_name("recognizers") / "data" / "safety_terms.txt"
_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")
# Types whose values always hold a digit in the recognizers' view, where number words and
# look-alike letters are digits already ("nul zes" → "06"): a view without any digit cannot hold
# one, so their recognizers do not run on it (most resident messages hold no number at all).
NUMERIC_TYPES = frozenset({
    "PHONE_NUMBER", "NL_BSN", "IBAN_CODE", "NL_POSTCODE", "DATE_TIME", "NL_LICENSE_PLATE",
    "IP_ADDRESS", "ID_NUMBER", "NL_CASE_CODE",
})
_DIGIT = re.compile(r"\d")


def fold(text: str) -> str:
    """Case- and accent-insensitive form of a term: "Suïcide" and "suicide" are one word."""
    return " ".join(_WORD.findall(fold_accents(text.casefold())))


def load_safety_terms(path: Path = SAFETY_TERMS_FILE) -> frozenset[str]:
    """Crisis, violence and help words that are never redacted (one a line, '#' = comment)."""
    return frozenset(map(fold, read_term_file(path)))


class Redactor:
    """Finds personal data with the Dutch analyzer and replaces it; never logs the text."""

    def __init__(
        self, analyzer: AnalyzerEngine, store: PlaceholderStore, score_threshold: float,
        safety_terms: Iterable[str] | None = None,
    ) -> None:
        self._analyzer = analyzer
        self._store = store
        self._score_threshold = score_threshold
        self._one_off = itertools.count()
        self._safety_terms = (
            load_safety_terms() if safety_terms is None else frozenset(map(fold, safety_terms))
        )
        self._safety_words = frozenset(t for t in self._safety_terms if " " not in t)
        self._entities = list(LABELS)
        self._entities_without_numbers = [t for t in LABELS if t not in NUMERIC_TYPES]

    def find(self, text: str) -> list[Finding]:
        """Non-overlapping findings with offsets into ``text`` (found on its normalised view)."""
        view = read_spoken_emails(read_dictated_zero(normalise(text)))
        if not view.text.strip():
            return []
        entities = self._entities if _DIGIT.search(view.text) else self._entities_without_numbers
        results = self._analyzer.analyze(
            text=view.text, language=LANGUAGE, entities=entities,
            score_threshold=self._score_threshold,
        )
        findings = [Finding(r.entity_type, r.start, r.end, r.score) for r in results]
        findings = [f for f in findings if not self._is_safety_term(view.text[f.start:f.end])
                    and not self._inside_safety_compound(view.text, f.start, f.end)
                    and not self._name_with_safety_word(f, view.text)]
        if is_short_answer(view.text):  # "Sure": an answer, not a name
            findings = [f for f in findings if f.entity_type != "PERSON"]
        findings = self._without_organisations(view.text, findings)
        findings = extend_over_abbreviations(view.text, findings)
        findings = extend_corrections(
            view.text, resolve_overlaps(outside_placeholders(view.text, findings)))
        findings = with_false_starts(view.text, findings)
        return [
            Finding(found.entity_type, *view.to_original(found.start, found.end), found.score)
            for found in findings
        ]

    @staticmethod
    def _without_organisations(text: str, findings: list[Finding]) -> list[Finding]:
        """Names of schools, funds, firms and streets named after a person are no person
        (``redaction.organisations``); a person of one keeps the name ("juf Hanneke van de ...").
        A job said of someone is no name either (``redaction.occupations``), nor a Bible book
        before chapter and verse (``redaction.bible_references``), nor German words in a German
        message (``redaction.german_words``)."""
        kept = []
        for f in findings:
            if f.entity_type != "PERSON":
                kept.append(f)
            elif is_occupation(text, f.start, f.end):
                continue  # "ik ben kok", "ik werk als Schilder": the job, not a name
            elif is_bible_reference(text, f.start, f.end):
                continue  # "Jeremia 29 vers 11": chapter and verse, not a person
            elif (part := person_part(text, f.start, f.end)) is not None and (
                    name := german_name_part(text, *part)) is not None:
                kept.append(Finding(f.entity_type, *name, f.score))  # "Meine Rente": no name
        return kept

    def _inside_safety_compound(self, text: str, start: int, end: int) -> bool:
        """Part of a hyphenated safety term ("self-harm help": "harm" is no name there)."""
        left = text.rfind(" ", 0, start) + 1
        right = text.find(" ", end)
        word = text[left:right if right >= 0 else len(text)].strip(".,!?;:")
        return "-" in word and fold(word) in self._safety_terms

    def _name_with_safety_word(self, finding: Finding, text: str) -> bool:
        """A name holding a crisis word that no name list holds is a misread sentence ("did
        selfharm agian"): no name. "Dewi Dood" keeps her surname redacted."""
        if finding.entity_type != "PERSON":
            return False
        words = fold(text[finding.start:finding.end]).split()
        return any(w in self._safety_words and w not in _lexicon.first_names()
                   and w not in _lexicon.surnames() for w in words)

    def _is_safety_term(self, value: str) -> bool:
        """A span that is only a crisis or help word ("suicide", "Veilig Thuis", "113")."""
        folded = fold(value)
        if not folded:
            return False
        return folded in self._safety_terms or all(
            word in self._safety_words for word in folded.split()
        )

    def redact(self, text: str, conversation_id: str | None = None) -> tuple[str, list[Finding]]:
        """The redacted text and what was found.

        Without a conversation id the numbering covers this text alone and is forgotten at once.
        """
        findings = self.find(text)
        if not findings:
            return text, []
        conversation = conversation_id or f"one-off-{next(self._one_off)}"
        parts: list[str] = []
        cursor = 0
        for finding in findings:
            number = self._store.number_for(
                conversation, finding.entity_type, text[finding.start:finding.end]
            )
            parts += [text[cursor:finding.start], placeholder(finding.entity_type, number)]
            cursor = finding.end
        parts.append(text[cursor:])
        if conversation_id is None:
            self._store.forget(conversation)
        logger.debug("redacted %s", [(f.entity_type, f.start, f.end) for f in findings])
        return "".join(parts), findings

    def forget(self, conversation_id: str) -> None:
        self._store.forget(conversation_id)

"""Replace personal data by typed Dutch placeholders, numbered per conversation."""

from __future__ import annotations

import itertools
import logging

from presidio_analyzer import AnalyzerEngine

from redaction.findings import Finding, outside_placeholders, resolve_overlaps
from redaction.placeholder_store import PlaceholderStore
from redaction.placeholders import LABELS, placeholder

logger = logging.getLogger(__name__)
LANGUAGE = "nl"


class Redactor:
    """Finds personal data with the Dutch analyzer and replaces it; never logs the text."""

    def __init__(
        self, analyzer: AnalyzerEngine, store: PlaceholderStore, score_threshold: float
    ) -> None:
        self._analyzer = analyzer
        self._store = store
        self._score_threshold = score_threshold
        self._one_off = itertools.count()

    def find(self, text: str) -> list[Finding]:
        """Non-overlapping findings with offsets into ``text``."""
        if not text or not text.strip():
            return []
        results = self._analyzer.analyze(
            text=text, language=LANGUAGE, entities=list(LABELS),
            score_threshold=self._score_threshold,
        )
        findings = [Finding(r.entity_type, r.start, r.end, r.score) for r in results]
        return resolve_overlaps(outside_placeholders(text, findings))

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

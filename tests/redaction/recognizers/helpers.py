"""The shared assertion: which substrings of a text the analyzer reports as one entity type.

Recognizer scores are either "strong" (>= 0.5, reported alone) or "weak" (< 0.4, reported only
after a context word adds 0.35), so the outcome is the same for any threshold from 0.4
(settings.yml) to 0.5 (recognizers.yml default); every assertion checks both.
"""

from __future__ import annotations

from presidio_analyzer import AnalyzerEngine

THRESHOLDS = (0.4, 0.5)


def found(
    analyzer: AnalyzerEngine, text: str, entity: str, threshold: float | None = None
) -> list[str]:
    """The texts of all ``entity`` results at ``threshold`` (None: recognizer thresholds)."""
    results = analyzer.analyze(text=text, language="nl", score_threshold=threshold)
    spans = sorted({(r.start, r.end) for r in results if r.entity_type == entity})
    return [text[start:end] for start, end in spans]


def assert_spans(analyzer: AnalyzerEngine, text: str, entity: str, expected: list[str]) -> None:
    """Exactly the ``expected`` substrings are reported as ``entity`` ([] = nothing)."""
    for threshold in THRESHOLDS:
        actual = found(analyzer, text, entity, threshold)
        assert actual == expected, (
            f"{entity} in {text!r} at threshold {threshold}: expected {expected}, got {actual}"
        )

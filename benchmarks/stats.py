"""Percentiles for the benchmark reports (nearest rank; 0 for no values). Imports nothing, so
the redaction bench can use it without loading anything its start-up time should include."""

from __future__ import annotations


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))] if values else 0.0

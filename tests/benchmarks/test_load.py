"""The load report: one against two instances behind nginx, and the CPU column."""

from __future__ import annotations

from benchmarks.load import NGINX_1, NGINX_2, Row, _instances_paragraph, _line


def row(label: str, turns: int, p95: float, cpu: float | None) -> Row:
    return Row(label, 20, 30.0, turns, 10, 0, 0.5, p95, 1.0, 0.6, 0, cpu)


def test_two_instances_are_compared_with_one_at_the_same_load():
    by = {(NGINX_1, 20): row(NGINX_1, 120, 2.0, 40.0), (NGINX_2, 20): row(NGINX_2, 150, 1.0, 44.0)}
    (text, blank) = _instances_paragraph(by)
    assert "throughput ×1.25, p95 ×0.50, CPU per turn ×1.10" in text and blank == ""
    assert _instances_paragraph({(NGINX_1, 20): by[(NGINX_1, 20)]}) == []


def test_a_row_shows_cpu_per_turn_or_a_dash_for_older_rows():
    assert "| 40 | 0 | 0 |" in _line(row(NGINX_1, 120, 2.0, 40.0))
    assert "| - | 0 | 0 |" in _line(row("embedded", 120, 2.0, None))

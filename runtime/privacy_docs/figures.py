"""Measured figures with their dates (``docs/measured-figures.yml``).

The privacy documents quote measurements instead of repeating promises; the figures live in one
data file so the README and the generated documents cannot tell different stories.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from settings.core import PROJECT_ROOT, SettingsError

FIGURES_FILE = PROJECT_ROOT / "docs" / "measured-figures.yml"


@dataclass(frozen=True)
class Figure:
    """One measurement: what, how much, on which set, when."""

    key: str
    label: str
    value: float
    unit: str
    measured: date
    measured_on: str
    goal: str = ""
    interval: str = ""

    @property
    def as_in_readme(self) -> str:
        """The value written as the README writes it (English decimals, "1.7 %", "3,198")."""
        if self.unit == "%":
            return f"{self.value:g} %"
        if float(self.value).is_integer() and self.unit:
            return f"{int(self.value):,}"
        return f"{self.value:g}"

    @property
    def dutch(self) -> str:
        """The value in Dutch notation ("1,7 %", "0,992", "3.198 tests")."""
        number = self.as_in_readme.translate(str.maketrans(",.", ".,"))
        return f"{number} {self.unit}" if self.unit not in ("", "%") else number


def load_figures(path: Path = FIGURES_FILE) -> tuple[Figure, ...]:
    """Every figure of ``path``, in file order; a figure without value or date is an error,
    because a number without its date cannot be weighed."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    figures = []
    for key, item in (raw.get("figures") or {}).items():
        if not isinstance(item, dict) or item.get("value") is None:
            raise SettingsError(f"{path}: figure {key!r} has no value")
        if not isinstance(item.get("measured"), date):
            raise SettingsError(f"{path}: figure {key!r} needs a date (measured: YYYY-MM-DD)")
        figures.append(Figure(
            key=str(key), label=str(item.get("label") or key), value=float(item["value"]),
            unit=str(item.get("unit") or ""), measured=item["measured"],
            measured_on=str(item.get("set") or ""), goal=str(item.get("goal") or ""),
            interval=str(item.get("interval") or "")))
    return tuple(figures)

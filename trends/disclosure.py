"""Statistical disclosure control: what a report may show of a count of conversations.

Rules (always on; thresholds from settings):

- 0 stays 0; 1 … ``min_count``-1 is shown as "<10" (primary suppression);
- every other count is rounded to the nearest multiple of ``rounding_base``;
- totals are sums of the published, rounded cells — never of the true counts;
- no percentage unless numerator and denominator are both published numbers (≥ ``min_count``);
- tables have at most two dimensions;
- secondary suppression: a row or column never holds exactly one hidden cell, and an audit
  solves, for every hidden cell, the smallest and largest value an attacker can derive from
  everything published — the rounded cells, the hidden cells' ranges, and the rounded row,
  column and grand totals as they appear in other tables or periods. Cells are hidden until that
  range spans at least ``protection_width``, so no hidden value can be recovered by differencing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linprog

PRIMARY, SECONDARY = "primary", "secondary"


@dataclass(frozen=True)
class DisclosureRules:
    min_count: int = 10
    rounding_base: int = 5
    protection_width: int = 2

    def rounded(self, count: int) -> int:
        """Nearest multiple of the base, halves up (12 → 10, 13 → 15)."""
        base = self.rounding_base
        return (count + base // 2) // base * base

    def count(self, count: int) -> Cell:
        """One published count outside a table (a total, an operational figure)."""
        if count < 0:
            raise ValueError("a count cannot be negative")
        if count == 0:
            return Cell(0)
        if count < self.min_count:
            return Cell(None, PRIMARY)
        return Cell(max(self.min_count, self.rounded(count)))

    def bounds(self, cell: Cell) -> tuple[float, float]:
        """What a reader knows about the true count behind ``cell`` (an attacker's bounds)."""
        if cell.hidden == PRIMARY:
            return 1.0, float(self.min_count - 1)
        if cell.hidden == SECONDARY:
            return float(self.min_count), np.inf
        if cell.value == 0:
            return 0.0, 0.0
        base = self.rounding_base
        low = max(self.min_count, cell.value - base // 2)
        return float(low), float(cell.value + (base - 1) - base // 2)

    def percentage(self, numerator: Cell, denominator: Cell) -> float | None:
        """A percentage of two published numbers, or ``None`` when either is small or hidden."""
        if (numerator.value is None or denominator.value is None
                or numerator.value < self.min_count or denominator.value < self.min_count):
            return None
        return 100.0 * numerator.value / denominator.value


@dataclass(frozen=True)
class Cell:
    """A published count: ``value`` is ``None`` when hidden."""

    value: int | None
    hidden: str | None = None

    def __str__(self) -> str:
        if self.hidden == PRIMARY:
            return "<10"
        if self.hidden == SECONDARY:
            return "x"
        return str(self.value)

    @property
    def shown(self) -> bool:
        return self.hidden is None


@dataclass(frozen=True)
class ProtectedTable:
    """A two-dimensional table after disclosure control; totals come from published cells."""

    cells: list[list[Cell]]

    def row_totals(self) -> list[int]:
        return [sum(c.value or 0 for c in row) for row in self.cells]

    def column_totals(self) -> list[int]:
        return [sum(row[j].value or 0 for row in self.cells)
                for j in range(len(self.cells[0]))] if self.cells else []

    def hidden(self) -> list[tuple[int, int]]:
        return [(i, j) for i, row in enumerate(self.cells) for j, c in enumerate(row) if c.hidden]


def protect(counts: Sequence[Sequence[int]], rules: DisclosureRules) -> ProtectedTable:
    """Primary suppression, rounding, then secondary suppression until the audit passes."""
    true = np.array(counts, dtype=np.int64).reshape(len(counts), -1) if len(counts) else None
    if true is None or true.size == 0:
        return ProtectedTable([[] for _ in counts])
    if (true < 0).any():
        raise ValueError("a count cannot be negative")
    hidden = (true > 0) & (true < rules.min_count)
    while True:
        _hide_lonely(true, hidden)
        unsafe = _unsafe(true, hidden, rules)
        if unsafe is None or not _hide_near(true, hidden, unsafe):
            break
    return ProtectedTable([[_cell(int(true[i, j]), bool(hidden[i, j]), rules)
                            for j in range(true.shape[1])] for i in range(true.shape[0])])


def _cell(count: int, hidden: bool, rules: DisclosureRules) -> Cell:
    if not hidden:
        return Cell(0) if count == 0 else Cell(max(rules.min_count, rules.rounded(count)))
    return Cell(None, PRIMARY if count < rules.min_count else SECONDARY)


def _hide_lonely(true: np.ndarray, hidden: np.ndarray) -> None:
    """No row or column with exactly one hidden cell: hide its next-smallest non-zero cell."""
    changed = True
    while changed:
        changed = False
        for lines, along in ((true, hidden), (true.T, hidden.T)):
            for values, mask in zip(lines, along, strict=True):
                if mask.sum() != 1:
                    continue
                candidates = np.flatnonzero((values > 0) & ~mask)
                if candidates.size:
                    mask[candidates[np.argmin(values[candidates])]] = True
                    changed = True


def _hide_near(true: np.ndarray, hidden: np.ndarray, cell: tuple[int, int]) -> bool:
    """Hide the smallest visible non-zero cell in the unsafe cell's row, else column, else
    anywhere; ``False`` when nothing is left to hide."""
    i, j = cell
    for values, mask in ((true[i], hidden[i]), (true[:, j], hidden[:, j]),
                         (true.ravel(), hidden.ravel())):
        candidates = np.flatnonzero((values > 0) & ~mask)
        if candidates.size:
            mask[candidates[np.argmin(values[candidates])]] = True
            return True
    return False


def _unsafe(true: np.ndarray, hidden: np.ndarray, rules: DisclosureRules
            ) -> tuple[int, int] | None:
    """The first hidden cell whose derivable range is narrower than the protection width."""
    for i, j in zip(*np.nonzero(hidden), strict=True):
        if _moves(true, hidden, rules, (int(i), int(j))) >= rules.protection_width:
            continue  # two tables consistent with everything published differ here enough
        low, high = attacker_range(true, hidden, rules, (int(i), int(j)))
        if high - low < rules.protection_width:
            return int(i), int(j)
    return None


def _moves(true: np.ndarray, hidden: np.ndarray, rules: DisclosureRules,
           cell: tuple[int, int]) -> float:
    """A quick lower bound of the attacker's range (the linear programme is the exact one).

    From the true table, move the cell up and down — alone, within the slack of its row, column
    and grand total, or around a rectangle of hidden cells, which leaves every total unchanged.
    Each move gives another table consistent with all that is published.
    """
    i, j = cell

    def room(r: int, c: int) -> tuple[float, float]:
        low, high = rules.bounds(_cell(int(true[r, c]), True, rules))
        return high - true[r, c], true[r, c] - low

    def slack(total: int) -> tuple[float, float]:
        low, high = rules.bounds(rules.count(total))
        return high - total, total - low

    up, down = room(i, j)
    lines = [slack(int(true[i].sum())), slack(int(true[:, j].sum())), slack(int(true.sum()))]
    alone_up = min([up] + [s[0] for s in lines])
    alone_down = min([down] + [s[1] for s in lines])
    best_up, best_down = alone_up, alone_down
    rows_hidden = [k for k in np.flatnonzero(hidden[:, j]) if k != i]
    cols_hidden = [c for c in np.flatnonzero(hidden[i]) if c != j]
    for k in rows_hidden:
        for c in cols_hidden:
            if not hidden[k, c]:
                continue
            # +x, -(i,c), -(k,j), +(k,c) and the reverse
            rooms = [room(i, c), room(k, j), room(k, c)]
            best_up = max(best_up, min(up, rooms[0][1], rooms[1][1], rooms[2][0]))
            best_down = max(best_down, min(down, rooms[0][0], rooms[1][0], rooms[2][1]))
    return float(best_up + best_down)


def attacker_range(true: np.ndarray, hidden: np.ndarray, rules: DisclosureRules,
                   cell: tuple[int, int]) -> tuple[float, float]:
    """Smallest and largest value of ``cell`` consistent with all that is published.

    The published facts: every cell's bounds (exact 0, rounding interval, hidden ranges) and the
    rounded row, column and grand totals (as other tables and periods may show them). A linear
    programme over a table with row and column sums has integral vertices, so the bounds are
    attained by whole counts.
    """
    rows, cols = true.shape
    published = [[_cell(int(true[i, j]), bool(hidden[i, j]), rules) for j in range(cols)]
                 for i in range(rows)]
    bounds = [rules.bounds(published[i][j]) for i in range(rows) for j in range(cols)]
    a_ub, b_ub = [], []
    margins = [(np.eye(rows)[i].repeat(cols), int(true[i].sum())) for i in range(rows)]
    margins += [(np.tile(np.eye(cols)[j], rows), int(true[:, j].sum())) for j in range(cols)]
    margins.append((np.ones(rows * cols), int(true.sum())))
    for coefficients, total in margins:
        low, high = rules.bounds(rules.count(total))
        a_ub.append(coefficients)
        b_ub.append(high if np.isfinite(high) else 1e12)
        a_ub.append(-coefficients)
        b_ub.append(-low)
    target = np.zeros(rows * cols)
    target[cell[0] * cols + cell[1]] = 1.0
    found = []
    for sign in (1.0, -1.0):
        result = linprog(sign * target, A_ub=np.array(a_ub), b_ub=np.array(b_ub),
                         bounds=bounds, method="highs")
        if result.status == 3:  # unbounded above: as wide as can be
            return float(rules.bounds(published[cell[0]][cell[1]])[0]), np.inf
        found.append(sign * result.fun)
    return found[0], found[1]

"""Disclosure control: the published form of every count, and that no hidden cell can be
recovered — by differencing totals, by other periods, or by solving all published facts at once."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from trends.disclosure import PRIMARY, SECONDARY, Cell, DisclosureRules, protect

RULES = DisclosureRules(min_count=10, rounding_base=5, protection_width=2)


@pytest.mark.parametrize(("count", "shown"), [
    (0, "0"), (1, "<10"), (9, "<10"), (10, "10"), (12, "10"), (13, "15"), (17, "15"),
    (18, "20"), (102, "100"), (103, "105"),
])
def test_single_counts(count, shown):
    assert str(RULES.count(count)) == shown


def test_negative_counts_are_refused():
    with pytest.raises(ValueError):
        RULES.count(-1)


def test_thresholds_come_from_the_rules():
    rules = DisclosureRules(min_count=20, rounding_base=10)
    assert rules.count(15).hidden == PRIMARY and rules.count(24).value == 20
    assert rules.count(25).value == 30


def test_no_percentage_with_a_small_or_hidden_part():
    assert RULES.percentage(RULES.count(20), RULES.count(200)) == pytest.approx(10.0)
    assert RULES.percentage(RULES.count(9), RULES.count(200)) is None
    assert RULES.percentage(RULES.count(0), RULES.count(200)) is None
    assert RULES.percentage(RULES.count(5), RULES.count(7)) is None
    assert RULES.percentage(Cell(None, SECONDARY), RULES.count(200)) is None


def test_percentage_uses_published_values():
    assert RULES.percentage(RULES.count(12), RULES.count(98)) == pytest.approx(10 / 100 * 100)


def test_a_row_never_holds_one_hidden_cell():
    table = protect([[3, 40, 55], [20, 12, 33], [0, 18, 7]], RULES)
    for line in table.cells + [list(col) for col in zip(*table.cells, strict=True)]:
        assert sum(1 for c in line if c.hidden) != 1
    assert table.cells[0][0].hidden == PRIMARY
    assert table.cells[0][1].hidden == SECONDARY  # the next-smallest, so differencing fails


def test_zero_stays_zero_and_is_never_hidden_for_protection():
    table = protect([[0, 5, 30], [0, 40, 50]], RULES)
    assert [str(c) for c in table.cells[0]][0] == "0"
    assert [str(c) for c in table.cells[1]][0] == "0"


def test_totals_are_sums_of_published_cells():
    table = protect([[3, 40, 55], [22, 12, 33]], RULES)
    for i, row in enumerate(table.cells):
        assert table.row_totals()[i] == sum(c.value or 0 for c in row)
    assert table.column_totals() == [sum(r[j].value or 0 for r in table.cells) for j in range(3)]


def test_a_table_without_small_counts_is_only_rounded():
    table = protect([[10, 11, 12], [13, 14, 15]], RULES)
    assert [[str(c) for c in row] for row in table.cells] == [["10", "10", "10"],
                                                                ["15", "15", "15"]]


def test_empty_tables():
    assert protect([], RULES).cells == []


# --- property: recovering a hidden cell is impossible ------------------------------------------

def _interval(count: int) -> tuple[float, float]:
    """What a reader learns from a count published on its own (a total in another table)."""
    if count == 0:
        return 0.0, 0.0
    if count < 10:
        return 1.0, 9.0
    shown = max(10, (count + 2) // 5 * 5)
    return float(max(10, shown - 2)), float(shown + 2)


def _cell_interval(cell: Cell) -> tuple[float, float | None]:
    if cell.hidden == PRIMARY:
        return 1.0, 9.0
    if cell.hidden == SECONDARY:
        return 10.0, None
    if cell.value == 0:
        return 0.0, 0.0
    return float(max(10, cell.value - 2)), float(cell.value + 2)


def _solve_range(true: np.ndarray, cells, target: tuple[int, int]) -> tuple[float, float]:
    """The attacker: every published cell, and the row, column and grand totals published
    elsewhere (rounded), solved as one linear programme for the target's extremes."""
    rows, cols = true.shape
    n = rows * cols
    lines = [[i * cols + j for j in range(cols)] for i in range(rows)]
    lines += [[i * cols + j for i in range(rows)] for j in range(cols)]
    lines += [list(range(n))]
    a, b = [], []
    for members in lines:
        low, high = _interval(int(true.ravel()[members].sum()))
        row = np.zeros(n)
        row[members] = 1
        a += [row, -row]
        b += [high, -low]
    bounds = [_cell_interval(cells[i][j]) for i in range(rows) for j in range(cols)]
    objective = np.zeros(n)
    objective[target[0] * cols + target[1]] = 1
    low = linprog(objective, A_ub=a, b_ub=b, bounds=bounds, method="highs")
    high = linprog(-objective, A_ub=a, b_ub=b, bounds=bounds, method="highs")
    assert low.status == 0
    return low.fun, (np.inf if high.status == 3 else -high.fun)


def _all_hidden(protected) -> bool:
    return all(c.hidden or c.value == 0 for row in protected.cells for c in row)


counts = st.one_of(st.just(0), st.integers(1, 9), st.integers(10, 80))
tables = st.integers(1, 6).flatmap(
    lambda rows: st.integers(1, 6).flatmap(
        lambda cols: st.lists(st.lists(counts, min_size=cols, max_size=cols),
                              min_size=rows, max_size=rows)))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables)
def test_published_form_of_every_cell(table):
    protected = protect(table, RULES)
    for true_row, row in zip(table, protected.cells, strict=True):
        for true, cell in zip(true_row, row, strict=True):
            if true == 0:
                assert cell == Cell(0)
            elif true < 10:
                assert cell.hidden == PRIMARY and str(cell) == "<10"
            elif cell.shown:
                assert cell.value % 5 == 0 and abs(cell.value - true) <= 2
            else:
                assert cell.hidden == SECONDARY


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables)
def test_differencing_totals_never_yields_a_hidden_value(table):
    """Per row and column: total (as published elsewhere) minus what the line shows leaves a
    hidden cell at least as uncertain as the protection width."""
    true = np.array(table)
    protected = protect(table, RULES)
    for i, j in protected.hidden():
        for members in ([(i, c) for c in range(true.shape[1])],
                        [(r, j) for r in range(true.shape[0])]):
            total_low, total_high = _interval(int(sum(true[m] for m in members)))
            others = [_cell_interval(protected.cells[r][c]) for r, c in members if (r, c) != (i, j)]
            low = total_low - sum((h if h is not None else np.inf) for _, h in others)
            high = total_high - sum(lo for lo, _ in others)
            own_low, own_high = _cell_interval(protected.cells[i][j])
            low, high = max(low, own_low), min(high, own_high if own_high else np.inf)
            assert high - low >= 2 or _all_hidden(protected), (table, (i, j))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables)
def test_no_hidden_cell_can_be_solved_from_all_published_facts(table):
    true = np.array(table)
    protected = protect(table, RULES)
    for cell in protected.hidden():
        low, high = _solve_range(true, protected.cells, cell)
        assert low - 1e-6 <= true[cell] <= high + 1e-6
        # The protection width holds, unless the table had nothing left to hide (then only the
        # totals published elsewhere narrow it, e.g. two hidden cells whose total is 18).
        assert high - low >= 2 - 1e-6 or _all_hidden(protected), (table, cell, low, high)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables)
def test_the_report_totals_reveal_nothing_hidden(table):
    """The totals a report prints are sums of published cells: differencing them with the
    published cells of their line gives 0 for every hidden cell, never its value."""
    protected = protect(table, RULES)
    rows, columns = protected.row_totals(), protected.column_totals()
    for i, j in protected.hidden():
        assert rows[i] - sum(c.value or 0 for c in protected.cells[i] if c.shown) == 0
        assert columns[j] - sum(r[j].value or 0 for r in protected.cells if r[j].shown) == 0
        assert table[i][j] != 0


def test_a_period_pair_is_protected_together():
    """Current and previous period in one table: a cell hidden now cannot be recovered from the
    previous period and the totals over both."""
    now, before = [45, 3, 60, 22], [40, 15, 58, 30]
    protected = protect([now, before], RULES)
    assert protected.cells[0][1].hidden == PRIMARY
    assert protected.cells[1][1].hidden  # its column partner, or totals over periods reveal it
    for cell in protected.hidden():
        low, high = _solve_range(np.array([now, before]), protected.cells, cell)
        assert high - low >= 2

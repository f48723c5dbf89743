"""The change flag: exact conditional test with total conversations as exposure."""

from __future__ import annotations

import pytest

from trends.poisson import change_p_value, flag


def test_no_change_in_rate_is_not_flagged():
    assert flag(100, 100, 2000, 2000, 0.01) == ""
    assert flag(200, 100, 4000, 2000, 0.01) == ""  # twice the questions, twice the chats


def test_a_clear_rise_and_fall_are_flagged():
    assert flag(200, 100, 2000, 2000, 0.01) == "↑"
    assert flag(50, 120, 2000, 2000, 0.01) == "↓"


def test_p_value_matches_the_binomial_reference():
    # 15 vs 5 with equal exposure: two-sided binomial(20, 0.5) p = 0.0414
    assert change_p_value(15, 5, 100, 100) == pytest.approx(0.04139, abs=1e-4)


def test_nothing_to_compare():
    assert change_p_value(0, 0, 100, 100) is None
    assert change_p_value(10, 10, 0, 100) is None
    assert flag(10, 10, 0, 100, 0.05) == ""

"""Is a change between two periods more than chance? An exact Poisson rate comparison.

Two counts with exposures (all conversations in each period): under "no change in rate" the
current count, given the sum of both, is binomial with p = current exposure / both exposures
(the conditional test). Only ever called with published, rounded counts of cells that passed
disclosure control in both periods, so a flag reveals nothing a reader could not compute.
"""

from __future__ import annotations

from scipy.stats import binomtest


def change_p_value(current: int, previous: int, exposure_now: int, exposure_before: int
                   ) -> float | None:
    """Two-sided p-value, or ``None`` when there is nothing to compare."""
    if exposure_now <= 0 or exposure_before <= 0 or current + previous == 0:
        return None
    share = exposure_now / (exposure_now + exposure_before)
    return float(binomtest(current, current + previous, share).pvalue)


def flag(current: int, previous: int, exposure_now: int, exposure_before: int,
         level: float) -> str:
    """"↑" / "↓" for a notable rise or fall in the rate per conversation, "" otherwise."""
    p = change_p_value(current, previous, exposure_now, exposure_before)
    if p is None or p >= level:
        return ""
    rate_now, rate_before = current / exposure_now, previous / exposure_before
    return "↑" if rate_now > rate_before else "↓"

"""The /chat/send rate limit: a sliding window per key; a refused message is not counted."""

from __future__ import annotations

from portal.widget.limits import SlidingWindowLimit


class Ticks:
    """A settable monotonic clock."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_limit_per_key_and_the_wait_until_the_oldest_leaves_the_window() -> None:
    clock = Ticks()
    limit = SlidingWindowLimit(60.0, clock)
    for _ in range(3):
        assert limit.take([("conversation:a", 3), ("address:x", 10)]) == 0
        clock.now += 10
    assert limit.take([("conversation:a", 3), ("address:x", 10)]) == 30  # first left at +60
    assert limit.take([("conversation:b", 3), ("address:x", 10)]) == 0  # others go on
    clock.now += 30
    assert limit.take([("conversation:a", 3), ("address:x", 10)]) == 0


def test_refused_messages_do_not_count_against_any_key() -> None:
    clock = Ticks()
    limit = SlidingWindowLimit(60.0, clock)
    assert limit.take([("conversation:a", 1), ("address:x", 2)]) == 0
    for _ in range(5):
        assert limit.take([("conversation:a", 1), ("address:x", 2)]) > 0
    assert limit.take([("conversation:b", 1), ("address:x", 2)]) == 0  # x used 2, not 7
    assert limit.take([("conversation:c", 1), ("address:x", 2)]) > 0

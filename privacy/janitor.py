"""Retention enforced by the running system, not by memory: a background purge loop.

Idle vault values must go after the idle time even when nobody sends another message, so the
process that holds the vault purges on a timer as well as at start-up.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

logger = logging.getLogger(__name__)


def start_purging(purge: Callable[[], dict[str, int]], interval_s: float) -> threading.Event:
    """Run ``purge`` every ``interval_s`` seconds in a daemon thread; set the event to stop."""
    stop = threading.Event()

    def loop() -> None:
        while not stop.wait(interval_s):
            try:
                removed = purge()
            except Exception as error:  # noqa: BLE001 - keep purging; say what kind of failure
                logger.error("retention purge failed (%s)", type(error).__name__)
                continue
            if any(removed.values()):
                logger.info("retention purge removed %s", removed)

    threading.Thread(target=loop, name="retention-purge", daemon=True).start()
    return stop

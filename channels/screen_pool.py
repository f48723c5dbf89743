"""The boundary's screen in a worker process, so redaction does not queue behind Rasa.

Rasa serves every conversation from one event loop in one process; on two cores that process
is the bottleneck while the other core idles. The safety check and the redactor (a few ms of
Presidio per message) therefore run in one spawned worker process, built from the settings by
a function the composition root hands in. The worker holds Presidio, spaCy and the detector;
the Rasa process imports none of them.

One worker, so the messages of a conversation are redacted in the order they arrive (the
vault numbers placeholders in that order). A worker that dies costs the messages in flight a
"technical problem" reply, never their text reaching Rasa, and the next message gets a new one.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from channels.screen import Screen, Screened
from redaction import log_filter

logger = logging.getLogger(__name__)


class _Worker:
    """The worker process's screen: a pool's initializer can only hand state to its tasks
    through the module, so it lives here and nowhere in the Rasa process."""

    screen: Screen | None = None


def _start(builder: str, args: tuple[Any, ...]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C stops Rasa, and Rasa stops this
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), name="parent-watch",
                     daemon=True).start()
    log_filter.install()  # a library's warning must not quote the message here either
    module, _, name = builder.partition(":")
    _Worker.screen = getattr(importlib.import_module(module), name)(*args)


def _exit_with_parent(parent: int, interval_s: float = 1.0) -> None:
    """Leave when the Rasa process is gone. One killed outright (SIGKILL, the OOM killer)
    cannot stop its worker, and the worker's queue never reports the loss (it holds both ends
    of its pipes): without this it would live on as an orphan holding Presidio's memory."""
    while os.getppid() == parent:
        time.sleep(interval_s)
    os._exit(0)


def _ready() -> bool:
    return _Worker.screen is not None


def _screen(text: str, sender_id: str, metadata: Any) -> Screened:
    if _Worker.screen is None:
        return Screened(failure="NotStarted")
    token = log_filter.remember([text, metadata])
    try:
        return _Worker.screen(text, sender_id, metadata)
    finally:
        log_filter.forget(token)


class ScreenPool:
    """A :class:`~channels.screen.Screening` whose screen runs in a spawned worker process.

    ``builder`` names a function ("module:function") that the worker imports and calls with
    ``args`` (picklable: the typed settings) to build its own redactor, vault connection and
    detector. A name, not the function: importing its module is what the Rasa process avoids.
    """

    def __init__(self, builder: str, *args: Any, deadline_s: float = 10.0) -> None:
        self._builder = builder
        self._args = args
        self._deadline_s = deadline_s
        self._pool = self._new_pool()
        self._started: Future[bool] | None = None

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=1, mp_context=multiprocessing.get_context("spawn"),
            initializer=_start, initargs=(self._builder, self._args))

    def start(self) -> Future[bool]:
        """Start the worker now rather than on the first message (it loads for seconds)."""
        started = self._started = self._pool.submit(_ready)
        started.add_done_callback(_report_start)
        return started

    async def screen(self, text: str, sender_id: str, metadata: Any) -> Screened:
        """Raises when the worker died or missed the deadline: the boundary fails closed.

        The deadline counts from a started worker: loading Presidio takes seconds, more on a
        busy machine, and a deadline that counted it would replace the worker again and again.
        """
        pool = self._pool
        started = self._started if self._started is not None else self.start()
        try:
            if not started.done():  # a failed start shows as a broken pool just below
                await asyncio.wrap_future(started)
            return await asyncio.wait_for(asyncio.get_running_loop().run_in_executor(
                pool, _screen, text, sender_id, metadata), self._deadline_s)
        except BrokenProcessPool:
            self._replace(pool, "stopped")
            raise
        except TimeoutError:
            # A stuck worker would hold every later message too (a regex gone quadratic, a
            # locked database): stop it, so the messages queued behind it fail fast as well.
            self._replace(pool, f"missed its {self._deadline_s:g} s deadline")
            raise

    def _replace(self, broken: ProcessPoolExecutor, why: str) -> None:
        if self._pool is not broken:
            return  # another message in flight already replaced it
        logger.error("the screen worker %s; starting a new one", why)
        for process in list((getattr(broken, "_processes", None) or {}).values()):
            process.kill()  # Python 3.11 has no public way to stop a busy pool worker
        broken.shutdown(wait=False, cancel_futures=True)
        self._pool = self._new_pool()
        self.start()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def _report_start(started: Future[bool]) -> None:
    if started.cancelled():
        return
    error = started.exception()
    if error is not None:
        logger.critical("the screen worker could not start (%s): every message gets the "
                        "technical-problem reply until it does", type(error).__name__)

"""The boundary's screen in a spawned worker process: answers, fails closed, comes back."""

from __future__ import annotations

import asyncio
import logging
import os
import re
from concurrent.futures.process import BrokenProcessPool

import pytest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from channels.redacting import RedactingBoundary, load_replies
from channels.screen_pool import ScreenPool
from tests.channels.screen_workers import DIE, HANG, SECRET

WORKER = "tests.channels.screen_workers:worker_screen"


@pytest.fixture
def pool():
    started = ScreenPool(WORKER)
    yield started
    started.close()


def worker_pid(text: str) -> int:
    match = re.search(r"\[(\d+)\]$", text)
    assert match, text
    return int(match[1])


def through_boundary(pool: ScreenPool, texts: list[str]) -> tuple[list[str], list[str]]:
    gate = RedactingBoundary(pool, 2000, load_replies())
    received: list[str] = []
    output = CollectingOutputChannel()

    async def on_new_message(message: UserMessage) -> None:
        received.append(message.text)

    async def send_all() -> None:
        for text in texts:
            await gate.handle(UserMessage(text, output, "resident-1"), on_new_message)

    asyncio.run(send_all())
    return received, [m["text"] for m in output.messages]


def test_the_screen_runs_in_another_process_and_only_its_outcome_comes_back(pool):
    pool.start().result(timeout=60)
    screened = asyncio.run(pool.screen(f"ik ben {SECRET}", "resident-1", {"wijk": "Noord"}))
    assert screened.ok and screened.text.startswith("ik ben <PERSOON_1> [")
    assert worker_pid(screened.text) != os.getpid()
    assert screened.found == ("PERSON",) and screened.metadata == {"wijk": "Noord"}


def test_one_worker_keeps_the_order_of_a_conversation(pool):
    async def burst() -> list[str]:
        screened = await asyncio.gather(*(pool.screen(f"bericht {n}", "r", None)
                                          for n in range(20)))
        return [s.text for s in screened]

    texts = asyncio.run(burst())
    assert [t.split(" [")[0] for t in texts] == [f"bericht {n}" for n in range(20)]
    assert len({worker_pid(t) for t in texts}) == 1


def test_an_exception_quoting_the_text_stays_in_the_worker(pool, caplog):
    caplog.set_level(logging.DEBUG)
    received, sent = through_boundary(pool, [f"fout: {SECRET}"])
    assert received == [] and sent == [load_replies()["technical_problem"]]
    assert "ValueError" in caplog.text and SECRET not in caplog.text


def test_a_dead_worker_costs_one_kind_reply_and_the_next_message_gets_a_new_one(pool, caplog):
    caplog.set_level(logging.DEBUG)
    first = asyncio.run(pool.screen("hallo", "r", None))
    with pytest.raises(BrokenProcessPool):
        asyncio.run(pool.screen(DIE, "r", None))
    received, sent = through_boundary(pool, [f"ik ben {SECRET}"])
    assert sent == [] and received[0].startswith("ik ben <PERSOON_1>")
    assert worker_pid(received[0]) != worker_pid(first.text)
    assert "screen worker stopped" in caplog.text and SECRET not in caplog.text


def test_the_message_in_flight_when_the_worker_dies_is_refused_not_forwarded(pool):
    received, sent = through_boundary(pool, [DIE, "en nu weer"])
    assert sent == [load_replies()["technical_problem"]]
    assert [r.split(" [")[0] for r in received] == ["en nu weer"]


def test_a_stuck_worker_is_stopped_at_the_deadline_and_the_messages_behind_it_fail_fast(caplog):
    caplog.set_level(logging.DEBUG)
    pool = ScreenPool(WORKER, deadline_s=2)
    try:
        pool.start().result(timeout=60)  # the worker's start-up is not part of the deadline
        stuck = worker_pid(asyncio.run(pool.screen("hallo", "r", None)).text)

        async def stuck_then_queued() -> list[object]:
            return await asyncio.gather(pool.screen(HANG, "r", None),
                                        pool.screen(f"ik ben {SECRET}", "r", None),
                                        return_exceptions=True)

        results = asyncio.run(stuck_then_queued())
        assert isinstance(results[0], asyncio.TimeoutError)
        assert isinstance(results[1], BaseException)  # failed with the stuck one, not forwarded
        received, sent = through_boundary(pool, ["en nu weer"])
    finally:
        pool.close()
    assert sent == [] and worker_pid(received[0]) != stuck
    assert "missed its 2 s deadline" in caplog.text and SECRET not in caplog.text
    assert not alive(stuck)


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_the_deadline_does_not_count_the_workers_start_up():
    pool = ScreenPool("tests.channels.screen_workers:slow_screen", deadline_s=1)
    try:
        screened = asyncio.run(pool.screen(f"ik ben {SECRET}", "r", None))
    finally:
        pool.close()
    assert screened.ok and screened.text.startswith("ik ben <PERSOON_1>")


def test_a_worker_that_cannot_start_is_reported_and_every_message_fails_closed(caplog):
    caplog.set_level(logging.DEBUG)
    pool = ScreenPool("tests.channels.screen_workers:broken_screen")
    try:
        with pytest.raises(BrokenProcessPool):
            pool.start().result(timeout=60)
        received, sent = through_boundary(pool, [f"ik ben {SECRET}"])
    finally:
        pool.close()
    assert received == [] and sent == [load_replies()["technical_problem"]]
    assert "could not start (BrokenProcessPool)" in caplog.text


KILLED_PARENT = """
import asyncio, sys
from channels.screen_pool import ScreenPool
pool = ScreenPool("tests.channels.screen_workers:worker_screen")
print(asyncio.run(pool.screen("hallo", "r", None)).text, flush=True)
sys.stdin.read()  # until the test kills this process
"""


def living(pid: int) -> bool:
    """Not gone and not a zombie (an orphan's exit is reaped by init, or never)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_a_worker_whose_rasa_process_is_killed_outright_leaves_too():
    """SIGKILL (or the OOM killer) gives the Rasa process no chance to stop its worker; the
    worker notices its parent is gone instead of living on as an orphan."""
    import signal
    import subprocess
    import sys
    import time

    parent = subprocess.Popen([sys.executable, "-c", KILLED_PARENT], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        worker = worker_pid(parent.stdout.readline().strip())
        assert living(worker)
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        deadline = time.monotonic() + 30
        while living(worker) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not living(worker)
    finally:
        parent.kill()
        parent.wait()

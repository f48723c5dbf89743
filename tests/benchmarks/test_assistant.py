"""The bench report: ratios against bare Rasa, hand-off against plain, memory of process trees."""

from __future__ import annotations

import subprocess
import sys

import pytest

from benchmarks.assistant import BARE, FULL, markdown, ratios, rows
from benchmarks.conversations import HANDOFF, PLAIN, Measured
from benchmarks.processes import tree_cpu_s, tree_rss_mb


def _measured(seconds: float, plain: list[float], handoff: list[float] = (),
              cpu_s: float = 1.0) -> Measured:
    return Measured(seconds=seconds, cpu_s=cpu_s,
                    latencies={PLAIN: list(plain), HANDOFF: list(handoff)})


def test_ratios_compare_the_same_workload_and_load_across_stacks():
    results = {
        (FULL, PLAIN, 10): _measured(10, [0.2] * 90 + [0.5] * 10, cpu_s=5.0),
        (BARE, PLAIN, 10): _measured(10, [0.2] * 90 + [0.4] * 10, cpu_s=4.0),
        (FULL, HANDOFF, 10): _measured(10, [0.1] * 50, [0.3] * 30),
        (BARE, HANDOFF, 10): _measured(10, [0.1] * 50, [0.2] * 40),
    }
    by = {(r["workload"], r["concurrency"]): r for r in ratios(rows(results))}
    assert by[(PLAIN, 10)]["throughput"] == pytest.approx(100 / 100)
    assert by[(PLAIN, 10)]["plain_p95"] == pytest.approx(0.5 / 0.4)
    assert by[(PLAIN, 10)]["cpu_per_turn"] == pytest.approx(5.0 / 4.0)
    assert by[(PLAIN, 10)]["handoff_vs_plain_p95"] is None
    assert by[(HANDOFF, 10)]["throughput"] == pytest.approx(80 / 90)
    assert by[(HANDOFF, 10)]["handoff_vs_plain_p95"] == pytest.approx(0.3 / 0.1)
    report = {"machine": "2 cores", "duration_s": 10, "rounds": 1, "rows": rows(results),
              "ratios": ratios(rows(results)), "startup_s": {BARE: 11.0, FULL: 18.0},
              "rss_mb": {BARE: {"rasa": 700.0}, FULL: {"rasa": 1000.0, "portal": 60.0}}}
    text = markdown(report)
    assert "| plain | 10 | 1.00 | 1.25 | 1.25 | – |" in text
    assert "| plain | 10 | full stack | 10.0 | 50.0 | " in text
    assert "| memory (RSS) of all processes, after the load | 700 MiB | 1060 MiB |" in text
    assert "| … portal | – | 60 MiB |" in text


def test_memory_counts_a_process_and_its_children():
    child = subprocess.Popen([sys.executable, "-c",
                              "import subprocess, sys, time; b = bytearray(80 << 20); "
                              "subprocess.Popen([sys.executable, '-c', "
                              "'import time; c = bytearray(80 << 20); time.sleep(30)']); "
                              "time.sleep(30)"])
    try:
        import time
        deadline = time.monotonic() + 20
        while tree_rss_mb([child.pid]) < 160 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert tree_rss_mb([child.pid]) >= 160  # both bytearrays, in two processes
        assert tree_cpu_s([child.pid]) > 0
    finally:
        subprocess.run(["pkill", "-P", str(child.pid)], check=False)
        child.kill()
        child.wait()

"""Memory and CPU time of running servers, read from ``/proc`` (Linux): each process and its
children."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

PROC = Path("/proc")


def _children() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for stat in PROC.glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended while we looked
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    return children


def _rss_kib(pid: int) -> int:
    try:
        for line in (PROC / str(pid) / "status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _tree(pids: Iterable[int]) -> set[int]:
    children = _children()
    seen: set[int] = set()
    todo = list(pids)
    while todo:
        pid = todo.pop()
        if pid not in seen:
            seen.add(pid)
            todo += children.get(pid, [])
    return seen


def tree_rss_mb(pids: Iterable[int]) -> float:
    """Resident set size of these processes and all their descendants, in MiB."""
    return sum(_rss_kib(pid) for pid in _tree(pids)) / 1024


def tree_cpu_s(pids: Iterable[int]) -> float:
    """CPU seconds (user + system) these processes and their descendants have used so far.

    Unlike turns per second, this does not move when other work shares the machine, so it
    shows what a turn costs even on a busy machine.
    """
    ticks = 0
    for pid in _tree(pids):
        try:
            fields = (PROC / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")

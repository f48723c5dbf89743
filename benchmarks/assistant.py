"""``make bench``: the whole stack against bare Rasa, in one run, on one machine.

Bare Rasa is what a municipality would get without this project's privacy work: the same
trained model served by plain ``rasa run`` (Rasa's REST channel and SQL tracker store on SQLite,
the project's action server). The full stack adds the redacting boundary, the vault, the
erasable tracker store, the trend feed, the resilience guard and the portal. Both run side by
side; the same scripted conversations (benchmarks/conversations.py) go to each in alternating
order, round after round, so a busy moment of the machine hits both alike. Also measured: start-up
of the full stack to its first answer (what ``make run`` does) and the memory of every process.
Writes ``var/reports/bench-assistant.{json,md}``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import replace
from pathlib import Path
from unittest import mock

from benchmarks import conversations
from benchmarks.conversations import HANDOFF, PLAIN, Measured, summary
from benchmarks.processes import tree_cpu_s, tree_rss_mb
from runtime.launcher import System, free_port
from runtime.profiles import load_profile
from settings.core import PROJECT_ROOT, load_settings

REPORT = PROJECT_ROOT / "var" / "reports" / "bench-assistant.md"
BARE, FULL = "bare Rasa", "full stack"
BENCH_DIR = Path(__file__).parent


def time_training(workdir: Path) -> float:
    """Seconds for a full `rasa train` with an empty cache, as on a fresh clone."""
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false",
           "RASA_CACHE_DIRECTORY": str(workdir / "cache")}
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "rasa", "train", "--config", "config.yml", "--domain", "domain.yml",
         "--data", "nlu_data", "--out", str(workdir / "models"),
         "--fixed-model-name", "bench"],
        cwd=PROJECT_ROOT, env=env, check=True, stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


@contextmanager
def running(stack: str, base: Path) -> Iterator[tuple[System, str, float]]:
    """One stack on ports of its own; yields it, its REST URL and seconds to the first answer."""
    env = {"DH_DATA_DIR": str(base / "data"), "DH_RASA_PORT": str(free_port()),
           "DH_ACTIONS_PORT": str(free_port()), "DH_PORTAL_PORT": str(free_port()),
           "PROFILE": "embedded"}
    with mock.patch.dict(os.environ, env):
        settings = load_settings()
        profile, servers = load_profile(), None
        if stack == BARE:
            profile = replace(profile, endpoints=BENCH_DIR / "bare_rasa_endpoints.yml",
                              credentials=BENCH_DIR / "bare_rasa_credentials.yml")
            servers = ("action server", "rasa")
        system = System(settings, log_dir=base / "logs", profile=profile, servers=servers)
        url = f"http://{settings.host}:{settings.rasa_port}/webhooks/rest/webhook"
        started = time.perf_counter()
        system.start()
    try:
        conversations.first_answer(url)
        yield system, url, time.perf_counter() - started
    finally:
        system.stop()


def compare(urls: dict[str, str], pids: dict[str, list[int]], levels: list[int],
            duration: float, rounds: int, seed: int) -> dict[tuple[str, str, int], Measured]:
    """Every (stack, workload, concurrency) measured ``rounds`` times, stacks alternating; the
    CPU time the stack's processes used is recorded with each row."""
    results = {(stack, workload, level): Measured(seconds=0)
               for stack in urls for workload in conversations.WORKLOADS for level in levels}
    step = 0
    for round_ in range(rounds):
        for workload in conversations.WORKLOADS:
            for level in levels:
                order = list(urls) if step % 2 == 0 else list(reversed(urls))
                step += 1
                for stack in order:
                    cpu = tree_cpu_s(pids[stack])
                    measured = conversations.drive(urls[stack], workload, level, duration,
                                                   seed + round_)
                    measured.cpu_s = tree_cpu_s(pids[stack]) - cpu
                    results[(stack, workload, level)].merge(measured)
                    print(f"round {round_ + 1}: {stack}, {workload}, {level} concurrent: "
                          f"{measured.turns / duration:.1f} turns/s", flush=True)
    return results


def rows(results: dict[tuple[str, str, int], Measured]) -> list[dict[str, object]]:
    out = []
    for (stack, workload, level), m in results.items():
        out.append({"stack": stack, "workload": workload, "concurrency": level,
                    "turns_per_s": m.turns / m.seconds if m.seconds else 0.0,
                    "errors": m.errors,
                    "cpu_ms_per_turn": 1000 * m.cpu_s / m.turns if m.turns else 0.0,
                    "plain": summary(m.latencies[PLAIN]),
                    "handoff": summary(m.latencies[HANDOFF]) if m.latencies[HANDOFF] else None})
    return out


def _ms(stats: dict[str, float] | None) -> str:
    if not stats:
        return "– | – | –"
    return f"{stats['p50_ms']:.0f} | {stats['p95_ms']:.0f} | {stats['p99_ms']:.0f}"


def markdown(report: dict[str, object]) -> str:
    table = report["rows"]
    lines = [
        "# Assistant benchmark: full stack against bare Rasa (`make bench`)", "",
        f"{report['machine']}. Same model, same action server, same scripted conversations; "
        f"{report['rounds']} rounds of {report['duration_s']:.0f} s per row, stacks alternating; "
        "closed loop (each resident sends the next turn when the answer arrives).", "",
        "| workload | concurrent | stack | turns/s | CPU ms per turn | plain p50 / p95 / p99 ms | "
        "hand-off p50 / p95 / p99 ms | errors |",
        "|---|---:|---|---:|---:|---|---|---:|",
    ]
    for r in table:
        lines.append(f"| {r['workload']} | {r['concurrency']} | {r['stack']} | "
                     f"{r['turns_per_s']:.1f} | {r['cpu_ms_per_turn']:.1f} | "
                     f"{_ms(r['plain']).replace(' | ', ' / ')} | "
                     f"{_ms(r['handoff']).replace(' | ', ' / ')} | {r['errors']} |")
    lines += ["", "| ratio (full stack / bare Rasa) | concurrent | throughput | CPU per turn | "
              "plain p95 | hand-off p95 / plain p95 (full stack, same run) |",
              "|---|---:|---:|---:|---:|---:|"]
    for ratio in report["ratios"]:
        within = ratio.get("handoff_vs_plain_p95")
        lines.append(f"| {ratio['workload']} | {ratio['concurrency']} | "
                     f"{ratio['throughput']:.2f} | {ratio['cpu_per_turn']:.2f} | "
                     f"{ratio['plain_p95']:.2f} | "
                     f"{'–' if within is None else f'{within:.2f}'} |")
    lines += ["", "| measure | bare Rasa | full stack |", "|---|---:|---:|",
              f"| start-up to the first answer | {report['startup_s'][BARE]:.1f} s | "
              f"{report['startup_s'][FULL]:.1f} s |",
              _memory_row("memory (RSS) of all processes, after the load", report["rss_mb"], None),
              *(_memory_row(f"… {name}", report["rss_mb"], name)
                for name in report["rss_mb"][FULL])]
    if "training_s" in report:
        lines.append(f"| cold `rasa train` (empty cache) | {report['training_s']:.0f} s | |")
    return "\n".join(lines) + "\n"


def _memory_row(label: str, rss: dict[str, dict[str, float]], name: str | None) -> str:
    def cell(stack: str) -> str:
        values = rss[stack]
        value = sum(values.values()) if name is None else values.get(name)
        return "–" if value is None else f"{value:.0f} MiB"

    return f"| {label} | {cell(BARE)} | {cell(FULL)} |"


def ratios(table: list[dict[str, object]]) -> list[dict[str, object]]:
    by = {(r["stack"], r["workload"], r["concurrency"]): r for r in table}
    out = []
    for (stack, workload, level), full in by.items():
        bare = by.get((BARE, workload, level))
        if stack != FULL or bare is None:
            continue
        handoff = full["handoff"]
        out.append({
            "workload": workload, "concurrency": level,
            "throughput": full["turns_per_s"] / max(bare["turns_per_s"], 1e-9),
            "cpu_per_turn": full["cpu_ms_per_turn"] / max(bare["cpu_ms_per_turn"], 1e-9),
            "plain_p95": full["plain"]["p95_ms"] / max(bare["plain"]["p95_ms"], 1e-9),
            "handoff_vs_plain_p95": (handoff["p95_ms"] / max(full["plain"]["p95_ms"], 1e-9)
                                     if handoff else None)})
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.assistant", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=float, default=30, help="seconds per row and round")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--levels", default="1,10", help="concurrent residents, comma-separated")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--training", action="store_true", help="also time a cold `rasa train`")
    args = parser.parse_args(argv)
    levels = [int(x) for x in args.levels.split(",") if x.strip()]

    report: dict[str, object] = {"machine": f"{os.cpu_count()} cores",
                                 "duration_s": args.duration, "rounds": args.rounds}
    with tempfile.TemporaryDirectory(prefix="bench-assistant-") as tmp, ExitStack() as stacks:
        work = Path(tmp)
        if args.training:
            report["training_s"] = round(time_training(work), 1)
        systems, urls, startup = {}, {}, {}
        for stack in (FULL, BARE):  # one at a time: start-up alone on the machine
            systems[stack], urls[stack], startup[stack] = stacks.enter_context(
                running(stack, work / stack.replace(" ", "-")))
        for url in urls.values():  # warm-up, not counted
            for workload in conversations.WORKLOADS:
                conversations.drive(url, workload, 2, 5, seed=0)
        pids = {stack: [p.pid for p in system.processes.values()]
                for stack, system in systems.items()}
        results = compare(urls, pids, levels, args.duration, args.rounds, args.seed)
        report["rss_mb"] = {stack: {name: tree_rss_mb([p.pid]) for name, p in
                                    system.processes.items()} for stack, system in systems.items()}
        report["startup_s"] = startup
    table = rows(results)
    report["rows"] = table
    report["ratios"] = ratios(table)
    text = markdown(report)
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(text, encoding="utf-8")
    REPORT.with_suffix(".json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""``make bench`` (redaction part): start-up time and per-message redaction latency.

Messages are the held-out evaluation utterances (≤ 300 characters), as residents type them.
Latency is measured after warm-up, in one thread, pinned to one core where the OS allows it.
Writes ``<data_dir>/reports/bench-redaction.{json,md}``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time

from benchmarks.stats import percentile
from settings.core import load_settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.redaction", description=__doc__)
    parser.add_argument("--rounds", type=int, default=3, help="passes over the corpus")
    parser.add_argument("--warmup", type=int, default=50)
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

    started = time.perf_counter()
    from redaction.analyzer import build_redactor
    from redaction.evaluation.corpus import load_corpus
    from redaction.settings import load_redaction_settings

    redactor = build_redactor(load_redaction_settings())
    startup_s = time.perf_counter() - started
    messages = [u.text for u in load_corpus() if len(u.text) <= 300]
    for text in messages[: args.warmup]:
        redactor.redact(text)
    latencies = []
    for _ in range(args.rounds):
        for i, text in enumerate(messages):
            begin = time.perf_counter()
            redactor.redact(text, f"bench-{i % 20}")
            latencies.append((time.perf_counter() - begin) * 1000)
    report = {
        "startup_s": round(startup_s, 2),
        "messages": len(latencies),
        "p50_ms": round(statistics.median(latencies), 2),
        "p95_ms": round(percentile(latencies, 95), 2),
        "p99_ms": round(percentile(latencies, 99), 2),
        "max_chars": max(len(m) for m in messages),
    }
    out = load_settings().data_dir / "reports"
    out.mkdir(parents=True, exist_ok=True)
    (out / "bench-redaction.json").write_text(json.dumps(report, indent=2))
    markdown = (
        "# Redaction benchmark (one core)\n\n| measure | value |\n|---|---|\n"
        f"| start-up (model, lists, recognizers) | {report['startup_s']} s |\n"
        f"| p50 per message | {report['p50_ms']} ms |\n"
        f"| p95 per message | {report['p95_ms']} ms |\n"
        f"| p99 per message | {report['p99_ms']} ms |\n"
        f"| messages measured | {report['messages']} (≤ {report['max_chars']} characters) |\n"
    )
    (out / "bench-redaction.md").write_text(markdown)
    print(markdown)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""``make bench``: cold training time and per-message latency through the REST channel.

Writes ``<data_dir>/reports/bench-assistant.{json,md}``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from bot.nlu_examples import load_examples
from runtime.launcher import System, free_port
from settings.core import PROJECT_ROOT, Settings, load_settings


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


def resident_messages(count: int, seed: int = 7) -> list[str]:
    """Real training utterances across all intents, as residents type them."""
    examples = [e for texts in load_examples().values() for e in texts]
    return random.Random(seed).choices(examples, k=count)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def measure_latency(settings: Settings, messages: list[str], warmup: int) -> dict[str, float]:
    url = f"http://{settings.host}:{settings.rasa_port}/webhooks/rest/webhook"
    latencies: list[float] = []
    for i, text in enumerate(messages):
        body = json.dumps({"sender": f"bench-{i % 25}", "message": text}).encode()
        request = urllib.request.Request(url, body, {"Content-Type": "application/json"})
        started = time.perf_counter()
        with urllib.request.urlopen(request, timeout=60) as response:
            response.read()
        if i >= warmup:
            latencies.append((time.perf_counter() - started) * 1000)
    return {
        "messages": len(latencies),
        "p50_ms": statistics.median(latencies),
        "p95_ms": percentile(latencies, 95),
        "p99_ms": percentile(latencies, 99),
        "mean_ms": statistics.fmean(latencies),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.assistant", description=__doc__)
    parser.add_argument("--messages", type=int, default=300)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--skip-training", action="store_true")
    args = parser.parse_args(argv)

    report: dict[str, object] = {"cpus": os.cpu_count()}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if not args.skip_training:
            report["training_s"] = round(time_training(work), 1)
        settings = load_settings(env={**os.environ, "DH_DATA_DIR": str(work / "data"),
                                      "DH_RASA_PORT": str(free_port()),
                                      "DH_ACTIONS_PORT": str(free_port())})
        started = time.perf_counter()
        with System(settings, log_dir=work / "logs"):
            report["startup_s"] = round(time.perf_counter() - started, 1)
            messages = resident_messages(args.messages + args.warmup)
            report["rest_latency"] = {k: round(v, 1) for k, v in
                                      measure_latency(settings, messages, args.warmup).items()}

    out = load_settings().data_dir / "reports"
    out.mkdir(parents=True, exist_ok=True)
    (out / "bench-assistant.json").write_text(json.dumps(report, indent=2))
    latency = report["rest_latency"]
    markdown = (
        "# Assistant benchmark\n\n| measure | value |\n|---|---|\n"
        + (f"| cold `rasa train` | {report['training_s']} s |\n" if "training_s" in report else "")
        + f"| start-up (both servers healthy) | {report['startup_s']} s |\n"
        + "".join(f"| REST {k.replace('_ms', '')} per message | {v} ms |\n"
                  for k, v in latency.items() if k.endswith("_ms"))
        + f"| messages measured | {latency['messages']} (after {args.warmup} warm-up) |\n"
    )
    (out / "bench-assistant.md").write_text(markdown)
    print(markdown)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""``make bench-load``: concurrent resident conversations through the REST channel.

Each virtual resident runs realistic Dutch scripts with personal data (names, phone numbers,
e-mail addresses, BSNs, IBANs), saying yes or no to a hand-off, for a fixed time, on loopback
only. Reported per configuration: throughput, p50/p95/p99 latency per turn, errors (HTTP
failures and the assistant's own failure replies), and afterwards a scan of every store for
the personal data in plain text (files under the data dir, logs, and for the production
profile every PostgreSQL table, every key and value of its Redis database and the messages in
its RabbitMQ queue: a short extra load runs with the trend consumer stopped, so its events wait
in the queue to be read; ``benchmarks/load_stores.py``). Configurations: the embedded profile,
the embedded profile with redaction switched off (benchmark-only channel,
benchmarks/load_channels.py; its scan is expected to hit), and the production profile, alone
and as a region behind the launcher's nginx with one and with two Rasa instances
(``DH_RASA_INSTANCES``); then the embedded profile at rising load, for the largest load the
machine holds. Writes ``var/reports/bench-load.md``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import secrets
import statistics
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from unittest import mock

import httpx
from sqlalchemy import create_engine, text

from benchmarks.load_channels import FLAG
from benchmarks.load_stores import Stores, claim_redis_db, release, scan, waiting_messages
from benchmarks.processes import tree_cpu_s
from benchmarks.stats import percentile
from runtime.launcher import LaunchError, System, free_port
from runtime.profiles import load_profile, unreachable
from settings.core import PROJECT_ROOT, load_settings

REPORT = PROJECT_ROOT / "var" / "reports" / "bench-load.md"
REPORT_JSON = REPORT.with_suffix(".json")
NO_REDACTION_CREDENTIALS = PROJECT_ROOT / "benchmarks" / "load_credentials.yml"
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
FIRST = ["Fatima", "Jan", "Sanne", "Mohammed", "Anouk", "Dewi", "Pieter", "Yusuf", "Lotte"]
LAST = ["Amrani", "de Vries", "Jansen", "Bakker", "Yilmaz", "van Dijk", "Visser", "Smit"]
STREETS = ["Lindelaan", "Kerkstraat", "Dorpsweg", "Molenstraat", "Stationsweg"]
# The assistant's own failure replies (channels/replies.yml, channels/resilience.yml).
FAILURE_MARKS = ("niet bewaard", "Je bericht is bewaard", "langer dan normaal")


@dataclass
class Resident:
    """One conversation's personal data, different every time."""

    name: str
    phone: str
    email: str
    bsn: str
    iban: str
    address: str

    @classmethod
    def make(cls, rng: random.Random) -> Resident:
        first, last = rng.choice(FIRST), rng.choice(LAST)
        digits = "".join(rng.choice("0123456789") for _ in range(8))
        return cls(
            name=f"{first} {last}", phone=f"06-{digits}",
            email=f"{first.lower()}.{last.replace(' ', '').lower()}{rng.randint(10, 999)}"
                  "@example.nl",
            bsn=_bsn(rng), iban=_iban(rng),
            address=f"{rng.choice(STREETS)} {rng.randint(2, 180)}")

    def values(self) -> list[str]:
        """What must never be found in plain text (also the number without its dash)."""
        return [self.name, self.phone, self.phone.replace("-", ""), self.email, self.bsn,
                self.iban]


def _bsn(rng: random.Random) -> str:
    while True:
        digits = [rng.randint(0, 9) for _ in range(8)]
        total = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True))
        last = total % 11
        if last < 10 and digits[0] != 0:
            return "".join(map(str, digits)) + str(last)


def _iban(rng: random.Random) -> str:
    account = "".join(str(rng.randint(0, 9)) for _ in range(10))
    numeric = "".join(str(int(c, 36)) for c in f"ABNA{account}NL00")
    return f"NL{98 - int(numeric) % 97:02d}ABNA{account}"


def script(resident: Resident, rng: random.Random) -> list[str]:
    """A realistic conversation: debt help with consent yes, consent no, or questions."""
    r = resident
    kind = rng.choice(["yes", "no", "questions"])
    if kind == "yes":
        return [f"Hoi, ik ben {r.name} en ik woon op de {r.address}",
                "ik heb schulden en de deurwaarder belt steeds", "/affirm", "/request_callback",
                "ja", "ja", "telefoon", f"mijn nummer is {r.phone}", "ochtend", "ja"]
    if kind == "no":
        return [f"ik ben {r.name}, mijn nummer is {r.phone}, mail {r.email}",
                "ik heb schulden", "/affirm", "/request_callback", "ja", "nee"]
    return [f"Mijn naam is {r.name}, mijn bsn is {r.bsn}",
            "kan ik hulp krijgen bij het betalen van de huur?",
            f"mijn rekeningnummer is {r.iban}", "hoe vraag ik bijstand aan?", "dank je wel"]


@dataclass
class Measured:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    conversations: int = 0
    pii: list[str] = field(default_factory=list)


async def _resident(client: httpx.AsyncClient, url: str, deadline: float, seed: int,
                    measured: Measured) -> None:
    rng = random.Random(seed)
    while time.monotonic() < deadline:
        resident = Resident.make(rng)
        measured.pii.extend(resident.values())
        sender = f"bench-{uuid.uuid4().hex[:12]}"
        for message in script(resident, rng):
            if time.monotonic() >= deadline:
                return
            started = time.perf_counter()
            try:
                answer = await client.post(url, json={"sender": sender, "message": message})
                failed = answer.status_code != 200 or any(
                    mark in answer.text for mark in FAILURE_MARKS)
            except httpx.HTTPError:
                failed = True
            measured.latencies.append(time.perf_counter() - started)
            measured.errors += failed
            await asyncio.sleep(rng.uniform(0.1, 0.3))  # a resident reads and types a little
        measured.conversations += 1


async def _load(url: str, concurrency: int, duration: float, seed: int) -> Measured:
    measured = Measured()
    limits = httpx.Limits(max_connections=concurrency + 4)
    async with httpx.AsyncClient(timeout=120, limits=limits) as client:
        deadline = time.monotonic() + duration
        await asyncio.gather(*(_resident(client, url, deadline, seed * 1000 + i, measured)
                               for i in range(concurrency)))
    return measured


@dataclass
class Row:
    label: str
    concurrency: int
    duration: float
    turns: int
    conversations: int
    errors: int
    p50: float
    p95: float
    p99: float
    mean: float
    pii_hits: int | None
    cpu_ms_per_turn: float | None = None  # every process of the system (and nginx), from /proc

    @property
    def throughput(self) -> float:
        return self.turns / self.duration


@contextmanager
def _system(base: Path, profile_name: str, redaction: bool, instances: int = 0
            ) -> Iterator[tuple[System, Stores]]:
    """The system; ``instances`` > 0: that many Rasa instances behind the launcher's nginx.
    The production profile gets a database, a Redis database and a RabbitMQ queue of its own."""
    stores, database = Stores(), None
    if profile_name == "production":
        database = f"dh_bench_{uuid.uuid4().hex[:8]}"
        stores = Stores(database, claim_redis_db(), f"dh_bench_events_{uuid.uuid4().hex[:8]}")
    env = {"DH_DATA_DIR": str(base / "data"), "DH_RASA_PORT": str(free_port()),
           "DH_ACTIONS_PORT": str(free_port()), "DH_PORTAL_PORT": str(free_port()),
           "PROFILE": profile_name}
    if instances:
        env.update({"DH_RASA_INSTANCES": str(instances), "DH_NGINX_ALWAYS": "true",
                    "DH_NGINX_INSTANCE_PORTS": ",".join(str(free_port())
                                                        for _ in range(instances))})
    if database:
        env["DH_PG_DATABASE"] = database
        env["DH_REDIS_DB"] = str(stores.redis_db)
        env["DH_TRENDS_EVENTS_EXCHANGE"] = env["DH_TRENDS_EVENTS_QUEUE"] = str(stores.queue)
        # Production refuses to start without the action server's secret, as a deployment must.
        env.setdefault("DH_ACTIONS_TOKEN", os.environ.get("DH_ACTIONS_TOKEN")
                       or secrets.token_urlsafe(32))
    if not redaction:
        env[FLAG] = "1"
    try:
        with mock.patch.dict(os.environ, env):
            profile = load_profile()
            if not redaction:
                profile = replace(profile, credentials=NO_REDACTION_CREDENTIALS)
            system = System(load_settings(), log_dir=base / "logs", profile=profile)
            system.start()
            try:
                yield system, stores
            finally:
                system.stop()
    finally:
        release(stores)
        if database:
            admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT", future=True)
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
            admin.dispose()


def measure(label: str, profile: str, redaction: bool, levels: list[int], duration: float,
            seed: int, instances: int = 0) -> list[Row]:
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-load-") as tmp:
        base = Path(tmp)
        with _system(base, profile, redaction, instances) as (system, stores):
            url = (f"http://{system.settings.host}:{system.settings.rasa_port}"
                   "/webhooks/rest/webhook")
            asyncio.run(_load(url, 2 * max(1, instances), 10, seed=0))  # warm-up, not counted
            pii: list[str] = []
            pids = [process.pid for process in system.processes.values()]
            for level in levels:
                cpu = tree_cpu_s(pids)
                measured = asyncio.run(_load(url, level, duration, seed))
                cpu = tree_cpu_s(pids) - cpu
                pii += measured.pii
                lat = measured.latencies
                rows.append(Row(label, level, duration, len(lat), measured.conversations,
                                measured.errors, percentile(lat, 50), percentile(lat, 95),
                                percentile(lat, 99), statistics.fmean(lat) if lat else 0, None,
                                cpu * 1000 / len(lat) if lat else None))
                print(_line(rows[-1]), flush=True)
            queued: list[bytes] = []
            if stores.queue:  # what RabbitMQ carries: a short load with the consumer stopped
                system.stop_process("trend consumer")
                pii += asyncio.run(_load(url, 2, 5, seed + 1)).pii
                queued = asyncio.run(waiting_messages(stores.queue))
                print(f"scanning {len(queued)} messages waiting in RabbitMQ", flush=True)
                system.start_process("trend consumer")
            time.sleep(3)  # the trend broker (or consumer) writes a batch a second
            hits = scan([system.settings.data_dir, base / "logs"], stores, pii, queued)
        for row in rows:
            row.pii_hits = hits
    return rows


def _line(row: Row) -> str:
    hits = "-" if row.pii_hits is None else str(row.pii_hits)
    cpu = "-" if row.cpu_ms_per_turn is None else f"{row.cpu_ms_per_turn:.0f}"
    return (f"| {row.label} | {row.concurrency} | {row.turns} | {row.throughput:.1f} | "
            f"{row.p50 * 1000:.0f} | {row.p95 * 1000:.0f} | {row.p99 * 1000:.0f} | "
            f"{cpu} | {row.errors} | {hits} |")


def _merged(rows: list[Row]) -> list[Row]:
    """Rows of the last run (``bench-load.json``) with these replacing the same label and load."""
    saved = json.loads(REPORT_JSON.read_text()) if REPORT_JSON.exists() else []
    by = {(r["label"], r["concurrency"]): Row(**r) for r in saved}
    by.update({(r.label, r.concurrency): r for r in rows})
    order = {"embedded": 0, "embedded, no redaction": 1, "production": 2, NGINX_1: 3,
             NGINX_2: 4}
    return sorted(by.values(), key=lambda r: (order.get(r.label, 9), r.concurrency))


def write_report(rows: list[Row], duration: float, machine: str) -> str:
    header = ("| configuration | concurrent | turns | turns/s | p50 ms | p95 ms | p99 ms | "
              "CPU ms per turn | errors | plaintext PII hits |\n"
              "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    by = {(r.label, r.concurrency): r for r in rows}
    lines = ["# Load benchmark (`make bench-load`)", "",
             f"{machine}; {duration:.0f} s per row, loopback REST, closed loop with 0.1-0.3 s "
             "think time per resident; scripts with names, phone numbers, e-mail, BSN, IBAN "
             "(hand-off with consent yes, consent no, questions).", "", header,
             *(_line(r) for r in rows), ""]
    base, plain = by.get(("embedded", 20)), by.get(("embedded, no redaction", 20))
    if base and plain and plain.p95:
        lines += [f"Cost of redaction at 20 concurrent: p95 ratio {base.p95 / plain.p95:.2f}, "
                  f"throughput ratio {base.throughput / max(plain.throughput, 1e-9):.2f} "
                  "(the no-redaction run stores the personal data in plain text: its PII hits "
                  "are expected).", ""]
    lines += _instances_paragraph(by)
    embedded = [r for r in rows if r.label == "embedded"]
    held = [r for r in embedded if r.errors == 0 and r.p95 <= 2.0]
    if held:
        best = max(held, key=lambda r: r.concurrency)
        lines += [f"Largest load held (0 errors, p95 ≤ 2 s): {best.concurrency} concurrent "
                  f"conversations, {best.throughput:.1f} turns/s.", ""]
    elif embedded:
        lines += ["No measured load kept p95 ≤ 2 s.", ""]
    if embedded:
        peak = max(r.throughput for r in embedded)
        lines += [f"Throughput is CPU-bound at about {peak:.1f} turns/s; beyond that, latency "
                  "grows with the queue. These residents wait only 0.1-0.3 s between turns; "
                  "real residents read and type for 10-30 s, so the same turns/s serve roughly "
                  f"{peak * 10:.0f}-{peak * 30:.0f} residents chatting at once.", ""]
    report = "\n".join(lines)
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(report, encoding="utf-8")
    REPORT_JSON.write_text(json.dumps([asdict(r) for r in rows], indent=1), encoding="utf-8")
    return report


NGINX_1 = "production, nginx, 1 instance"
NGINX_2 = "production, nginx, 2 instances"


def _instances_paragraph(by: dict[tuple[str, int], Row]) -> list[str]:
    """One against two Rasa instances behind nginx, at the same load."""
    lines = []
    for (label, load), one in by.items():
        two = by.get((NGINX_2, load))
        if label != NGINX_1 or two is None:
            continue
        cpu = (f", CPU per turn ×{two.cpu_ms_per_turn / one.cpu_ms_per_turn:.2f}"
               if one.cpu_ms_per_turn and two.cpu_ms_per_turn else "")
        lines.append(
            f"Two instances against one behind nginx at {load} concurrent: throughput "
            f"×{two.throughput / max(one.throughput, 1e-9):.2f}, p95 "
            f"×{two.p95 / max(one.p95, 1e-9):.2f}{cpu}. Both instances share this machine's "
            f"{os.cpu_count()} cores: the rows show that turns spread over instances without "
            "errors or leaks, not how capacity grows with more cores (docs/operators.md).")
    return [*lines, ""] if lines else []


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.load", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=float, default=60, help="seconds per row")
    parser.add_argument("--concurrency", type=int, default=20, help="the comparison load")
    parser.add_argument("--levels", default="5,10,40",
                        help="further embedded loads (comma-separated), for the largest it holds")
    parser.add_argument("--configurations",
                        default="embedded,no-redaction,production,nginx-1,nginx-2",
                        help="nginx-1 / nginx-2: production behind nginx, 1 or 2 Rasa instances")
    parser.add_argument("--merge", action="store_true",
                        help="keep the other rows of the last report (bench-load.json)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    n, d = args.concurrency, args.duration
    wanted = {c.strip() for c in args.configurations.split(",")}
    levels = sorted({n, *(int(x) for x in args.levels.split(",") if x.strip())})
    # (switch, label, profile, redaction, loads, Rasa instances behind nginx: 0 for none)
    plans = [("embedded", "embedded", "embedded", True, levels, 0),
             ("no-redaction", "embedded, no redaction", "embedded", False, [n], 0),
             ("production", "production", "production", True, [n], 0),
             ("nginx-1", NGINX_1, "production", True, [n], 1),
             ("nginx-2", NGINX_2, "production", True, [n], 2)]
    services = not unreachable((PG_ADMIN, "redis://127.0.0.1:6379/0", "amqp://127.0.0.1:5672/"))
    rows: list[Row] = []
    for switch, label, profile, redaction, loads, instances in plans:
        if switch not in wanted:
            continue
        if profile == "production" and not services:
            print(f"{label} skipped: PostgreSQL, Redis or RabbitMQ not reachable")
            continue
        try:
            rows += measure(label, profile, redaction, loads, d, args.seed, instances)
        except LaunchError as error:  # the other configurations' rows are still worth having
            print(f"{label} failed to start: {error}", flush=True)
    machine = f"{os.cpu_count()} cores, shared with other work"
    print(write_report(_merged(rows) if args.merge else rows, d, machine))


if __name__ == "__main__":
    main()

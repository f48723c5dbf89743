"""``make bench`` (trends part): ingest rate through the event broker and full-report time over
one million records, on SQLite and (when reachable) PostgreSQL.

Ingest is measured end to end: Rasa-shaped event dicts → ``TrendEventBroker.publish`` (translate,
hash the sender with the daily salt, queue) → writer thread → bulk inserts, until ``close`` has
flushed everything. The clock includes making the events, so the rate is a lower bound. The
report is the full one: every SQL aggregate, disclosure control, charts, HTML and CSV.
Writes ``<data_dir>/reports/bench-trends.{json,md}``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import create_engine, func, select, text

from settings.core import load_settings
from trends.broker import TrendEventBroker
from trends.demo import demo_records
from trends.disclosure import DisclosureRules
from trends.report_data import Period, build_report
from trends.report_html import write_report
from trends.settings import TrendSettings, load_trend_settings
from trends.store import TrendRecord, make_engine
from trends.tables import trend_records
from trends.vocabulary import load_vocabulary

NOW = datetime(2026, 11, 30, 12, 0)
PG = "postgresql+psycopg2://{user}@127.0.0.1:5432/{name}"


def rasa_events(settings: TrendSettings, count: int) -> Iterator[dict]:
    """``count`` events shaped as Rasa publishes them, a year of demo conversations."""
    vocabulary = load_vocabulary(settings.areas_file, settings.topics_file)
    zone = ZoneInfo(settings.timezone)
    per_day = count / 365 / 1.6  # more than enough (~2.1 records per conversation)
    for produced, record in enumerate(demo_records(vocabulary, NOW, 12, per_day=per_day)):
        if produced >= count:
            return
        yield _event(record, zone)


def _event(record: TrendRecord, zone: ZoneInfo) -> dict:
    stamp = record.hour_start.replace(tzinfo=zone).timestamp() + 600
    sender = f"bench-{record.conversation}"
    if record.kind == "session":
        return {"sender_id": sender, "event": "session_started", "timestamp": stamp}
    if record.kind != "message":
        name = "action_finish_handoff" if record.kind == "handoff" else "action_default_fallback"
        return {"sender_id": sender, "event": "action", "name": name, "timestamp": stamp}
    confidence = (record.confidence_band or 0) / 10 + 0.05
    intent = {"name": record.intent, "confidence": confidence}
    return {"sender_id": sender, "event": "user", "timestamp": stamp, "text": record.text,
            "input_channel": record.channel,
            "metadata": {"wijk": record.wijk, "doelgroep": record.doelgroep},
            "parse_data": {"text": record.text, "intent": intent, "entities": [],
                           "intent_ranking": [intent, {"name": record.suggestion,
                                                       "confidence": 0.1}]}}


def measure(url: str, settings: TrendSettings, count: int, out_dir: Path) -> dict:
    broker = TrendEventBroker.from_settings(settings, url)
    started, cpu_started = time.perf_counter(), time.process_time()
    publish_s = 0.0
    published = 0
    for event in rasa_events(settings, count):
        begin = time.perf_counter()
        broker.publish(event)
        publish_s += time.perf_counter() - begin
        published += 1
    count = published
    asyncio.run(broker.close())
    ingest_s = time.perf_counter() - started
    ingest_cpu_s = time.process_time() - cpu_started  # this process: broker, writer, SQLite
    engine = make_engine(url)
    with engine.connect() as connection:
        stored = connection.execute(select(func.count()).select_from(trend_records)).scalar_one()
    vocabulary = load_vocabulary(settings.areas_file, settings.topics_file)
    rules = DisclosureRules(settings.min_count, settings.rounding_base, settings.protection_width)
    started = time.perf_counter()
    data = build_report(engine, vocabulary, rules, Period(date(2025, 12, 1), date(2026, 11, 30)),
                        "week", generated=NOW, significance_level=settings.significance_level)
    query_s = time.perf_counter() - started
    write_report(data, out_dir / f"bench-{engine.dialect.name}.html")
    report_s = time.perf_counter() - started
    engine.dispose()
    return {"backend": engine.dialect.name, "events": count, "records": stored,
            "ingest_s": round(ingest_s, 1), "events_per_s": round(count / ingest_s),
            "events_per_cpu_s": round(count / ingest_cpu_s),
            "publish_us": round(publish_s / count * 1e6, 1),
            "report_data_s": round(query_s, 2), "report_s": round(report_s, 2)}


def _postgres() -> tuple[str, object] | None:
    for user in ("postgres", "root"):
        admin = create_engine(PG.format(user=user, name="test"), future=True,
                              isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})
        name = f"dh_bench_{secrets.token_hex(4)}"
        try:
            with admin.connect() as connection:
                connection.execute(text(f'CREATE DATABASE "{name}"'))
            return PG.format(user=user, name=name), (admin, name)
        except Exception:  # noqa: BLE001 - not reachable as this user
            admin.dispose()
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.trends", description=__doc__)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--skip-postgres", action="store_true")
    args = parser.parse_args(argv)
    results = []
    with tempfile.TemporaryDirectory(prefix="dh-bench-trends-") as folder:
        settings = load_trend_settings(data_dir=Path(folder))
        results.append(measure(f"sqlite:///{folder}/trends.db", settings, args.events,
                               Path(folder)))
        print(results[-1], flush=True)
        postgres = None if args.skip_postgres else _postgres()
        if postgres:
            url, (admin, name) = postgres
            try:
                results.append(measure(url, settings, args.events, Path(folder)))
                print(results[-1], flush=True)
            finally:
                with admin.connect() as connection:
                    connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                admin.dispose()
    out = load_settings().data_dir / "reports"
    out.mkdir(parents=True, exist_ok=True)
    (out / "bench-trends.json").write_text(json.dumps(results, indent=2))
    lines = ["# Trend store benchmark", "",
             f"{args.events:,} Rasa events (a year of synthetic conversations) through the event "
             "broker into the store, then the full report (52 weeks, all tables, charts, HTML "
             "and CSV) over everything stored. Aims: ingest ≥ 5,000 events/s, report ≤ 5 s.", "",
             "| backend | records | ingest | events/s | events per CPU-second¹ | publish per "
             "event | report data | full report |", "|---|---|---|---|---|---|---|---|"]
    for r in results:
        lines.append(f"| {r['backend']} | {r['records']:,} | {r['ingest_s']} s | "
                     f"{r['events_per_s']:,} | {r['events_per_cpu_s']:,} | {r['publish_us']} µs "
                     f"| {r['report_data_s']} s | {r['report_s']} s |")
    lines.append("\n¹ CPU time of the benchmark process (making the events, the broker, the writer "
                 "thread and, for SQLite, the database): the rate one free core sustains. "
                 f"Load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores.")
    if len(results) == 1 and not args.skip_postgres:
        lines.append("\nPostgreSQL was not reachable; only SQLite measured.")
    markdown = "\n".join(lines) + "\n"
    (out / "bench-trends.md").write_text(markdown)
    print(markdown)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""``python -m trends report | review | demo-data | consume`` — see trends/README.md."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy.exc import SQLAlchemyError

from settings.core import SettingsError, load_section
from trends.disclosure import DisclosureRules
from trends.report_data import Period, ReportError, build_report, parse_by, parse_date
from trends.settings import TrendSettings, load_trend_settings
from trends.store import TrendStore, make_engine
from trends.vocabulary import load_vocabulary


@dataclass(frozen=True)
class _ReportsDir:
    """The one value of the ``portal`` section this command needs: where the portal lists
    reports (``DH_PORTAL_REPORTS_DIR``). Read by name, so trends does not import the portal."""

    reports_dir: Path


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m trends", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    report = commands.add_parser("report", help="beleidsrapport (HTML + CSV)")
    report.add_argument("--from", dest="start", required=True, help="eerste dag, 2026-01-01")
    report.add_argument("--to", dest="end", required=True, help="laatste dag, 2026-11-30")
    report.add_argument("--by", action="append", metavar="week|month|wijk|doelgroep",
                        help="tijdseenheid (week of month) en/of groep (wijk of doelgroep)")
    report.add_argument("--out", type=Path, help="HTML-bestand; de CSV komt ernaast "
                        "(standaard: portal.reports_dir)")
    report.add_argument("--demo", action="store_true", help="lees de demo-database")
    report.add_argument("--now", help=argparse.SUPPRESS)  # fixed "generated at" (golden tests)
    review = commands.add_parser("review", help="onzekere zinnen voor trainers (NLU YAML)")
    review.add_argument("--from", dest="start", required=True)
    review.add_argument("--to", dest="end", required=True)
    review.add_argument("--max-confidence", type=float)
    review.add_argument("--out", type=Path, help="YAML-bestand (standaard: naar het scherm)")
    review.add_argument("--demo", action="store_true")
    demo = commands.add_parser("demo-data", help="vul de aparte demo-database")
    demo.add_argument("--months", type=int, default=12)
    demo.add_argument("--seed", type=int, default=2026)
    demo.add_argument("--per-day", type=float, default=40.0, help="gesprekken per werkdag")
    demo.add_argument("--now", help=argparse.SUPPRESS)
    consume = commands.add_parser(
        "consume", help="lees Rasa's gebeurtenissen uit RabbitMQ naar de trenddatabase "
        "(productieprofiel; trends.events_url)")
    consume.add_argument("--health-port", type=int, help="GET /health op deze poort "
                         "(standaard: trends.consumer_health_port; 0: geen)")
    return parser


def _period(args: argparse.Namespace) -> Period:
    return Period(parse_date(args.start, "--from"), parse_date(args.end, "--to"))


def _now(value: str | None, settings: TrendSettings) -> datetime:
    if value:
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            raise ReportError(f"--now moet een tijdstip zijn als 2026-11-30T12:00, niet {value!r}"
                              ) from None
    return datetime.now(ZoneInfo(settings.timezone)).replace(tzinfo=None, microsecond=0)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = load_trend_settings()
        return COMMANDS[args.command](args, settings)
    except (ReportError, SettingsError) as error:
        print(f"fout: {error}", file=sys.stderr)
        return 2
    except (SQLAlchemyError, OSError) as error:
        print(f"fout: de trenddatabase of het bestand is niet bruikbaar "
              f"({type(error).__name__}: {str(error).splitlines()[0][:200]})", file=sys.stderr)
        return 1


def _report(args: argparse.Namespace, settings: TrendSettings) -> int:
    period = _period(args)
    unit, groups = parse_by(args.by)
    vocabulary = load_vocabulary(settings.areas_file, settings.topics_file)
    rules = DisclosureRules(settings.min_count, settings.rounding_base, settings.protection_width)
    engine = make_engine(settings.demo_database_url if args.demo else settings.database_url)
    try:
        data = build_report(engine, vocabulary, rules, period, unit, groups,
                            generated=_now(args.now, settings), demo=args.demo,
                            significance_level=settings.significance_level)
    finally:
        engine.dispose()
    from trends.report_html import write_report  # matplotlib only when a report is written

    name = (f"trends-{'demo-' if args.demo else ''}{period.start}-{period.end}-{unit}"
            f"{'-' + groups[0] if len(groups) == 1 else ''}.html")
    out = args.out or load_section(_ReportsDir, "portal").reports_dir / name
    html_path, csv_path = write_report(data, out)
    print(f"rapport: {html_path}\ncsv:     {csv_path}")
    return 0


def _review(args: argparse.Namespace, settings: TrendSettings) -> int:
    from trends.review import review_yaml, unsure_utterances

    period = _period(args)
    limit = settings.review_max_confidence if args.max_confidence is None else args.max_confidence
    if not 0 < limit <= 1:
        raise ReportError("--max-confidence moet tussen 0 en 1 liggen")
    engine = make_engine(settings.demo_database_url if args.demo else settings.database_url)
    try:
        text = review_yaml(unsure_utterances(engine, period, limit), period, limit, date.today())
    finally:
        engine.dispose()
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
        print(f"review: {args.out}")
    else:
        sys.stdout.write(text)
    return 0


def _demo_data(args: argparse.Namespace, settings: TrendSettings) -> int:
    from trends.demo import fill_demo_store

    if not 1 <= args.months <= 60 or args.per_day <= 0:
        raise ReportError("--months moet 1 … 60 zijn en --per-day positief")
    if settings.demo_database_url == settings.database_url:
        raise ReportError("de demo-database mag niet de echte trenddatabase zijn")
    vocabulary = load_vocabulary(settings.areas_file, settings.topics_file)
    engine = make_engine(settings.demo_database_url)
    try:
        count = fill_demo_store(TrendStore(engine), vocabulary, _now(args.now, settings),
                                args.months, args.seed, args.per_day)
    finally:
        engine.dispose()
    print(f"demo: {count} records in {settings.demo_database_url}\n"
          f"rapport: python -m trends report --demo --from … --to …")
    return 0


def _consume(args: argparse.Namespace, settings: TrendSettings) -> int:
    import asyncio
    import logging

    from settings.core import load_settings
    from trends.consumer import build_consumer, serve

    if not settings.events_url.strip():
        raise ReportError("trends.events_url is leeg: er is geen gebeurtenissenstroom om te "
                          "lezen (het embedded profiel schrijft de trenddatabase zelf)")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: "
                        "%(message)s")
    port = settings.consumer_health_port if args.health_port is None else args.health_port
    asyncio.run(serve(build_consumer(settings), load_settings().host, port))
    return 0


COMMANDS = {"report": _report, "review": _review, "demo-data": _demo_data, "consume": _consume}

if __name__ == "__main__":
    sys.exit(main())

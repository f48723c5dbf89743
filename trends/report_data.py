"""The numbers of a report: aggregated in SQL (daily roll-ups), protected by ``trends.disclosure``.

Everything a report shows comes from here and has passed disclosure control; charts, HTML and CSV
only format it. The unit is a conversation-day: a conversation counts once per day (its hash
changes with the daily salt), so counts add up over days, weeks and months.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.engine import Connection, Engine

from trends.disclosure import Cell, DisclosureRules, ProtectedTable, protect
from trends.poisson import flag
from trends.rollup import refresh
from trends.tables import trend_daily
from trends.vocabulary import OTHER_LANGUAGE, Vocabulary

UNKNOWN = "onbekend"
OTHER_LANGUAGE_NAME = "Overig"
PERIOD_COLUMNS = ["deze periode", "vorige periode"]
TIME_UNITS = ("week", "month")
GROUPS = ("wijk", "doelgroep")
WEEKDAYS = ("ma", "di", "wo", "do", "vr", "za", "zo")
MAX_DAYS = 5 * 366
MONTHS = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


class ReportError(ValueError):
    """Bad report arguments; the message is shown to the user as is."""


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ReportError(f"--to ({self.end}) ligt vóór --from ({self.start})")
        if self.days > MAX_DAYS:
            raise ReportError(f"een periode is hoogstens {MAX_DAYS // 366} jaar")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> Period:
        """The period of the same length just before (for "change against the previous")."""
        return Period(self.start - timedelta(days=self.days), self.start - timedelta(days=1))

    def label(self) -> str:
        return f"{self.start:%d-%m-%Y} t/m {self.end:%d-%m-%Y}"


@dataclass(frozen=True)
class Table:
    """A protected table with its labels: at most two dimensions, by construction."""

    key: str
    title: str
    explanation: str
    row_title: str
    rows: list[str]
    columns: list[str]
    cells: ProtectedTable


@dataclass(frozen=True)
class TopicChange:
    topic: str
    name: str
    current: Cell
    previous: Cell
    change: str      # published difference, or "" when either side is hidden
    flag: str        # "↑", "↓" or ""


@dataclass(frozen=True)
class Figure:
    """An operational figure: counts in both periods and, when publishable, a percentage."""

    name: str
    explanation: str
    current: Cell
    previous: Cell
    percent_now: float | None = None
    percent_before: float | None = None


@dataclass
class ReportData:
    period: Period
    previous: Period
    time_unit: str
    groups: tuple[str, ...]
    generated: datetime
    demo: bool
    rules: DisclosureRules
    significance_level: float
    topics: list[TopicChange] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    tables: dict[str, Table] = field(default_factory=dict)


def parse_date(value: str, flag_name: str) -> date:
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise ReportError(f"{flag_name} moet een datum zijn als 2026-01-31, niet {value!r}"
                          ) from None


def parse_by(values: Sequence[str] | None) -> tuple[str, tuple[str, ...]]:
    """``--by week|month`` (at most one) and ``--by wijk|doelgroep`` (at most one; none: both)."""
    values = list(values or [])
    unknown = [v for v in values if v not in TIME_UNITS + GROUPS]
    if unknown:
        raise ReportError(f"onbekende --by {unknown[0]!r}: kies uit "
                          f"{', '.join(TIME_UNITS + GROUPS)}")
    units = [v for v in values if v in TIME_UNITS]
    groups = [v for v in values if v in GROUPS]
    if len(units) > 1 or len(groups) > 1:
        raise ReportError("hoogstens één --by week|month en één --by wijk|doelgroep "
                          "(een tabel heeft hoogstens twee dimensies)")
    return (units[0] if units else "month"), (tuple(groups) or GROUPS)


def _daily(connection: Connection, span: Period, measure: str) -> list[tuple]:
    """Roll-up rows ``(day, key1, key2, conversations)`` of one measure."""
    d = trend_daily.c
    return connection.execute(
        select(d.day, d.key1, d.key2, d.conversations)
        .where(d.measure == measure, d.day >= span.start, d.day <= span.end)).all()


def _summed(connection: Connection, period: Period, measure: str) -> dict[tuple, int]:
    """Conversations per ``(key1, key2)`` over a period, summed in SQL."""
    d = trend_daily.c
    return {(k1, k2): int(n) for k1, k2, n in connection.execute(
        select(d.key1, d.key2, func.sum(d.conversations))
        .where(d.measure == measure, d.day >= period.start, d.day <= period.end)
        .group_by(d.key1, d.key2))}


def _buckets(period: Period, unit: str) -> list[date]:
    first = (period.start - timedelta(days=period.start.weekday()) if unit == "week"
             else period.start.replace(day=1))
    buckets, current = [], first
    while current <= period.end:
        buckets.append(current)
        current = (current + timedelta(days=7) if unit == "week"
                   else (current.replace(day=28) + timedelta(days=4)).replace(day=1))
    return buckets


def bucket_label(bucket: date, unit: str) -> str:
    if unit == "week":
        year, week, _ = bucket.isocalendar()
        return f"{year}-W{week:02d}"
    return f"{MONTHS[bucket.month - 1]} {bucket.year}"


def build_report(engine: Engine, vocabulary: Vocabulary, rules: DisclosureRules,
                 period: Period, time_unit: str = "month", groups: Sequence[str] = GROUPS,
                 *, generated: datetime, demo: bool = False,
                 significance_level: float = 0.01) -> ReportData:
    """All numbers of one report. Few scans: distinct conversations per day (and intent, or
    hour) are summed into weeks, months and periods — exact, because the hash changes daily."""
    previous = period.previous()
    data = ReportData(period, previous, time_unit, tuple(groups), generated, demo, rules,
                      significance_level)
    topics = list(vocabulary.topics)
    names = [vocabulary.topics[t] for t in topics]
    year = _year(period)
    span = Period(min(previous.start, year.start), period.end)
    refresh(engine, span.start, span.end)  # roll up what changed since the last report
    with engine.connect() as connection:
        data.figures = _operational(connection, period, previous, rules)
        wanted: dict[str, dict[date, dict[str, int]]] = {"week": {}, "month": {}}
        totals: dict[Period, dict[str, int]] = {period: {}, previous: {}}
        year_counts: dict[date, dict[str, int]] = {}
        for day, intent, _, count in _daily(connection, span, "topic"):
            if intent not in vocabulary.topics:
                continue
            for p in (period, previous):
                if p.start <= day <= p.end:
                    totals[p][intent] = totals[p].get(intent, 0) + count
            if period.start <= day <= period.end:
                for unit in ("week", "month"):
                    cell = wanted[unit].setdefault(_bucket_of(day, unit), {})
                    cell[intent] = cell.get(intent, 0) + count
            if year.start <= day <= year.end:
                cell = year_counts.setdefault(day.replace(day=1), {})
                cell[intent] = cell.get(intent, 0) + count

        exposure_now = data.figures[0].current.value or 0
        exposure_before = data.figures[0].previous.value or 0
        # Both periods in one table: secondary suppression is consistent across them.
        both = protect([[totals[p].get(t, 0) for t in topics] for p in (period, previous)],
                       rules)
        for j, topic in enumerate(topics):
            now, before = both.cells[0][j], both.cells[1][j]
            shown = now.shown and before.shown
            data.topics.append(TopicChange(
                topic, names[j], now, before,
                change=f"{now.value - before.value:+d}" if shown else "",
                flag=flag(now.value, before.value, exposure_now, exposure_before,
                          significance_level) if shown and exposure_now and exposure_before
                else ""))
        data.topics.sort(key=lambda t: (-(t.current.value or 0), t.name))

        unit_name = "week" if time_unit == "week" else "maand"
        buckets = _buckets(period, time_unit)
        found = wanted[time_unit]
        data.tables["time"] = Table(
            "time", f"Hulpvragen per {unit_name}",
            f"Aantal gesprekken per onderwerp in elke {unit_name} van de periode.", unit_name,
            [bucket_label(b, time_unit) for b in buckets], names,
            protect([[found.get(b, {}).get(t, 0) for t in topics] for b in buckets], rules))

        for group in groups:
            values = list(vocabulary.wijken if group == "wijk" else vocabulary.doelgroepen)
            found_group = _summed(connection, period, group)
            keys = values + [""]  # "" = unknown
            data.tables[group] = Table(
                group, f"Hulpvragen per {group}",
                f"Aantal gesprekken per onderwerp en {group}. 'Onbekend': de inwoner of de "
                "website gaf geen (bekende) " + group + " door.",
                group, values + [UNKNOWN], names,
                protect([[found_group.get((k, t), 0) for t in topics] for k in keys], rules))

        data.tables["languages"] = _languages(connection, vocabulary, rules, period, previous)

        peaks: dict[tuple[int, int], int] = {}
        for day, hour, _, count in _daily(connection, period, "hour"):
            key = (day.weekday(), int(hour))
            peaks[key] = peaks.get(key, 0) + count
        data.tables["peaks"] = Table(
            "peaks", "Drukke momenten", "Aantal gesprekken per uur en dag van de week, voor de "
            "hele gemeente samen.", "uur", [f"{h:02d}:00" for h in range(24)], list(WEEKDAYS),
            protect([[peaks.get((d, h), 0) for d in range(7)] for h in range(24)], rules))

        months = _buckets(year, "month")
        data.tables["year"] = Table(
            "year", "Twaalf maanden", "Aantal gesprekken per onderwerp in de twaalf maanden "
            "tot en met het einde van de periode.", "maand",
            [bucket_label(m, "month") for m in months], names,
            protect([[year_counts.get(m, {}).get(t, 0) for t in topics] for m in months], rules))
    return data


def _languages(connection: Connection, vocabulary: Vocabulary, rules: DisclosureRules,
               period: Period, previous: Period) -> Table:
    """Conversations per language in both periods, protected together like the topics.

    Each conversation-day counts in one language (``trends.rollup``), so a column adds up to
    the conversations of its period: the margins disclosure control assumes are published."""
    codes = [*vocabulary.languages, OTHER_LANGUAGE]
    found = [{key: n for (key, _), n in _summed(connection, p, "language").items()}
             for p in (period, previous)]
    return Table(
        "languages", "Talen", "Aantal gesprekken per taal waarin de inwoner schreef. Een gesprek "
        "telt in één taal: die van de meeste berichten waarvan de assistent de taal zeker wist; "
        "Nederlands als dat bij geen enkel bericht zo was. 'Overig': een andere taal dan deze.",
        "taal", [*vocabulary.languages.values(), OTHER_LANGUAGE_NAME], list(PERIOD_COLUMNS),
        protect([[found[0].get(c, 0), found[1].get(c, 0)] for c in codes], rules))


def _year(period: Period) -> Period:
    """The twelve whole months up to and including the period's last month."""
    last = period.end.replace(day=1)
    first = date(last.year - 1, last.month, 1) + timedelta(days=31)
    return Period(first.replace(day=1), period.end)


def _bucket_of(day: date, unit: str) -> date:
    return day - timedelta(days=day.weekday()) if unit == "week" else day.replace(day=1)


def _operational(connection: Connection, period: Period, previous: Period,
                 rules: DisclosureRules) -> list[Figure]:
    """Conversations, not understood, hand-offs and abandoned conversations, both periods."""
    values = {key: [sum(_summed(connection, p, key).values()) for p in (period, previous)]
              for key in ("all", "fallback", "handoff", "abandoned")}
    cells = {k: [rules.count(v) for v in pair] for k, pair in values.items()}
    texts = {
        "all": ("Gesprekken", "Aantal gesprekken (een gesprek telt één keer per dag)."),
        "fallback": ("Niet begrepen", "Gesprekken waarin de assistent minstens één vraag niet "
                     "begreep."),
        "handoff": ("Doorverwezen naar een medewerker", "Gesprekken waarin het formulier voor "
                    "contact met een medewerker werd afgerond."),
        "abandoned": ("Afgehaakt", "Gesprekken die begonnen, maar waarin de assistent geen "
                      "enkele vraag begreep of de inwoner niets vroeg."),
    }
    figures = []
    for key, (name, explanation) in texts.items():
        now, before = cells[key]
        if key == "all":
            figures.append(Figure(name, explanation, now, before))
            continue
        figures.append(Figure(name, explanation, now, before,
                              rules.percentage(now, cells["all"][0]),
                              rules.percentage(before, cells["all"][1])))
    return figures

"""Reports from a fixed demo data set on SQLite and PostgreSQL: contents, disclosure control
everywhere, and a golden HTML/CSV pair (``DH_UPDATE_GOLDEN=1`` rewrites it)."""

from __future__ import annotations

import os
import re
from datetime import date, datetime
from pathlib import Path

import pytest

from tests.trends.conftest import NOW
from trends.report_data import Period, ReportError, build_report, parse_by, parse_date
from trends.report_html import DEMO_NOTE, render_csv, render_html, write_report
from trends.store import TrendRecord

GOLDEN = Path(__file__).resolve().parent / "golden"
PERIOD = Period(date(2026, 10, 1), date(2026, 11, 30))
PUBLISHED = re.compile(r"^(0|<10|x|[1-9]\d*[05])$")


@pytest.fixture
def report(demo_engine, vocabulary, rules):
    return build_report(demo_engine, vocabulary, rules, PERIOD, "month", generated=NOW,
                        demo=True)


def test_golden_report(report, request):
    """Same fixed data, same seed, same "now": byte-identical HTML and CSV on both backends."""
    html, csv_text = render_html(report), render_csv(report)
    if os.environ.get("DH_UPDATE_GOLDEN") == "1":
        GOLDEN.mkdir(exist_ok=True)
        (GOLDEN / "report.html").write_text(html, encoding="utf-8")
        (GOLDEN / "report.csv").write_text(csv_text, encoding="utf-8")
    assert csv_text == (GOLDEN / "report.csv").read_text(encoding="utf-8")
    assert html == (GOLDEN / "report.html").read_text(encoding="utf-8")


def test_every_published_count_passed_disclosure_control(report):
    for table in report.tables.values():
        assert len(table.cells.cells) == len(table.rows)
        for row in table.cells.cells:
            assert len(row) == len(table.columns)  # two dimensions, no more
            assert all(PUBLISHED.match(str(c)) for c in row)
    for topic in report.topics:
        assert PUBLISHED.match(str(topic.current)) and PUBLISHED.match(str(topic.previous))
        if not (topic.current.shown and topic.previous.shown):
            assert topic.change == "" and topic.flag == ""
    for figure in report.figures:
        if figure.current.value is None or figure.current.value < 10:
            assert figure.percent_now is None


def test_report_contents(report, vocabulary):
    assert [f.name for f in report.figures] == ["Gesprekken", "Niet begrepen",
                                                "Doorverwezen naar een medewerker", "Afgehaakt"]
    assert report.figures[0].current.value > 500
    assert {t.topic for t in report.topics} == set(vocabulary.topics)
    values = [t.current.value or 0 for t in report.topics]
    assert values == sorted(values, reverse=True)
    assert report.tables["time"].rows == ["okt 2026", "nov 2026"]
    assert report.tables["year"].rows[0] == "dec 2025" and len(report.tables["year"].rows) == 12
    assert report.tables["wijk"].rows[-1] == "onbekend"
    assert len(report.tables["peaks"].rows) == 24 and len(report.tables["peaks"].columns) == 7
    assert report.previous == Period(date(2026, 8, 1), date(2026, 9, 30))


def test_demo_data_has_seasons(demo_engine, vocabulary, rules):
    """Loneliness peaks in December, youth questions come after school hours."""
    from sqlalchemy import func, select

    from trends.tables import trend_records as t

    with demo_engine.connect() as connection:
        def count(*where) -> int:
            return connection.execute(select(func.count()).where(
                t.c.kind == "message", *where)).scalar_one()

        youth_after_school = count(t.c.intent == "youth", t.c.hour >= 15, t.c.hour <= 20)
        youth_all = count(t.c.intent == "youth")
        assert youth_after_school / youth_all > 0.5
        august = count(t.c.intent == "youth", t.c.month == date(2026, 8, 1))
        october = count(t.c.intent == "youth", t.c.month == date(2026, 10, 1))
        assert october > 1.5 * august


def test_html_is_self_contained_and_marked_as_demo(report):
    html = render_html(report)
    assert html.count("<svg") == 3 and "<script" not in html
    assert not re.search(r"""(src|href)=["']https?:""", html)
    assert DEMO_NOTE in html and "@media print" in html and "Zo lees je dit rapport" in html
    assert all(line.startswith(f'"{DEMO_NOTE}"') for line in render_csv(report).splitlines()[1:])


def test_real_reports_carry_no_demo_banner(report):
    report.demo = False
    assert DEMO_NOTE not in render_html(report) and DEMO_NOTE not in render_csv(report)


def test_write_report_puts_the_csv_beside_the_html(report, tmp_path):
    html, csv_path = write_report(report, tmp_path / "out" / "rapport.html")
    assert html.exists() and csv_path == tmp_path / "out" / "rapport.csv" and csv_path.exists()


def test_one_group_only(demo_engine, vocabulary, rules):
    data = build_report(demo_engine, vocabulary, rules, PERIOD, "week", ("doelgroep",),
                        generated=NOW)
    assert "wijk" not in data.tables and "doelgroep" in data.tables
    assert data.tables["time"].rows[0] == "2026-W40"
    assert "Hulpvragen per doelgroep" in render_html(data)


@pytest.mark.parametrize(("values", "expected"), [
    (None, ("month", ("wijk", "doelgroep"))), (["week"], ("week", ("wijk", "doelgroep"))),
    (["month", "wijk"], ("month", ("wijk",))), (["doelgroep"], ("month", ("doelgroep",))),
])
def test_parse_by(values, expected):
    assert parse_by(values) == expected


@pytest.mark.parametrize("values", [["day"], ["week", "month"], ["wijk", "doelgroep"]])
def test_parse_by_refuses(values):
    with pytest.raises(ReportError):
        parse_by(values)


def test_dates_are_checked():
    with pytest.raises(ReportError):
        parse_date("30-11-2026", "--to")
    with pytest.raises(ReportError):
        Period(date(2026, 2, 1), date(2026, 1, 1))


def test_languages_table_in_dutch_with_both_periods(report, vocabulary):
    table = report.tables["languages"]
    assert table.title == "Talen" and table.columns == ["deze periode", "vorige periode"]
    assert table.rows == ["Nederlands", "Engels", "Turks", "Arabisch", "Perzisch / Dari", "Pools",
                          "Oekraïens", "Russisch", "Tigrinya", "Somalisch", "Overig"]
    assert len(table.rows) == len(vocabulary.languages) + 1
    html, csv_text = render_html(report), render_csv(report)
    assert "<h2>Talen</h2>" in html and "<td>Tigrinya</td>" in html
    assert ",Talen,Somalisch,deze periode," in csv_text


def test_small_language_counts_stay_hidden(store, vocabulary, rules):
    """A few Tigrinya speakers are "<10", and the Turkish count beside them is hidden too,
    else the total of conversations would give the Tigrinya count away."""
    hour = datetime(2026, 3, 3, 10)
    speakers = [("nl", 40), ("tr", 12), ("ti", 3), (None, 20)]
    records, n = [], 0
    for language, count in speakers:
        for _ in range(count):
            n += 1
            records += [TrendRecord(hour, "session", f"{n:016x}"),
                        TrendRecord(hour, "message", f"{n:016x}", intent="debt",
                                    language=language)]
    store.add(records)
    data = build_report(store.engine, vocabulary, rules, Period(date(2026, 3, 1),
                                                                date(2026, 3, 31)),
                        generated=NOW)
    cells = dict(zip(data.tables["languages"].rows,
                     (str(row[0]) for row in data.tables["languages"].cells.cells), strict=True))
    assert cells["Nederlands"] == "60"  # said so, or nothing said
    assert cells["Tigrinya"] == "<10" and cells["Turks"] == "x"
    assert {cells[name] for name in ("Engels", "Somalisch", "Overig")} == {"0"}
    assert str(data.figures[0].current) == "75"  # the total the table must not betray

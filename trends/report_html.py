"""Write a report: one self-contained HTML file (inline SVG, inline CSS, no scripts) and a CSV.

Both are formatted from ``ReportData`` only, so they show nothing disclosure control did not pass.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from trends import charts
from trends.disclosure import Cell
from trends.report_data import ReportData, Table

TEMPLATES = Path(__file__).resolve().parent / "templates"
DEMO_NOTE = "DEMO – synthetische gegevens, geen echte gesprekken"
REAL_NOTE = "gegevens van de Digitale Huiskamer"


def number(value: int | None) -> str:
    """Dutch thousands separator: 3.055."""
    return "" if value is None else f"{value:,}".replace(",", ".")


def cell_text(cell: Cell) -> str:
    return number(cell.value) if cell.shown else str(cell)


def percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}".replace(".", ",") + " %"


def _environment() -> Environment:
    environment = Environment(loader=FileSystemLoader(TEMPLATES),
                              autoescape=select_autoescape(["html", "j2"]),
                              trim_blocks=True, lstrip_blocks=True)
    environment.filters.update(cell=cell_text, number=number, percent=percent)
    return environment


def render_html(data: ReportData) -> str:
    charts_svg = {"time": charts.line_chart(data.tables["time"]),
                  "year": charts.line_chart(data.tables["year"]),
                  "peaks": charts.heatmap(data.tables["peaks"])}
    template = _environment().get_template("report.html.j2")
    return template.render(data=data, charts=charts_svg, demo_note=DEMO_NOTE,
                           groups=[data.tables[g] for g in data.groups])


def render_csv(data: ReportData) -> str:
    """Long format, one published value per line; the first column says whether it is a demo."""
    source = DEMO_NOTE if data.demo else REAL_NOTE
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["bron", "periode", "onderdeel", "rij", "kolom", "waarde"])
    period = data.period.label()

    def row(section: str, name: str, column: str, value: str) -> None:
        writer.writerow([source, period, section, name, column, value])

    for figure in data.figures:
        row("kerncijfers", figure.name, "deze periode", str(figure.current))
        row("kerncijfers", figure.name, "vorige periode", str(figure.previous))
        if figure.percent_now is not None or figure.percent_before is not None:
            row("kerncijfers", figure.name, "% deze periode", percent(figure.percent_now))
            row("kerncijfers", figure.name, "% vorige periode", percent(figure.percent_before))
    for topic in data.topics:
        row("hulpvragen", topic.name, "deze periode", str(topic.current))
        row("hulpvragen", topic.name, "vorige periode", str(topic.previous))
        row("hulpvragen", topic.name, "verschil", topic.change)
        row("hulpvragen", topic.name, "opvallend", topic.flag)
    for table in _tables(data):
        for name, cells in zip(table.rows, table.cells.cells, strict=True):
            for column, cell in zip(table.columns, cells, strict=True):
                row(table.title, name, column, str(cell))
    return buffer.getvalue()


def _tables(data: ReportData) -> list[Table]:
    return [data.tables[k] for k in ("time", *data.groups, "languages", "peaks", "year")]


def write_report(data: ReportData, out: Path) -> tuple[Path, Path]:
    """``out`` (HTML) and the CSV beside it (same name, ``.csv``)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    html_path, csv_path = out, out.with_suffix(".csv")
    html_path.write_text(render_html(data), encoding="utf-8")
    csv_path.write_text(render_csv(data), encoding="utf-8")
    return html_path, csv_path

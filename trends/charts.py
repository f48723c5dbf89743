"""Charts as inline SVG, drawn only from published (protected) cells.

Deterministic on purpose (golden-file tests, diffable reports): fixed hash salt for element ids,
text kept as text instead of font outlines, no creation date.
"""

from __future__ import annotations

import io
import re
import warnings

import matplotlib

matplotlib.use("Agg")

with warnings.catch_warnings():  # matplotlib 3.7 calls pyparsing 3.3's deprecated names
    warnings.simplefilter("ignore", DeprecationWarning)
    import matplotlib.mathtext  # noqa: E402, F401 - imported here so its warning is muted too
    import matplotlib.pyplot as plt  # noqa: E402 - the backend must be chosen first
import numpy as np  # noqa: E402

from trends.report_data import Table  # noqa: E402

STYLE = {
    "svg.hashsalt": "digitale-huiskamer-trends",
    "svg.fonttype": "none",
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
}
COLOURS = ["#1b5e8c", "#c0392b", "#2e8b57", "#8e44ad", "#d35400", "#16a085", "#7f8c8d",
           "#b7950b"]


def _svg(figure: plt.Figure) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    plt.close(figure)
    svg = buffer.getvalue()
    svg = re.sub(r"\s*<metadata>.*?</metadata>", "", svg, flags=re.S)  # RDF boilerplate
    return svg[svg.index("<svg"):]


def _values(table: Table) -> np.ndarray:
    """Published values; hidden cells are NaN (a gap, never a guess)."""
    return np.array([[c.value if c.shown else np.nan for c in row] for row in table.cells.cells],
                    dtype=float)


def line_chart(table: Table, y_label: str = "gesprekken") -> str:
    with plt.rc_context(STYLE):
        figure, axes = plt.subplots(figsize=(8, 4.2))
        values = _values(table)
        x = np.arange(len(table.rows))
        for j, name in enumerate(table.columns):
            axes.plot(x, values[:, j], marker="o", markersize=3, linewidth=1.5,
                      color=COLOURS[j % len(COLOURS)], label=name)
        step = max(1, len(x) // 12)
        axes.set_xticks(x[::step], [table.rows[i] for i in x[::step]], rotation=45, ha="right")
        axes.set_ylabel(y_label)
        axes.set_ylim(bottom=0)
        axes.legend(fontsize=7, ncol=4, frameon=False, loc="upper center",
                    bbox_to_anchor=(0.5, -0.32))
        figure.subplots_adjust(left=0.08, right=0.98, top=0.96, bottom=0.36)  # fixed: fast
        return _svg(figure)


def heatmap(table: Table) -> str:
    """Hour × weekday; hidden cells grey and hatched."""
    with plt.rc_context(STYLE):
        figure, axes = plt.subplots(figsize=(5, 6))
        values = _values(table)
        masked = np.ma.masked_invalid(values)
        colours = plt.get_cmap("Blues").copy()
        colours.set_bad("#dddddd")
        image = axes.imshow(masked, aspect="auto", cmap=colours, interpolation="nearest")
        for i, j in zip(*np.nonzero(np.isnan(values)), strict=True):
            axes.add_patch(plt.Rectangle((j - 0.5, i - 0.5), 1, 1, fill=False, hatch="///",
                                         edgecolor="#999999", linewidth=0))
        axes.set_xticks(range(len(table.columns)), table.columns)
        axes.set_yticks(range(0, len(table.rows), 2), table.rows[::2])
        axes.set_xlabel("dag van de week")
        axes.set_ylabel("uur")
        figure.colorbar(image, ax=axes, label="gesprekken", shrink=0.8)
        figure.subplots_adjust(left=0.14, right=0.98, top=0.97, bottom=0.08)
        return _svg(figure)

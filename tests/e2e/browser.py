"""What every headless-Chromium test shares: Debian's Chromium, its flags, axe-core, screenshots.

The widget's and the portal's browser tests drive different pages but must hold pages to one
standard: the same browser flags (no background networking on a closed network), the same axe-core
rules and the same way of collecting console errors.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from settings.core import PROJECT_ROOT

CHROMIUM = Path("/usr/bin/chromium")
AXE = PROJECT_ROOT / ".tools/node_modules/axe-core/axe.min.js"
REPORTS = PROJECT_ROOT / "var/reports"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def skip_without_browser_tools() -> None:
    """Skip the calling module when `make browser-tools` has not run (never in `make test`)."""
    if not CHROMIUM.exists() or not AXE.exists():
        pytest.skip("needs Debian's chromium and axe-core: run `make browser-tools`",
                    allow_module_level=True)


def collect_problems(page: object) -> object:
    """Console errors and uncaught exceptions land in ``page.problems`` for the test to assert."""
    page.problems = []
    page.on("console", lambda m: m.type == "error" and page.problems.append(m.text))
    page.on("pageerror", lambda e: page.problems.append(str(e)))
    page.set_default_timeout(30_000)
    return page


def screenshot(page: object, folder: str, name: str, full_page: bool = False) -> None:
    """A PNG under var/reports/<folder>/ for a person to review."""
    out = REPORTS / folder
    out.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(out / f"{name}.png"), full_page=full_page)


def axe_violations(page: object) -> list[dict]:
    """Serious and critical axe-core findings (WCAG 2.0/2.1 A and AA, and best practice)."""
    page.evaluate(AXE.read_text(encoding="utf-8"))  # through the driver: CSP does not apply
    result = page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations'],
        runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',
                                         'best-practice']}})).violations""")
    return [{"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]]}
            for v in result if v["impact"] in ("serious", "critical")]

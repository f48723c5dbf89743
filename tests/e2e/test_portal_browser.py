"""The counsellor portal in headless Chromium against a real running portal, as people use it.

Debian's ``chromium`` driven by playwright, axe-core injected through the driver (the pages' CSP
refuses inline scripts), as in ``test_widget_browser.py``. One portal process (real SQLite, real
queue, real sessions) serves the whole module; each test has its own browser context (cookies).
Log-in and claim are done by keyboard only. Screenshots for review go to ``var/reports/portal/``.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from portal.audit import AuditLog
from portal.sessions import token_hash
from portal.tables import accounts, sessions
from privacy.clock import utc_now
from tests.e2e.browser import (
    CHROMIUM,
    FLAGS,
    axe_violations,
    collect_problems,
    screenshot,
    skip_without_browser_tools,
)
from tests.portal.conftest import PASSWORD, REPORTS, PortalServer, launch_server, wait_until_healthy

pytestmark = pytest.mark.e2e
playwright_api = pytest.importorskip("playwright.sync_api")

CONTACT = "06-13572468"
GOLDEN_REPORT = Path(__file__).resolve().parents[1] / "trends" / "golden" / "report.html"

skip_without_browser_tools()


@pytest.fixture(scope="module")
def portal() -> Iterator[PortalServer]:
    """The real portal process with the test accounts and two trend reports."""
    root = Path(tempfile.mkdtemp(prefix="dh-portal-browser-"))
    reports = root / "reports"
    reports.mkdir()
    for name, content in REPORTS.items():
        (reports / name).write_text(content, encoding="utf-8")
    shutil.copy(GOLDEN_REPORT, reports / "trends-demo.html")  # a whole report, as generated
    server = launch_server(root / "data", reports)
    try:
        yield wait_until_healthy(server)
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                              args=FLAGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser, portal: PortalServer) -> Iterator[object]:
    """A fresh browser context (no cookies) with one page; console errors are collected."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="nl-NL",
                                  base_url=portal.url)
    page = collect_problems(context.new_page())
    yield page
    context.close()


# --- helpers ------------------------------------------------------------------------------------


def shot(page, name: str) -> None:
    screenshot(page, "portal", name, full_page=True)


def focused(page) -> dict:
    return page.evaluate("""() => { const e = document.activeElement;
        return {tag: e.tagName, id: e.id || '', text: (e.innerText || e.value || '').trim(),
                href: e.getAttribute('href') || '', type: e.getAttribute('type') || ''}; }""")


def tab_to(page, predicate: Callable[[dict], bool], limit: int = 60) -> dict:
    """Press Tab until the focused element matches, checking each stop has a visible focus.

    The document body is no stop: focus rests there when a Tab leaves the page's elements (or
    reaches a page that is still taking its autofocus, as on a busy machine), and it has no ring.
    """
    for _ in range(limit):
        page.keyboard.press("Tab")
        element = focused(page)
        if element["tag"] == "BODY":
            continue
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none", f"focus must be visible on {element}"
        if predicate(element):
            return element
    raise AssertionError(f"focus never reached the element; last: {focused(page)}")


def assert_accessible(page, name: str) -> None:
    """A screenshot for review, Dutch as the page language, and no serious axe findings."""
    shot(page, name)
    assert page.evaluate("document.documentElement.lang") == "nl"
    assert axe_violations(page) == [], name


def log_in_by_keyboard(page, name: str, password: str = PASSWORD) -> None:
    page.goto("/login")
    if focused(page)["id"] != "name":
        tab_to(page, lambda e: e["id"] == "name")
    page.keyboard.type(name)
    page.keyboard.press("Tab")
    assert focused(page)["id"] == "password"
    page.keyboard.type(password)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def log_in(page, name: str) -> None:
    page.goto("/login")
    page.fill("#name", name)
    page.fill("#password", PASSWORD)
    with page.expect_navigation():
        page.click("button[type=submit]")
    assert "/login" not in page.url, page.locator("main").inner_text()


def audit_actions(portal: PortalServer, actor: str) -> list[str]:
    return [entry.action for entry in AuditLog(portal.engine).entries(limit=5000, actor=actor)]


# --- log-in (finding 0) and the queue -----------------------------------------------------------


def test_log_in_by_keyboard_shows_the_queue(page, portal: PortalServer) -> None:
    handoff = portal.new_handoff("schuldhulp", contact=CONTACT)
    page.goto("/login")
    assert page.title().startswith("Inloggen")
    assert_accessible(page, "01-inloggen")

    log_in_by_keyboard(page, "anna", "fout-wachtwoord-1")
    assert page.url.endswith("/login")
    assert "De naam of het wachtwoord klopt niet." in page.locator("[role=alert]").inner_text()
    assert_accessible(page, "02-inloggen-fout")
    page.problems.clear()  # the refused log-in answered 401, which Chromium reports

    log_in_by_keyboard(page, "anna")
    assert page.url == portal.url + "/handoffs", page.locator("main").inner_text()
    assert "Dit verzoek komt niet van de portal" not in page.content()
    assert page.locator("h1").inner_text() == "Aanmeldingen"
    assert page.locator(f"a[href='/handoffs/{handoff.id}']").count() == 1
    assert CONTACT not in page.content(), "the queue never shows contact details"
    assert_accessible(page, "03-wachtrij")
    assert "login" in audit_actions(portal, "anna")
    assert page.problems == [], page.problems


# --- a case: detail, claim (keyboard), contact details only after claim, status steps ----------


def test_claim_by_keyboard_then_contact_details_and_status_steps(page,
                                                                  portal: PortalServer) -> None:
    handoff = portal.new_handoff("schuldhulp", contact=CONTACT)
    log_in_by_keyboard(page, "bram")
    assert page.url.endswith("/handoffs")

    tab_to(page, lambda e: e["href"] == f"/handoffs/{handoff.id}")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/handoffs/{handoff.id}")
    details = page.locator("main").inner_text()
    assert "energieleverancier" in details and "nieuw" in details
    assert CONTACT not in page.content(), "no contact details before the claim"
    assert_accessible(page, "04-aanmelding-nieuw")

    tab_to(page, lambda e: e["tag"] == "BUTTON" and e["text"] == "Oppakken")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/handoffs/{handoff.id}")
    page.wait_for_selector(".contact")
    assert page.locator(".contact").inner_text() == CONTACT
    assert "opgepakt" in page.locator("main").inner_text()
    assert_accessible(page, "05-aanmelding-opgepakt")
    assert portal.services.queue.get(handoff.id).claimed_by == "bram"

    # A colleague of the same team no longer sees it at all.
    other = page.context.browser.new_context(base_url=portal.url)
    try:
        colleague = other.new_page()
        log_in(colleague, "anna")
        assert colleague.locator(f"a[href='/handoffs/{handoff.id}']").count() == 0
        colleague.goto(f"/handoffs/{handoff.id}")
        assert CONTACT not in colleague.content()
        assert "bestaat niet" in colleague.locator("main").inner_text()
    finally:
        other.close()

    tab_to(page, lambda e: e["tag"] == "BUTTON" and e["text"] == "Ik heb contact gehad")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "contact gehad" in page.locator("dl").inner_text()
    assert page.locator(".contact").inner_text() == CONTACT
    assert_accessible(page, "06-aanmelding-contact-gehad")

    page.get_by_role("button", name="Afsluiten").click()
    page.wait_for_url("**/handoffs")
    assert portal.services.queue.get(handoff.id).status == "closed"
    closed = page.locator("h2", has_text="Afgesloten")
    assert closed.count() == 1
    page.click(f"a[href='/handoffs/{handoff.id}']")
    page.wait_for_url(f"**/handoffs/{handoff.id}")
    assert CONTACT not in page.content(), "a closed case no longer shows contact details"
    assert_accessible(page, "07-aanmelding-afgesloten")
    assert {"handoff_claim", "handoff_contacted", "handoff_close"} <= set(
        audit_actions(portal, "bram"))
    assert page.problems == [], page.problems


def test_delete_needs_the_confirmation(page, portal: PortalServer) -> None:
    handoff = portal.new_handoff("cjg", contact=CONTACT)
    log_in(page, "carla")
    page.goto(f"/handoffs/{handoff.id}")
    page.get_by_role("button", name="Oppakken").click()
    page.wait_for_selector(".contact")
    page.get_by_role("button", name="Verwijderen").click()  # the browser asks for the tick first
    assert page.url.endswith(f"/handoffs/{handoff.id}")
    assert portal.services.queue.get(handoff.id) is not None
    page.get_by_label("De inwoner wil dat zijn gegevens weg zijn").check()
    page.get_by_role("button", name="Verwijderen").click()
    page.wait_for_url("**/handoffs")
    assert portal.services.queue.get(handoff.id) is None


# --- log-out and idle expiry --------------------------------------------------------------------


def test_log_out_ends_the_session(page, portal: PortalServer) -> None:
    log_in(page, "anna")
    tab_to(page, lambda e: e["tag"] == "BUTTON" and e["text"] == "Uitloggen")
    page.keyboard.press("Enter")
    page.wait_for_url("**/login")
    assert page.context.cookies() == [] or all(
        c["name"] != "dh_session" or not c["value"] for c in page.context.cookies())
    page.goto("/handoffs")
    assert page.url.endswith("/login"), "signed out: back to the log-in page"
    assert "logout" in audit_actions(portal, "anna")


def test_idle_session_expires(page, portal: PortalServer) -> None:
    log_in(page, "anna")
    token = next(c["value"] for c in page.context.cookies() if c["name"] == "dh_session")
    # An hour without a request (session_minutes is 60): move the real session row back.
    with portal.engine.begin() as connection:
        connection.execute(update(sessions).where(sessions.c.token_hash == token_hash(token))
                           .values(last_seen=utc_now() - timedelta(minutes=61)))
    page.goto("/handoffs")
    assert page.url.endswith("/login")
    assert_accessible(page, "08-verlopen-sessie")
    with portal.engine.connect() as connection:
        left = connection.execute(select(sessions.c.token_hash).where(
            sessions.c.token_hash == token_hash(token))).all()
    assert left == []
    assert "session_expired" in audit_actions(portal, "anna")


# --- the analyst's reports ----------------------------------------------------------------------


def test_analyst_reads_the_reports(page, portal: PortalServer) -> None:
    log_in(page, "ellen")
    assert page.url.endswith("/reports")
    assert page.locator("h1").inner_text() == "Trendrapporten"
    assert page.locator("a[href='/reports/trends-2026-10.html']").count() == 1
    assert_accessible(page, "09-rapporten")
    page.click("a[href='/reports/trends-2026-10.html']")
    page.wait_for_url("**/reports/trends-2026-10.html")
    assert page.locator("h1").inner_text() == "Trends oktober"
    page.go_back()
    page.goto("/handoffs")  # another role's page
    assert "Dit mag u niet doen of bekijken." in page.locator("main").inner_text()
    assert_accessible(page, "10-geen-toegang")


def test_analyst_reads_the_languages_of_a_report(page, portal: PortalServer) -> None:
    """The golden demo report through the portal: "Talen" with Dutch names, small counts as
    "<10". The portal serves a report sandboxed (no scripts: ``portal/report_views.py``), so
    axe-core cannot run in it; the locators read the page as a reader sees it."""
    log_in(page, "ellen")
    page.goto("/reports/trends-demo.html")
    section = page.locator("section", has=page.locator("h2", has_text="Talen"))
    assert section.count() == 1 and section.is_visible()
    rows = section.locator("tbody tr")
    names = [rows.nth(i).locator("td").first.inner_text() for i in range(rows.count())]
    assert names[:3] == ["Nederlands", "Engels", "Turks"] and names[-1] == "Overig"
    tigrinya = section.locator("tr", has=page.locator("td", has_text="Tigrinya"))
    assert tigrinya.locator("td").nth(1).inner_text() == "<10"
    assert "language" not in section.inner_text() and "ti" not in names
    section.scroll_into_view_if_needed()
    assert page.locator("html[lang=nl]").count() == 1
    screenshot(page, "portal", "12-rapport-talen")


# --- the admin's account pages ------------------------------------------------------------------


def test_admin_manages_accounts_and_reads_the_audit_log(page, portal: PortalServer) -> None:
    log_in(page, "frank")
    assert page.url.endswith("/accounts")
    assert_accessible(page, "11-accounts")

    page.fill("#new-name", "gerrit")
    page.select_option("#new-role", "counsellor")
    page.get_by_label("Schuldhulp", exact=False).first.check()
    page.fill("#new-password", "een-lang-wachtwoord-7")
    with page.expect_navigation():
        page.get_by_role("button", name="Aanmaken").click()
    assert "Het account is aangemaakt." in page.locator("[role=status]").inner_text()
    assert_accessible(page, "12-account-aangemaakt")
    with portal.engine.connect() as connection:
        row = connection.execute(select(accounts).where(accounts.c.name == "gerrit")).one()
    assert row.role == "counsellor" and row.teams == "schuldhulp"

    page.fill("#pw-gerrit", "nog-een-lang-wachtwoord-8")
    with page.expect_navigation():
        page.locator("#pw-gerrit").press("Enter")
    assert "nieuwe wachtwoord is ingesteld" in page.locator("[role=status]").inner_text()

    row_of = page.locator("tr", has_text="gerrit")
    with page.expect_navigation():
        row_of.get_by_role("button", name=re.compile("Uitschakelen")).click()
    assert "uitgeschakeld" in page.locator("tr", has_text="gerrit").inner_text()

    page.click("a[href='/audit']")
    page.wait_for_url("**/audit")
    log = page.locator("main").inner_text()
    assert "gerrit" in log
    assert_accessible(page, "13-auditlog")
    assert page.problems == [], page.problems

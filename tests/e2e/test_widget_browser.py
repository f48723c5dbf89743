"""The chat widget in headless Chromium against the real running system, keyboard only.

Debian's ``chromium`` driven by playwright (no browser download; ``make test`` installs both),
axe-core injected through the driver (the page's CSP would refuse an inline script).
Screenshots for review go to ``var/reports/widget/``.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.browser import (
    CHROMIUM,
    FLAGS,
    axe_violations,
    collect_problems,
    screenshot,
    skip_without_browser_tools,
)

pytestmark = pytest.mark.e2e
playwright_api = pytest.importorskip("playwright.sync_api")

EXIT_URL = "https://www.google.nl/"
STORE_KEY = "dh-widget"

skip_without_browser_tools()


@pytest.fixture(scope="module")
def browser_context(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    profile = Path(tempfile.mkdtemp(prefix="dh-chromium-"))  # a fresh --user-data-dir
    with playwright_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), headless=True, args=FLAGS,
            viewport={"width": 1280, "height": 800}, locale="nl-NL")
        # The quick exit leaves for a real site; there is no network here, so answer it locally.
        context.route("https://www.google.nl/**", lambda route: route.fulfill(
            status=200, content_type="text/html", body="<title>Google</title><p>Google</p>"))
        try:
            yield context
        finally:
            context.close()
            shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def page(browser_context, assistant) -> Iterator[object]:
    page = collect_problems(browser_context.new_page())  # console errors and CSP violations
    yield page
    page.close()


def shot(page, name: str) -> None:
    screenshot(page, "widget", name)


def focused(page) -> dict:
    return page.evaluate("""() => { const e = document.activeElement;
        return {tag: e.tagName, cls: e.className || '', text: (e.textContent || '').trim(),
                id: e.id || ''}; }""")


def tab_to(page, predicate, backwards: bool = False, limit: int = 60) -> dict:
    """Press Tab (or Shift+Tab) until the focused element matches; fail after ``limit``."""
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        element = focused(page)
        if predicate(element):
            return element
    raise AssertionError(f"focus never reached the element; last: {focused(page)}")


def has_class(name: str):
    return lambda element: name in element["cls"].split()


def bot_texts(page) -> list[str]:
    return page.locator(".dh-from-bot .dh-text").all_inner_texts()


def wait_for_bot(page, count: int) -> None:
    # Functions, not expressions: Playwright evals expressions, which the page's CSP forbids.
    page.wait_for_function(
        f"() => document.querySelectorAll('.dh-from-bot').length >= {count}"
        " && !document.querySelector('.dh-send').disabled")


def say(page, text: str) -> None:
    """Type a message and press Enter, then wait for the assistant's answer."""
    before = page.locator(".dh-from-bot").count()
    page.keyboard.type(text)
    page.keyboard.press("Enter")
    wait_for_bot(page, before + 1)


def stored_state(page) -> dict | None:
    raw = page.evaluate(f"sessionStorage.getItem('{STORE_KEY}')")
    return json.loads(raw) if raw else None


def tracker_texts(assistant, sender: str) -> str:
    with sqlite3.connect(assistant.settings.data_dir / "tracker.db") as connection:
        rows = connection.execute("SELECT data FROM events WHERE sender_id = ?",
                                  (f"web-{sender}",)).fetchall()
    return "\n".join(data for (data,) in rows)


def open_widget_by_keyboard(page, assistant) -> None:
    page.goto(assistant.portal_url + "/")
    page.wait_for_selector(".dh-widget.dh-ready", state="attached")
    tab_to(page, has_class("dh-launcher"))
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "focus must be visible"
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "dh-input", "opening moves focus to the text field"
    wait_for_bot(page, 1)


def test_a_conversation_by_keyboard_only_with_no_serious_axe_findings(page, assistant) -> None:
    page.goto(assistant.portal_url + "/")
    page.wait_for_selector(".dh-widget.dh-ready", state="attached")
    shot(page, "1-demo-page")
    assert axe_violations(page) == []

    open_widget_by_keyboard(page, assistant)
    welcome = "\n".join(bot_texts(page))
    assert "digitale assistent" in welcome and "geen mens" in welcome
    assert page.locator(".dh-log").get_attribute("aria-live") == "polite"

    say(page, "ik heb schulden")
    answer = "\n".join(bot_texts(page))
    assert "Schulden" in answer or "schulden" in answer
    assert page.locator(".dh-choice").count() >= 2, "the offer of contact comes as buttons"

    # A quick reply by keyboard: back from the text field to the newest choices.
    choice = tab_to(page, has_class("dh-choice"), backwards=True)
    bots_before = page.locator(".dh-from-bot").count()
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "dh-input", "focus stays in the widget after a choice"
    wait_for_bot(page, bots_before + 1)
    users = page.locator(".dh-from-user .dh-text").all_inner_texts()
    assert users[-1] == choice["text"], "the button's title is shown, its payload is sent"
    assert not any(text.startswith("/") for text in users)
    shot(page, "2-conversation")
    assert axe_violations(page) == []

    sender = stored_state(page)["sender"]
    stored = tracker_texts(assistant, sender)
    assert "ik heb schulden" in stored and '"wijk": "Centrum"' in stored
    assert page.evaluate("localStorage.length") == 0
    assert page.evaluate("document.cookie") == ""
    assert page.problems == [], page.problems


def test_conversation_survives_a_reload_within_the_tab(page, assistant) -> None:
    open_widget_by_keyboard(page, assistant)
    say(page, "ik voel me alleen")
    before = page.locator(".dh-message").all_inner_texts()
    page.reload()
    page.wait_for_selector(".dh-widget.dh-ready", state="attached")
    assert page.locator(".dh-panel").is_visible(), "the open chat stays open"
    assert page.locator(".dh-message").all_inner_texts() == before
    assert page.problems == [], page.problems


def test_the_other_topic_of_a_message_is_a_button_that_answers_it(page, assistant) -> None:
    open_widget_by_keyboard(page, assistant)
    say(page, "Ik heb een huurachterstand en de deurwaarder stond vandaag aan de deur. Sinds mijn "
              "vrouw is overleden ben ik ook heel eenzaam, ik ken hier niemand.")
    offered = page.locator(".dh-choice", has_text="Schulden")
    assert offered.count() == 1, "loneliness is answered, debt offered"
    bots_before = page.locator(".dh-from-bot").count()
    offered.click()
    wait_for_bot(page, bots_before + 1)
    assert "0999-123 450" in "\n".join(bot_texts(page)[bots_before:]), "schuldhulp's number"
    assert page.problems == [], page.problems


def test_gesprek_wissen_erases_screen_storage_and_server_copy(page, assistant) -> None:
    open_widget_by_keyboard(page, assistant)
    say(page, "ik heb stress door mijn werk")
    sender = stored_state(page)["sender"]
    assert "stress door mijn werk" in tracker_texts(assistant, sender)

    tab_to(page, has_class("dh-clear"), backwards=True)
    page.keyboard.press("Enter")
    assert has_class("dh-confirm-yes")(focused(page)), "the confirmation takes the focus"
    shot(page, "3-gesprek-wissen-bevestigen")
    assert axe_violations(page) == []
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelectorAll('.dh-message').length === 0"
                           " && document.querySelector('.dh-status').textContent !== ''")
    assert "gewist" in page.locator(".dh-status").inner_text()
    assert stored_state(page) is None
    assert page.evaluate("sessionStorage.length") == 0
    assert "stress door mijn werk" not in tracker_texts(assistant, sender)
    shot(page, "4-gesprek-gewist")

    # The next message starts a new, unlinked conversation.
    say(page, "hoi")
    assert stored_state(page)["sender"] != sender


@pytest.mark.parametrize("how", ["button", "escape twice"])
def test_snel_weg_clears_and_replaces_the_page(page, assistant, how: str) -> None:
    open_widget_by_keyboard(page, assistant)
    say(page, "mijn partner slaat mij")
    if how == "button":
        tab_to(page, has_class("dh-exit"), backwards=True)
        page.keyboard.press("Enter")
    else:
        page.keyboard.press("Escape")
        page.keyboard.press("Escape")
    page.wait_for_url(EXIT_URL + "**")
    page.go_back()  # the page was replaced, not left: "Back" does not return to it
    assert not page.url.startswith(assistant.portal_url)
    # Back on the municipality's page in the same tab: nothing of the conversation is left.
    page.goto(assistant.portal_url + "/")
    page.wait_for_selector(".dh-widget.dh-ready", state="attached")
    assert stored_state(page) is None
    assert page.locator(".dh-message").count() == 0
    assert page.locator(".dh-panel").is_hidden()


def test_unreachable_assistant_retries_then_says_so_in_dutch(page, assistant) -> None:
    calls = []

    def unavailable(route) -> None:
        calls.append(route.request.post_data_json)
        route.fulfill(status=503, content_type="application/json", body=json.dumps({
            "error": 503, "retry": True, "reason": "assistant unreachable",
            "message": "De digitale assistent is nu even niet bereikbaar."}))

    open_widget_by_keyboard(page, assistant)
    page.route("**/chat/send", unavailable)
    page.keyboard.type("ik heb schulden")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('.dh-alert').textContent !== ''",
                           timeout=15_000)
    assert "niet bereikbaar" in page.locator(".dh-alert").inner_text()
    assert len(calls) == 3, "one try and two retries"
    assert page.locator("#dh-input").input_value() == "ik heb schulden", "text given back"
    assert page.locator(".dh-choice").count() > 0, "the greeting's choices are back too"
    shot(page, "5-niet-bereikbaar")
    page.unroute("**/chat/send")
    page.keyboard.press("Enter")  # the resident tries again once it is back
    page.wait_for_function("() => document.querySelector('.dh-alert').textContent === ''"
                           " && !document.querySelector('.dh-send').disabled")
    assert page.locator(".dh-from-user .dh-text").all_inner_texts()[-1] == "ik heb schulden"


def test_too_long_message_is_refused_before_sending(page, assistant) -> None:
    open_widget_by_keyboard(page, assistant)
    sent = []
    page.on("request", lambda r: "/chat/send" in r.url and sent.append(r))
    page.keyboard.insert_text("a" * 2001)
    assert page.locator("#dh-input").get_attribute("aria-invalid") == "true"
    page.keyboard.press("Enter")
    assert "te lang" in page.locator(".dh-alert").inner_text()
    assert sent == [] and page.locator(".dh-from-user").count() == 0


def test_text_at_200_percent_and_reduced_motion(page, assistant) -> None:
    page.emulate_media(reduced_motion="reduce")
    page.set_viewport_size({"width": 640, "height": 400})  # 1280 x 800 at 200 % zoom
    open_widget_by_keyboard(page, assistant)
    assert page.evaluate("getComputedStyle(document.querySelector('.dh-log')).scrollBehavior") \
        == "auto"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    for selector in (".dh-exit", ".dh-clear", "#dh-input", ".dh-send"):
        box = page.locator(selector).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 640, selector
    shot(page, "6-zoom-200")
    assert axe_violations(page) == []


def test_privacy_page_is_dutch_and_accessible(page, assistant) -> None:
    page.goto(assistant.portal_url + "/privacy")
    assert page.evaluate("document.documentElement.lang") == "nl"
    assert "Wat gebeurt er met je gegevens" in page.locator("h1").inner_text()
    shot(page, "7-privacy")
    assert axe_violations(page) == []
    assert page.problems == [], page.problems


def test_case_code_is_shown_with_a_copy_button_and_withdraws_from_a_new_tab(
    page, assistant, browser_context
) -> None:
    open_widget_by_keyboard(page, assistant)
    for message in ("ik heb schulden en de deurwaarder belt steeds", "/request_callback", "ja",
                    "ja", "telefoon", "06-48392107", "ochtend", "ja"):
        say(page, message)
    box = page.locator(".dh-from-bot .dh-code").last
    code = box.locator(".dh-code-value").inner_text()
    assert code in bot_texts(page)[-1], "the code in the text, and again in its box"
    box.scroll_into_view_if_needed()
    shot(page, "8-zaakcode")
    assert axe_violations(page) == []
    browser_context.grant_permissions(["clipboard-read", "clipboard-write"],
                                      origin=assistant.portal_url)
    box.locator(".dh-copy").click()
    page.wait_for_function("() => document.querySelector('.dh-copy-status').textContent !== ''")
    assert box.locator(".dh-copy-status").inner_text() == "Gekopieerd"
    assert page.evaluate("() => navigator.clipboard.readText()") == code
    first = stored_state(page)["sender"]
    assert code not in tracker_texts(assistant, first), "the tracker holds only the marker"

    later = collect_problems(browser_context.new_page())  # a new tab: a new conversation
    try:
        open_widget_by_keyboard(later, assistant)
        assert stored_state(later)["sender"] != first
        say(later, f"ik wil mijn aanvraag intrekken {code}")
        assert "Dit is bewaard over je vraag" in "\n".join(bot_texts(later))
        before = later.locator(".dh-from-bot").count()
        later.get_by_role("button", name="Ja, intrekken").click()
        wait_for_bot(later, before + 1)
        assert "ingetrokken" in "\n".join(bot_texts(later))
        shot(later, "9-aanvraag-ingetrokken")
        assert code not in tracker_texts(assistant, stored_state(later)["sender"])
        assert later.problems == [], later.problems
    finally:
        later.close()
    assert page.problems == [], page.problems


def test_a_message_in_arabic_reads_right_to_left(page, assistant) -> None:
    open_widget_by_keyboard(page, assistant)
    say(page, "لدي ديون كثيرة ولا أستطيع دفع الإيجار")
    directions = page.evaluate("""() => [...document.querySelectorAll('.dh-from-bot .dh-text')]
        .map(e => getComputedStyle(e).direction)""")
    assert directions[0] == "ltr", "the Dutch welcome"
    assert directions[-1] == "rtl" and "rtl" in directions[1:]
    shot(page, "10-arabisch")
    assert axe_violations(page) == []
    assert page.problems == [], page.problems


def test_the_language_button_switches_the_assistant_and_the_widget_to_english(page,
                                                                              assistant) -> None:
    open_widget_by_keyboard(page, assistant)
    assert page.locator(".dh-label").inner_text() == "Jouw bericht"
    tab_to(page, has_class("dh-language"))
    assert focused(page)["text"] == "English"
    before = page.locator(".dh-from-bot").count()
    page.keyboard.press("Enter")
    wait_for_bot(page, before + 1)
    assert "English" in bot_texts(page)[-1] or "answer in English" in bot_texts(page)[-1]
    assert page.locator(".dh-label").inner_text() == "Your message"
    assert page.locator(".dh-language").inner_text() == "Nederlands"
    assert page.locator("#dh-panel").get_attribute("lang") == "en"
    page.locator("#dh-input").focus()
    say(page, "I have debts and the bailiff sent a letter")
    assert "debt" in bot_texts(page)[-1].lower() or "Debts" in " ".join(bot_texts(page)[-2:])
    shot(page, "11-english")
    assert axe_violations(page) == []
    page.reload()
    page.wait_for_selector(".dh-widget.dh-ready", state="attached")
    assert page.locator(".dh-label").inner_text() == "Your message", "kept for the tab"
    assert page.problems == [], page.problems


@pytest.mark.parametrize("status, extra, expected", [
    (429, {"seconds": 7}, "wait about 7 seconds"),
    (504, {}, "answering too slowly"),
    (503, {"retry": False}, "cannot be reached right now"),
])
def test_failures_are_worded_in_the_conversations_language(page, assistant, status: int,
                                                             extra: dict, expected: str) -> None:
    open_widget_by_keyboard(page, assistant)
    tab_to(page, has_class("dh-language"))
    before = page.locator(".dh-from-bot").count()
    page.keyboard.press("Enter")
    wait_for_bot(page, before + 1)
    page.route("**/chat/send", lambda route: route.fulfill(
        status=status, content_type="application/json",
        body=json.dumps({"error": status, "retry": False, "reason": "test",
                         "message": "Een Nederlandse melding.", **extra})))
    page.locator("#dh-input").focus()
    page.keyboard.type("I have debts")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('.dh-alert').textContent !== ''")
    alert = page.locator(".dh-alert").inner_text()
    assert expected in alert and "Nederlandse" not in alert
    assert "112" in alert, "the emergency number is there in every language"

"""The widget's routes on the real portal server, in front of a fake Rasa REST channel."""

from __future__ import annotations

import re

import pytest

from bot.language import MIN_DOUMA_PER_TEXT, decision_phrases, flesch_douma
from portal.widget.routes import RIGHTS_ANSWER_WEEKS
from tests.portal.widget.conftest import FakeRasa, WidgetServer

SENDER = "0123456789abcdef0123456789abcdef"
JSON = {"Content-Type": "application/json"}


def test_demo_page_embeds_the_widget_with_one_script_tag(widget_server: WidgetServer) -> None:
    response = widget_server.client().get("/")
    assert response.status_code == 200
    page = response.text
    scripts = re.findall(r"<script\b[^>]*>", page)
    assert len(scripts) == 1
    assert 'src="/widget/dh-widget.js"' in scripts[0]
    assert 'data-wijk="Centrum"' in scripts[0] and 'data-max-chars="2000"' in scripts[0]
    assert "<style" not in page and " style=" not in page and "onclick" not in page
    assert "Gemeente Voorbeeldstad" in page
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["cache-control"] == "no-store"


def test_privacy_page_states_the_facts_from_the_settings(widget_server: WidgetServer) -> None:
    page = widget_server.client().get("/privacy").text
    assert 'lang="nl"' in page
    for fact in ("30 minuten", "30 dagen", "Gesprek wissen", "Snel weg", "&lt;PERSOON_1&gt;",
                 "geen cookies", "computerprogramma, geen mens"):
        assert fact in page, fact


def test_privacy_page_tells_residents_their_rights_in_plain_dutch(
        widget_server: WidgetServer) -> None:
    page = widget_server.client().get("/privacy").text
    start = page.index('<h2 id="rechten">')
    rights = " ".join(page[start:page.index("<h2>", start + 1)].split())
    for fact in ("Inzien", "Verwijderen", "Toestemming intrekken", "Bezwaar maken",
                 "verwijder mijn gegevens", "in hetzelfde gesprek", "zaakcode",
                 "ik wil mijn gegevens inzien", "ik wil mijn aanvraag intrekken",
                 f"binnen {RIGHTS_ANSWER_WEEKS} weken", "Bel Gemeente Voorbeeldstad op 14 0999",
                 "Autoriteit Persoonsgegevens", 'href="https://www.autoriteitpersoonsgegevens.nl"'):
        assert fact in rights, fact
    text = " ".join(re.sub(r"<[^>]+>", " ", rights).split())
    assert flesch_douma(text) >= MIN_DOUMA_PER_TEXT
    assert decision_phrases(text) == []


@pytest.mark.parametrize("path, kind", [
    ("/widget/dh-widget.js", "javascript"), ("/widget/dh-widget.css", "text/css"),
    ("/widget/demo.css", "text/css"),
])
def test_assets_are_served_by_the_project(widget_server: WidgetServer, path: str,
                                          kind: str) -> None:
    response = widget_server.client().get(path)
    assert response.status_code == 200
    assert kind in response.headers["content-type"]


def test_widget_script_keeps_nothing_beyond_the_tab(widget_server: WidgetServer) -> None:
    script = widget_server.client().get("/widget/dh-widget.js").text
    code = "\n".join(line for line in script.splitlines()
                     if not line.strip().startswith(("*", "/*", "//")))
    assert "sessionStorage" in code
    assert "localStorage" not in code and "document.cookie" not in code
    assert "location.replace" in code


def test_message_is_relayed_and_answers_come_back(widget_server: WidgetServer,
                                                  fake_rasa: FakeRasa) -> None:
    fake_rasa.replies = [
        {"recipient_id": f"web-{SENDER}", "text": "Hoi! Ik ben de digitale assistent."},
        {"recipient_id": f"web-{SENDER}", "text": "Waar gaat het over?",
         "buttons": [{"title": "Schulden", "payload": "/debt"}]},
    ]
    response = widget_server.client().post("/chat/send", headers=JSON, json={
        "sender": SENDER, "message": "ik heb schulden",
        "metadata": {"wijk": "Centrum", "doelgroep": "volwassene", "naam": "Fatima"}})
    assert response.status_code == 200, response.text
    assert response.json() == {"messages": [
        {"text": "Hoi! Ik ben de digitale assistent."},
        {"text": "Waar gaat het over?", "buttons": [{"title": "Schulden", "payload": "/debt"}]},
    ]}
    assert fake_rasa.received == [{"sender": f"web-{SENDER}", "message": "ik heb schulden",
                                   "metadata": {"wijk": "Centrum", "doelgroep": "volwassene"}}]


def test_too_long_is_refused_before_rasa(widget_server: WidgetServer,
                                         fake_rasa: FakeRasa) -> None:
    response = widget_server.client().post(
        "/chat/send", headers=JSON, json={"sender": SENDER, "message": "a" * 2001})
    assert response.status_code == 413
    assert "te lang" in response.json()["message"]
    assert fake_rasa.received == []


def test_unreachable_assistant_is_a_kind_503(widget_server: WidgetServer,
                                             fake_rasa: FakeRasa) -> None:
    fake_rasa.stop()
    response = widget_server.client().post(
        "/chat/send", headers=JSON, json={"sender": SENDER, "message": "hoi"})
    assert response.status_code == 503
    answer = response.json()
    assert answer["retry"] is True and answer["reason"] == "assistant unreachable"
    assert "niet bereikbaar" in answer["message"] and "112" in answer["message"]


def test_rasa_error_is_a_502_without_retry(widget_server: WidgetServer,
                                           fake_rasa: FakeRasa) -> None:
    fake_rasa.status = 500
    response = widget_server.client().post(
        "/chat/send", headers=JSON, json={"sender": SENDER, "message": "hoi"})
    assert response.status_code == 502 and response.json()["retry"] is False


def test_only_json_from_this_origin(widget_server: WidgetServer, fake_rasa: FakeRasa) -> None:
    client = widget_server.client()
    form = client.post("/chat/send", data={"sender": SENDER, "message": "hoi"})
    assert form.status_code == 403
    foreign = client.post("/chat/send", json={"sender": SENDER, "message": "hoi"},
                          headers={"Origin": "https://evil.example"})
    assert foreign.status_code == 403
    assert fake_rasa.received == []


def test_a_signed_in_counsellor_can_chat_too(widget_server: WidgetServer,
                                             fake_rasa: FakeRasa) -> None:
    client = widget_server.portal.login("anna")
    response = client.post("/chat/send", headers=JSON, json={"sender": SENDER, "message": "hoi"})
    assert response.status_code == 200


def test_portal_home_moved_to_slash_portal(widget_server: WidgetServer) -> None:
    client = widget_server.portal.login("anna")
    response = client.get("/portal")
    assert response.status_code == 303 and response.headers["location"] == "/handoffs"
    assert client.get("/").status_code == 200  # the residents' page, also when signed in

"""Telegram and Twilio (WhatsApp) through the running system, with fake APIs at the true edge.

Rasa's connectors call api.telegram.org and api.twilio.com; here ``DH_TELEGRAM_API_URL`` and
``DH_TWILIO_API_URL`` point them at small fakes on loopback that record what they are sent.
The webhooks get realistic payloads with a name and a phone number in them; the assistant must
answer the real chat or number, while the tracker store holds only placeholders and pseudonyms.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from twilio.request_validator import RequestValidator

from runtime.messaging_config import credentials_file, enabled_channels
from tests.e2e.conftest import Assistant, files_containing, running_system

pytestmark = pytest.mark.e2e

TELEGRAM_TOKEN = "123456789:AAFakeTokenForTheLoopbackFake_0123456"
TELEGRAM_BOT = "voorbeeldstad_huiskamer_bot"
TWILIO_SID = "AC" + "0" * 32
TWILIO_TOKEN = "fake-auth-token-0123456789abcdef"
TWILIO_NUMBER = "whatsapp:+14155238886"
PUBLIC = "https://chat.voorbeeldstad.example"
TWILIO_WEBHOOK = f"{PUBLIC}/webhooks/twilio/webhook"

# A resident on Telegram: chat id 987654321, name in the profile and in the text.
TELEGRAM_CHAT = 987654321
TELEGRAM_TEXT = "Hoi, ik ben Fatima el Amrani. Bel me op 06-12345678, ik heb schulden."
# A resident on WhatsApp: the number is the sender, the name in the profile and in the text.
WHATSAPP_FROM = "whatsapp:+31687654321"
WHATSAPP_TEXT = "Hallo, met Jan de Vries. Mijn nummer is 06-87654321. Ik voel me zo eenzaam."
RAW_VALUES = ["Fatima", "Amrani", "12345678", str(TELEGRAM_CHAT), "Jan de Vries",
              "87654321", "31687654321"]


@dataclass
class FakeApi:
    """Records every request; answers like the real API for the methods the connectors use."""

    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    port: int = 0
    server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def answer(self, path: str, params: dict[str, str]) -> tuple[int, dict[str, Any]]:
        method = path.rsplit("/", 1)[-1]
        if method == "getMe":
            return 200, {"ok": True, "result": {"id": 42, "is_bot": True,
                                                "first_name": "Huiskamer",
                                                "username": TELEGRAM_BOT}}
        if method in ("setWebhook", "deleteWebhook"):
            return 200, {"ok": True, "result": True}
        if method == "sendMessage":
            return 200, {"ok": True, "result": {
                "message_id": len(self.requests), "date": int(time.time()),
                "chat": {"id": int(params.get("chat_id", 0)), "type": "private"},
                "text": params.get("text", "")}}
        if path.endswith("/Messages.json"):  # Twilio
            return 201, {"sid": f"SM{len(self.requests):032d}", "status": "queued",
                         "to": params.get("To"), "from": params.get("From"),
                         "body": params.get("Body"), "account_sid": TWILIO_SID}
        return 404, {"ok": False, "description": "Not Found"}

    def start(self) -> None:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode() if length else ""
                path, _, query = self.path.partition("?")
                params = dict(urllib.parse.parse_qsl(query))
                if raw.startswith("{"):
                    params.update(json.loads(raw))
                else:
                    params.update(urllib.parse.parse_qsl(raw))
                fake.requests.append((path, params))
                status, body = fake.answer(path, params)
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = _handle  # noqa: N815 - http.server's naming

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()

    def sent(self, suffix: str) -> list[dict[str, str]]:
        return [params for path, params in self.requests if path.endswith(suffix)]

    def wait_for(self, suffix: str, count: int, timeout: float = 30) -> list[dict[str, str]]:
        deadline = time.monotonic() + timeout
        while len(self.sent(suffix)) < count and time.monotonic() < deadline:
            time.sleep(0.1)
        return self.sent(suffix)


@dataclass
class Messaging:
    assistant: Assistant
    telegram: FakeApi
    twilio: FakeApi

    def post(self, path: str, data: bytes, headers: dict[str, str]) -> int:
        url = (f"http://{self.assistant.settings.host}:{self.assistant.settings.rasa_port}"
               f"/webhooks/{path}")
        request = urllib.request.Request(url, data=data, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    def telegram_update(self, text: str, update_id: int = 1) -> int:
        sender = {"id": TELEGRAM_CHAT, "is_bot": False, "first_name": "Fatima",
                  "last_name": "el Amrani", "language_code": "nl"}
        update = {"update_id": update_id, "message": {
            "message_id": update_id, "date": int(time.time()), "from": sender,
            "chat": {"id": TELEGRAM_CHAT, "type": "private", "first_name": "Fatima",
                     "last_name": "el Amrani"},
            "text": text}}
        # As Telegram does: the secret_token the system registered, in this header.
        secret = self.telegram.sent("/setWebhook")[-1].get("secret_token", "")
        return self.post("telegram/webhook", json.dumps(update).encode(),
                         {"Content-Type": "application/json",
                          "X-Telegram-Bot-Api-Secret-Token": secret})

    def twilio_message(self, text: str, signed: bool = True) -> int:
        form = {"SmsMessageSid": "SM" + "1" * 32, "NumMedia": "0", "ProfileName": "Jan de Vries",
                "WaId": WHATSAPP_FROM.split("+")[1], "SmsStatus": "received", "Body": text,
                "To": TWILIO_NUMBER, "NumSegments": "1", "MessageSid": "SM" + "1" * 32,
                "AccountSid": TWILIO_SID, "From": WHATSAPP_FROM, "ApiVersion": "2010-04-01"}
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        if signed:
            headers["X-Twilio-Signature"] = RequestValidator(TWILIO_TOKEN).compute_signature(
                TWILIO_WEBHOOK, form)
        return self.post("twilio/webhook", urllib.parse.urlencode(form).encode(), headers)

    def tracker(self) -> list[tuple[str, str]]:
        with sqlite3.connect(self.assistant.settings.data_dir / "tracker.db") as connection:
            return connection.execute("SELECT sender_id, data FROM events").fetchall()


MESSAGING_ENV = {
    "DH_TELEGRAM_ACCESS_TOKEN": TELEGRAM_TOKEN,
    "DH_TELEGRAM_VERIFY": TELEGRAM_BOT,
    "DH_TELEGRAM_WEBHOOK_URL": f"{PUBLIC}/webhooks/telegram/webhook",
    "DH_TWILIO_ACCOUNT_SID": TWILIO_SID,
    "DH_TWILIO_AUTH_TOKEN": TWILIO_TOKEN,
    "DH_TWILIO_NUMBER": TWILIO_NUMBER,
    "DH_TWILIO_WEBHOOK_URL": TWILIO_WEBHOOK,
}


@pytest.fixture(scope="module")
def messaging(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Messaging]:
    telegram, twilio = FakeApi(), FakeApi()
    telegram.start()
    twilio.start()
    try:
        with running_system(tmp_path_factory.mktemp("messaging"), **MESSAGING_ENV,
                            DH_TELEGRAM_API_URL=telegram.url,
                            DH_TWILIO_API_URL=twilio.url) as assistant:
            yield Messaging(assistant, telegram, twilio)
    finally:
        telegram.stop()
        twilio.stop()


def test_off_by_default_and_no_secret_on_disk(tmp_path: Path) -> None:
    assert enabled_channels({}) == {}
    assert credentials_file(tmp_path, env={}).name == "credentials.yml"
    assert not (tmp_path / "credentials.yml").exists()
    written = credentials_file(tmp_path, env=MESSAGING_ENV)
    content = written.read_text()
    assert written.parent == tmp_path and written.stat().st_mode & 0o077 == 0
    assert "runtime.rasa_channels.RestInput:" in content
    assert "runtime.rasa_channels.TelegramInput:" in content
    assert "access_token: ${DH_TELEGRAM_ACCESS_TOKEN}" in content
    assert TELEGRAM_TOKEN not in content and TWILIO_TOKEN not in content


def test_half_configured_channel_is_a_clear_error(tmp_path: Path) -> None:
    from runtime.messaging_config import MessagingConfigError

    with pytest.raises(MessagingConfigError, match="DH_TWILIO_AUTH_TOKEN"):
        credentials_file(tmp_path, env={"DH_TWILIO_ACCOUNT_SID": TWILIO_SID})


def test_telegram_answers_the_chat_and_stores_only_redacted_text(messaging: Messaging) -> None:
    assert messaging.telegram.sent("/setWebhook"), "the webhook is registered at start-up"
    assert messaging.telegram.sent("/setWebhook")[-1].get("secret_token"), "with a secret"
    assert messaging.telegram_update(TELEGRAM_TEXT) == 200
    replies = messaging.telegram.wait_for("/sendMessage", 2)
    assert replies, messaging.telegram.requests
    assert {r["chat_id"] for r in replies} == {str(TELEGRAM_CHAT)}, "answers go to the real chat"
    answer = "\n".join(r["text"] for r in replies)
    assert "digitale assistent" in answer

    rows = [(s, d) for s, d in messaging.tracker() if s.startswith("tg-")]
    stored = "\n".join(d for _, d in rows)
    assert "<PERSOON_1>" in stored and "<TELEFOONNUMMER_1>" in stored
    assert {s for s, _ in rows} and all(str(TELEGRAM_CHAT) not in s for s, _ in rows)


def test_whatsapp_answers_the_number_and_stores_only_redacted_text(messaging: Messaging) -> None:
    assert messaging.twilio_message(WHATSAPP_TEXT) == 204
    replies = messaging.twilio.wait_for("/Messages.json", 2)
    assert replies, messaging.twilio.requests
    assert {r["To"] for r in replies} == {WHATSAPP_FROM}, "answers go to the real number"
    assert {r["From"] for r in replies} == {TWILIO_NUMBER}
    answer = "\n".join(r["Body"] for r in replies)
    assert "digitale assistent" in answer and "eenzaam" in answer

    rows = [(s, d) for s, d in messaging.tracker() if s.startswith("tw-")]
    stored = "\n".join(d for _, d in rows)
    assert "<PERSOON_1>" in stored and "<TELEFOONNUMMER_1>" in stored
    # The whole number, not a short piece of it: "316" can occur in a random hex pseudonym.
    assert {s for s, _ in rows} and all("687654321" not in s for s, _ in rows), (
        "the sender id is a pseudonym, not the number")


def test_whatsapp_choices_are_numbered_and_a_number_chooses(messaging: Messaging) -> None:
    # Runs after the WhatsApp conversation above, which ended with the offer of contact.
    offer = messaging.twilio.sent("/Messages.json")[-1]["Body"]
    assert "Stuur het nummer van je keuze:" in offer
    number = next(line.split(".")[0] for line in offer.splitlines()
                  if line.endswith(". Nee, dank je"))
    before = len(messaging.twilio.sent("/Messages.json"))
    assert messaging.twilio_message(number) == 204
    replies = messaging.twilio.wait_for("/Messages.json", before + 1)[before:]
    assert "Prima" in "\n".join(r["Body"] for r in replies), "the number meant 'Nee, dank je'"
    stored = "\n".join(d for s, d in messaging.tracker() if s.startswith("tw-"))
    assert '"text": "/deny"' in stored


def test_numbered_choices_apply_to_the_next_reply_only() -> None:
    from channels.messaging import NumberedChoices

    choices = NumberedChoices()
    text = choices.offer("tw-a", "Wil je contact?", [
        {"title": "Ja, graag", "payload": "/affirm"}, {"title": "Nee", "payload": "/deny"}])
    assert text.endswith("1. Ja, graag\n2. Nee")
    assert choices.resolve("tw-b", "2") == "2", "another conversation's choices do not apply"
    assert choices.resolve("tw-a", " 2. ") == "/deny"
    assert choices.resolve("tw-a", "2") == "2", "only the next reply"
    choices.offer("tw-a", "?", [{"title": "Ja", "payload": "/affirm"}])
    assert choices.resolve("tw-a", "3") == "3" and choices.resolve("tw-a", "1") == "1"


def test_unsigned_twilio_webhook_is_refused(messaging: Messaging) -> None:
    before = len(messaging.tracker())
    assert messaging.twilio_message("ik heb schulden", signed=False) == 403
    assert len(messaging.tracker()) == before


def test_no_raw_personal_data_anywhere_on_disk(messaging: Messaging) -> None:
    # Runs after both conversations: tracker, vault (encrypted), registers, trends, logs.
    assert messaging.tracker(), "the conversations above were stored"
    assistant = messaging.assistant
    found = files_containing(assistant.settings.data_dir, RAW_VALUES)
    found.update(files_containing(assistant.log_dir, RAW_VALUES))
    assert found == {}

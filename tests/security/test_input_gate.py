"""Issue 19, findings 3, 4, 5 and 11, and the socket.io origin: one gate for every input.

Against one running system (REST, socket.io and Telegram with a fake Bot API on loopback, the
only thing faked: Telegram's servers). Every case sends invented Dutch personal data and then
looks for it where it must never be: the data dir (tracker store, trend store, vault …) and the
server logs.
"""

from __future__ import annotations

import json
import queue
import sqlite3
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from tests.e2e.conftest import Assistant, files_containing, running_system
from tests.e2e.test_messaging_channels import TELEGRAM_BOT, TELEGRAM_TOKEN, FakeApi

pytestmark = pytest.mark.e2e

PUBLIC = "https://chat.voorbeeldstad.example"
TELEGRAM_CHAT = 555012345
DUTCH = ("moet", "geen", "neemt", "verzoek")


@dataclass
class Gate:
    assistant: Assistant
    telegram: FakeApi

    @property
    def base(self) -> str:
        return f"http://{self.assistant.settings.host}:{self.assistant.settings.rasa_port}"

    def post(self, path: str, body: bytes, headers: dict[str, str] | None = None
             ) -> tuple[int, str]:
        request = urllib.request.Request(
            self.base + path, data=body, method="POST",
            headers={"Content-Type": "application/json", **(headers or {})})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def say(self, sender: str, message: str, **extra: object) -> tuple[int, str]:
        body = json.dumps({"sender": sender, "message": message, **extra}).encode()
        return self.post("/webhooks/rest/webhook", body)

    def logs(self) -> str:
        return "\n".join(p.read_text(errors="replace")
                         for p in self.assistant.log_dir.glob("*.log"))

    def events(self, sender: str | None = None) -> list[tuple[str, str]]:
        with sqlite3.connect(self.assistant.settings.data_dir / "tracker.db") as connection:
            rows = connection.execute("SELECT sender_id, data FROM events").fetchall()
        return [(s, d) for s, d in rows if sender is None or s == sender]

    def nowhere(self, values: list[str]) -> dict[str, list[str]]:
        """Files in the data dir or the logs holding any of ``values`` (case-insensitively
        for the logs: a quoted message may be lower-cased)."""
        time.sleep(2)  # the trend broker writes its batch within a second
        found = files_containing(self.assistant.settings.data_dir, values)
        logs = self.logs().lower()
        hits = [v for v in values if v.lower() in logs]
        if hits:
            found["<logs>"] = hits
        return found


@pytest.fixture(scope="module")
def gate(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Gate]:
    """The one system of this module: Telegram on (fake API), REST and socket.io as always."""
    telegram = FakeApi()
    telegram.start()
    try:
        with running_system(
            tmp_path_factory.mktemp("gate"),
            DH_TELEGRAM_ACCESS_TOKEN=TELEGRAM_TOKEN, DH_TELEGRAM_VERIFY=TELEGRAM_BOT,
            DH_TELEGRAM_WEBHOOK_URL=f"{PUBLIC}/webhooks/telegram/webhook",
            DH_TELEGRAM_API_URL=telegram.url,
        ) as assistant:
            yield Gate(assistant, telegram)
    finally:
        telegram.stop()


# --- finding 3: every route variant checks the body --------------------------------------------

BAD_BODIES = [
    pytest.param(b'{"sender": "e2e-vorm", "message": {"tekst": "Ik ben Sanne Vermeulen"}}',
                 ["Sanne", "Vermeulen"], id="message-object"),
    pytest.param(b'{"sender": "e2e-vorm", "message": ["Mijn buurman Koen Hoogendijk slaat"]}',
                 ["Koen", "Hoogendijk"], id="message-list"),
    pytest.param(b'{"sender": "e2e-vorm", "message": 612345678}', ["612345678"],
                 id="message-number"),
    pytest.param(b'{"sender": ["Ilse de Graaf"], "message": "hoi"}', ["Ilse", "Graaf"],
                 id="sender-list"),
    pytest.param(b'{"sender": "e2e-vorm", "message": "hoi", "metadata": "Ilse de Graaf"}',
                 ["Ilse", "Graaf"], id="metadata-text"),
    pytest.param(b'{"sender": "e2e-vorm", "message": "hoi", "input_channel": ["Bram Kuipers"]}',
                 ["Bram", "Kuipers"], id="channel-list"),
    pytest.param(b"ik ben Fenna Mulder, bel 06-98765432", ["Fenna", "Mulder", "98765432"],
                 id="not-json"),
]
PATHS = ["/webhooks/rest/webhook", "/webhooks/rest/webhook/", "/webhooks/rest/webhook//"]


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize(("body", "values"), BAD_BODIES)
def test_every_rest_route_refuses_bad_bodies_in_dutch_and_logs_nothing(
    gate: Gate, path: str, body: bytes, values: list[str]
) -> None:
    status, answer = gate.post(path, body)
    assert status == 400, answer
    reason = json.loads(answer)["reason"]
    assert any(word in reason.lower() for word in DUTCH) and "must" not in reason, reason
    assert gate.nowhere(values) == {}


def test_a_query_string_variant_is_refused_too(gate: Gate) -> None:
    """``?stream=true`` takes Rasa's streaming path; Sanic logs whole URLs on errors."""
    body = json.dumps({"sender": "e2e-stroom", "message": "ik ben Fenna Mulder"}).encode()
    status, answer = gate.post("/webhooks/rest/webhook/?stream=true&naam=Jorien", body)
    assert status == 400, answer
    assert any(word in json.loads(answer)["reason"].lower() for word in DUTCH)
    assert gate.nowhere(["Fenna", "Mulder", "Jorien"]) == {}


# --- finding 4: fields beside the text ---------------------------------------------------------

@pytest.mark.parametrize(("input_channel", "metadata", "values"), [
    ("Sanne Vermeulen 06-11223344", {"wijk": "Centrum"}, ["Vermeulen", "11223344"]),
    ("whatsapp:+31611223344", {"wijk": {"naam": "Koen Hoogendijk"}}, ["31611223344",
                                                                      "Hoogendijk"]),
    ("mail sanne.vermeulen@example.nl", {"doelgroep": "Ilse de Graaf"},
     ["sanne.vermeulen@example.nl", "Ilse de Graaf"]),
])
def test_input_channel_and_metadata_are_never_stored_as_sent(
    gate: Gate, input_channel: str, metadata: dict, values: list[str]
) -> None:
    sender = f"e2e-{uuid.uuid4().hex[:12]}"
    status, answer = gate.say(sender, "ik heb schulden", input_channel=input_channel,
                              metadata=metadata)
    assert status == 200, answer
    stored = "\n".join(d for _, d in gate.events(sender))
    assert '"input_channel": "rest"' in stored
    assert gate.nowhere(values) == {}


def _socketio_client(gate: Gate, origin: str | None = None):
    import socketio

    client = socketio.Client(reconnection=False)
    headers = {"Origin": origin} if origin else {}
    client.connect(gate.base, socketio_path="/socket.io", transports=["polling"],
                   headers=headers, wait_timeout=20)
    return client


def test_socketio_session_id_is_stored_only_as_a_pseudonym(gate: Gate) -> None:
    session = "sanne.vermeulen@example.nl-0611223344"
    said: queue.Queue[str] = queue.Queue()
    client = _socketio_client(gate)
    client.on("bot_uttered", lambda data: said.put(data.get("text", "")))
    try:
        client.emit("session_request", {"session_id": session})
        time.sleep(1)
        client.emit("user_uttered", {"message": "ik heb schulden bij de woningcorporatie",
                                     "session_id": session,
                                     "metadata": {"wijk": "Centrum", "naam": "Koen Hoogendijk"}})
        assert said.get(timeout=60), "the answer reaches the session"
    finally:
        client.disconnect()
    deadline = time.monotonic() + 30  # the tracker is saved after the turn's replies
    while not (rows := [(s, d) for s, d in gate.events() if "woningcorporatie" in d]) \
            and time.monotonic() < deadline:
        time.sleep(0.5)
    assert rows, "the message was stored"
    assert all(s.startswith("sio-") for s, _ in rows)
    assert gate.nowhere(["sanne.vermeulen", "0611223344", "Hoogendijk"]) == {}


# --- finding 5: slash messages -----------------------------------------------------------------

@pytest.mark.parametrize("name", ["Koen", "Sanne Vermeulen", "mevrouw El Idrissi"])
def test_intent_payload_entities_never_pass_unredacted(gate: Gate, name: str) -> None:
    sender = f"e2e-{uuid.uuid4().hex[:12]}"
    status, answer = gate.say(sender, f'/debt{{"naam": "{name}"}}')
    assert status == 200, answer
    texts = [json.loads(d).get("text") for _, d in gate.events(sender)
             if json.loads(d).get("event") == "user"]
    assert texts == ["/debt"], texts
    assert gate.nowhere([name.split()[-1], '"naam"']) == {}


# Each provokes one of Rasa's warnings that quote the message (or a structlog event with it).
WARNING_MESSAGES = [
    pytest.param("/ik heb schulden bij de woningcorporatie", ["woningcorporatie"],
                 id="unknown-intent"),
    pytest.param("/debt@hoog want de deurwaarder staat bij Ilse op de stoep",
                 ["deurwaarder", "stoep"], id="rest-of-line"),
    pytest.param('/debt{"schuldeiser" "Belastingdienst" "bedrag": "vierduizend"}',
                 ["schuldeiser", "vierduizend"], id="entities-not-json"),
    pytest.param('/debt{"huisbaas": "meneer Hoogendijk"}', ["huisbaas", "Hoogendijk"],
                 id="unknown-entity"),
    pytest.param("/{mijn dochter Jorien wordt gepest}", ["dochter", "Jorien", "gepest"],
                 id="no-intent-name"),
    pytest.param("/debt@7.5 de energierekening is te hoog", ["energierekening"],
                 id="bad-confidence"),
]


@pytest.mark.parametrize(("message", "words"), WARNING_MESSAGES)
def test_messages_that_provoke_rasa_warnings_leave_no_resident_text_in_logs(
    gate: Gate, message: str, words: list[str]
) -> None:
    status, answer = gate.say(f"e2e-{uuid.uuid4().hex[:12]}", message)
    assert status == 200, answer
    logs = gate.logs().lower()
    assert [w for w in words if w.lower() in logs] == []
    assert "failed to parse arguments" not in logs


# --- finding 11: Telegram needs the registered secret ------------------------------------------

def _update(text: str, update_id: int) -> bytes:
    person = {"id": TELEGRAM_CHAT, "is_bot": False, "first_name": "Bram",
              "last_name": "Kuipers"}
    return json.dumps({"update_id": update_id, "message": {
        "message_id": update_id, "date": int(time.time()), "from": person,
        "chat": {"id": TELEGRAM_CHAT, "type": "private", "first_name": "Bram"},
        "text": text}}).encode()


def _registered_secret(gate: Gate) -> str:
    calls = gate.telegram.sent("/setWebhook")
    assert calls, "the webhook is registered at start-up"
    secret = calls[-1].get("secret_token", "")
    assert len(secret) >= 16, "registered with a secret_token"
    return secret


@pytest.mark.parametrize("path", ["/webhooks/telegram/webhook", "/webhooks/telegram/webhook/",
                                  "/webhooks/telegram/set_webhook"])
@pytest.mark.parametrize("secret", [None, "", "raden-is-geen-sleutel"])
def test_telegram_refuses_updates_without_the_secret(
    gate: Gate, path: str, secret: str | None
) -> None:
    before = len(gate.events())
    headers = {} if secret is None else {"X-Telegram-Bot-Api-Secret-Token": secret}
    status, _ = gate.post(path, _update("ik ben Bram Kuipers en ik heb schulden", 7001), headers)
    assert status == 403
    assert len(gate.events()) == before
    assert gate.nowhere(["Kuipers", str(TELEGRAM_CHAT)]) == {}


def test_telegram_accepts_updates_with_the_registered_secret(gate: Gate) -> None:
    secret = _registered_secret(gate)
    before = len(gate.telegram.sent("/sendMessage"))
    status, _ = gate.post("/webhooks/telegram/webhook", _update("ik voel me eenzaam", 7002),
                          {"X-Telegram-Bot-Api-Secret-Token": secret})
    assert status == 200
    replies = gate.telegram.wait_for("/sendMessage", before + 1)[before:]
    assert {r["chat_id"] for r in replies} == {str(TELEGRAM_CHAT)}


def test_telegram_bad_update_with_the_secret_is_a_400(gate: Gate) -> None:
    secret = _registered_secret(gate)
    body = json.dumps({"update_id": 7003, "message": {"chat": {"id": "Bram Kuipers"},
                                                      "text": ["Bram Kuipers"]}}).encode()
    status, answer = gate.post("/webhooks/telegram/webhook/", body,
                               {"X-Telegram-Bot-Api-Secret-Token": secret})
    assert status == 400, answer
    assert gate.nowhere(["Kuipers"]) == {}


# --- socket.io: configured origins only --------------------------------------------------------

@pytest.mark.parametrize("origin", ["http://kwaadwillend.example", "null",
                                    "http://127.0.0.1:1"])
def test_socketio_refuses_a_foreign_origin(gate: Gate, origin: str) -> None:
    import socketio

    with pytest.raises(socketio.exceptions.ConnectionError):
        _socketio_client(gate, origin).disconnect()


def test_socketio_accepts_the_widget_pages_origin(gate: Gate) -> None:
    client = _socketio_client(gate, gate.assistant.portal_url)
    assert client.connected
    client.disconnect()

"""Faults with real processes: the action server stopped or frozen, Rasa restarted mid-form,
malformed REST payloads. One system for the module; every test leaves it running."""

from __future__ import annotations

import json
import os
import signal
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

import pytest

from channels.redacting import load_replies
from portal.settings import load_portal_settings
from runtime.launcher import System
from settings.core import load_settings
from tests.e2e.conftest import Assistant, files_containing, free_port, open_privacy, payloads, texts
from tests.e2e.test_consent_handoff import PHONE, start_callback_for_debt

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
HELP_NUMBERS = ("112", "0800-0113", "0800-2000")
SLOW_S = 6  # the turn timeout of this module's system


@contextmanager
def supervised(base: Path, **extra_env: str) -> Iterator[tuple[System, Assistant]]:
    """As ``running_system``, and the launcher's ``System`` to stop and start servers with."""
    overrides = {
        "DH_DATA_DIR": str(base / "data"),
        "DH_RASA_PORT": str(free_port()),
        "DH_ACTIONS_PORT": str(free_port()),
        "DH_PORTAL_PORT": str(free_port()),
        "DH_PORTAL_COOKIE_SECURE": "false",
        **extra_env,
    }
    with mock.patch.dict(os.environ, overrides):
        system = System(load_settings(), log_dir=base / "logs")
        system.start()
        try:
            portal = load_portal_settings()
            yield system, Assistant(system.settings, base / "logs",
                                    f"http://{portal.host}:{portal.port}")
        finally:
            system.stop()


@pytest.fixture(scope="module")
def faulty(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[System, Assistant]]:
    with supervised(tmp_path_factory.mktemp("faults"), DH_RESILIENCE_TURN_TIMEOUT_S=str(SLOW_S)
                    ) as running:
        yield running


def health(assistant: Assistant) -> tuple[int, dict]:
    url = f"http://{assistant.settings.host}:{assistant.settings.rasa_port}/webhooks/rest/health"
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def post_raw(assistant: Assistant, body: bytes) -> tuple[int, str]:
    request = urllib.request.Request(assistant.rest_url, data=body,
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def assert_kind_reply(replies: list[dict], referrals) -> None:
    said = texts(replies)
    assert "bewaard" in said
    assert all(number in said for number in HELP_NUMBERS), said
    assert referrals.services["gemeente"]["telefoon"] in said


@pytest.mark.parametrize(("body", "reason"), [
    (b"{not json", "geen geldige JSON"),
    (b'["sender", "message"]', "JSON-object"),
    (b'{"message": "hoi"}', "'sender'"),
    (b'{"sender": 42, "message": "hoi"}', "'sender'"),
    (b'{"sender": "e2e-bad"}', "'message'"),
    (b'{"sender": "e2e-bad", "message": {"text": "hoi"}}', "'message'"),
    (b'{"sender": "e2e-bad", "message": "hoi", "metadata": [1]}', "'metadata'"),
])
def test_malformed_payloads_get_400_with_the_reason(faulty, body: bytes, reason: str):
    _, assistant = faulty
    status, answer = post_raw(assistant, body)
    assert status == 400, answer
    assert reason in json.loads(answer)["reason"]
    assert "Traceback" not in answer


def test_health_reports_every_store(faulty):
    _, assistant = faulty
    status, report = health(assistant)
    assert status == 200, report
    assert set(report["checks"]) == {"tracker_store", "privacy_db", "action_server"}


def test_action_server_down_holds_the_message_and_the_conversation_continues(
    faulty, referrals
):
    system, assistant = faulty
    sender = assistant.new_sender()
    system.stop_process("action server")
    try:
        time.sleep(2.5)  # past the cached health answer
        assert_kind_reply(assistant.say(sender, "ik heb schulden en de deurwaarder belt steeds"),
                          referrals)
        status, report = health(assistant)
        assert status == 503 and report["checks"]["action_server"] != "ok"
    finally:
        system.start_process("action server")
    time.sleep(2.5)
    assistant.say(sender, "/affirm")  # the held message is handled first, then this one
    assert "16 jaar of ouder" in texts(assistant.say(sender, "/request_callback"))
    assert health(assistant)[0] == 200


def test_a_frozen_action_server_gets_a_kind_reply_and_the_turn_finishes_later(
    faulty, referrals
):
    system, assistant = faulty
    sender = assistant.new_sender()
    actions = system.processes["action server"]
    actions.send_signal(signal.SIGSTOP)
    try:
        time.sleep(2.5)
        started = time.monotonic()
        assert_kind_reply(assistant.say(sender, "ik heb schulden"), referrals)
        assert time.monotonic() - started < SLOW_S + 5
        status, report = health(assistant)
        assert status == 503 and report["checks"]["action_server"] == "TimeoutError"
    finally:
        actions.send_signal(signal.SIGCONT)
    time.sleep(2.5)
    assistant.say(sender, "/affirm")  # the frozen turn finished in the background first
    assert "16 jaar of ouder" in texts(assistant.say(sender, "/request_callback"))


def test_rasa_restarted_mid_form_resumes_from_the_tracker_store(faulty, referrals):
    system, assistant = faulty
    sender = assistant.new_sender()
    start_callback_for_debt(assistant, sender)
    assistant.say(sender, "ja")  # 16 or older
    system.stop_process("rasa")
    system.start_process("rasa")
    question = assistant.say(sender, "ja")  # consent, asked before the restart
    assert {"telefoon", "e-mail"} <= payloads(question), texts(question)
    assert "telefoonnummer" in texts(assistant.say(sender, "telefoon"))
    assert "ochtend" in payloads(assistant.say(sender, f"mijn nummer is {PHONE}"))
    assert "Hulpvraag over schulden" in texts(assistant.say(sender, "ochtend"))
    done = texts(assistant.say(sender, "ja"))
    assert referrals.services["schuldhulp"]["naam"] in done
    privacy = open_privacy(assistant.settings)
    (handoff,) = privacy.queue.for_conversation(privacy.pseudonym(sender))
    assert privacy.queue.get(handoff.id, reveal=True).contact == PHONE


def workers(pid: int) -> list[int]:
    """Living worker processes ``pid`` spawned (not its resource tracker; a killed worker is a
    zombie until it is reaped)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            command = (stat.parent / "cmdline").read_bytes()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z" and b"spawn_main" in command:
            found.append(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    """Whether any thread of the process still runs. The leader of a many-threaded process
    (Rasa with TensorFlow's threads) is a zombie while the other threads still exit, and they
    hold its files: its port accepts a connection and then resets it."""
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return False
    for task in tasks:
        try:
            if (task / "stat").read_text().rsplit(")", 1)[1].split()[0] not in ("Z", "X"):
                return True
        except OSError:
            continue  # that thread is gone
    return False


def loads_spacy(pid: int) -> bool:
    return "/spacy/" in Path(f"/proc/{pid}/maps").read_text()


def wait_for(condition, timeout: float = 30) -> None:  # noqa: ANN001 - a callable
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "not within the time"
        time.sleep(0.2)


def test_redaction_runs_in_a_worker_that_fails_closed_and_comes_back(faulty, tmp_path):
    """Presidio and spaCy live in the Rasa process's screen worker, not in Rasa's own event
    loop; a killed worker costs the message in flight a kind reply (its text goes nowhere),
    the next message gets a new worker, and stopping Rasa stops its worker too."""
    system, assistant = faulty
    rasa = system.processes["rasa"].pid
    [worker] = workers(rasa)
    assert loads_spacy(worker) and not loads_spacy(rasa)
    os.kill(worker, signal.SIGKILL)
    wait_for(lambda: worker not in workers(rasa))
    dropped = "0687 21 43 65"  # a made-up number no other test uses
    sender = assistant.new_sender()
    said = texts(assistant.say(sender, f"ik heb schulden, bel me op {dropped}"))
    assert said == load_replies()["technical_problem"]
    assert "schuld" in texts(assistant.say(sender, "ik heb schulden")).lower()
    [new_worker] = workers(rasa)
    assert new_worker != worker and loads_spacy(new_worker)
    assert files_containing(Path(assistant.settings.data_dir), [dropped, "0687214365"]) == {}
    assert files_containing(assistant.log_dir, [dropped, "0687214365"]) == {}
    system.stop_process("rasa")
    try:
        wait_for(lambda: not alive(new_worker), 20)  # not left behind as an orphan
    finally:
        system.start_process("rasa")
    assert "schuld" in texts(assistant.say(assistant.new_sender(), "ik heb schulden")).lower()


def next_of(events, timeout: float, what: str) -> str:  # noqa: ANN001 - queue.Queue
    import queue

    try:
        return events.get(timeout=timeout)
    except queue.Empty:
        raise AssertionError(f"no {what} within {timeout:.0f} s") from None


def test_the_widget_channel_gets_the_same_kind_reply(faulty, referrals):
    """socket.io (the web widget): the kind reply arrives as a bot message, and the held
    message is answered once the action server is back."""
    import queue

    import socketio

    system, assistant = faulty
    said: queue.Queue[str] = queue.Queue()
    client = socketio.Client()
    client.on("bot_uttered", lambda data: said.put(data.get("text", "")))
    confirmed: queue.Queue[str] = queue.Queue()
    client.on("session_confirm", confirmed.put)
    client.connect(f"http://{assistant.settings.host}:{assistant.settings.rasa_port}",
                   socketio_path="/socket.io", transports=["polling"])
    try:
        # Rasa 3.6 does not await python-socketio 5's enter_room, so replies reach the room of
        # the socket itself only: use the socket id as the session id, as a reconnect-free widget.
        session = client.get_sid()
        client.emit("session_request", {"session_id": session})
        assert next_of(confirmed, 30, "session_confirm")
        system.stop_process("action server")
        try:
            time.sleep(2.5)
            client.emit("user_uttered", {"message": "ik heb schulden", "session_id": session})
            assert_kind_reply([{"text": next_of(said, 30, "the kind reply")}], referrals)
        finally:
            system.start_process("action server")
        time.sleep(2.5)
        client.emit("user_uttered", {"message": "/affirm", "session_id": session})
        answers = [next_of(said, 60, "answers after the restart")]
        while True:
            try:
                answers.append(said.get(timeout=5))
            except queue.Empty:
                break
        assert "schulden" in "\n".join(answers).lower() or len(answers) > 1, answers
    finally:
        client.disconnect()

"""A region as `PROFILE=production DH_RASA_INSTANCES=2 make run` starts it: two Rasa instances on
the production stores behind the launcher's nginx, reached on the usual port. Turns of one
conversation land on both instances and the conversation, its consent and its vault values behave
as on one; socket.io (polling and websocket) stays with one instance; nginx's limits answer for
themselves; an instance killed mid-form costs the resident nothing, and the launcher brings it
back. Skips when PostgreSQL or Redis does not answer."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, text

from channels.redacting import load_replies
from privacy.services import open_privacy_services
from privacy.settings import load_privacy_settings
from settings.core import PROJECT_ROOT, load_settings
from tests.e2e.conftest import Assistant, files_containing, free_port, payloads, texts
from tests.e2e.test_consent_handoff import (
    EMAIL,
    PHONE,
    consent_and_give_phone,
    start_callback_for_debt,
)
from tests.e2e.test_faults import alive, wait_for, workers
from tests.e2e.test_production_profile import ADMIN_URL, dump, require_services

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
NAME = "Fatima el Amrani"
OTHER_CLIENT = "127.0.0.2"  # a resident's own address: loopback itself is exempt from the limit
LOG_LINE = re.compile(r'^\S+ (?P<route>\S+) (?P<method>\S+) (?P<status>\d+) .* '
                      r'upstream="(?P<upstream>[^"]*)" status="(?P<statuses>[^"]*)"')


@dataclass
class Region:
    """The launcher (`python -m runtime run`) of two instances, and how to read it."""

    assistant: Assistant
    launcher: subprocess.Popen[bytes]
    output: Path  # the launcher's and every server's output
    ports: tuple[int, int]
    database: str

    @property
    def access_log(self) -> Path:
        return self.assistant.settings.data_dir / "nginx" / "access.log"

    def served(self) -> list[dict[str, str]]:
        """nginx's access log, one dict per request (the last upstream is the one that answered)."""
        lines = self.access_log.read_text().splitlines()
        return [match.groupdict() for line in lines if (match := LOG_LINE.match(line))]

    def served_after(self, before: int, count: int = 1) -> list[dict[str, str]]:
        """The requests logged after the first ``before``, once ``count`` of them are there
        (nginx writes a request's line just after its answer has gone out)."""
        wait_for(lambda: len(self.served()) >= before + count, 10)
        return self.served()[before:]

    def diagnostics(self) -> list[tuple[str, str]]:
        """The ends of nginx's access log (which instances a request tried, with what answer)
        and of the launcher's output (every server's), for a failed test's report."""
        tails = []
        for title, path, lines in (("nginx access log", self.access_log, 20),
                                   ("launcher output", self.output, 80)):
            text = path.read_text(errors="replace") if path.exists() else "(none)"
            tails.append((title, "\n".join(text.splitlines()[-lines:])))
        return tails

    def instance_pid(self, port: int) -> int:
        """The living Rasa instance on ``port`` (a child of the launcher)."""
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
                argv = (stat.parent / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if (int(fields[1]) == self.launcher.pid and fields[0] != "Z"
                    and b"--port" in argv and argv[argv.index(b"--port") + 1] == b"%d" % port):
                return int(stat.parent.name)
        raise AssertionError(f"no Rasa instance on port {port}")

    def healthy(self, port: int) -> bool:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/webhooks/rest/", timeout=5):
                return True
        except OSError:
            return False


def start_region(base: Path, database: str) -> Region:
    ports = (free_port(), free_port())
    env = {
        **os.environ, "PROFILE": "production", "DH_PG_DATABASE": database,
        "DH_RASA_INSTANCES": "2", "DH_NGINX_INSTANCE_PORTS": f"{ports[0]},{ports[1]}",
        "DH_DATA_DIR": str(base / "data"), "DH_RASA_PORT": str(free_port()),
        "DH_ACTIONS_PORT": str(free_port()), "DH_PORTAL_PORT": str(free_port()),
        "DH_PORTAL_COOKIE_SECURE": "false",
    }
    output = base / "launcher.log"
    with output.open("wb") as sink:
        launcher = subprocess.Popen([sys.executable, "-m", "runtime", "run"], cwd=PROJECT_ROOT,
                                    env=env, stdout=sink, stderr=subprocess.STDOUT)
    settings = load_settings(env=env)
    region = Region(Assistant(settings, base, f"http://127.0.0.1:{env['DH_PORTAL_PORT']}"),
                    launcher, output, ports, database)
    deadline = time.monotonic() + settings.startup_timeout_s + 60
    while b"Stop met Ctrl+C." not in output.read_bytes():
        if launcher.poll() is not None or time.monotonic() > deadline:
            stop(launcher)
            raise AssertionError(output.read_text(errors="replace")[-3000:])
        time.sleep(1)
    return region


def stop(launcher: subprocess.Popen[bytes]) -> None:
    launcher.send_signal(signal.SIGTERM)  # the launcher stops every server, nginx included
    try:
        launcher.wait(90)
    except subprocess.TimeoutExpired:
        launcher.kill()
        launcher.wait()


@pytest.fixture(scope="module")
def region(tmp_path_factory) -> Iterator[Region]:
    require_services()
    database = f"dh_test_{uuid.uuid4().hex[:10]}"
    running = None
    try:
        running = start_region(tmp_path_factory.mktemp("region"), database)
        yield running
    finally:
        if running is not None:
            stop(running.launcher)
        admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT", future=True)
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
        admin.dispose()


def privacy(region: Region):
    return open_privacy_services(load_privacy_settings(env={
        "DH_DATA_DIR": str(region.assistant.settings.data_dir),
        "DH_PRIVACY_DATABASE_URL": f"postgresql://postgres@127.0.0.1:5432/{region.database}"}))


def instances_serving(region: Region, since: int, turns: int = 0) -> dict[str, int]:
    """REST turns each instance answered after the first ``since`` log lines (``turns`` of
    them, when given, are waited for)."""
    counts = {f"127.0.0.1:{port}": 0 for port in region.ports}
    for line in region.served_after(since, turns):
        if line["route"] == "rest" and line["method"] == "POST" and line["status"] == "200":
            counts[line["upstream"].split(", ")[-1]] += 1
    return counts


def both_instances_up(region: Region) -> None:
    """Every instance answers (a test that killed one waits for the launcher's restart)."""
    wait_for(lambda: all(region.healthy(port) for port in region.ports), 240)


def test_a_hand_off_across_instances_ends_with_one_hand_off(region):
    both_instances_up(region)
    before = len(region.served())
    assistant = region.assistant
    sender = assistant.new_sender()
    start_callback_for_debt(assistant, sender)
    assert "contact met je op" in texts(consent_and_give_phone(assistant, sender))
    served = instances_serving(region, before, turns=9)
    assert min(served.values()) >= 3, served  # both instances took turns of this conversation

    services = privacy(region)
    conversation = services.pseudonym(sender)
    (handoff,) = services.queue.for_conversation(conversation)
    assert services.queue.get(handoff.id, reveal=True).contact == PHONE
    (consent,) = services.consents.for_conversation(conversation)
    assert consent.answer == "given" and consent.id == handoff.consent_id


def test_consent_no_across_instances_empties_the_vault(region):
    assistant = region.assistant
    sender = assistant.new_sender()
    assistant.say(sender, f"hallo, ik ben {NAME}")  # personal data in topic messages
    assistant.say(sender, f"ik kom niet rond met mijn geld, mijn nummer is {PHONE}")
    assistant.say(sender, f"mijn mail is {EMAIL}, ik kom elke maand geld tekort voor boodschappen")
    assistant.say(sender, "ik heb schulden")
    assistant.say(sender, "/affirm")
    assistant.say(sender, "/request_callback")
    assistant.say(sender, "ja")
    assert "Ik geef niets door" in texts(assistant.say(sender, "nee"))
    services = privacy(region)
    assert services.vault.categories(sender) == []
    assert services.queue.for_conversation(services.pseudonym(sender)) == []


def test_the_widget_relay_reaches_the_instances_through_nginx(region):
    before = len(region.served())
    answer = httpx.post(f"{region.assistant.portal_url}/chat/send", timeout=60,
                        headers={"Origin": region.assistant.portal_url},
                        json={"sender": uuid.uuid4().hex, "message": "ik heb schulden"})
    assert answer.status_code == 200, answer.text
    assert "schulden" in " ".join(m.get("text", "") for m in answer.json()["messages"]).lower()
    assert [line["route"] for line in region.served_after(before)] == ["rest"]


async def polling_conversation(url: str) -> list[str]:
    """One socket.io conversation (session, a message, its answers) over long-polling."""
    import socketio

    said: asyncio.Queue[str] = asyncio.Queue()
    confirmed: asyncio.Queue[str] = asyncio.Queue()
    client = socketio.AsyncClient()
    client.on("bot_uttered", lambda data: said.put_nowait(data.get("text", "")))
    client.on("session_confirm", confirmed.put_nowait)
    await client.connect(url, socketio_path="/socket.io", transports=["polling"])
    try:
        session = client.get_sid()  # as in test_faults: Rasa 3.6 answers in the socket's room
        await client.emit("session_request", {"session_id": session})
        await asyncio.wait_for(confirmed.get(), 60)
        await client.emit("user_uttered", {"message": "ik heb schulden", "session_id": session})
        return await answers_of(said)
    finally:  # without waiting for the long poll the server holds up to its ping interval
        await client.eio.disconnect(abort=True)


async def answers_of(said: asyncio.Queue[str]) -> list[str]:
    answers = [await asyncio.wait_for(said.get(), 60)]
    while True:
        try:
            answers.append(await asyncio.wait_for(said.get(), 3))
        except TimeoutError:
            return answers


def test_socketio_polling_stays_with_one_instance_through_nginx(region):
    """Without stickiness a poll would reach the instance that never saw the handshake."""
    both_instances_up(region)
    before = len(region.served())
    url = f"http://127.0.0.1:{region.assistant.settings.rasa_port}"
    answers = asyncio.run(polling_conversation(url))
    assert "schulden" in "\n".join(answers).lower(), answers
    lines = [line for line in region.served_after(before, 4) if line["route"] == "socketio"]
    assert len(lines) >= 4  # handshake, posts and polls ...
    assert {line["upstream"] for line in lines} == {lines[0]["upstream"]}  # ... one instance


async def websocket_open_frame(url: str) -> str:
    import websockets

    uri = url.replace("http://", "ws://") + "/socket.io/?EIO=4&transport=websocket"
    async with websockets.connect(uri) as socket:
        return await asyncio.wait_for(socket.recv(), 30)


def test_a_websocket_upgrade_passes_nginx_to_the_clients_instance(region):
    """nginx passes the upgrade to the instance that holds the client's polling session. (Rasa
    3.6's Sanic then ends socket.io websockets itself, python-engineio#221, behind nginx or not:
    socket.io clients stay on long-polling, which the test above runs.)"""
    both_instances_up(region)
    url = f"http://127.0.0.1:{region.assistant.settings.rasa_port}"
    before = len(region.served())
    handshake = httpx.get(f"{url}/socket.io/?EIO=4&transport=polling", timeout=30)
    assert handshake.status_code == 200 and '"sid"' in handshake.text
    frame = asyncio.run(websocket_open_frame(url))
    assert frame.startswith("0{") and '"sid"' in frame  # engine.io's open, over the websocket
    polling, upgrade = [line for line in region.served_after(before, 2)
                        if line["route"] == "socketio"]
    assert (polling["status"], upgrade["status"]) == ("200", "101")
    assert upgrade["upstream"] == polling["upstream"]


def test_an_address_beyond_the_chat_limit_gets_429_and_the_relays_address_does_not(region):
    url = region.assistant.rest_url
    bad = b'{"sender": "e2e-rate"}'  # refused by the channel at once: the limit counts requests
    with httpx.Client(transport=httpx.HTTPTransport(local_address=OTHER_CLIENT)) as resident:
        statuses = [resident.post(url, content=bad) for _ in range(60)]
    refused = [answer for answer in statuses if answer.status_code == 429]
    assert refused and statuses[0].status_code == 400
    assert refused[0].headers["Retry-After"] == "1"  # portal.chat_per_minute_address: 60
    assert refused[0].json()["error"] == "too many requests"
    with httpx.Client() as relay:  # 127.0.0.1: the portal's relay limits per resident itself
        assert {relay.post(url, content=bad).status_code for _ in range(60)} == {400}


def test_a_body_beyond_nginxs_limit_is_refused_and_a_long_message_gets_the_kind_reply(region):
    assistant = region.assistant
    huge = "a" * 200_000
    status, answer = assistant.post({"sender": assistant.new_sender(), "message": huge})
    assert status == 413 and "request too large" in answer
    long = "ik heb schulden " * 200  # over redaction.max_message_chars, within nginx's limit
    assert texts(assistant.say(assistant.new_sender(), long)) == load_replies()[
        "message_too_long"]


def test_an_instance_killed_mid_form_is_replaced_by_the_other_and_the_form_resumes(region):
    both_instances_up(region)
    assistant = region.assistant
    sender = assistant.new_sender()
    start_callback_for_debt(assistant, sender)
    before = len(region.served())
    assistant.say(sender, "ja")  # 16 or older: the consent question is next
    last = region.served_after(before)[-1]["upstream"].split(", ")[-1]
    port = int(last.rsplit(":", 1)[1])
    victim = region.instance_pid(port)
    [worker] = workers(victim)
    os.kill(victim, signal.SIGKILL)  # the instance that took the last turn, mid-form
    wait_for(lambda: not alive(victim), 30)  # gone: its port refuses
    before = len(region.served())
    question = assistant.say(sender, "ja")  # consent, asked by the killed instance
    assert {"telefoon", "e-mail"} <= payloads(question), texts(question)
    answered = region.served_after(before)[0]
    assert answered["upstream"].split(", ")[-1] != last and answered["status"] == "200"
    assert "telefoonnummer" in texts(assistant.say(sender, "telefoon"))
    assert "ochtend" in payloads(assistant.say(sender, f"mijn nummer is {PHONE}"))
    assert "Hulpvraag over schulden" in texts(assistant.say(sender, "ochtend"))
    assistant.say(sender, "ja")
    services = privacy(region)
    (handoff,) = services.queue.for_conversation(services.pseudonym(sender))
    assert services.queue.get(handoff.id, reveal=True).contact == PHONE
    wait_for(lambda: not alive(worker), 30)  # its screen worker did not stay behind


def test_the_launcher_restarts_a_killed_instance_while_the_other_serves(region):
    both_instances_up(region)
    port = region.ports[0]
    victim = region.instance_pid(port)
    dead = re.compile(r"rasa stopped unexpectedly \(exit -9\); the other instances serve; "
                      r"restart in \d+ s")
    noticed = len(dead.findall(region.output.read_text(errors="replace")))
    os.kill(victim, signal.SIGKILL)
    wait_for(lambda: not alive(victim), 30)
    assistant = region.assistant
    sender = assistant.new_sender()
    turns = 0
    deadline = time.monotonic() + 240
    while not region.healthy(port):  # every message during the restart is answered
        assert time.monotonic() < deadline, "the instance did not come back"
        assert "schulden" in texts(assistant.say(sender, "ik heb schulden")).lower()
        turns += 1
        time.sleep(1)
    assert turns > 0 and region.launcher.poll() is None
    assert region.instance_pid(port) != victim
    output = region.output.read_text(errors="replace")
    assert len(dead.findall(output)) == noticed + 1, output[-2000:]
    before = len(region.served())
    back = f"127.0.0.1:{port}"
    deadline = time.monotonic() + 120  # nginx tries it again after fail_timeout_s
    while instances_serving(region, before)[back] == 0:
        assert time.monotonic() < deadline, "nginx never sent a turn to the restarted instance"
        assistant.say(sender, "ik heb schulden")
        time.sleep(1)


def test_no_personal_data_in_any_log_file_or_row_nginxs_included(region):
    assistant = region.assistant
    secret = "Jan Jansen"
    for url in (f"{assistant.rest_url}?naam=Jan%20Jansen",
                f"http://127.0.0.1:{assistant.settings.rasa_port}/Jan-Jansen"):
        httpx.post(url, json={"sender": assistant.new_sender(), "message": f"ik ben {secret}"},
                   timeout=60)
    values = [NAME, "Amrani", PHONE, "0648392107", EMAIL, secret, "Jan-Jansen", "Jansen"]
    data = assistant.settings.data_dir
    assert region.access_log.stat().st_size > 0
    assert files_containing(data, values) == {}
    assert files_containing(region.output.parent, values) == {}  # the launcher's output too
    assert OTHER_CLIENT not in region.access_log.read_text()  # no client address
    assert region.access_log.stat().st_mode & 0o777 == 0o600
    rows = dump(region.database)
    assert [value for value in values if value in rows] == []

"""Issue 19, finding 2: the action server answers Rasa only, and only on loopback.

Anyone who could reach ``/webhook`` could run any custom action for any sender id: erase a
resident's open hand-offs, or register a consent the resident never gave. Over real HTTP against
the running system; the control requests with the right secret show each forged request would
have worked, so a refusal is the secret's doing.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from settings.core import PROJECT_ROOT
from tests.e2e.conftest import (
    Assistant,
    files_containing,
    free_port,
    open_privacy,
    running_system,
    texts,
)
from tests.e2e.test_consent_handoff import consent_and_give_phone, start_callback_for_debt

pytestmark = pytest.mark.e2e
TOKEN = secrets.token_urlsafe(32)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Assistant]:
    with running_system(tmp_path_factory.mktemp("action-server"), DH_ACTIONS_TOKEN=TOKEN
                        ) as running:
        yield running


def call_action(assistant: Assistant, body: dict, token: str | None,
                path: str = "/webhook") -> tuple[int, object]:
    """POST (or GET, without a body) to the action server as an outsider on this machine."""
    url = f"http://{assistant.settings.host}:{assistant.settings.actions_port}{path}"
    headers = {"Content-Type": "application/json"}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    data = json.dumps(body).encode() if body else None
    request = urllib.request.Request(url, data=data, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")


def action_call(action: str, sender: str, slots: dict | None = None,
                events: list | None = None) -> dict:
    """What Rasa posts to run ``action`` for ``sender`` (rasa_sdk's ActionCall)."""
    return {
        "next_action": action, "sender_id": sender, "version": "3.6.2", "domain": {},
        "tracker": {"sender_id": sender, "slots": slots or {}, "latest_message": {},
                    "events": events or [], "paused": False, "followup_action": None,
                    "active_loop": {}, "latest_action_name": None},
    }


def test_deleting_without_the_secret_is_refused_and_the_hand_off_stays(assistant):
    sender = assistant.new_sender()
    start_callback_for_debt(assistant, sender)
    assert "contact met je op" in texts(consent_and_give_phone(assistant, sender))
    privacy = open_privacy(assistant.settings)
    conversation = privacy.pseudonym(sender)
    assert len(privacy.queue.for_conversation(conversation)) == 1

    forged = action_call("action_delete_my_data", sender)
    for token in (None, "", "Bearer", TOKEN[:-1], TOKEN + "x", TOKEN.upper()):
        status, _ = call_action(assistant, forged, token)
        assert status in (401, 403), (token is None, status)
    assert len(privacy.queue.for_conversation(conversation)) == 1, "the hand-off stays"

    status, _ = call_action(assistant, forged, TOKEN)  # the same request, as Rasa sends it
    assert status == 200
    assert privacy.queue.for_conversation(conversation) == [], "the request itself would work"


def test_a_consent_cannot_be_forged_without_the_secret(assistant):
    sender = assistant.new_sender()
    forged = action_call(
        "validate_handoff_form", sender,
        slots={"help_topic": "debt", "age_16_plus": "ja", "handoff_consent": "ja",
               "requested_slot": "handoff_consent"},
        events=[{"event": "user", "text": "ja", "parse_data": {}},
                {"event": "slot", "name": "handoff_consent", "value": "ja"}])
    privacy = open_privacy(assistant.settings)
    conversation = privacy.pseudonym(sender)

    status, _ = call_action(assistant, forged, None)
    assert status in (401, 403)
    assert privacy.consents.for_conversation(conversation) == [], "no consent row"

    status, _ = call_action(assistant, forged, TOKEN)
    assert status == 200
    answers = [c.answer for c in privacy.consents.for_conversation(conversation)]
    assert answers == ["given"], "the request itself would register one"


def test_only_health_is_open_and_rasa_calls_with_a_secret_it_never_logs(assistant):
    assert call_action(assistant, {}, None, "/health")[0] == 200  # liveness checks stay
    assert call_action(assistant, {}, None, "/actions")[0] in (401, 403)
    assert call_action(assistant, {}, "wrong-" + TOKEN, "/actions")[0] in (401, 403)
    assert call_action(assistant, {}, TOKEN, "/actions")[0] == 200

    sender = assistant.new_sender()  # every turn below runs custom actions through Rasa
    assistant.say(sender, "verwijder al mijn gegevens")
    replies = texts(assistant.say(sender, "ja"))
    assert "gesprek gewist" in replies and "digitale assistent" in replies
    leaked = {**files_containing(assistant.log_dir, [TOKEN]),
              **files_containing(assistant.settings.data_dir, [TOKEN])}
    assert leaked == {}, "the secret is in a log or a data file"


def listening_addresses(port: int) -> set[str]:
    """Local addresses of the TCP sockets listening on ``port`` (from /proc/net/tcp{,6})."""
    found = set()
    for table, width in (("/proc/net/tcp", 8), ("/proc/net/tcp6", 32)):
        if not os.path.exists(table):
            continue
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, port_hex = local.split(":")
            if state == "0A" and int(port_hex, 16) == port:  # 0A: LISTEN
                raw = bytes.fromhex(address)
                # /proc prints each 32-bit word in host (little-endian) order
                words = b"".join(raw[i:i + 4][::-1] for i in range(0, len(raw), 4))
                family = socket.AF_INET if width == 8 else socket.AF_INET6
                found.add(socket.inet_ntop(family, words))
    return found


def own_addresses() -> list[str]:
    """This machine's own IPv4 addresses other than loopback (the kernel's LOCAL routes)."""
    lines = Path("/proc/net/fib_trie").read_text().splitlines()
    own = {lines[i - 1].split()[-1] for i, line in enumerate(lines)
           if "/32 host LOCAL" in line and i > 0}
    return sorted(address for address in own if not address.startswith("127."))


def test_the_action_server_listens_on_loopback_only(assistant):
    port = assistant.settings.actions_port
    addresses = listening_addresses(port)
    assert addresses == {"127.0.0.1"}, addresses
    for address in own_addresses():  # only ever this machine's own addresses
        with pytest.raises(OSError), socket.create_connection((address, port), timeout=3):
            pass


def test_the_production_profile_does_not_start_without_a_secret(tmp_path):
    ports = {name: str(free_port()) for name in ("DH_RASA_PORT", "DH_ACTIONS_PORT",
                                                 "DH_PORTAL_PORT")}
    # PostgreSQL on a port nobody serves: the secret must be checked before the services are.
    env = {**os.environ, **ports, "PROFILE": "production", "DH_ACTIONS_TOKEN": "",
           "DH_DATA_DIR": str(tmp_path / "data"), "DH_PG_PORT": str(free_port())}
    launcher = subprocess.Popen([sys.executable, "-m", "runtime", "run"], cwd=PROJECT_ROOT, env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        _, error = launcher.communicate(timeout=120)
    except subprocess.TimeoutExpired:  # it started: stop it (and its servers) the normal way
        launcher.send_signal(signal.SIGTERM)
        launcher.communicate(timeout=60)
        pytest.fail("the production profile started without DH_ACTIONS_TOKEN")
    assert launcher.returncode == 1
    assert "DH_ACTIONS_TOKEN is not set" in error and "production" in error, error
    for port in ports.values():
        with pytest.raises(OSError), socket.create_connection(("127.0.0.1", int(port)), 1):
            pass

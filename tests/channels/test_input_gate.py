"""The input gate's checks, one by one (the running system: tests/security/test_input_gate.py)."""

from __future__ import annotations

import json

import pytest

from channels import input_gate
from channels.input_gate import REASONS, SlashPayloads


@pytest.mark.parametrize(("body", "query", "problem"), [
    (b"", "", "json"),
    (b"ik ben Fenna Mulder", "", "json"),
    (b'"Fenna Mulder"', "", "object"),
    (b'{"message": "hoi"}', "", "sender"),
    (b'{"sender": "", "message": "hoi"}', "", "sender"),
    (b'{"sender": "a", "message": "  "}', "", "message"),
    (b'{"sender": "a", "message": {"tekst": "Fenna"}}', "", "message"),
    (b'{"sender": "a", "message": 612345678}', "", "message"),
    (b'{"sender": "a", "message": "hoi", "metadata": ["Fenna"]}', "", "metadata"),
    (b'{"sender": "a", "message": "hoi", "input_channel": {"naam": "Fenna"}}', "",
     "input_channel"),
    (b'{"sender": "a", "message": "hoi"}', "stream=true", "query"),
    (b'{"sender": "a", "message": "hoi"}', "", None),
    (b'{"sender": "a", "message": "hoi", "metadata": null, "input_channel": "x"}', "", None),
])
def test_rest_bodies(body: bytes, query: str, problem: str | None) -> None:
    assert input_gate.rest_problem(body, query) == problem


def test_reasons_are_dutch_and_name_no_content() -> None:
    for reason in REASONS.values():
        assert not any(word in reason for word in ("must", "not valid", "body"))
        assert reason.endswith(".")


def _update(**message: object) -> bytes:
    return json.dumps({"update_id": 1, "message": {"chat": {"id": 42}, **message}}).encode()


@pytest.mark.parametrize(("body", "problem"), [
    (_update(text="ik ben Fenna"), None),
    (json.dumps({"update_id": 1, "my_chat_member": {}}).encode(), None),
    (json.dumps({"update_id": 1, "callback_query": {"data": "/debt", "message": {
        "chat": {"id": 42}}}}).encode(), None),
    (_update(text=["Fenna"]), "update"),
    (json.dumps({"update_id": "1", "message": {"chat": {"id": 42}}}).encode(), "update"),
    (json.dumps({"update_id": 1, "message": {"chat": {"id": "Fenna"}}}).encode(), "update"),
    (json.dumps({"update_id": 1, "callback_query": {"data": 5}}).encode(), "update"),
    (b"[]", "update"),
    (b"{", "json"),
])
def test_telegram_updates(body: bytes, problem: str | None) -> None:
    assert input_gate.telegram_problem(body) == problem


@pytest.mark.parametrize(("data", "persistent", "problem"), [
    ({"message": "hoi", "session_id": "abc"}, True, None),
    ({"message": "hoi"}, False, None),
    ({"message": "hoi"}, True, "session"),
    ({"message": "hoi", "session_id": ["Fenna"]}, True, "session"),
    ({"message": "hoi", "session_id": "x" * 129}, True, "session"),
    ({"message": {"tekst": "Fenna"}, "session_id": "abc"}, True, "message"),
    ({"message": "hoi", "session_id": "abc", "metadata": "Fenna"}, True, "metadata"),
    ("Fenna", True, "object"),
])
def test_socketio_messages(data: object, persistent: bool, problem: str | None) -> None:
    assert input_gate.socketio_problem(data, "metadata", persistent) == problem


def redact(value: str) -> str:
    return "<PERSOON_1>" if value[:1].isupper() else value


PAYLOADS = SlashPayloads({"debt", "affirm"}, {"schuldeiser"})


@pytest.mark.parametrize(("text", "payload"), [
    ("/debt", "/debt"),
    ("/affirm", "/affirm"),
    ("/unknown", None),
    ("/Debt", None),
    ("/debt fatima", None),
    ("/debt@0.9", None),
    ('/debt{"naam": "Fatima"}', "/debt"),
    ('/debt{"schuldeiser": "Fatima"}', '/debt{"schuldeiser":"<PERSOON_1>"}'),
    ('/debt{"schuldeiser": ["Jan", "cjib", 7]}', '/debt{"schuldeiser":["<PERSOON_1>","cjib"]}'),
    ('/debt{"schuldeiser": 111222333}', "/debt"),
    ('/debt{"schuldeiser" "Fatima"}', None),
    ('/debt["Fatima"]', None),
])
def test_slash_payloads(text: str, payload: str | None) -> None:
    assert PAYLOADS.payload(text, redact) == payload


def test_the_domains_intents_are_known() -> None:
    domain = input_gate.load_domain()
    assert {"debt", "affirm", "deny", "restart"} <= domain.intents


def test_keyed_values_depend_on_the_master_key() -> None:
    from channels import context

    secrets = []
    for key in (b"\x01" * 32, b"\x02" * 32):
        context.provide(context.ChannelContext(boundary=None, guard=None, socketio_origins=(),
                                               privacy_engine=None, master_key=key))
        secrets.append((input_gate.telegram_secret("123:token"),
                        input_gate.session_pseudonym("sanne.vermeulen@example.nl")))
    context.provide(None)
    (secret_a, session_a), (secret_b, session_b) = secrets
    assert secret_a != secret_b and session_a != session_b
    assert session_a.startswith("sio-") and "sanne" not in session_a
    assert len(secret_a) == 32 and secret_a.isalnum()
    assert input_gate.secret_matches(secret_a, secret_a)
    assert not input_gate.secret_matches(secret_a, None)
    assert not input_gate.secret_matches(secret_a, secret_b)


@pytest.mark.parametrize(("form", "problem"), [
    ({"From": ["whatsapp:+31687654321"], "Body": ["hoi"]}, None),
    ({"From": ["whatsapp:+31687654321"]}, None),
    ({"Body": ["hoi"]}, "form"),
    ({"From": ["+31687654321", "+31612345678"], "Body": ["hoi"]}, "form"),
    ({"From": ["+31687654321"], "Body": ["hoi", "Fenna Mulder"]}, "form"),
])
def test_twilio_forms(form: dict, problem: str | None) -> None:
    assert input_gate.twilio_problem(form) == problem


def test_twilio_forms_as_sanic_parses_them() -> None:
    """Sanic's ``form.get`` returns the first value only; all of them count."""
    from sanic.request import RequestParameters

    form = RequestParameters({"From": ["whatsapp:+31687654321"], "Body": ["hoi"]})
    assert input_gate.twilio_problem(form) is None
    form = RequestParameters({"From": ["+31687654321", "+31612345678"], "Body": ["hoi"]})
    assert input_gate.twilio_problem(form) == "form"

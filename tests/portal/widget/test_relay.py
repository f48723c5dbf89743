"""What the relay accepts and what it passes back to the widget (no servers)."""

from __future__ import annotations

import pytest

from portal.widget.relay import RelayError, bot_messages, parse_request

KEYS = ("wijk", "doelgroep")
SENDER = "0123456789abcdef0123456789abcdef"


def test_a_message_gets_the_web_prefix_and_only_the_page_context() -> None:
    chat = parse_request(
        {"sender": SENDER, "message": "ik heb schulden",
         "metadata": {"wijk": "Centrum", "doelgroep": "volwassene", "naam": "Fatima"}},
        2000, KEYS)
    assert chat.sender == "web-" + SENDER
    assert chat.message == "ik heb schulden"
    assert chat.metadata == {"wijk": "Centrum", "doelgroep": "volwassene"}


@pytest.mark.parametrize("body, status", [
    (None, 400),
    ([], 400),
    ({"message": "hoi"}, 400),
    ({"sender": "kort", "message": "hoi"}, 400),
    ({"sender": "../../etc/passwd/0123456789", "message": "hoi"}, 400),
    ({"sender": SENDER, "message": "   "}, 400),
    ({"sender": SENDER, "message": 42}, 400),
    ({"sender": SENDER, "message": "x" * 2001}, 413),
])
def test_malformed_or_too_long_is_refused(body: object, status: int) -> None:
    with pytest.raises(RelayError) as refused:
        parse_request(body, 2000, KEYS)
    assert refused.value.status == status
    assert not refused.value.retry


def test_exactly_the_limit_passes() -> None:
    assert parse_request({"sender": SENDER, "message": "x" * 2000}, 2000, KEYS).message


def test_too_long_message_names_the_limit_in_dutch() -> None:
    with pytest.raises(RelayError) as refused:
        parse_request({"sender": SENDER, "message": "x" * 2001}, 2000, KEYS)
    assert "2000 tekens" in refused.value.message


def test_bot_messages_keep_text_and_buttons_only() -> None:
    replies = [
        {"recipient_id": "web-x", "text": "Hoi!"},
        {"recipient_id": "web-x", "text": "Kies:", "buttons": [
            {"title": "Schulden", "payload": "/debt"}, {"title": "", "payload": "/x"}, "raar"]},
        {"recipient_id": "web-x", "custom": {"iets": 1}},
        "geen dict",
    ]
    assert bot_messages(replies) == [
        {"text": "Hoi!"},
        {"text": "Kies:", "buttons": [{"title": "Schulden", "payload": "/debt"}]},
    ]
    assert bot_messages({"not": "a list"}) == []


@pytest.mark.parametrize(("custom", "expected"), [
    ({"language": "en"}, [{"language": "en"}]),
    ({"language": "nl"}, [{"language": "nl"}]),
    ({"language": "tr"}, []),  # the widget has no texts of its own in Turkish
    ({"language": "<script>"}, []),
    ({"language": ["en"]}, []),
])
def test_bot_messages_pass_on_the_language_the_widget_follows(custom, expected) -> None:
    assert bot_messages([{"recipient_id": "web-x", "custom": custom}]) == expected

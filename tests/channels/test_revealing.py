"""The new case code reaches the resident's screen only: the marker is filled in on the way out."""

from __future__ import annotations

import asyncio

from rasa.core.channels.channel import CollectingOutputChannel

from channels.revealing import GONE, RevealingOutput
from privacy.reveals import MARKER

CODE = "7QM4-X2PD-9TK3"


class OneReveal:
    def __init__(self, value: str | None) -> None:
        self.value = value
        self.asked: list[str] = []

    def take(self, sender_id: str) -> str | None:
        self.asked.append(sender_id)
        value, self.value = self.value, None
        return value


class Broken:
    def take(self, sender_id: str) -> str | None:
        raise ConnectionError("database gone: 7QM4-X2PD-9TK3")


def test_the_marker_becomes_the_code_once():
    asyncio.run(_marker_once())


async def _marker_once() -> None:
    collector = CollectingOutputChannel()
    reveals = OneReveal(CODE)
    output = RevealingOutput(collector, reveals)
    message = {"text": f"Je zaakcode is {MARKER}. Bewaar die goed."}
    await output.send_response("resident", message)
    await output.send_response("resident", {"text": f"nog eens: {MARKER}"})
    assert [m["text"] for m in collector.messages] == [
        f"Je zaakcode is {CODE}. Bewaar die goed.", f"nog eens: {GONE}"]
    assert reveals.asked == ["resident", "resident"]
    assert message["text"].count(MARKER) == 1, "the event Rasa keeps is left as it was"


def test_other_replies_pass_unchanged_with_their_buttons():
    asyncio.run(_others_unchanged())


async def _others_unchanged() -> None:
    collector = CollectingOutputChannel()
    reveals = OneReveal(CODE)
    output = RevealingOutput(collector, reveals)
    buttons = [{"title": "Ja", "payload": "ja"}]
    await output.send_response("resident", {"text": "Klopt dit?", "buttons": buttons})
    await output.send_text_message("resident", "Hallo")
    assert collector.messages[0]["buttons"] == buttons and collector.messages[1]["text"] == "Hallo"
    assert reveals.asked == [], "nothing is read for a reply without the marker"
    assert output.name() == collector.name()


def test_a_failing_store_still_sends_the_reply_without_value_or_trace(caplog):
    collector = CollectingOutputChannel()
    asyncio.run(RevealingOutput(collector, Broken()).send_response("r", {"text": f"code {MARKER}"}))
    assert collector.messages[0]["text"] == f"code {GONE}"
    assert "ConnectionError" in caplog.text and CODE not in caplog.text



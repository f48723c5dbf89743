"""The guard around Rasa's handler, REST payload checks and the kind replies (no servers)."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field

import pytest

from channels.resilience import (
    HeldMessages,
    ResilienceSettings,
    TurnGuard,
    load_resilience,
    payload_problem,
    watch_failed_actions,
)

HELP_NUMBERS = ("112", "113 (0800-0113)", "0800-2000")


@pytest.mark.parametrize(("body", "reason"), [
    (b"{not json", "not valid JSON"),
    (b"", "not valid JSON"),
    (b"[1, 2]", "JSON object"),
    (b'{"message": "hoi"}', "'sender'"),
    (b'{"sender": 12, "message": "hoi"}', "'sender'"),
    (b'{"sender": "  ", "message": "hoi"}', "'sender'"),
    (b'{"sender": "' + b"x" * 129 + b'", "message": "hoi"}', "'sender'"),
    (b'{"sender": "a"}', "'message'"),
    (b'{"sender": "a", "message": ["hoi"]}', "'message'"),
    (b'{"sender": "a", "message": "hoi", "metadata": "wijk"}', "'metadata'"),
])
def test_malformed_payloads_are_named(body: bytes, reason: str):
    assert reason in payload_problem(body)


@pytest.mark.parametrize("body", [
    b'{"sender": "a", "message": "hoi"}',
    b'{"sender": "a", "message": "/affirm", "metadata": {"wijk": "Noord"}}',
    b'{"sender": "a", "message": "hoi", "metadata": null}',
])
def test_good_payloads_pass(body: bytes):
    assert payload_problem(body) is None


def test_replies_carry_the_help_numbers_and_the_municipality(referrals):
    _, replies = load_resilience(env={})
    for reply in replies.values():
        assert all(number in reply for number in HELP_NUMBERS)
        assert referrals.services["gemeente"]["telefoon"] in reply
        assert "{" not in reply


def test_held_messages_are_bounded():
    held = HeldMessages(per_conversation=2, conversations=2, max_age_s=60)

    async def scenario() -> None:
        for sender in ("a", "b", "c"):
            for n in range(3):
                await held.hold(sender, f"{sender}{n}", None)
        assert await held.count() == 4
        assert await held.take("a") == []  # the oldest conversation made room
        assert [t for t, _ in await held.take("c")] == ["c0", "c1"]
        assert await held.take("c") == []

    asyncio.run(scenario())


@dataclass
class FakeWatch:
    up: bool = True

    async def available(self, fresh: bool = False) -> bool:
        return self.up


@dataclass
class FakeOutput:
    sent: list[str] = field(default_factory=list)

    async def send_text_message(self, recipient: str, text: str) -> None:
        self.sent.append(text)


@dataclass
class FakeMessage:
    text: str
    sender_id: str = "resident"
    metadata: object = None
    output_channel: FakeOutput = field(default_factory=FakeOutput)


SETTINGS = ResilienceSettings(health_timeout_s=1, health_cache_s=0, turn_timeout_s=0.3,
                              held_per_conversation=5, held_conversations=10, held_minutes=5)
REPLIES = {"assistant_away": "weg", "assistant_slow": "traag"}


def test_messages_wait_for_the_action_server_and_are_replayed_in_order():
    watch = FakeWatch(up=False)
    guard = TurnGuard(SETTINGS, REPLIES, watch)
    handled: list[str] = []

    async def handler(message: FakeMessage) -> None:
        handled.append(message.text)

    async def scenario() -> list[str]:
        first, second = FakeMessage("een"), FakeMessage("twee")
        await guard.handle(first, handler)
        await guard.handle(second, handler)
        assert handled == [] and first.output_channel.sent == ["weg"]
        watch.up = True
        third = FakeMessage("drie")
        await guard.handle(third, handler)
        return third.output_channel.sent

    assert asyncio.run(scenario()) == []
    assert handled == ["een", "twee", "drie"]


def test_a_failing_custom_action_gets_the_kind_reply():
    watch_failed_actions()
    guard = TurnGuard(SETTINGS, REPLIES, FakeWatch())

    async def handler(message: FakeMessage) -> None:
        try:
            raise ConnectionError("action server gone")
        except ConnectionError:
            _run_action()

    def _run_action() -> None:  # the name Rasa's processor logs from
        logging.getLogger("rasa.core.processor").exception("Encountered an exception")

    message = FakeMessage("hoi")
    asyncio.run(guard.handle(message, handler))
    assert message.output_channel.sent == ["weg"]


def test_a_slow_turn_gets_the_kind_reply_and_still_finishes():
    guard = TurnGuard(SETTINGS, REPLIES, FakeWatch())
    done: list[str] = []

    async def handler(message: FakeMessage) -> None:
        await asyncio.sleep(0.6)
        done.append(message.text)

    async def scenario() -> FakeMessage:
        message = FakeMessage("hoi")
        await guard.handle(message, handler)
        assert done == []
        await asyncio.sleep(0.5)
        return message

    assert asyncio.run(scenario()).output_channel.sent == ["traag"]
    assert done == ["hoi"]


def test_a_failing_tracker_store_is_never_silent():
    watch_failed_actions()
    guard = TurnGuard(SETTINGS, {**REPLIES, "store_unavailable": "niet bewaard"}, FakeWatch())

    async def handler(message: FakeMessage) -> None:
        message.output_channel.messages.append({"text": "Hoi! Ik ben de digitale assistent"})
        on_tracker_store_retrieve_error()

    def on_tracker_store_retrieve_error() -> None:  # as Rasa's FailSafeTrackerStore logs
        logging.getLogger("rasa.core.tracker_store").error("Falling back to InMemoryTrackerStore")

    message = FakeMessage("hoi")
    message.output_channel.messages = []
    asyncio.run(guard.handle(message, handler))
    assert message.output_channel.messages == []
    assert message.output_channel.sent == ["niet bewaard"]


def test_replies_are_b1_readable_and_decide_nothing():
    from bot.language import MIN_DOUMA_PER_TEXT, decision_phrases, flesch_douma

    _, replies = load_resilience(env={})
    for key, reply in replies.items():
        assert flesch_douma(reply) >= MIN_DOUMA_PER_TEXT, key
        assert not decision_phrases(reply), key


def test_english_replies_are_plain_english_decide_nothing_and_keep_the_numbers():
    from bot.language import MIN_READING_EASE, decision_phrases, reading_ease

    _, replies = load_resilience(env={})
    english = replies.in_language("en")
    for key, reply in english.items():
        assert reply != replies[key], key
        assert reading_ease(reply, "en") >= MIN_READING_EASE["en"][0], key
        assert not decision_phrases(reply), key
        assert all(n in reply for n in ("112", "0800-0113", "0800-2000")), key


def test_a_message_read_as_english_gets_the_english_reply():
    _, replies = load_resilience(env={})
    guard = TurnGuard(SETTINGS, replies, FakeWatch(up=False))
    message = FakeMessage("I need help")
    message.metadata = {"language": "en"}
    asyncio.run(guard.handle(message, None))
    assert message.output_channel.sent == [replies.in_language("en")["assistant_away"]]

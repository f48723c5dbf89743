"""The boundary in front of Rasa: redact, refuse what is too long, fail closed, never log text."""

from __future__ import annotations

import asyncio
import logging

import pytest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from channels.redacting import RedactingBoundary, Replies, load_replies
from channels.screen import Screen
from redaction.findings import Finding

SECRET = "Fatima el Amrani 0612345678"


class FakeRedactor:
    """Replaces a known value, like the real one does; a fake, so no model is needed here."""

    def __init__(self, fail: bool = False) -> None:
        self.fail = fail

    def redact(self, text: str, conversation_id: str | None = None):
        if self.fail:
            raise RuntimeError("analyzer broke")
        if SECRET in text:
            start = text.index(SECRET)
            return text.replace(SECRET, "<PERSOON_1> <TELEFOONNUMMER_1>"), [
                Finding("PERSON", start, start + 16, 0.9)]
        return text, []

    def find(self, text: str) -> list[Finding]:
        return [] if SECRET not in text else [Finding("PERSON", 0, len(text), 0.9)]


def run(gate: RedactingBoundary, text: str, downstream=None):
    received: list[str] = []

    async def on_new_message(message: UserMessage) -> None:
        if downstream:
            await downstream(message)
        received.append(message.text)

    output = CollectingOutputChannel()
    asyncio.run(gate.handle(UserMessage(text, output, "resident-1"), on_new_message))
    return received, [m["text"] for m in output.messages]


@pytest.fixture
def replies() -> Replies:
    return load_replies()


def test_rasa_only_receives_redacted_text(replies):
    received, sent = run(RedactingBoundary(Screen(FakeRedactor()), 2000, replies),
                         f"ik ben {SECRET}")
    assert received == ["ik ben <PERSOON_1> <TELEFOONNUMMER_1>"]
    assert sent == []


def test_too_long_message_is_refused_kindly_and_never_forwarded(replies, caplog):
    caplog.set_level(logging.DEBUG)
    received, sent = run(RedactingBoundary(Screen(FakeRedactor()), 50, replies), SECRET * 5)
    assert received == []
    assert sent == [replies["message_too_long"]]
    assert "Amrani" not in caplog.text


def test_redaction_failure_fails_closed(replies, caplog):
    caplog.set_level(logging.DEBUG)
    received, sent = run(RedactingBoundary(Screen(FakeRedactor(fail=True)), 2000, replies), SECRET)
    assert received == []
    assert sent == [replies["technical_problem"]]
    assert "Amrani" not in caplog.text and "0612345678" not in caplog.text


def test_failure_after_redaction_gets_a_kind_reply_and_no_text_in_logs(replies, caplog):
    caplog.set_level(logging.DEBUG)

    async def broken(message: UserMessage) -> None:
        raise ConnectionError("tracker store down")

    _, sent = run(RedactingBoundary(Screen(FakeRedactor()), 2000, replies), SECRET, broken)
    assert sent == [replies["technical_problem"]]
    assert "112" in sent[0] and "0800-0113" in sent[0]
    assert "Amrani" not in caplog.text


@pytest.mark.parametrize("text", [None, ""])
def test_empty_or_missing_text_is_passed_on_as_empty(replies, text):
    received, _ = run(RedactingBoundary(Screen(FakeRedactor()), 2000, replies), text)
    assert received == [""]


@pytest.mark.parametrize("key", ["message_too_long", "technical_problem"])
def test_boundary_replies_are_plain_dutch_and_never_decide(replies, key):
    from bot.language import MIN_DOUMA_PER_TEXT, decision_phrases, flesch_douma

    assert flesch_douma(replies[key]) >= MIN_DOUMA_PER_TEXT
    assert decision_phrases(replies[key]) == []


class RecordingRedactor(FakeRedactor):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def redact(self, text: str, conversation_id: str | None = None):
        self.seen.append(text)
        return "<PERSOON_1>", [Finding("PERSON", 0, len(text), 0.9)]


@pytest.mark.parametrize("payload", ["/debt", "/social_support", "/affirm"])
def test_intent_payloads_from_buttons_pass_unchanged(replies, payload):
    redactor = RecordingRedactor()
    received, _ = run(RedactingBoundary(Screen(redactor), 2000, replies), payload)
    assert received == [payload] and redactor.seen == []


@pytest.mark.parametrize(("text", "as_text"), [
    ("/ debt", "debt"), ("/Debt Fatima", "Debt Fatima"), ("//debt Fatima", "debt Fatima"),
    ("/fatima_el_amrani", "fatima_el_amrani"), ("/debt@0.9", "debt@0.9"),
    ('/debt{"naam": "Fatima"', 'debt{"naam": "Fatima"'), ("ik/jij", "ik/jij"),
    ('/\u00a0/debt{"naam": "Koen"}', 'debt{"naam": "Koen"}'),
    ('/ \u2003 /debt{"naam": "Koen"}', 'debt{"naam": "Koen"}'),
])
def test_anything_else_that_looks_like_a_payload_is_redacted_as_text(replies, text, as_text):
    """Rasa would read these as payloads and log a warning quoting them: they become text."""
    redactor = RecordingRedactor()
    received, _ = run(RedactingBoundary(Screen(redactor), 2000, replies), text)
    assert received == ["<PERSOON_1>"] and redactor.seen == [as_text]


@pytest.mark.parametrize("text", ['/debt{"naam": "Koen"}', '\u00a0/debt{"naam": "Koen"} '])
def test_payload_entities_of_unknown_types_are_dropped_also_after_whitespace(replies, text):
    redactor = RecordingRedactor()
    received, _ = run(RedactingBoundary(Screen(redactor), 2000, replies), text)
    assert received == ["/debt"] and redactor.seen == []


def test_payload_entities_of_unknown_types_are_dropped(replies):
    redactor = RecordingRedactor()
    received, _ = run(RedactingBoundary(Screen(redactor), 2000, replies),
                      '/debt{"naam": "Fatima el Amrani", "telefoon": "0612345678"}')
    assert received == ["/debt"] and redactor.seen == []


def test_payload_entities_of_known_types_are_redacted(replies):
    from channels.input_gate import SlashPayloads

    redactor = RecordingRedactor()
    screen = Screen(redactor, payloads=SlashPayloads({"debt"}, {"schuldeiser", "persoon"}))
    gate = RedactingBoundary(screen, 2000, replies)
    received, _ = run(gate, '/debt{"persoon": "Fatima el Amrani", "schuldeiser": ["Jan", 3]}')
    assert received == ['/debt{"persoon":"<PERSOON_1>","schuldeiser":["<PERSOON_1>"]}']
    assert redactor.seen == ["Fatima el Amrani", "Jan"]


def _metadata_received(gate: RedactingBoundary, text: str, metadata=None) -> list:
    seen: list = []

    async def on_new_message(message: UserMessage) -> None:
        seen.append((message.text, message.metadata))

    output = CollectingOutputChannel()
    asyncio.run(gate.handle(UserMessage(text, output, "resident-1", metadata=metadata),
                            on_new_message))
    return seen


@pytest.fixture(scope="module")
def safety_check():
    from bot.safety import load_safety_phrases
    from bot.safety_check import SafetyCheck

    return SafetyCheck(load_safety_phrases())


def test_the_safety_check_reads_the_original_words_before_redaction(replies, safety_check):
    """A redactor that hides everything (the worst case) cannot hide the signal."""
    gate = RedactingBoundary(Screen(RecordingRedactor(), safety=safety_check), 2000, replies)
    [(text, metadata)] = _metadata_received(gate, "Ik heb schulden en wil niet meer leven.")
    assert text == "<PERSOON_1>"
    assert metadata == {"safety_signal": "crisis_suicide", "safety_strength": "clear"}


def test_a_weak_signal_travels_as_weak(replies, safety_check):
    gate = RedactingBoundary(Screen(FakeRedactor(), safety=safety_check), 2000, replies)
    [(_, metadata)] = _metadata_received(
        gate, "Ik heb zes online leningen en ik zie het soms echt niet meer zitten.")
    assert metadata == {"safety_signal": "crisis_suicide", "safety_strength": "weak"}


def test_a_calm_message_and_a_button_carry_no_signal(replies, safety_check):
    gate = RedactingBoundary(Screen(FakeRedactor(), safety=safety_check), 2000, replies)
    assert _metadata_received(gate, "Waar vraag ik bijzondere bijstand aan?") == [
        ("Waar vraag ik bijzondere bijstand aan?", None)]
    assert _metadata_received(gate, "/crisis_suicide") == [("/crisis_suicide", None)]


def test_a_client_cannot_send_a_signal_of_its_own(replies, safety_check):
    gate = RedactingBoundary(Screen(FakeRedactor(), context_keys={"wijk"},
                             safety=safety_check), 2000, replies)
    forged = {"wijk": "Noord", "safety_signal": "crisis_suicide", "safety_strength": "clear"}
    assert _metadata_received(gate, "Hoe werkt DigiD?", forged) == [
        ("Hoe werkt DigiD?", {"wijk": "Noord"})]


def test_a_failing_safety_check_costs_neither_the_message_nor_privacy(replies, caplog):
    class Broken:
        def check(self, text: str) -> None:
            raise RuntimeError(f"broke on {text}")

    caplog.set_level(logging.DEBUG)
    gate = RedactingBoundary(Screen(FakeRedactor(), safety=Broken()), 2000, replies)  # type: ignore[arg-type]
    [(text, metadata)] = _metadata_received(gate, f"ik ben {SECRET}")
    assert text == "ik ben <PERSOON_1> <TELEFOONNUMMER_1>" and metadata is None
    assert "safety check" in caplog.text and "Amrani" not in caplog.text


class EnglishCheck:
    """The language check's answer for every message: English (a fake; lingua is not needed)."""

    def check(self, text: str):
        return "en", None


def test_a_failure_on_an_english_message_is_answered_in_english(replies):
    screen = Screen(FakeRedactor(fail=True), language=EnglishCheck())
    received, sent = run(RedactingBoundary(screen, 2000, replies), "I have debts " + SECRET)
    assert received == []
    assert sent == [replies.in_language("en")["technical_problem"]]
    assert "112" in sent[0] and "0800-0113" in sent[0] and "0800-2000" in sent[0]
    assert "in English" in sent[0]


def test_a_failure_after_an_english_message_was_forwarded_is_answered_in_english(replies):
    async def broken(message):
        raise RuntimeError("Rasa went away")

    screen = Screen(FakeRedactor(), language=EnglishCheck())
    _, sent = run(RedactingBoundary(screen, 2000, replies), "hello, I need help", broken)
    assert sent == [replies.in_language("en")["technical_problem"]]


def test_a_message_too_long_to_check_is_answered_in_dutch(replies):
    screen = Screen(FakeRedactor(), language=EnglishCheck())
    _, sent = run(RedactingBoundary(screen, 10, replies), "this is far too long for the limit")
    assert sent == [replies["message_too_long"]]


@pytest.mark.parametrize("key", ["message_too_long", "technical_problem"])
def test_boundary_replies_in_english_are_plain_and_never_decide(replies, key):
    from bot.language import MIN_READING_EASE, decision_phrases, reading_ease

    english = replies.in_language("en")[key]
    assert english != replies[key]
    assert reading_ease(english, "en") >= MIN_READING_EASE["en"][0]
    assert decision_phrases(english) == []

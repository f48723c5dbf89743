"""A transcript shows each message, what was expected, the responses and how the form ended."""

from __future__ import annotations

from evaluation.conversation_set import Callback, Conversation, Expect, Turn
from evaluation.resident import Played, Step
from evaluation.transcripts import transcripts_markdown


def test_a_transcript_shows_messages_answers_and_the_form(reader, say):
    turn = Turn("de deurwaarder staat voor de deur", Expect(topic="debt"))
    conversation = Conversation("c007", "callback", "debt", "texting", (turn,),
                                Callback({"consent": "ja"}))
    played = Played(conversation, "s")
    played.steps.append(Step(turn.user, reader.read(say("utter_debt")), turn))
    played.steps.append(Step("ja", reader.read(say("utter_safety_line_suicide")),
                             question="consent"))
    played.form_outcome = "stuck"
    text = transcripts_markdown("conv_x", [played])
    lines = text.splitlines()
    assert lines[0] == "## conv_x"
    assert "### c007 (callback, texting, topic debt)" in lines
    assert ("- **resident**: de deurwaarder staat voor de deur (expected: {'topic': 'debt'})"
            in lines)
    assert any(line.startswith("  - [utter_debt] ") and len(line) > 20 for line in lines)
    assert "- **resident, to 'consent'**: ja" in lines
    assert any(line.startswith("  - [utter_safety_line_suicide] ") and "0800-0113" in line
               for line in lines)
    assert lines[-1] == "- form stuck; hand-off to: none"

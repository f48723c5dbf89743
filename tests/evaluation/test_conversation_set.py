"""A set that cannot be played fails before the system starts, naming the conversation."""

from __future__ import annotations

from pathlib import Path

import pytest

from evaluation.__main__ import SETS_DIR
from evaluation.conversation_set import ConversationSetError, load_conversation_set


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "set.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_callback_conversation_is_read_with_its_answers(tmp_path):
    path = write(tmp_path, """
conversations:
  - id: k1
    kind: callback
    topic: debt
    turns:
      - user: "ik heb schulden"
        expect: {topic: debt}
      - user: "kan iemand mij bellen"
    callback: {consent: "ja hoor", age: "42", interjection: "hoe lang duurt dat?"}
""")
    (conversation,) = load_conversation_set(path).conversations
    assert conversation.turns[0].expect.topic == "debt"
    assert conversation.turns[1].expect.topic is None
    assert conversation.callback.answers == {"consent": "ja hoor", "age": "42"}
    assert conversation.callback.interjection == "hoe lang duurt dat?"


@pytest.mark.parametrize("body, named", [
    ("- id: a\n    turns: [{user: hoi, expect: {topic: geld}}]", "unknown topic 'geld'"),
    ("- id: a\n    turns: [{user: hoi, expect: {safety: ja}}]", "safety is one of"),
    ("- id: a\n    turns: [{user: hoi, expect: {mood: blij}}]", "expect takes only"),
    ("- id: a\n    turns: []", "no turns"),
    ("- id: a\n    turns: [{user: hoi}]\n  - id: a\n    turns: [{user: hoi}]", "id used twice"),
    ("- id: a\n    turns: [{user: hoi}]\n    callback: {naam: Piet}", "unknown callback"),
])
def test_a_set_that_cannot_be_played_is_refused(tmp_path, body, named):
    path = write(tmp_path, "conversations:\n  " + body + "\n")
    with pytest.raises(ConversationSetError, match=named):
        load_conversation_set(path)


def test_the_shipped_sets_load():
    paths = sorted(SETS_DIR.glob("*.yml"))
    assert paths
    for path in paths:
        # Dutch sets hold the 60 the issue asks for; the English ones are smaller
        least = 30 if path.name.startswith("conv_en_") else 60
        assert len(load_conversation_set(path).conversations) >= least, path.name

"""The hand-off form answers the safety detector learns as calm text."""

from __future__ import annotations

import pytest

from bot.form_answers import SETS_DIR, SETS_LIST, form_answers


def test_every_answer_of_the_listed_sets_once(tmp_path):
    sets = tmp_path / "sets"
    sets.mkdir()
    (sets / "a.yml").write_text(
        'conversations:\n'
        '  - id: c1\n    turns: []\n    callback: {consent: "ja", moment: "na 8 uur"}\n'
        '  - id: c2\n    turns: []\n'
        '  - id: c3\n    turns: []\n    callback: {consent: "ja", contact_way: "bellen "}\n',
        encoding="utf-8")
    listed = tmp_path / "list.yml"
    listed.write_text("conversation_sets: [a]\n", encoding="utf-8")
    assert form_answers(listed, sets) == ["ja", "na 8 uur", "bellen"]


def test_an_empty_list_is_refused(tmp_path):
    listed = tmp_path / "list.yml"
    listed.write_text("conversation_sets: []\n", encoding="utf-8")
    with pytest.raises(ValueError, match="conversation_sets"):
        form_answers(listed, tmp_path)


def test_the_project_list_names_existing_sets_and_gives_many_answers():
    answers = form_answers(SETS_LIST, SETS_DIR)
    assert len(answers) > 1000
    assert "na 19u als hij slaapt" in answers

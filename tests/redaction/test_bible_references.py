"""A Bible book before chapter and verse is a reference, not a person (sentences invented for
these tests)."""

from __future__ import annotations

import pytest

from redaction.bible_references import is_bible_reference

REFERENCES = [
    ("Jeremia 29 vers 11 houdt me op de been, maar de rekeningen blijven komen.", "Jeremia"),
    ("Johannes 3:16 troost mij elke avond", "Johannes"),
    ("In 1 Korinthe 13 : 4 staat dat de liefde geduldig is", "Korinthe"),
    ("onze dominee las Psalm 23 vs. 4 voor bij de begrafenis", "Psalm"),
    ("Ruth 1, 16 is mijn trouwtekst", "Ruth"),
]
NAMES = [
    ("Lucas 5 jaar heeft een bril nodig", "Lucas"),
    ("Johannes belde mij gisteren", "Johannes"),
    ("Ruth 2 keer per week bij de voedselbank", "Ruth"),
    ("Jeroen 3:16 uur gebeld", "Jeroen"),
]


@pytest.mark.parametrize(("text", "word"), REFERENCES)
def test_a_book_before_chapter_and_verse_is_a_reference(text, word):
    start = text.index(word)
    assert is_bible_reference(text, start, start + len(word))


@pytest.mark.parametrize(("text", "word"), NAMES)
def test_a_name_without_chapter_and_verse_is_no_reference(text, word):
    start = text.index(word)
    assert not is_bible_reference(text, start, start + len(word))


def test_the_redactor_keeps_a_reference_and_redacts_a_name(redactor):
    redacted, _ = redactor.redact("Jeremia 29 vers 11 troost me, zegt mijn buurvrouw Anke de Wit")
    assert redacted.startswith("Jeremia 29 vers 11"), redacted
    assert "Anke" not in redacted, redacted

"""Word classes that keep ordinary Dutch (and the English residents mix in) from being read as a
name: found in NLU examples the redactor took for names, fixed as classes, not as sentences."""

from __future__ import annotations

import pytest

from redaction.recognizers import _lexicon


@pytest.mark.parametrize("word", ["erin", "erop", "daarmee", "hierover", "waarvoor", "ervan"])
def test_pronominal_adverbs(word: str) -> None:
    assert _lexicon.is_pronominal_adverb(word)


@pytest.mark.parametrize("word", ["erik", "daan", "hiermans", "waard"])
def test_not_pronominal_adverbs(word: str) -> None:
    assert not _lexicon.is_pronominal_adverb(word)


@pytest.mark.parametrize("word", ["belt", "werkt", "zegt", "helpt", "woont"])
def test_present_tense_verb_forms(word: str) -> None:
    assert _lexicon.is_present_tense_verb(word)


@pytest.mark.parametrize("word", ["bakker", "smit", "roos", "bet", "kat"])
def test_not_present_tense_verb_forms(word: str) -> None:
    assert not _lexicon.is_present_tense_verb(word)


@pytest.mark.parametrize("word", ["personenalarmering", "woningaanpassing", "klantnummer"])
def test_compounds_with_an_inflected_head_or_derived_tail_are_words(word: str) -> None:
    assert _lexicon.is_dutch_word(word)


def test_everyday_english_words_are_ordinary_but_no_common_name_is_listed() -> None:
    english = _lexicon.english_words()
    assert {"yesterday", "daughter", "husband"} <= english <= _lexicon.ordinary_words()
    assert not english & {"will", "mark", "rose", "bill", "baker", "young", "king", "grace"}


@pytest.mark.parametrize("text", [
    "de juf belt steeds over zijn gedrag",
    "we willen dat de badkamer beneden komt zodat mijn man erin kan met zijn rollator",
    "personenalarmering voor mijn moeder die alleen woont",
    "husband hit me yesterday, kinderen zien alles",
    "my daughter 14 not listening, ik weet niet wat doen",
    "mogguh",
])
def test_ordinary_messages_keep_their_words(redactor, text: str) -> None:
    assert redactor.find(text) == []


@pytest.mark.parametrize(("text", "name"), [
    ("mijn man erik kan niet meer lopen", "erik"),
    ("dokter bakker belt morgen terug", "bakker"),
    ("juf roos belt steeds", "roos"),
    ("mijn zoon daan is 14", "daan"),
    ("ik heb meneer yilmaz gesproken", "yilmaz"),
])
def test_names_after_a_trigger_are_still_found(redactor, text: str, name: str) -> None:
    assert [text[f.start:f.end] for f in redactor.find(text)] == [name]

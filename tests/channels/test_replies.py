"""The boundary's replies: Dutch unless the message was read as English."""

from __future__ import annotations

import pytest

from channels.replies import Replies, read_replies

RAW = {"version": "1", "kapot": "Er gaat iets mis.", "lang": "Te lang.",
       "en": {"kapot": "Something is going wrong."}}


@pytest.mark.parametrize(("metadata", "expected"), [
    ({"language": "en"}, "Something is going wrong."),
    ({"language": "pl"}, "Er gaat iets mis."),
    ({"wijk": "Noord"}, "Er gaat iets mis."),
    (None, "Er gaat iets mis."),
    ("en", "Er gaat iets mis."),
])
def test_the_message_language_picks_the_reply(metadata, expected):
    assert read_replies(RAW).for_message(metadata)["kapot"] == expected


def test_a_translation_lacking_a_key_falls_back_to_dutch():
    replies = read_replies(RAW)
    assert replies.in_language("en")["lang"] == "Te lang."
    assert dict(replies) == {"kapot": "Er gaat iets mis.", "lang": "Te lang."}


def test_texts_are_folded_and_prepared():
    replies = read_replies({"a": "Bel\n  {x}.", "en": {"a": "Call\n{x}."}},
                           lambda text: text.format(x="14 0999"))
    assert replies["a"] == "Bel 14 0999." and replies.in_language("en")["a"] == "Call 14 0999."


def test_a_plain_mapping_is_dutch_only():
    assert Replies({"a": "Hoi"}).for_message({"language": "en"}) == {"a": "Hoi"}

"""The language of a message, from Rasa's own event dicts to the store: the boundary's code when
listed, "other" for any other value, nothing when the boundary was in doubt (no key)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet, UserUttered
from sqlalchemy import select

from bot.language_id import METADATA_LANGUAGE as BOUNDARY_KEY
from trends.store import TrendRecord
from trends.tables import trend_daily, trend_records
from trends.translate import METADATA_LANGUAGE, EventTranslator

WHEN = datetime(2026, 11, 30, 14, 25, tzinfo=ZoneInfo("Europe/Amsterdam")).timestamp()
DAY = date(2026, 11, 30)


def user(sender: str, text: str = "ik heb schulden", metadata: dict | None = None,
         intent: str = "debt") -> dict:
    parse = {"text": text, "intent": {"name": intent, "confidence": 0.9},
             "intent_ranking": [{"name": intent, "confidence": 0.9}], "entities": []}
    event = UserUttered(text, intent=parse["intent"], parse_data=parse, input_channel="rest",
                        metadata=metadata, timestamp=WHEN)
    return {"sender_id": sender, **event.as_dict()}


@pytest.fixture
def translator(vocabulary) -> EventTranslator:
    return EventTranslator(vocabulary, "Europe/Amsterdam")


def test_the_key_is_the_boundarys():
    assert METADATA_LANGUAGE == BOUNDARY_KEY


@pytest.mark.parametrize(("metadata", "expected"), [
    ({"language": "tr"}, "tr"), ({"language": "ti"}, "ti"), ({"language": "so"}, "so"),
    ({"language": "nl"}, "nl"),                         # clearly Dutch, said so
    ({"language": "UK"}, "uk"),
    ({"language": "de"}, "other"),                      # a language the boundary does not name
    ({"language": "Fatima El Amrani, 06-12345678"}, "other"),  # never a client's free text
    ({"language": ["en"]}, "other"), ({"language": 7}, "other"),
    ({"language": {"code": "en"}}, "other"),
    (None, None), ({}, None), ({"wijk": "Noord"}, None),  # absent: the boundary was in doubt
    ({"language": None}, None), ({"language": ""}, None),
])
def test_a_message_keeps_the_boundarys_language(translator, metadata, expected):
    record = translator.translate(user("r-1", metadata=metadata))
    assert isinstance(record, TrendRecord) and record.kind == "message"
    assert record.language == expected
    assert record.row()["language"] == expected


def test_metadata_that_is_no_mapping_carries_no_language(translator):
    event = {**user("r-1"), "metadata": "tr"}
    assert translator.translate(event).language is None


def test_a_form_answer_keeps_its_language_but_a_fallback_does_not_repeat_it(translator):
    translator.translate({"sender_id": "r-2", **SlotSet("requested_slot", "age_16_plus",
                                                        timestamp=WHEN).as_dict()})
    answer = translator.translate(user("r-2", "kırk iki", {"language": "tr"}))
    assert (answer.kind, answer.language, answer.text) == ("form_answer", "tr", None)
    translator.translate({"sender_id": "r-2", **SlotSet("requested_slot", None,
                                                        timestamp=WHEN).as_dict()})
    translator.translate(user("r-2", "???", {"language": "pl"}, intent="nlu_fallback"))
    fallback = translator.translate({"sender_id": "r-2", **ActionExecuted(
        "action_default_fallback", timestamp=WHEN).as_dict()})
    assert fallback.kind == "fallback" and fallback.language is None  # one message, one vote


def test_from_events_to_the_languages_of_the_day(translator, store):
    """Real event dicts, through the store on SQLite and PostgreSQL, into the roll-up."""
    events = []
    for sender, languages in {
        "tr-1": ["tr", None, "tr"],       # Turkish, a doubtful message in between
        "nl-1": [None, None],             # nothing said: Dutch
        "nl-2": ["nl", "en"],             # a tie with Dutch: Dutch
        "pl-1": [None, "pl"],             # one sure Polish message
        "xx-1": ["de", "klingon"],        # unknown codes: other
    }.items():
        events.append({"sender_id": sender, **SessionStarted(timestamp=WHEN).as_dict()})
        events += [user(sender, f"bericht {i}", {"language": code} if code else {})
                   for i, code in enumerate(languages)]
    items = [translator.translate(event) for event in events]
    assert store.write(items) == len(events)
    store.roll_up(DAY, DAY)
    with store.engine.connect() as connection:
        stored = connection.execute(select(trend_records.c.language)
                                    .where(trend_records.c.kind == "message")).scalars().all()
        rolled = dict(connection.execute(
            select(trend_daily.c.key1, trend_daily.c.conversations)
            .where(trend_daily.c.measure == "language")).all())
    assert sorted(stored, key=str) == sorted(
        ["tr", None, "tr", None, None, "nl", "en", None, "pl", "other", "other"], key=str)
    assert rolled == {"tr": 1, "nl": 2, "pl": 1, "other": 1}
    assert not {"tr-1", "nl-1", "klingon", "de"} & set(map(str, stored))


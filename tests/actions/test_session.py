import asyncio

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.session import ActionSessionStart


def test_session_start_introduces_the_assistant_and_loads_referrals(referrals, domain):
    dispatcher = CollectingDispatcher()
    tracker = Tracker("new-resident", {}, {}, [], False, None, {}, "action_listen")
    events = asyncio.run(ActionSessionStart(referrals).run(dispatcher, tracker, domain))

    assert events[0]["event"] == "session_started"
    assert (events[-1]["event"], events[-1]["name"]) == ("action", "action_listen")
    slots = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    assert slots["schuldhulp_telefoon"] == referrals.services["schuldhulp"]["telefoon"]
    assert set(slots) <= set(domain["slots"]), "only declared slots are set"
    (welcome,) = dispatcher.messages
    assert welcome["response"] == "utter_welcome"
    assert welcome["gemeente_naam"] == referrals.services["gemeente"]["naam"]


def start(referrals, domain, metadata):
    dispatcher = CollectingDispatcher()
    slots = {"session_started_metadata": metadata} if metadata is not None else {}
    tracker = Tracker("new-resident", slots, {}, [], False, None, {}, "action_listen")
    events = asyncio.run(ActionSessionStart(referrals).run(dispatcher, tracker, domain))
    return dispatcher.messages, {e["name"]: e["value"] for e in events if e["event"] == "slot"}


def test_a_first_message_in_english_gets_the_english_welcome_and_sets_the_language(referrals,
                                                                                 domain):
    (welcome,), slots = start(referrals, domain, {"language": "en"})
    assert slots["language"] == "en"
    assert welcome["custom"] == {"language": "en"}, "the widget follows"
    assert "assistant" in welcome["text"] and "{" not in welcome["text"]
    assert referrals.services["gemeente"]["naam"] in welcome["text"]


def test_a_first_message_in_another_language_gets_no_dutch_welcome(referrals, domain):
    messages, slots = start(referrals, domain, {"language": "tr"})
    assert messages == [], "the answer in Turkish says who is talking"
    assert "language" not in slots


def test_an_unsure_or_dutch_first_message_gets_the_dutch_welcome(referrals, domain):
    for metadata in (None, {}, {"language": "nl"}):
        (welcome,), slots = start(referrals, domain, metadata)
        assert welcome["response"] == "utter_welcome" and "language" not in slots

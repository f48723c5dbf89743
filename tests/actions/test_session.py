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

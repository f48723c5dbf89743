import asyncio

import pytest
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.contact_route import (
    ActionGiveContactRoute,
    ValidateContactRouteForm,
    parse_contact_way,
)
from tests.actions.conftest import load_tracker


@pytest.mark.parametrize(
    ("text", "way"),
    [
        ("bellen", "bellen"),
        ("ik bel liever", "bellen"),
        ("Telefonisch graag", "bellen"),
        ("ik kom liever langs", "langskomen"),
        ("bij het loket", "langskomen"),
        ("op het inloopspreekuur", "langskomen"),
        ("per e-mail", "mailen"),
        ("mailen is makkelijker", "mailen"),
        ("liever bellen dan mailen", "mailen"),
        ("weet ik niet", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_contact_way(text, way):
    assert parse_contact_way(text) == way


def test_unknown_contact_way_is_rejected_with_a_kind_question(domain_dict):
    dispatcher = CollectingDispatcher()
    result = ValidateContactRouteForm().validate_contact_way(
        "geen idee", dispatcher, load_tracker("tracker_contact_route.json"), domain_dict
    )
    assert result == {"contact_way": None}
    assert dispatcher.messages[0]["response"] == "utter_invalid_contact_way"


def test_route_names_the_topic_service_and_its_walk_in_hours(referrals, domain_dict):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(
        ActionGiveContactRoute(referrals).run(
            dispatcher, load_tracker("tracker_contact_route.json"), domain_dict
        )
    )
    (message,) = dispatcher.messages
    service = referrals.services["schuldhulp"]
    assert message["response"] == "utter_contact_route_langskomen"
    assert message["dienst"] == service["naam"]
    assert message["inloop"] == service["inloop"] and message["adres"] == service["adres"]
    assert events == [SlotSet("contact_way", None)]

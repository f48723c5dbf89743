"""Page context (wijk, doelgroep) passes the boundary only when it is plain and non-personal."""

from __future__ import annotations

import asyncio

import pytest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from channels.redacting import RedactingBoundary, load_replies
from channels.screen import Screen
from redaction.page_context import page_context

KEYS = ("wijk", "doelgroep")


@pytest.mark.parametrize(
    ("metadata", "expected"),
    [
        ({"wijk": "Centrum", "doelgroep": "ouder"}, {"wijk": "Centrum", "doelgroep": "ouder"}),
        ({"wijk": "Oud-West"}, {"wijk": "Oud-West"}),
        ({"wijk": "  De   Hoven "}, {"wijk": "De Hoven"}),
        ({"wijk": "Centrum", "naam": "Fatima el Amrani"}, {"wijk": "Centrum"}),
        ({"wijk": "06-12345678"}, None),
        ({"wijk": "Fatima el Amrani"}, None),
        ({"wijk": "fatima@example.nl"}, None),
        ({"wijk": "<script>alert(1)</script>"}, None),
        ({"wijk": "x" * 200}, None),
        ({"wijk": 12}, None),
        ({}, None),
        (None, None),
        ("wijk=Centrum", None),
    ],
)
def test_only_plain_named_non_personal_values_pass(redactor, metadata, expected):
    assert page_context(metadata, KEYS, redactor) == expected


def test_boundary_passes_filtered_context_on_to_rasa(redactor):
    gate = RedactingBoundary(Screen(redactor, KEYS), 2000, load_replies())
    seen: list[object] = []

    async def on_new_message(message: UserMessage) -> None:
        seen.append(message.metadata)

    metadata = {"wijk": "Centrum", "telefoon": "0612345678", "doelgroep": "Jan de Vries"}
    message = UserMessage("/debt", CollectingOutputChannel(), "resident-1", metadata=metadata)
    asyncio.run(gate.handle(message, on_new_message))
    assert seen == [{"wijk": "Centrum"}]

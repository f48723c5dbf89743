"""The actions' services come from the composition root, never from a database opened on use."""

from __future__ import annotations

import pytest

from actions import context
from actions.privacy import privacy_services


def test_an_action_before_the_root_provided_its_services_fails_loudly() -> None:
    context.provide(None)
    with pytest.raises(RuntimeError, match="runtime.action_server"):
        privacy_services()


def test_the_actions_use_exactly_what_the_root_provided(privacy) -> None:  # noqa: ANN001
    assert privacy_services() is privacy
    assert context.current().services is privacy

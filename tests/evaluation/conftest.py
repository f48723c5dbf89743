"""Replies as the running assistant sends them: domain texts with the referral values filled in."""

from __future__ import annotations

import pytest
import yaml

from bot.referrals import load_referrals
from evaluation.reply_reader import ReplyReader
from settings.core import PROJECT_ROOT


class _Values(dict):
    def __missing__(self, key: str) -> str:
        return "iets"


@pytest.fixture(scope="session")
def reader() -> ReplyReader:
    return ReplyReader.for_project(load_referrals())


@pytest.fixture(scope="session")
def say():
    """say("utter_debt") -> the messages Rasa sends for that response, values filled in."""
    referrals = load_referrals()
    values = _Values({f"{key}_{field}": value for key, service in referrals.services.items()
                      for field, value in service.items()})
    domain = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))

    def render(*names: str, **extra: str) -> list[dict]:
        messages = []
        for name in names:
            variant = domain["responses"][name][0]
            message = {"text": variant["text"].format_map(_Values({**values, **extra}))}
            if variant.get("buttons"):
                message["buttons"] = variant["buttons"]
            messages.append(message)
        return messages

    return render

"""The help topics are one list: the domain's topic slot and the referral file agree with it."""

from __future__ import annotations

from bot.referrals import load_referrals
from bot.topics import HELP_TOPICS


def test_the_topic_slot_lists_the_help_topics(domain):
    assert tuple(domain["slots"]["help_topic"]["values"]) == HELP_TOPICS


def test_every_help_topic_has_a_service():
    assert set(load_referrals().topic_services) == set(HELP_TOPICS)

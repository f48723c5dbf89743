"""The help topics: the intents a resident is referred to a service for (bot/referrals.yml).

One list for every part that treats topics apart from the other intents - the dialogue's
suggestions, who-is-writing, the evaluations. domain.yml's ``help_topic`` slot lists the same
values; tests/bot/test_topics.py keeps the two equal.
"""

from __future__ import annotations

HELP_TOPICS: tuple[str, ...] = ("debt", "money_worries", "stress", "parenting", "loneliness",
                                "youth", "digital_help", "social_support")

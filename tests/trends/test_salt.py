"""The daily salt: stable within a day, unlinkable across days, never the sender id itself."""

from __future__ import annotations

from datetime import date

from trends.salt import HASH_CHARS, DailySalt

DAY = date(2026, 11, 30)


def test_same_sender_same_day_same_hash():
    salt = DailySalt()
    assert salt.conversation("resident-1", DAY) == salt.conversation("resident-1", DAY)
    assert salt.conversation("resident-1", DAY) != salt.conversation("resident-2", DAY)
    assert len(salt.conversation("resident-1", DAY)) == HASH_CHARS


def test_a_new_day_forgets_yesterdays_salt():
    salt = DailySalt()
    yesterday = salt.conversation("resident-1", DAY)
    today = salt.conversation("resident-1", date(2026, 12, 1))
    assert today != yesterday and salt.day == date(2026, 12, 1)
    # a late event from yesterday is not linked to yesterday's records any more
    assert salt.conversation("resident-1", DAY) != yesterday


def test_two_processes_never_share_a_salt():
    assert DailySalt().conversation("a", DAY) != DailySalt().conversation("a", DAY)


def test_hash_does_not_contain_the_sender():
    assert "resident" not in DailySalt().conversation("resident-1", DAY)

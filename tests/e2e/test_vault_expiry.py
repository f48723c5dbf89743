"""The vault forgets idle conversations by itself - no further message needed to trigger it."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from privacy.tables import vault_values
from tests.e2e.conftest import Assistant, open_privacy, running_system

pytestmark = pytest.mark.e2e
IDLE_MINUTES = 0.1  # six seconds
PURGE_SECONDS = 1


@pytest.fixture(scope="module")
def short_lived(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Assistant]:
    """A second system whose vault keeps values for seconds instead of half an hour."""
    with running_system(
        tmp_path_factory.mktemp("short-lived"),
        DH_PRIVACY_VAULT_IDLE_MINUTES=str(IDLE_MINUTES),
        DH_PRIVACY_PURGE_INTERVAL_SECONDS=str(PURGE_SECONDS),
    ) as running:
        yield running


def stored_rows(privacy, sender: str) -> int:
    """Rows on disk, read without the vault's own expiry (which would purge them itself)."""
    with privacy.engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(vault_values).where(
            vault_values.c.conversation == privacy.pseudonym(sender))).scalar_one()


def test_idle_values_are_deleted_after_the_idle_time(short_lived):
    sender = short_lived.new_sender()
    short_lived.say(sender, "ik ben Fatima el Amrani, bel me op 06-48392107")
    privacy = open_privacy(short_lived.settings)
    assert stored_rows(privacy, sender) == 2

    deadline = time.monotonic() + IDLE_MINUTES * 60 + 10 * PURGE_SECONDS + 20
    while stored_rows(privacy, sender) and time.monotonic() < deadline:
        time.sleep(PURGE_SECONDS)
    assert stored_rows(privacy, sender) == 0, "purged by the running system on its own"


def test_a_hand_off_after_expiry_shares_nothing(short_lived):
    sender = short_lived.new_sender()
    short_lived.say(sender, "ik heb schulden")
    short_lived.say(sender, "/affirm")
    short_lived.say(sender, "/request_callback")
    short_lived.say(sender, "ja")
    short_lived.say(sender, "ja")
    short_lived.say(sender, "telefoon")
    short_lived.say(sender, "06-48392107")
    short_lived.say(sender, "ochtend")
    time.sleep(IDLE_MINUTES * 60 + 3 * PURGE_SECONDS)
    replies = " ".join(r.get("text", "") for r in short_lived.say(sender, "ja"))
    assert "te lang geleden" in replies
    privacy = open_privacy(short_lived.settings)
    assert privacy.queue.for_conversation(privacy.pseudonym(sender)) == []

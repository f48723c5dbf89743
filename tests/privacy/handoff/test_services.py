"""Everything wired from the settings on one engine, with the retention enforced at start-up."""

from __future__ import annotations

import dataclasses
import stat
import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from privacy.cipher import DecryptionError
from privacy.clock import utc_now
from privacy.keys import KEY_ENV
from privacy.services import PrivacyServices, open_privacy_services
from privacy.settings import PrivacySettings, load_privacy_settings
from privacy.tables import handoffs, vault_values
from tests.privacy.handoff.backends import raw_leaks

SENDER = "whatsapp:+31612345678"
Opener = Callable[..., PrivacyServices]


@pytest.fixture
def settings(db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> PrivacySettings:
    monkeypatch.delenv(KEY_ENV, raising=False)
    return load_privacy_settings(
        env={"DH_DATA_DIR": str(tmp_path / "data"), "DH_PRIVACY_DATABASE_URL": db_url})


@pytest.fixture
def open_services(settings: PrivacySettings) -> Iterator[Opener]:
    """Opens services like a process starting up; every engine is disposed afterwards."""
    opened: list[PrivacyServices] = []

    def opener(**changes: object) -> PrivacyServices:
        services = open_privacy_services(dataclasses.replace(settings, **changes))
        opened.append(services)
        return services

    yield opener
    for services in opened:
        services.engine.dispose()


def test_one_engine_and_a_private_key_file_under_the_data_dir(
    open_services: Opener, settings: PrivacySettings, tmp_path: Path
) -> None:
    services = open_services()
    assert settings.key_file == tmp_path / "data" / "keys" / "privacy.key"
    assert stat.S_IMODE(settings.key_file.stat().st_mode) == 0o600
    for part in (services.vault, services.consents, services.deletions, services.queue):
        assert part._engine is services.engine  # type: ignore[attr-defined]


def test_values_survive_a_restart_and_stay_private(open_services: Opener) -> None:
    first = open_services()
    first.vault.number_for(SENDER, "PHONE_NUMBER", "06-12345678")
    consent = first.consents.record(
        conversation=first.pseudonym(SENDER), purpose="contact over je hulpvraag",
        recipient="wijkteam", data_categories=["telefoonnummer"], question="Mag het?",
        question_version="1", answer="given")
    handoff = first.queue.create(
        conversation=first.pseudonym(SENDER), team="wijkteam", topics=["stress"],
        contact_way="telefoon", contact="06-12345678", preferred_moment="ochtend",
        summary="Je wilt praten over stress.", consent_id=consent.id)
    first.engine.dispose()
    again = open_services()
    assert again.pseudonym(SENDER) == first.pseudonym(SENDER)
    assert again.vault.originals(SENDER) == {"<TELEFOONNUMMER_1>": "06-12345678"}
    assert again.vault.number_for(SENDER, "PHONE_NUMBER", "0612345678") == 1
    assert again.queue.get(handoff.id, reveal=True).contact == "06-12345678"
    assert again.consents.current_consent(again.pseudonym(SENDER)) == consent
    assert raw_leaks(again.engine, ["06-12345678", "0612345678", SENDER]) == []


def test_the_vault_and_the_queue_use_different_keys(open_services: Opener) -> None:
    services = open_services()
    services.vault.number_for(SENDER, "PHONE_NUMBER", "06-12345678")
    handoff = services.queue.create(
        conversation=services.pseudonym(SENDER), team="wijkteam", topics=["stress"],
        contact_way="telefoon", contact="06-87654321", preferred_moment="ochtend",
        summary="", consent_id="x")
    with services.engine.begin() as connection:  # a vault ciphertext put in the queue's place
        vault_token = connection.execute(select(vault_values.c.value_encrypted)).scalar_one()
        connection.execute(update(handoffs).values(contact_encrypted=vault_token))
    with pytest.raises(DecryptionError):
        services.queue.get(handoff.id, reveal=True)


def test_another_key_cannot_read_what_was_stored(
    open_services: Opener, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_services().vault.number_for(SENDER, "NL_BSN", "111222333")
    monkeypatch.setenv(KEY_ENV, "A" * 43 + "=")
    stranger = open_services()
    assert stranger.vault.originals(SENDER) == {}, "without the key the pseudonym differs too"


def test_idle_values_are_removed_at_start_up(open_services: Opener) -> None:
    services = open_services()
    services.vault.number_for("socket:oud", "PERSON", "Jan de Vries")
    services.vault.number_for("socket:oud", "PHONE_NUMBER", "06-12345678")
    services.vault.number_for("socket:recent", "PERSON", "Sanne Bakker")
    idle = services.settings.vault_idle_minutes * 60
    with services.engine.begin() as connection:  # the old conversation was last used long ago
        connection.execute(update(vault_values).where(
            vault_values.c.conversation == services.pseudonym("socket:oud")).values(
            last_used=time.time() - idle - 5))
    services.engine.dispose()
    restarted = open_services()
    with restarted.engine.connect() as connection:
        left = connection.execute(select(vault_values.c.conversation)).scalars().all()
    assert left == [restarted.pseudonym("socket:recent")]


def test_closed_hand_offs_past_the_retention_are_removed_at_start_up(
    open_services: Opener,
) -> None:
    services = open_services()
    ids = {}
    for name in ("old", "recent", "open"):
        ids[name] = services.queue.create(
            conversation="c" * 32, team="wijkteam", topics=["stress"], contact_way="e-mail",
            contact="sanne@voorbeeld.nl", preferred_moment="middag", summary="",
            consent_id="x").id
        services.queue.claim(ids[name], "anouk")
    services.queue.close(ids["old"], "anouk")
    services.queue.close(ids["recent"], "anouk")
    retention = timedelta(days=services.settings.handoff_retention_days)
    with services.engine.begin() as connection:
        connection.execute(update(handoffs).where(handoffs.c.id == ids["old"]).values(
            closed_at=utc_now() - retention - timedelta(minutes=1)))
    services.engine.dispose()
    restarted = open_services()
    assert restarted.queue.get(ids["old"]) is None
    assert restarted.queue.get(ids["recent"]) is not None
    assert restarted.queue.get(ids["open"]) is not None


def test_purge_reports_what_it_removed(open_services: Opener) -> None:
    services = open_services(vault_idle_minutes=0.0001)
    services.vault.number_for(SENDER, "PERSON", "Jan de Vries")
    time.sleep(0.05)
    assert services.purge() == {"vault_values": 1, "closed_handoffs": 0, "case_codes": 0,
                                "reveals": 0, "case_lookups": 0}


def test_start_up_refuses_a_key_file_others_can_read(
    open_services: Opener, settings: PrivacySettings
) -> None:
    open_services()
    settings.key_file.chmod(0o644)
    with pytest.raises(ValueError, match="chmod 600"):
        open_services()

"""Two Rasa instances on the production stores behind a round-robin proxy: every turn of a
conversation lands on the other instance, and the conversation, its consent and its vault
values still behave as on one instance. Skips when PostgreSQL or Redis does not answer."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy import create_engine, text

from benchmarks.load_balancer import BackgroundProxy
from privacy.services import open_privacy_services
from privacy.settings import load_privacy_settings
from tests.e2e.conftest import Assistant, free_port, texts
from tests.e2e.test_consent_handoff import (
    EMAIL,
    PHONE,
    consent_and_give_phone,
    start_callback_for_debt,
)
from tests.e2e.test_faults import supervised
from tests.e2e.test_production_profile import ADMIN_URL, require_services

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


@dataclass
class Balanced(Assistant):
    proxy_url: str = ""

    @property
    def rest_url(self) -> str:
        return f"{self.proxy_url}/webhooks/rest/webhook"


@pytest.fixture(scope="module")
def region(tmp_path_factory) -> Iterator[tuple[Balanced, BackgroundProxy, str]]:
    require_services()
    database = f"dh_test_{uuid.uuid4().hex[:10]}"
    try:
        with supervised(tmp_path_factory.mktemp("region"), PROFILE="production",
                        DH_PG_DATABASE=database) as (system, one):
            second = free_port()
            system.start_replica("rasa 2", second)
            backends = [f"http://{one.settings.host}:{port}"
                        for port in (one.settings.rasa_port, second)]
            with BackgroundProxy(backends, free_port()) as proxy:
                yield Balanced(one.settings, one.log_dir, one.portal_url, proxy.url), proxy, \
                    f"postgresql://postgres@127.0.0.1:5432/{database}"
    finally:
        admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT", future=True)
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
        admin.dispose()


def privacy(assistant: Assistant, url: str):
    return open_privacy_services(load_privacy_settings(env={
        "DH_DATA_DIR": str(assistant.settings.data_dir), "DH_PRIVACY_DATABASE_URL": url}))


def test_a_hand_off_alternating_instances_ends_with_one_hand_off(region):
    assistant, proxy, url = region
    before = dict(proxy.balancer.served)
    sender = assistant.new_sender()
    start_callback_for_debt(assistant, sender)
    assert "contact met je op" in texts(consent_and_give_phone(assistant, sender))
    served = [proxy.balancer.served[b] - before.get(b, 0) for b in proxy.balancer.backends]
    assert min(served) >= 4, served  # both instances took turns

    services = privacy(assistant, url)
    conversation = services.pseudonym(sender)
    (handoff,) = services.queue.for_conversation(conversation)
    assert services.queue.get(handoff.id, reveal=True).contact == PHONE
    (consent,) = services.consents.for_conversation(conversation)
    assert consent.answer == "given" and consent.id == handoff.consent_id


def test_consent_no_alternating_instances_empties_the_vault(region):
    assistant, _, url = region
    sender = assistant.new_sender()
    assistant.say(sender, f"ik ben Fatima el Amrani, mijn nummer is {PHONE}, mail {EMAIL}")
    assistant.say(sender, "ik heb schulden")
    assistant.say(sender, "/affirm")
    assistant.say(sender, "/request_callback")
    assistant.say(sender, "ja")
    assert "Ik geef niets door" in texts(assistant.say(sender, "nee"))
    services = privacy(assistant, url)
    assert services.vault.categories(sender) == []
    assert services.queue.for_conversation(services.pseudonym(sender)) == []

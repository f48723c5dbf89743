"""The vault on real SQLite and PostgreSQL: numbering, originals, encryption at rest, expiry."""

from __future__ import annotations

import hashlib
import random
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event, select, update
from sqlalchemy.engine import Engine

from privacy.cipher import DecryptionError
from privacy.keys import pseudonym
from privacy.tables import vault_values
from privacy.vault import Vault
from redaction.placeholder_store import InMemoryPlaceholderStore
from tests.privacy.handoff.backends import is_sqlite, raw_leaks, sqlite_file_bytes, stored_text
from tests.privacy.vault.conftest import IDLE_S, Clock, build_vault

SENDER = "whatsapp:+31612345678"

# (type, first spelling, same value spelled differently, another value of the type)
SPELLINGS = [
    ("PHONE_NUMBER", "06-12345678", "0612345678", "06 87654321"),
    ("PHONE_NUMBER", "020 - 555 12 34", "(020) 5551234", "010-1234567"),
    ("PERSON", "Fatima el Amrani", "fatima  El Amrani", "Jan de Vries"),
    ("NL_BSN", "1112.22.333", "111222333", "123456782"),
    ("EMAIL_ADDRESS", "Fatima.ElAmrani@Voorbeeld.nl", "fatima.elamrani@voorbeeld.nl",
     "jan.devries@ziggo.nl"),
    ("IBAN_CODE", "NL91 ABNA 0417 1643 00", "nl91abna0417164300", "NL20INGB0001234567"),
    ("NL_POSTCODE", "1234 AB", "1234ab", "3511 LX"),
]

PERSONAL = {
    "PERSON": "Fatima el Amrani",
    "PHONE_NUMBER": "06-12345678",
    "EMAIL_ADDRESS": "fatima.elamrani@voorbeeld.nl",
    "NL_BSN": "111222333",
    "IBAN_CODE": "NL91ABNA0417164300",
    "NL_ADDRESS": "Kerkstraat 12",
}


@pytest.mark.parametrize(("entity_type", "first", "variant", "other"), SPELLINGS)
def test_same_value_keeps_its_number_whatever_the_spelling(
    vault: Vault, entity_type: str, first: str, variant: str, other: str
) -> None:
    assert vault.number_for(SENDER, entity_type, first) == 1
    assert vault.number_for(SENDER, entity_type, other) == 2
    assert vault.number_for(SENDER, entity_type, variant) == 1
    assert vault.number_for(SENDER, entity_type, other) == 2


def test_numbering_is_per_type(vault: Vault) -> None:
    assert vault.number_for(SENDER, "PERSON", "Jan de Vries") == 1
    assert vault.number_for(SENDER, "PHONE_NUMBER", "06-12345678") == 1
    assert vault.number_for(SENDER, "PERSON", "Sanne Bakker") == 2
    assert vault.number_for(SENDER, "EMAIL_ADDRESS", "sanne@voorbeeld.nl") == 1
    assert vault.number_for(SENDER, "PHONE_NUMBER", "06-87654321") == 2


def test_conversations_are_independent(vault: Vault) -> None:
    assert vault.number_for("socket:aa11", "PERSON", "Jan de Vries") == 1
    assert vault.number_for("socket:aa11", "PERSON", "Sanne Bakker") == 2
    assert vault.number_for("socket:bb22", "PERSON", "Sanne Bakker") == 1
    assert vault.originals("socket:aa11") == {
        "<PERSOON_1>": "Jan de Vries", "<PERSOON_2>": "Sanne Bakker"}
    assert vault.originals("socket:bb22") == {"<PERSOON_1>": "Sanne Bakker"}
    assert vault.delete("socket:bb22") == 1
    assert vault.originals("socket:aa11") == {
        "<PERSOON_1>": "Jan de Vries", "<PERSOON_2>": "Sanne Bakker"}


def test_originals_maps_each_placeholder_to_the_first_spelling(vault: Vault) -> None:
    for entity_type, value in PERSONAL.items():
        vault.number_for(SENDER, entity_type, value)
    vault.number_for(SENDER, "PHONE_NUMBER", "0612345678")  # same number, other spelling
    vault.number_for(SENDER, "PERSON", "Mohammed Yilmaz")
    assert vault.originals(SENDER) == {
        "<PERSOON_1>": "Fatima el Amrani",
        "<PERSOON_2>": "Mohammed Yilmaz",
        "<TELEFOONNUMMER_1>": "06-12345678",
        "<EMAIL_1>": "fatima.elamrani@voorbeeld.nl",
        "<BSN_1>": "111222333",
        "<IBAN_1>": "NL91ABNA0417164300",
        "<ADRES_1>": "Kerkstraat 12",
    }
    assert vault.originals("telegram:unknown") == {}


def test_no_value_and_no_sender_id_is_readable_in_the_database(
    vault: Vault, engine: Engine, pseudonym_key: bytes
) -> None:
    for entity_type, value in PERSONAL.items():
        vault.number_for(SENDER, entity_type, value)
    secrets_ = [*PERSONAL.values(), "0612345678", "fatima el amrani", "elamrani", SENDER,
                "+31612345678"]
    assert raw_leaks(engine, secrets_) == []
    conversation = pseudonym(pseudonym_key, SENDER)
    assert conversation in stored_text(engine), "rows are kept under the keyed pseudonym"


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)  # raw file bytes: SQLite only
def test_the_sqlite_file_holds_no_plaintext_and_keeps_nothing_deleted(
    vault: Vault, engine: Engine
) -> None:
    assert is_sqlite(engine)
    for entity_type, value in PERSONAL.items():
        vault.number_for(SENDER, entity_type, value)
    raw = sqlite_file_bytes(engine)
    assert len(raw) > 0
    for value in [*PERSONAL.values(), "0612345678", SENDER]:
        assert value.encode() not in raw, value
    with engine.connect() as connection:
        tokens = connection.execute(select(vault_values.c.value_encrypted)).scalars().all()
    assert tokens and all(token.encode() in raw for token in tokens)
    vault.delete(SENDER)
    raw = sqlite_file_bytes(engine)
    assert [t for t in tokens if t.encode() in raw] == [], "secure_delete overwrites free pages"


@pytest.mark.parametrize(
    "target",
    ["other number", "other type", "other conversation"],
)
def test_a_ciphertext_moved_to_another_row_does_not_decrypt(
    vault: Vault, engine: Engine, pseudonym_key: bytes, target: str
) -> None:
    vault.number_for(SENDER, "PHONE_NUMBER", "06-12345678")
    vault.number_for(SENDER, "PHONE_NUMBER", "06-87654321")
    vault.number_for(SENDER, "PERSON", "Jan de Vries")
    vault.number_for("socket:other", "PHONE_NUMBER", "06-11112222")
    key = pseudonym_key
    source = (pseudonym(key, SENDER), "PHONE_NUMBER", 1)
    destination, victim = {
        "other number": ((pseudonym(key, SENDER), "PHONE_NUMBER", 2), SENDER),
        "other type": ((pseudonym(key, SENDER), "PERSON", 1), SENDER),
        "other conversation": ((pseudonym(key, "socket:other"), "PHONE_NUMBER", 1),
                               "socket:other"),
    }[target]
    with engine.begin() as connection:
        stolen = connection.execute(select(vault_values.c.value_encrypted).where(
            *_row(source))).scalar_one()
        connection.execute(update(vault_values).where(*_row(destination)).values(
            value_encrypted=stolen))
    with pytest.raises(DecryptionError):
        vault.originals(victim)


def _row(key: tuple[str, str, int]) -> list:
    conversation, entity_type, number = key
    return [vault_values.c.conversation == conversation,
            vault_values.c.entity_type == entity_type, vault_values.c.number == number]


def test_another_key_cannot_decrypt(engine: Engine, master: bytes, clock: Clock) -> None:
    build_vault(engine, master, clock).number_for(SENDER, "NL_BSN", "111222333")
    other = build_vault(engine, master, clock, cipher_master=bytes(32))
    with pytest.raises(DecryptionError):
        other.originals(SENDER)
    assert build_vault(engine, master, clock).originals(SENDER) == {"<BSN_1>": "111222333"}


@pytest.mark.parametrize(
    ("idle_for", "kept"),
    [(0.0, True), (IDLE_S - 1, True), (IDLE_S, True), (IDLE_S + 1, False), (7 * 86400, False)],
)
def test_values_expire_after_the_idle_time(
    vault: Vault, clock: Clock, idle_for: float, kept: bool
) -> None:
    vault.number_for(SENDER, "PHONE_NUMBER", "06-12345678")
    clock.now += idle_for
    assert vault.categories(SENDER) == (["PHONE_NUMBER"] if kept else [])
    assert vault.originals(SENDER) == ({"<TELEFOONNUMMER_1>": "06-12345678"} if kept else {})
    assert vault.number_for(SENDER, "PHONE_NUMBER", "06-87654321") == (2 if kept else 1)


def test_using_a_conversation_keeps_all_its_values(vault: Vault, clock: Clock) -> None:
    vault.number_for(SENDER, "PERSON", "Jan de Vries")
    clock.now += IDLE_S - 60
    vault.number_for(SENDER, "PHONE_NUMBER", "06-12345678")
    clock.now += IDLE_S - 60  # the name was stored long ago, but the conversation is active
    assert vault.originals(SENDER) == {
        "<PERSOON_1>": "Jan de Vries", "<TELEFOONNUMMER_1>": "06-12345678"}


def test_purge_expired_removes_only_idle_conversations(
    vault: Vault, engine: Engine, clock: Clock
) -> None:
    vault.number_for("socket:oud", "PERSON", "Jan de Vries")
    vault.number_for("socket:oud", "NL_BSN", "111222333")
    clock.now += IDLE_S / 2
    vault.number_for("socket:recent", "PERSON", "Sanne Bakker")
    clock.now += IDLE_S / 2 + 1
    assert vault.purge_expired() == 2
    assert vault.purge_expired() == 0
    assert vault.originals("socket:recent") == {"<PERSOON_1>": "Sanne Bakker"}
    with engine.connect() as connection:
        assert len(connection.execute(select(vault_values)).all()) == 1


def test_a_turn_touches_only_its_own_conversation(
    vault: Vault, engine: Engine, clock: Clock
) -> None:
    """Numbering a value reads and writes one conversation's rows; idle ones elsewhere are the
    purge's, so a turn does not scan the whole vault (and the purge still finds them)."""
    vault.number_for("socket:oud", "PERSON", "Jan de Vries")
    clock.now += IDLE_S + 1
    statements: list[str] = []
    event.listen(engine, "before_cursor_execute",
                 lambda conn, cursor, statement, *args: statements.append(statement))
    vault.number_for("socket:nieuw", "PERSON", "Sanne Bakker")
    assert statements and all("WHERE" in s for s in statements if not s.startswith("INSERT"))
    assert not any("GROUP BY" in s for s in statements)
    assert vault.purge_expired() == 1
    with engine.connect() as connection:
        assert len(connection.execute(select(vault_values)).all()) == 1


def test_delete_and_forget_remove_one_conversation_and_report_categories(vault: Vault) -> None:
    for entity_type, value in PERSONAL.items():
        vault.number_for(SENDER, entity_type, value)
    vault.number_for(SENDER, "PERSON", "Mohammed Yilmaz")
    vault.number_for("socket:ander", "PERSON", "Sanne Bakker")
    assert vault.categories(SENDER) == sorted(PERSONAL)
    assert vault.delete(SENDER) == len(PERSONAL) + 1
    assert vault.categories(SENDER) == []
    assert vault.originals(SENDER) == {}
    assert vault.delete(SENDER) == 0
    assert vault.categories("socket:ander") == ["PERSON"]
    vault.forget("socket:ander")
    assert vault.originals("socket:ander") == {}
    assert vault.number_for("socket:ander", "PERSON", "Jan de Vries") == 1


@pytest.mark.parametrize("threads", [2, 4])
def test_concurrent_numbering_never_hands_out_a_number_twice(
    engine: Engine, master: bytes, threads: int
) -> None:
    """Several workers (Rasa, action server) number one conversation's values at once."""
    shared = [f"06-{12345600 + i}" for i in range(12)]
    start = threading.Barrier(threads)

    def worker(seed: int) -> dict[str, int]:
        vault = build_vault(engine, master, clock=lambda: 1_800_000_000.0)
        values = shared + [f"06-{20000000 + seed * 100 + i}" for i in range(4)]
        random.Random(seed).shuffle(values)
        start.wait(timeout=30)
        return {value: vault.number_for(SENDER, "PHONE_NUMBER", value) for value in values}

    with ThreadPoolExecutor(threads) as pool:
        results = list(pool.map(worker, range(threads)))
    numbers: dict[str, int] = {}
    for result in results:
        for value, number in result.items():
            assert numbers.setdefault(value, number) == number, f"{value} got two numbers"
    assert sorted(numbers.values()) == list(range(1, len(numbers) + 1)), "gaps or duplicates"
    originals = build_vault(engine, master, clock=lambda: 1_800_000_000.0).originals(SENDER)
    assert originals == {f"<TELEFOONNUMMER_{n}>": value for value, n in numbers.items()}


VALUES = st.sampled_from(
    [("PERSON", "Jan de Vries"), ("PERSON", "jan  de vries"), ("PERSON", "Sanne Bakker"),
     ("PHONE_NUMBER", "06-12345678"), ("PHONE_NUMBER", "0612345678"),
     ("PHONE_NUMBER", "06 87654321"), ("NL_BSN", "111222333"), ("NL_BSN", "1112.22.333"),
     ("EMAIL_ADDRESS", "sanne@voorbeeld.nl")]
)


@settings(
    max_examples=25, deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],  # one conversation per example
)
@given(st.lists(VALUES, max_size=12))
def test_numbers_as_the_in_memory_store_does(vault: Vault, values: list[tuple[str, str]]) -> None:
    """The vault takes the in-memory store's place, so it must number exactly like it."""
    conversation = f"socket:{uuid.uuid4()}"  # every example its own conversation
    reference = InMemoryPlaceholderStore(idle_expiry_s=IDLE_S)
    for entity_type, value in values:
        assert vault.number_for(conversation, entity_type, value) == reference.number_for(
            conversation, entity_type, value)


def test_lookups_are_keyed_not_plain_hashes(vault: Vault, engine: Engine) -> None:
    """An unkeyed hash of a BSN or phone number is reversible by trying all of them."""
    vault.number_for(SENDER, "NL_BSN", "111222333")
    text = stored_text(engine)
    for digest in (hashlib.sha256(b"111222333").hexdigest(), hashlib.md5(b"111222333").hexdigest()):
        assert digest not in text


# Values that differ only by a dot or dash are different addresses: they must not share a
# placeholder, or a hand-off would carry the first one for both.
KNOWN_MERGES = [
    ("EMAIL_ADDRESS", "j.de.vries@ziggo.nl", "jde.vries@ziggo.nl"),
    ("EMAIL_ADDRESS", "j-devries@ziggo.nl", "jdevries@ziggo.nl"),
    ("URL", "https://voorbeeld.nl/a-b", "https://voorbeeld.nl/ab"),
]


@pytest.mark.parametrize(("entity_type", "first", "second"), KNOWN_MERGES)
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_distinct_addresses_keep_distinct_numbers(
    vault: Vault, entity_type: str, first: str, second: str
) -> None:
    assert vault.number_for(SENDER, entity_type, first) == 1
    assert vault.number_for(SENDER, entity_type, second) == 2

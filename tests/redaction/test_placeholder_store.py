import pytest

from redaction.placeholder_store import InMemoryPlaceholderStore, normalise_value


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(clock: Clock) -> InMemoryPlaceholderStore:
    return InMemoryPlaceholderStore(idle_expiry_s=60, clock=clock)


def test_same_value_same_number_other_value_next_number(store):
    assert store.number_for("c1", "PERSON", "Fatima el Amrani") == 1
    assert store.number_for("c1", "PERSON", "Kees") == 2
    assert store.number_for("c1", "PERSON", "fatima  el amrani") == 1
    assert store.number_for("c1", "PHONE_NUMBER", "06-12345678") == 1


def test_odd_separators_and_look_alike_digits_do_not_make_a_new_value(store):
    assert store.number_for("c1", "PHONE_NUMBER", "06 1234 5678") == 1
    assert store.number_for("c1", "PHONE_NUMBER", "06\u00a01234\u200b5678") == 1
    assert store.number_for("c1", "PHONE_NUMBER", "O6 l234 5678") == 1
    assert store.number_for("c1", "PERSON", "Fatima\u00a0el Am\u00adrani") == 1
    assert store.number_for("c1", "PERSON", "Fatima el Amrani") == 1


def test_numbering_is_per_conversation(store):
    store.number_for("c1", "PERSON", "Kees")
    assert store.number_for("c2", "PERSON", "Sanne") == 1


@pytest.mark.parametrize(
    ("entity_type", "a", "b"),
    [
        ("PHONE_NUMBER", "06-12 34 56 78", "0612345678"),
        ("IBAN_CODE", "nl91 abna 0417 1643 00", "NL91ABNA0417164300"),
        ("NL_BSN", "1234.56.782", "123456782"),
        ("PERSON", "Jan  de Vries", "jan de vries"),
    ],
)
def test_spelling_variants_are_one_value(entity_type, a, b):
    assert normalise_value(entity_type, a) == normalise_value(entity_type, b)


@pytest.mark.parametrize(
    ("entity_type", "a", "b"),
    [
        ("EMAIL_ADDRESS", "j.de.vries@ziggo.nl", "jde.vries@ziggo.nl"),
        ("URL", "https://voorbeeld.nl/a-b", "https://voorbeeld.nl/ab"),
        ("IP_ADDRESS", "10.0.0.1", "100.0.1"),
    ],
)
def test_a_dot_or_dash_tells_addresses_apart(entity_type, a, b):
    assert normalise_value(entity_type, a) != normalise_value(entity_type, b)


def test_forget_removes_the_conversation(store):
    store.number_for("c1", "PERSON", "Kees")
    store.forget("c1")
    assert len(store) == 0
    assert store.number_for("c1", "PERSON", "Sanne") == 1


def test_idle_conversations_expire(store, clock):
    store.number_for("old", "PERSON", "Kees")
    clock.now = 30
    store.number_for("recent", "PERSON", "Sanne")
    clock.now = 61
    assert len(store) == 1, "only the conversation idle for more than 60 s is gone"
    assert store.number_for("old", "PERSON", "Sanne") == 1

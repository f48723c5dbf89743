import pytest

from redaction.placeholders import LABELS, PLACEHOLDER, is_known_label, placeholder


@pytest.mark.parametrize("entity_type", sorted(LABELS))
def test_every_placeholder_parses_back_to_its_label(entity_type):
    match = PLACEHOLDER.fullmatch(placeholder(entity_type, 3))
    assert match and match["label"] == LABELS[entity_type] and match["number"] == "3"
    assert is_known_label(match["label"])


@pytest.mark.parametrize("text", ["<PERSOON>", "<persoon_1>", "<PERSOON_0>", "[PERSOON_1]"])
def test_other_shapes_are_not_placeholders(text):
    assert PLACEHOLDER.fullmatch(text) is None

import pytest

from redaction.recognizers import elf_proef, iban_checksum_ok, is_valid_iban


@pytest.mark.parametrize(
    "digits", ["123456782", "111222333", "725763863", "162275869", "34127884", "034127884"]
)
def test_elf_proef_accepts_valid_bsns(digits):
    assert elf_proef(digits)


@pytest.mark.parametrize(
    "digits",
    ["123456789", "447712782", "261973069", "000000000", "12345678", "1234567890", "12345678a", ""],
)
def test_elf_proef_rejects_invalid_or_malformed(digits):
    assert not elf_proef(digits)


@pytest.mark.parametrize(
    "iban",
    [
        "NL91ABNA0417164300",
        "nl91abna0417164300",
        "NL91 ABNA 0417 1643 00",
        "NL44RABO0123456789",
        "BE68539007547034",
        "DE89370400440532013000",
        "GB82 WEST 1234 5698 7654 32",
        "TR330006100519786457841326",
    ],
)
def test_valid_ibans(iban):
    assert iban_checksum_ok(iban) and is_valid_iban(iban)


@pytest.mark.parametrize(
    "iban",
    [
        "NL91ABNA0417164301",  # one digit off
        "NL19ABNA0417164300",  # check digits swapped
        "NL91ABNA041716430",  # too short for NL
        "NL91ABN10417164300",  # NL bank code must be four letters
        "XX91ABNA0417164300",  # unknown country
        "NL",
    ],
)
def test_invalid_ibans(iban):
    assert not is_valid_iban(iban)

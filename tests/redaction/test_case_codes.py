"""The case code's format: readable, self-checking, forgiving of the way residents type it."""

from __future__ import annotations

import itertools

import pytest

from redaction.case_codes import ALPHABET, canonical, check_symbol, looks_like_a_code, shown

BODY = "7QM4X2PD9TK"
CODE = shown(BODY + check_symbol(BODY))


@pytest.mark.parametrize("typed", [
    CODE, CODE.lower(), CODE.replace("-", ""), CODE.replace("-", " "), CODE.replace("-", "."),
    f" {CODE} ".strip(), CODE.replace("0", "O").replace("1", "I"),
])
def test_every_way_of_typing_a_code_gives_the_same_symbols(typed):
    assert canonical(typed) == BODY + check_symbol(BODY)


def test_a_code_is_shown_in_three_groups_of_four():
    assert len(CODE) == 14 and CODE.count("-") == 2 and all(len(g) == 4 for g in CODE.split("-"))


@pytest.mark.parametrize("body", [BODY, "0123456789A", "ZZZZZZZZZZ0"])
def test_every_single_symbol_typo_is_detected(body):
    symbols = body + check_symbol(body)
    for position, other in itertools.product(range(len(symbols)), ALPHABET):
        if other == symbols[position]:
            continue
        typo = symbols[:position] + other + symbols[position + 1:]
        assert canonical(typo) is None, typo


@pytest.mark.parametrize("body", [BODY, "0123456789A", "ZZZZZZZZZZ0", "M0M0M0M0M0M"])
def test_swapping_any_two_different_symbols_is_detected(body):
    symbols = body + check_symbol(body)
    for first, second in itertools.combinations(range(len(symbols)), 2):
        a, b = symbols[first], symbols[second]
        if a != b:
            swapped = list(symbols)
            swapped[first], swapped[second] = b, a
            assert canonical("".join(swapped)) is None, "".join(swapped)


@pytest.mark.parametrize("typed", ["7QM4X2PD9TK", CODE + "7", "7QM4-X2PD-9T!3", ""])
def test_wrong_length_or_symbols_are_no_code(typed):
    assert canonical(typed) is None


@pytest.mark.parametrize(("typed", "expected"), [
    (CODE, True), ("heel veel pijn", False), ("ABCD-EFGH-JK12", True), ("2024-1182-3301", False),
])
def test_a_code_has_digits_and_letters(typed, expected):
    assert looks_like_a_code(typed) is expected


@pytest.mark.parametrize(("text", "expected"), [
    (f"ik wil mijn aanvraag intrekken {CODE}", "ik wil mijn aanvraag intrekken <ZAAKCODE_1>"),
    (f"mijn gegevens inzien, code {CODE.lower().replace('-', ' ')}",
     "mijn gegevens inzien, code <ZAAKCODE_1>"),
    (f"{CODE.replace('-', '')}", "<ZAAKCODE_1>"),
    (f"zaakcode: {CODE.replace('0', 'O')} en bel me op 06-12345678",
     "zaakcode: <ZAAKCODE_1> en bel me op <TELEFOONNUMMER_1>"),
])
def test_the_redactor_hides_a_typed_code_however_it_is_spelled(redactor, text, expected):
    assert redactor.redact(text)[0] == expected

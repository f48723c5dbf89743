"""The case code's format: what the hand-off hands out and what the redactor must recognise.

A case code lets a resident come back to a consented hand-off in a later chat (look at what is
stored, withdraw it) without an account. It is 11 random symbols of Crockford's base-32
alphabet (no I, L, O or U: nothing to misread) and one check symbol, shown as ``7QM4-X2PD-9TK3``.
The check symbol makes a typed code recognisable - and a mistyped one detectable - without any
look-up, so the redactor can hide it before Rasa sees the message. Residents may type it in
lower case, without dashes, with spaces, or with O for 0 and I/L for 1.
"""

from __future__ import annotations

import re

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
BODY_LENGTH = 11
GROUP = 4
_MISREAD = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})
# Three groups of four, with one optional dash, dot or space between them.
PATTERN = re.compile(r"(?<![\w-])[0-9A-Za-z]{4}[-. ]?[0-9A-Za-z]{4}[-. ]?[0-9A-Za-z]{4}(?![\w-])")


_FIELD = 0b100101  # x^5 + x^2 + 1: GF(32), one element per symbol of the alphabet


def _times(a: int, b: int) -> int:
    product = 0
    while b:
        if b & 1:
            product ^= a
        b >>= 1
        a <<= 1
        if a & 0b100000:
            a ^= _FIELD
    return product


def check_symbol(body: str) -> str:
    """A weighted parity in GF(32): each position has its own non-zero weight (powers of x), so
    every single mistyped symbol and every swap of two different symbols changes it - a plain
    sum modulo 32 would miss some of both."""
    total, weight = 0, 1
    for symbol in body:
        weight = _times(weight, 2)
        total ^= _times(weight, ALPHABET.index(symbol))
    return ALPHABET[total]


def canonical(typed: str) -> str | None:
    """The twelve symbols of a well-formed code, or None (wrong length, symbol or check)."""
    symbols = re.sub(r"[-. ]", "", typed.upper()).translate(_MISREAD)
    if len(symbols) != BODY_LENGTH + 1 or any(s not in ALPHABET for s in symbols):
        return None
    return symbols if check_symbol(symbols[:-1]) == symbols[-1] else None


def shown(symbols: str) -> str:
    """``7QM4X2PD9TK3`` → ``7QM4-X2PD-9TK3``: groups of four are easy to read out and copy."""
    return "-".join(symbols[i:i + GROUP] for i in range(0, len(symbols), GROUP))


def looks_like_a_code(typed: str) -> bool:
    """Two digits and two letters at least: every code handed out has them, words do not."""
    return sum(c.isdigit() for c in typed) >= 2 and sum(c.isalpha() for c in typed) >= 2

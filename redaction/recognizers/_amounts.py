"""Whether a number in a text is a sum of money: the number recognizers must not redact those."""

from __future__ import annotations

import regex as re

_AMOUNT_BEFORE = re.compile(r"(?:€|eur|euro)\s*$", re.IGNORECASE)
_AMOUNT_AFTER = re.compile(r"\s*(?:€|euro|eur\b|,-|,\d{2}\b)", re.IGNORECASE)


def is_amount(text: str, start: int, end: int) -> bool:
    """ "€ 450", "3000 euro", "1250,-": the number at ``text[start:end]`` is money."""
    return bool(
        _AMOUNT_BEFORE.search(text[max(0, start - 8) : start]) or _AMOUNT_AFTER.match(text, end)
    )

"""Spellings residents mix that say nothing about the meaning, folded alike in word lists and
messages: the language check's words (``bot.languages``) and the learned check for other
languages (``bot.foreign_safety``) must read the same letters."""

from __future__ import annotations

import re


def _ranges(*pairs: tuple[int, int, int]) -> dict[int, str]:
    return {src + i: chr(dst + i) for src, dst, n in pairs for i in range(n)}


# Spellings residents mix that say nothing about the meaning, folded in the words and in the
# message alike (after ``bot.safety.normalise``): Turkish dotless i and Polish ł typed as i and l;
# Arabic and Persian letter forms (ي ى ی, ك ک, ة ه), tatweel and the Persian half-space; Ge'ez
# letters Tigrinya writers interchange (አ ዐ ኣ, ሐ ኀ ሀ, ሠ ሰ, ፀ ጸ, ቐ ቀ); apostrophes (б’є, bʼye)
# and hyphens ("is-dil", "self-harm").
_FOLD = {
    ord("ı"): "i", ord("ł"): "l", ord("\u064a"): "\u06cc", ord("\u0649"): "\u06cc",
    ord("\u0643"): "\u06a9", ord("\u0629"): "\u0647", ord("\u0640"): "", ord("\u200c"): " ",
    ord("\u200d"): "", ord("’"): "'", ord("ʼ"): "'", ord("`"): "'", ord("‘"): "'", ord("-"): " ",
    ord("\u2010"): " ", ord("\u12a0"): "\u12a3", ord("\u12d0"): "\u12a3",
    **_ranges((0x12D1, 0x12A1, 7), (0x1210, 0x1200, 8), (0x1280, 0x1200, 8),
              (0x1220, 0x1230, 8), (0x1340, 0x1338, 8), (0x1250, 0x1240, 7)),
}
# Persian "mi-" and "nemi-" written apart, with a half-space or joined: "می خوام" → "میخوام".
_PERSIAN_MI = re.compile(r"(?<!\w)(ن?می) (?=\w)")


def fold(plain: str) -> str:
    """A normalised message or word with the spelling variants above folded together."""
    return _PERSIAN_MI.sub(r"\1", " ".join(plain.translate(_FOLD).split()))

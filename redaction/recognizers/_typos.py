"""Residents' typos: a word one edit away from a frequent word is that word, not a name.

Shared by the person recognizers ("zitte", "wachtwoort", "husbnd" are misspellings, not names).
Dutch writers also swap "ei" and "ij", which sound the same ("zekerhijd", "mein"): that swap
counts as one edit too.
"""

from __future__ import annotations

from redaction.recognizers._lexicon import first_names, word_counts

TYPO_SOURCE_MIN_COUNT = 1000
TYPO_MAX_LENGTH = 24  # longer "words" are not typed words; and the candidates grow with length
DUTCH_ALPHABET = "abcdefghijklmnopqrstuvwxyzéëïöü"
_SAME_SOUND = (("ij", "ei"), ("ei", "ij"))


def one_edit_variants(low: str, alphabet: str) -> set[str]:
    """Every word one edit from ``low``: a letter dropped, two swapped, changed or added."""
    splits = [(low[:i], low[i:]) for i in range(len(low) + 1)]
    variants = {a + b[1:] for a, b in splits if b}
    variants |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    variants |= {a + c + b[1:] for a, b in splits if b for c in alphabet}
    variants |= {a + c + b for a, b in splits for c in alphabet}
    variants.discard(low)
    return variants


def same_sound_variants(low: str) -> set[str]:
    """ "zekerhijd" -> "zekerheid": one "ij" written as "ei" or the other way round."""
    variants = set()
    for written, meant in _SAME_SOUND:
        start = low.find(written)
        while start >= 0:
            variants.add(low[:start] + meant + low[start + len(written):])
            start = low.find(written, start + 1)
    return variants


def is_typo_of_frequent_word(word: str) -> bool:
    """One edit (drop, swap, change, add a letter; ei for ij) away from a frequent Dutch word.

    First names are never typos here: "noor" is one letter from "door", and still a name.
    """
    low = word.lower()
    if low in first_names() or not 4 <= len(low) <= TYPO_MAX_LENGTH:
        return False
    counts = word_counts()
    candidates = one_edit_variants(low, DUTCH_ALPHABET) | same_sound_variants(low)
    return any(counts.get(c, 0) >= TYPO_SOURCE_MIN_COUNT for c in candidates)

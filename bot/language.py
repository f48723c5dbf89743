"""Checks on the assistant's texts (Dutch, English): plain language (B1), no decision language."""

from __future__ import annotations

import re

import textstat

from bot.language_id import DUTCH, ENGLISH, text_language

# Texts a resident can act on must be readable at B1. Flesch–Douma (the Dutch adaptation of
# Flesch Reading Ease: 206.835 − 0.93·words/sentence − 77·syllables/word) of 60 or more is
# "normaal"/"vrij makkelijk": short sentences with mostly one- and two-syllable words, what
# B1 guidance (Direct Duidelijk, Stichting Makkelijk Lezen) asks for. We require 60 for every
# response and 70 on average, so the set as a whole reads easier than the minimum.
MIN_DOUMA_PER_TEXT = 60.0
MIN_DOUMA_MEAN = 70.0
# English texts: Flesch Reading Ease (206.835 − 1.015·words/sentence − 84.6·syllables/word) of 60
# or more is "plain English" (what B1 guidance asks for); English B1 texts score higher than
# Dutch ones on their scale, so the set as a whole must reach 80 on average.
MIN_EASE_EN_PER_TEXT = 60.0
MIN_EASE_EN_MEAN = 80.0
# Per language of the assistant's texts: (minimum per text, minimum on average).
MIN_READING_EASE = {DUTCH: (MIN_DOUMA_PER_TEXT, MIN_DOUMA_MEAN),
                    ENGLISH: (MIN_EASE_EN_PER_TEXT, MIN_EASE_EN_MEAN)}

# Phrases that grant, refuse or promise a provision. The assistant informs and refers; a person
# at the municipality decides (privacy requirements §7).
DECISION_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\b(je|u|jij) (krijgt|ontvangt)\b",
        r"\bdan (krijg|ontvang) (je|jij|u)\b",
        r"\b(heb|hebt|heeft) (je|jij|u) recht op\b",
        r"\b(je|jij|u) (hebt|heeft) recht op\b",
        r"\b(toegekend|goedgekeurd|afgewezen|geweigerd|toegewezen)\b",
        r"\b(kom|komt) (je|jij|u) (zeker |wel |niet )?in aanmerking\b",
        r"\b(je|jij|u) (komt|kom) (zeker |wel |niet )?in aanmerking\b",
        r"\bwordt (vergoed|betaald|uitbetaald)\b",
        r"\b(wij|we|ik) (betalen|betaal|regelen|regel|keuren|keur)\b",
        r"\b(beloof|beloven|gegarandeerd|garantie)\b",
        r"\bkwijtschelding (is|wordt) verleend\b",
        # English: the same promises in the words an English text would use.
        r"\byou(?:'ll| will)? (get|receive)\b",
        r"\byou(?:'re| are| will be)? entitled to\b",
        r"\byou (have|'ve got|have got) (a |the )?right to\b",
        r"\b(approved|granted|rejected|refused|denied|awarded)\b",
        r"\byou (will |do |don't |do not )?(qualify|are eligible|are not eligible)\b",
        r"\b(is|are|will be) (reimbursed|paid for|paid out|covered)\b",
        r"\b(we|i) (will |'ll )?(pay|arrange|approve)\b",
        r"\b(promise|promised|guaranteed|guarantee)\b",
    )
)

_NOT_WORDS = re.compile(
    r"https?://\S+|www\.\S+|\S+@\S+|\b\d[\d\s-]{2,}\d\b|\d+[.:]\d+|[•()]"
)


def decision_phrases(text: str) -> list[str]:
    """The decision phrases in a text (empty when it only informs)."""
    return [m.group(0) for p in DECISION_PATTERNS for m in p.finditer(text)]


def flesch_douma(text: str) -> float:
    """Flesch–Douma score, after removing URLs, e-mail addresses, numbers and bullets."""
    return _reading_ease(text, DUTCH)


def reading_ease(text: str, language: str) -> float:
    """The reading-ease score suited to the text's language: Flesch–Douma for Dutch, Flesch
    Reading Ease for English (textstat's English syllable rules)."""
    return _reading_ease(text, text_language(language))


def _reading_ease(text: str, language: str) -> float:
    textstat.set_lang(language)
    plain = _NOT_WORDS.sub(" ", text)
    plain = re.sub(r"\n+", ". ", plain)
    return float(textstat.flesch_reading_ease(plain))

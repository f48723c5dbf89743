"""Which language a resident writes in - Dutch whenever there is doubt.

Read at the boundary on the original words, in memory (``channels.screen``); only the language
code travels on, as a non-personal signal. Misreading a Dutch resident as a foreigner costs more
than the reverse (they would get a short multilingual answer instead of help), so Dutch wins
unless the message is clearly another language: a script of its own (Arabic, Cyrillic, Ge'ez),
Arabic typed in Latin letters with digits ("ana 3andi mushkila"), or - with no Dutch function
word in it - the detector (lingua, models shipped in the wheel, nothing downloaded) sure enough:
fairly sure of a message of ``min_words`` words or more, nearly certain of a shorter one; where it
is not, a message in Latin letters goes to the reader learned from residents' messages
(``bot.latin_language``: English with Dutch place names, Russian or Tigrinya typed in Latin).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

from bot.transliterate import OWN_SCRIPT_LANGUAGES, latin_script

DUTCH = "nl"
ENGLISH = "en"
# The languages the assistant's own texts are written in (domain.yml, the data files); a resident
# in any other language gets the short answer of bot/languages.yml, and Dutch texts otherwise.
TEXT_LANGUAGES = (DUTCH, ENGLISH)
# The boundary's signal to Rasa: the message's language when the boundary is sure of it (also
# "nl" for a clearly Dutch message); absent when in doubt, so the conversation keeps its language.
METADATA_LANGUAGE = "language"
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_GEEZ = re.compile(r"[\u1200-\u139F\u2D80-\u2DDF]")
# Arabizi: Arabic sounds written with digits inside a word ("3andi", "ma3reftsh", "b9itsh");
# not a Dutch ordinal ("2de", "3e") or a unit ("5g").
_ARABIZI = re.compile(r"(?<![\w])(?:[a-z]+[2379][a-z]+|[2379][a-z]{3,})(?![\w])")
_CODE = re.compile(r"\b(?=\w*\d)(?=\w*[^\W\d_])\w+\b")  # letters and digits mixed
# Groups joined by hyphens with a digit among them - a case code "Z98R-KW9T-DAAQ", a plate, a date,
# a phone number - are no words either, and no Arabizi: "kw9t" read as Arabic answered a
# resident's case code in Arabic one time in four.
_GROUPED_CODE = re.compile(r"(?<![\w-])(?=[\w-]*\d)[^\W_]+(?:-[^\W_]+)+(?![\w-])")
# An e-mail address, a web address or a handle is no word of any language either: a form answer
# "r.verbeek@example.com" read as English and switched the rest of a Dutch hand-off to English.
_ADDRESS = re.compile(r"\S+@\S+|\b(?:https?://|www\.)\S+|\b\S+\.(?:com|nl|org|net|eu)\b\S*",
                      re.IGNORECASE)
# Words that make a message Dutch whatever else is in it: "ik heb echt no idea", "salam, ik heb
# een vraag". The most frequent Dutch function words, none of them a word in the other languages.
DUTCH_FUNCTION_WORDS = frozenset(
    "ik jij zij hij het een niet bent heb hebt heeft hebben mijn mn m'n wat hoe waar wie "
    "waarom wanneer kun kunt kunnen wil wilt willen moet moeten mag mogen met voor naar uit "
    "dat deze dit maar ook nog geen niks niets graag alsjeblieft dank bedankt hallo hoi "
    "goedemorgen goedemiddag hulp nee weet weten gaat doen mij mijzelf jullie onze zijn bij "
    "wel van belt bellen terug ff effe echt heel nu hier daar omdat weer toch gewoon "
    "oke oké doei anoniem iemand niemand alles wordt worden zou zal gaan ga kom komt zeg "
    "zegt vind vindt denk".split()
)  # not "de", "en", "ze", "ja", "is", "me", "we", "die", "aan", "kan", "want", "even":
#   words of the other languages too; nor "ben" and "bel" (Turkish "I" and "waist")
# English words that make a message English when a look-alike language (bot/languages.yml) is
# the detector's first guess; none of them a word of those languages. Compared with _WORD's
# letter runs, so "don't" arrives as "don" + "t": only apostrophe-free forms can match.
ENGLISH_FUNCTION_WORDS = frozenset(
    "i im you u r are is am my me the a an and to do dont can cant want "
    "not have has what how please pls this that it with for of your human bot".split())
# Dutch words an English-speaking resident also types ("hallo", "oke", "dank"): not enough to
# switch a conversation back to Dutch.
_DUTCH_COURTESIES = frozenset(
    "hallo hoi goedemorgen goedemiddag graag alsjeblieft dank bedankt oke oké doei hulp".split())
CLEARLY_DUTCH_WORDS = 2  # distinct Dutch function words that make a message clearly Dutch


def without_codes(text: str) -> str:
    """The message without case codes, plates, dates and addresses: they are no words of any
    language, and their letters once read as Arabizi crisis words (a case code got the Arabic
    safety answer). Mixed words stay: Arabizi ("3andi") is written that way."""
    return _ADDRESS.sub(" ", _GROUPED_CODE.sub(" ", text))


def text_language(code: object) -> str:
    """The language of the assistant's texts for a language code (a slot value, the boundary's
    signal): English for "en", Dutch for anything else - the one place this is decided."""
    return ENGLISH if code == ENGLISH else DUTCH


class LanguageIdentifier:
    """``identify(text)`` → an ISO 639-1 code of ``languages`` (Dutch when unsure)."""

    def __init__(
        self, languages: Collection[str], min_words: int = 3, min_confidence: float = 0.6,
        short_confidence: float = 1.01, neutral_words: Collection[str] = (),
        low_accuracy: bool = True, detector: Any = None, look_alikes: Collection[str] = (),
        learned: Any = None,
    ) -> None:
        self.low_accuracy = low_accuracy
        self.languages = frozenset(languages) | {DUTCH}
        # Known to the detector, never returned: a message in one of them is "unsure" (Dutch).
        self.look_alikes = frozenset(look_alikes) - self.languages
        # Greetings and thanks Dutch residents use from other languages ("salaam", "tamam"):
        # a message of only these is no sign of another language.
        self.neutral_words = frozenset(neutral_words)
        self.min_words = min_words
        self.min_confidence = min_confidence
        self.short_confidence = short_confidence
        self._detector = detector  # built on first use: lingua takes seconds to load
        # Asked where the detector leaves the message Dutch for want of certainty
        # (``bot.latin_language``: ``language(text)`` → a code or None).
        self._learned = learned

    def identify(self, text: str) -> str:
        # A case code, a plate or a postcode ("7QM4X2PD9TK3") is no word of any language: its
        # letters alone once read as English and got an English welcome.
        text = without_codes(text)
        plain = _CODE.sub(" ", text)
        words = _WORD.findall(plain.lower())
        if not words:
            return DUTCH
        script = self._by_script(text)
        if script is not None:
            return script
        if self.has_dutch_words(text):
            return DUTCH
        learned = self._learned_language(plain)
        if learned in OWN_SCRIPT_LANGUAGES:
            # Arabic, Farsi, Russian, Ukrainian or Tigrinya in Latin letters: the detector has no
            # model of them ("papa bjet mamu" read as Dutch, "meni duzhe samotnio tut" as
            # Polish), so its answer, however sure, must not win (dev lang_blind_8: 83 -> 92 %).
            return learned
        if "ar" in self.languages and _ARABIZI.search(text.lower()):
            return "ar"
        ranked = self._ranked(plain)
        served = [(c, value) for c, value in ranked if c not in self.look_alikes]
        if not served:
            return learned or DUTCH
        code, confidence = served[0]
        if ranked[0][0] in self.look_alikes and not (
                code == ENGLISH and set(words) & ENGLISH_FUNCTION_WORDS):
            # Portuguese "quarenta e cinco" is no English; "r u human" is (short messages fool
            # the detector's trigrams, English function words do not).
            return learned or DUTCH
        # How sure among the languages served: a look-alike's share does not count against it.
        confidence = confidence / (sum(value for _, value in served) or 1.0)
        needed = self.min_confidence if len(words) >= self.min_words else self.short_confidence
        if code in self.languages and code != DUTCH and confidence >= needed:
            return code
        return learned or DUTCH

    def _learned_language(self, text: str) -> str | None:
        """The learned reader's language for a message in Latin letters, None when unsure. Not
        for one word: a Dutch compound ("gokschulden", "huurachterstand") is as often read as
        another language as not."""
        if self._learned is None or not latin_script(text) or len(_WORD.findall(text)) < 2:
            return None
        code = self._learned.language(text)
        return code if code in self.languages else None

    def has_dutch_words(self, text: str) -> bool:
        """A Dutch function word, or only greetings residents use in Dutch chat."""
        words = _WORD.findall(text.lower())
        return any(w in DUTCH_FUNCTION_WORDS for w in words) or (
            bool(words) and all(w in self.neutral_words for w in words))

    def clearly_dutch(self, text: str) -> bool:
        """Sure enough to switch a conversation (back) to Dutch: two Dutch function words
        that are not courtesies ("ik heb schulden"), not one word an English speaker also uses."""
        words = set(_WORD.findall(text.lower())) & DUTCH_FUNCTION_WORDS
        return len(words - _DUTCH_COURTESIES) >= CLEARLY_DUTCH_WORDS

    def _by_script(self, text: str) -> str | None:
        """Arabic, Cyrillic or Ge'ez letters decide the family; the detector the language."""
        letters = sum(ch.isalpha() for ch in text) or 1
        for pattern, family in ((_ARABIC, ("ar", "fa")), (_CYRILLIC, ("uk", "ru")),
                                (_GEEZ, ("ti",))):
            if len(pattern.findall(text)) / letters < 0.5:
                continue
            candidates = [c for c in family if c in self.languages]
            if not candidates:
                return None
            if len(candidates) == 1:
                return candidates[0]
            ranked = [code for code, _ in self._ranked(text) if code in candidates]
            return ranked[0] if ranked else candidates[0]
        return None

    def _ranked(self, text: str) -> list[tuple[str, float]]:
        detector = self._built()
        return [(value.language.iso_code_639_1.name.lower(), value.value)
                for value in detector.compute_language_confidence_values(text)]

    def _built(self) -> Any:
        if self._detector is None:
            from lingua import IsoCode639_1, LanguageDetectorBuilder

            codes = [getattr(IsoCode639_1, c.upper())
                     for c in sorted(self.languages | self.look_alikes)
                     if hasattr(IsoCode639_1, c.upper())]
            builder = LanguageDetectorBuilder.from_iso_codes_639_1(*codes)
            # Trigrams only: 12 MiB instead of 160 for nine languages, in a worker that holds
            # the redactor already; short messages stay Dutch anyway (short_confidence).
            if self.low_accuracy:
                builder = builder.with_low_accuracy_mode()
            self._detector = builder.build()
        return self._detector

"""PERSON from the project's trained Dutch NER, minus spans that are plainly not names.

A small NER trained on synthetic chat text also fires on ordinary lowercase words ("reageert",
"verder", "ouderen", "klantnummer") and on brands ("Netflix"), numbers ("2593 BS Den Haag",
"Dorpsweg 3") and e-mail labels. A span is kept when one of its words is evidence of a name: a
first name that is not a plain word, or a word that is not Dutch at all (inflections and
compounds of spaCy's lemma index count as Dutch). Spans of plain words only count when
capitalised mid-sentence and on a name list, but not right after an article ("de Dirk" is a
supermarket). Names residents type in lowercase are still caught by ``NlPersonRecognizer``'s
triggers ("ik ben sanne"), so the NER may be strict here.

Residents also write English ("how can I get help with debts?", "'mark as read'"). The NER only
knows Dutch and reads unknown English words as names; in an English message only words on a name
list count as evidence, and a lowercase name-list word right before an English-only function word
("mark as read") is English. A lowercase word right before a postcode is its label ("postcd 2651
CZ"), and a place right after "in/bij/naar/uit" is the place even when it is also a surname ("bij
haarlem").
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from pathlib import Path

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import SpacyRecognizer

from redaction.number_words import number_word_value
from redaction.recognizers import _lexicon, _places, _typos
from redaction.recognizers._ner_edges import (
    _FROM_WORDS,
    _GREETINGS,
    _PREPOSITION_PARTICLES,
    _TITLES,
    role_words,
    whole_words,
)
from redaction.wordlists import read_term_file

_WORD = re.compile(r"\w+", re.UNICODE)
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|\n)\W*$")
_NOT_A_NAME = re.compile(r"[\d@/<>_]|://|www\.", re.IGNORECASE)
# "t.n.v.", "t.a.v.", "tnv" at the start of a span: who a payment or letter is addressed to.
_ADDRESSED_TO = re.compile(r"t\.?\s?[na]\.?\s?v\.?\s+", re.IGNORECASE)
_ARTICLE_BEFORE = re.compile(r"(?:^|\s)(?:de|het|een)\s+$")
# "2593 BS Den Haag": the span starts with the letters of a postcode.
_POSTCODE_BEFORE = re.compile(r"(?<![\w-])[1-9]\d{3}\s?$")
_HOUSE_NUMBER_BEFORE = re.compile(r"\d[\w-]*(?:\s+(?:boven|beneden|hs|bg))?\s*,\s*$", re.IGNORECASE)
_POSTCODE_AND_LETTERS_BEFORE = re.compile(r"(?<![\w-])[1-9]\d{3}\s?[A-Za-z]{2},?\s+$")
# "Oude Gracht 201", "Dorpsweg 3": a street name followed by its house number.
_STREET_WORD = re.compile(r"(?:straat|laan|weg|plein|gracht|kade|singel|dreef|steeg|dijk)$")
_HOUSE_NUMBER_AFTER = re.compile(r"\s+[1-9]\d{0,4}(?!\d)")
# Four letters or more without a vowel: keyboard mash ("qwrtz", "bzzk"), not a name ("Ng" is).
_NO_VOWEL = re.compile(r"[^\Waeiouyàáâäèéêëìíîïòóôöùúûü\d_]{4,}", re.IGNORECASE)
# A postcode or a phone number right after a word: "postcd 2651 CZ", "telefoonnr +31 6 ...".
_NUMBER_AFTER = re.compile(
    r"\s*:?\s*(?:[1-9]\d{3}\s?[A-Za-z]{2}(?!\w)|[+(]?\d[\d\s().-]{7,}|[A-Za-z]{2}\d{2}\s?[A-Za-z]{4})"
)
_NEXT_WORD = re.compile(r"\W*?(\w[\w']*)")
_WORD_WITH_APOSTROPHE = re.compile(r"\w[\w']*")
# A span is cut between words, never inside one: "eighty-six" stays whole.
_WORD_IN_SPAN = re.compile(r"\w[\w'’-]*")
# An English message: at least this many English-only function words, and this share of words.
_ENGLISH_MIN_WORDS = 3
_ENGLISH_SHARE = 0.3
# English function words that are also common Dutch words ("via", "per", "last", "been", "put").
_DUTCH_HOMOGRAPHS = frozenset("via per top last been show put a he hem mine".split())


class NlNerPersonRecognizer(SpacyRecognizer):
    """The NER's PERSON spans, filtered against Dutch word, name, place and keep-term lists."""

    def __init__(
        self,
        supported_language: str = "nl",
        keep_place_names: bool = True,
        keep_terms_file: str | None = None,
        extra_keep_terms: Iterable[str] = (),
    ) -> None:
        super().__init__(supported_language=supported_language, supported_entities=["PERSON"])
        self._first = _lexicon.first_names()
        self._names = self._first | _lexicon.surnames()
        self._ordinary = _lexicon.ordinary_words()
        self._function_words = _lexicon.function_words()
        # Function words and name particles ("van", "el", "ter"): never the edge of a name.
        self._particles = self._function_words | {
            i for i in _lexicon.interfixes() if " " not in i and not i.endswith(".")
        }
        self._places = _lexicon.place_names() if keep_place_names else frozenset()
        self._countries = read_term_file(_lexicon.DATA_DIR / "countries.txt")
        labels = sorted(read_term_file(_lexicon.DATA_DIR / "place_labels.txt"), key=len)
        alternatives = "|".join(map(re.escape, reversed(labels)))
        self._place_label = re.compile(
            rf"(?:^|\n)[^\S\n]*(?:{alternatives})[^\S\n]*[:\t]\s*$", re.IGNORECASE
        )
        keep = _lexicon.load_keep_terms(Path(keep_terms_file) if keep_terms_file else None)
        self._keep = keep | {t.lower() for t in extra_keep_terms}
        from spacy.lang.en.stop_words import STOP_WORDS as ENGLISH_STOP_WORDS

        # English function words that are no Dutch function word: "the", "with", "as", "don't".
        self._english_only = (
            frozenset(ENGLISH_STOP_WORDS) - self._function_words - _DUTCH_HOMOGRAPHS
        ) | _lexicon.ENGLISH_CONTRACTIONS
        self._last_english: tuple[str | None, bool] = (None, False)
        self._english_common = _lexicon.english_common_words()
        # "Citizen", "my Indian", "Wednesday", "Cześć": never a name; May and June only after
        # a trigger, which is NlPersonRecognizer's.
        self._never_names = _lexicon.never_name_words()
        self._nationalities = _lexicon.nationality_words()
        self._chat = _lexicon.chat_words()
        self._english_vocabulary = _lexicon.english_vocabulary()
        self._english_frequent = _lexicon.english_frequent_words()
        self._english_lowercase = _lexicon.english_lowercase_words()

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        found, places = [], _places.multiword_place_spans(text, self._places)
        for result in super().analyze(text, entities, nlp_artifacts):
            lead = _ADDRESSED_TO.match(text, result.start, result.end)
            if lead and lead.end() < result.end:
                result.start = lead.end()  # "t.n.v. M. El Khattabi": the name starts after it
            for start, end in self.split(text, *whole_words(text, result.start, result.end)):
                start, end = whole_words(text, *self.trim(text, start, end))
                start, end = self.trim_english(text, start, end)
                if (start < end and not _places.inside_any(places, start, end)
                        and self.is_plausible_name(text, start, end)):
                    found.append(RecognizerResult(
                        result.entity_type, start, end, result.score,
                        result.analysis_explanation, result.recognition_metadata,
                    ))
        return found

    def _foreign_word(self, text: str, word: str) -> bool:
        """A word of another language that is never (the edge of) a name: "my", "from",
        "Citizen", "said", "Wednesday", "Cześć"; not "Mark" in "Mark Visser" (capitalised and
        on a name list), not "May" (a month, and a name after a trigger)."""
        low = word.lower()
        if low in self._english_only:
            return not (word[:1].isupper() and low in self._names)  # "An", "Bo": names
        if low in self._never_names:
            return low not in self._first
        if low not in self._english_common or low in self._particles:
            return False  # "el", "van": a particle of the name
        if low in self._names:  # "said", "mark": a word only in lower case in English text
            return word.islower() and self._english_message(text)
        return self._english_message(text) or word.islower()  # "Applicant", "Uncle" in English

    def _lowercase_word(self, word: str, typos: bool) -> bool:
        """An English word, chat spelling or typo of an English word, written lowercase and no
        first name: the NER reads short English messages ("low income", "yes go ahead", "my
        husbnd beats me") as names, whatever the message's language. English function words
        ("I'm") in any case. In an English message (``typos``) also a typo of an English word,
        and an everyday English word that is a first name too ("that's fine", "what i said");
        names only after a trigger (NlPersonRecognizer's)."""
        low = word.lower().replace("’", "'")
        if low in self._english_only:
            return True
        everyday = typos and low in self._english_frequent
        if not word.islower() or (low in self._first and not everyday):
            return False
        return (low in self._english_vocabulary or low in self._never_names or low in self._chat
                or (low in self._places and low not in self._names)
                or (typos and self._english_typo(low)))

    def _english_typo(self, low: str) -> bool:
        """One letter off an everyday English word of five letters or more ("husbnd", "violant",
        "suicde"); shorter words are too close to names, and a word longer than any English one is
        no typo (26 variants per letter of a 100,000-letter "word" filled the memory)."""
        if not 5 <= len(low) <= _typos.TYPO_MAX_LENGTH or not low.isalpha() or not low.isascii():
            return False
        variants = _typos.one_edit_variants(low, string.ascii_lowercase)
        return any(len(v) >= 5 and v in self._english_lowercase for v in variants)

    def _function_word_between(self, word: str) -> bool:
        low = word.lower()
        return low in self._english_only and not (word[:1].isupper() and low in self._names)

    def split(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """ "I'm Andrei Popescu from Romania" -> "Andrei Popescu", "Romania"; "Emma Whitfield
        \nDOB" -> "Emma Whitfield", "DOB": a name holds no line break and no English function
        word, so the NER's span is cut there (each piece is judged on its own)."""
        pieces: list[tuple[int, int]] = []
        for line in re.finditer(r"[^\n]+", text[start:end]):
            piece_start, last_end = None, 0
            for word in _WORD_IN_SPAN.finditer(text, start + line.start(),
                                                       start + line.end()):
                if self._function_word_between(word.group()):
                    if piece_start is not None:
                        pieces.append((piece_start, last_end))
                    piece_start = None
                    continue
                if piece_start is None:
                    piece_start = word.start()
                last_end = word.end()
            if piece_start is not None:
                pieces.append((piece_start, last_end))
        return [(s, e) for s, e in pieces if s < e]

    def _english_message(self, text: str) -> bool:
        """Judged once per message: every span of it asks (the text and verdict are one tuple)."""
        last_text, verdict = self._last_english
        if last_text is not text:
            words = [w.lower() for w in _WORD_WITH_APOSTROPHE.findall(text)]
            english = sum(w in self._english_only for w in words)
            verdict = english >= _ENGLISH_MIN_WORDS and english >= _ENGLISH_SHARE * len(words)
            self._last_english = (text, verdict)
        return verdict

    def _english_words(self, text: str, start: int, end: int) -> bool:
        """ "with debts", "I don't speak Dutch", "'mark as read'": English, not a name."""
        words = [w.lower() for w in _WORD.findall(text[start:end])]
        if self._english_message(text):
            return not any(
                self._english_name(m) for m in _WORD_WITH_APOSTROPHE.finditer(text, start, end)
            )
        following = _NEXT_WORD.match(text, end)
        return (
            len(words) == 1
            and text[start:end].islower()
            and following is not None
            and following.group(1).lower() in self._english_only
        )

    def _english_name(self, word: re.Match) -> bool:
        """In English text: a capitalised word on a name list, or a first name ("my son tom")."""
        low = word.group().lower()
        if low in self._english_only:
            return False
        return (word.group()[:1].isupper() and low in self._names) or (
            low in self._first and len(low) > 2
        )

    def trim_english(self, text: str, start: int, end: int) -> tuple[int, int]:
        """ "I live with Fatima" -> "Fatima": in English text, only the name-list words and what
        lies between them."""
        if not self._english_message(text):
            return start, end
        names = [
            m for m in _WORD_WITH_APOSTROPHE.finditer(text, start, end) if self._english_name(m)
        ]
        if not names:
            return start, end
        return names[0].start(), names[-1].end()

    def _plain_word(self, word: str) -> bool:
        """A lowercase Dutch word that is on no name list: "dochtertje", "heeft", "haha"."""
        low = word.lower()
        return (
            word.islower()
            and low not in self._names
            and (low in self._ordinary or _lexicon.is_dutch_word(low))
        )

    def trim(self, text: str, start: int, end: int) -> tuple[int, int]:
        """Drop plain lowercase words the NER took along at the edges of a name: "dochtertje
        sterre" -> "sterre", "rik heeft" -> "rik", "Ingrid van schulddienstverlening" ->
        "Ingrid". Particles stay unless a plain word was cut behind or before them."""
        words = list(_WORD.finditer(text, start, end))
        if len(words) < 2:
            return (start, start) if words and words[0].group().lower() in _TITLES else (start, end)
        first, last = 0, len(words) - 1
        if words[0].group().lower() in _GREETINGS:
            first = 1
        while first < last and words[first].group().lower() in _TITLES:
            first += 1
        if (first < last and words[first].group() in _PREPOSITION_PARTICLES
                and words[first + 1].group()[:1].isupper()
                and words[first + 1].group().lower() in self._first):
            first += 1
        while first < last and (
            self._foreign_word(text, words[first].group())
            or self._plain_word(words[first].group())
            and words[first].group().lower() not in self._particles
            or words[first].group() in role_words()  # "voogd van Mohamed Abdi"
        ):
            first += 1
            while (
                first < last
                and words[first].group() in self._particles
                and words[first + 1].group().lower() in self._first
            ):
                first += 1  # "pleegouder van kevin", not "dokter el haddouchi"
        while last > first and (
            self._plain_word(words[last].group()) or self._foreign_word(text, words[last].group())
        ):
            last -= 1
            while last > first and words[last].group() in self._particles:
                last -= 1  # "Ingrid van schulddienstverlening"
        while last > first and self._place_after_name(words[last - 1].group(),
                                                      words[last].group().lower()):
            last -= 1  # "oom Ravi Suriname", "Auke Bosma út Drachten": where he is from
            while last > first and words[last].group().lower() in _FROM_WORDS:
                last -= 1
        if (first, last) == (0, len(words) - 1):
            return start, end
        return words[first].start(), words[last].end()

    def _place_after_name(self, before: str, low: str) -> bool:
        """A country after a name, or a town after "uit"/"út"; a town right after a name may be
        the surname ("Rita Zaandam")."""
        if before.lower() in _FROM_WORDS:
            return low in self._places
        return low in self._countries and low not in self._names

    def _name_evidence(self, word: str) -> bool:
        """A first name that is not a plain word ("sanne", "dirk"), or no Dutch word at all."""
        if word in self._ordinary or _NO_VOWEL.fullmatch(word):
            return False
        return (word in self._first and len(word) > 2) or not _lexicon.is_dutch_word(word)

    def is_plausible_name(self, text: str, start: int, end: int) -> bool:
        span = text[start:end]
        words = [w.lower() for w in _WORD.findall(span)]
        if not words or span.lower() in self._keep or any(w in self._keep for w in words):
            return False
        if self._english_words(text, start, end):
            return False  # "how can I get help with debts?", "'mark as read'"
        rest = [w.lower() for w in _WORD_WITH_APOSTROPHE.findall(text[:start] + " " + text[end:])]
        typos = not rest or any(w in self._english_only for w in rest)  # an English message
        if all(self._lowercase_word(m.group(), typos)
               for m in _WORD_WITH_APOSTROPHE.finditer(span)):
            return False  # "household help", "yes, fine", "ttyl": lowercase English/chat words
        if _NOT_A_NAME.search(span):
            return False  # postcodes, house numbers, "e-mail lina@...", placeholders
        if span.islower() and all(number_word_value(w) is not None for w in words):
            return False  # "hy wurdt dizze wike fjirtjin", "ze wordt veertien": a number
        if span.lower() in self._places and (span.lower() not in self._first or span.islower()):
            return False  # "naar Zwolle", "en Middelburg via 14 0118" (a surname too: alone, a
            # town); "capital of france" (France is a first name too, capitalised)
        if all(w in self._nationalities for w in words):
            return False  # "als Oekraïner", "Marokkaanse"
        if all(w in self._places or w in self._function_words for w in words) and not any(
            w in self._names for w in words
        ):
            return False  # "vanuit België", "naar Zwolle"
        if len(words) > 1 and words[0] in self._places and all(map(self._plain_word, words[1:])):
            return False  # "Rotterdam Centraal", "Tilburg Noord": a station or a district
        if (
            len(words) == 1
            and span.islower()
            and words[0] not in self._first
            and _NUMBER_AFTER.match(text, end)
        ):
            return False  # "postcd 2651 CZ", "telefoonnr +31 6 ...": the label of the number
        if len(words) == 1 and words[0] in self._places and _places.PLACE_PREPOSITION_BEFORE.search(
            text[:start]
        ):
            return False  # "niet bij haarlem", "naar Arnhem": the place, also when a surname
        if self._place_label.search(text, max(0, start - 40), start):
            return False  # "Geboorteplaats: Aleppo": a form's place field
        if _POSTCODE_BEFORE.search(text[:start]):
            return False  # the letters of a postcode (and the town after them)
        if _HOUSE_NUMBER_BEFORE.search(text, max(0, start - 30), start) and all(
            w in self._places for w in words
        ):
            return False  # "Brinkweg 22-048, Apeldoorn": the town after an address
        if _POSTCODE_AND_LETTERS_BEFORE.search(text[:start]) and all(
            w in self._places for w in words
        ):
            return False  # "9401 HG Assen": the town after a postcode, even when also a surname
        if (
            _STREET_WORD.search(words[-1])
            and words[-1] not in self._first
            and _HOUSE_NUMBER_AFTER.match(text, end)
        ):
            return False  # a street: NlAddressRecognizer reports it with its number
        if len(words) == 1 and words[0] in self._first and _ARTICLE_BEFORE.search(text[:start]):
            return False  # "de Dirk", "het Jan"
        if len(words) == 1 and span.islower() and _typos.is_typo_of_frequent_word(words[0]):
            return False  # "zitte", "wachtwoort": a resident's typo, not a name
        if all(w in self._never_names for w in words):
            return False  # "Wednesday", "in June", "Cześć": a trigger makes June a name
        english = self._english_message(text)
        if any(
            self._name_evidence(w.lower())
            and not (w.lower() in self._english_common and english)
            for w in _WORD.findall(span)
        ):
            return True
        # Only ordinary words. Two or more capitalised words with a listed first name read as a
        # full name wherever they stand ("Daan de Jong is 14", "Roos Bakker belde").
        capitals = [w for w in _WORD.findall(span) if w[:1].isupper()]
        if len(capitals) >= 2 and capitals[0].lower() in self._first:
            return True
        # One word: a name only when capitalised mid-sentence and on a name list.
        capitalised = span[:1].isupper()
        at_start = bool(_SENTENCE_START.search(text[:start]))
        after_article = len(words) == 1 and bool(_ARTICLE_BEFORE.search(text[:start]))
        return (
            capitalised
            and not at_start
            and not after_article
            and any(w in self._names for w in words)
        )

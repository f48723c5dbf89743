"""Synthetic Dutch chat messages with character-level PERSON spans for training the NER.

No real conversations may be used for training, so messages are assembled from hand-written
templates (``templates/``) and name pools (``names.py``). The generator imitates how residents
type: names of many origins, a third of them in lower case, whole messages without capitals,
typos and chat shortcuts in the surrounding words, signatures, and placeholders left by an earlier
redaction pass. Over a third of the messages hold no person at all and are full of words that must
survive (organisations, weekdays, months, places, capitalised ordinary words, family roles).
The output is deterministic for a given seed.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from redaction.ner import templates as t
from redaction.ner.names import ORIGIN_WEIGHTS, NamePools, build_pools, strip_accents

LABEL = "PERSON"
NEGATIVE_SHARE = 0.35
SENTENCE_LOWER = 0.15  # whole message typed without capitals
NAMES_LOWER = 0.18  # otherwise, only the names typed in lower case (≈30 % of names overall)
NAMES_UPPER = 0.02
TYPO_RATE = 0.2
SHORTCUT_RATE = 0.2
OPENER_RATE = 0.15

# How often each Dutch interfix is drawn; unlisted ones ("uit de", "d'") get weight 1.
INTERFIX_WEIGHTS: dict[str, float] = {
    "van": 30, "de": 25, "van der": 12, "van den": 8, "van de": 8, "ter": 3, "ten": 3, "te": 2,
    "den": 2, "van 't": 2, "in 't": 2, "der": 1.5,
}
PERSON_SLOTS = frozenset({"F", "K", "FULL", "S", "INI", "P"})
SLOT = re.compile(r"(\{[A-Z][A-Z0-9]*\})")
SHORTCUTS: dict[str, str] = {
    "ik": "k", "niet": "nie", "echt": "egt", "even": "ff", "alsjeblieft": "aub", "het": "'t",
    "een": "n", "dat": "da", "wat": "wa", "jullie": "jullie", "bedankt": "thnx", "weet": "weet",
    "goed": "goe", "heb": "heb", "mijn": "m'n", "zijn": "zn", "heel": "heel", "maar": "mr",
}


@dataclass(frozen=True)
class Example:
    """One chat message and its PERSON spans as (start, end, label) character offsets."""

    text: str
    spans: tuple[tuple[int, int, str], ...]


@lru_cache(maxsize=4)
def _pools(seed: int, split: str) -> NamePools:
    return build_pools(seed, split)


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    """Dutch tokenizer exceptions that swallow a following period ("Cas." is one token)."""
    from spacy.lang.nl.tokenizer_exceptions import TOKENIZER_EXCEPTIONS

    return frozenset(k for k in TOKENIZER_EXCEPTIONS if k.endswith("."))


def _swallows_period(example: Example) -> bool:
    """A name right before a period that the tokenizer would glue to it: no clean span."""
    for _, end, _ in example.spans:
        if example.text[end:end + 1] == ".":
            last_word = re.search(r"\S+\Z", example.text[:end])
            if last_word and last_word.group(0) + "." in _abbreviations():
                return True
    return False


class _Namer:
    """Draws names in the shapes residents write them: first, full, initials, titled surname."""

    def __init__(self, pools: NamePools, rng: random.Random) -> None:
        self.pools = pools
        self.rng = rng
        self.origins = pools.origins()
        self.weights = [ORIGIN_WEIGHTS[o] for o in self.origins]

    def origin(self) -> str:
        return self.rng.choices(self.origins, self.weights)[0]

    def _accent(self, name: str, origin: str) -> str:
        if origin != "dutch" and self.rng.random() < 0.5:
            return strip_accents(name)
        return name

    def first(self, origin: str | None = None) -> str:
        origin = origin or self.origin()
        rng = self.rng
        name = rng.choice(self.pools.firsts[origin])
        if rng.random() < 0.06:
            other = rng.choice(self.pools.firsts[origin])
            if other != name:
                name = f"{name}{rng.choice(['-', ' '])}{other}"
        return self._accent(name, origin)

    def surname(self, origin: str | None = None, titled: bool = False) -> str:
        origin = origin or self.origin()
        rng = self.rng
        if origin == "dutch" and rng.random() < 0.35 and self.pools.interfix_surnames:
            interfix = rng.choices(self.pools.interfixes,
                                   [INTERFIX_WEIGHTS.get(i, 1.0) for i in self.pools.interfixes])[0]
            if titled and rng.random() < 0.5:
                interfix = interfix[0].upper() + interfix[1:]
            name = f"{interfix} {rng.choice(self.pools.interfix_surnames)}"
        else:
            name = rng.choice(self.pools.surnames[origin])
        if rng.random() < 0.08:
            other_origin = "dutch" if origin != "dutch" else self.origin()
            other = self.surname(other_origin)
            name = f"{name}-{other}" if rng.random() < 0.5 else f"{other}-{name}"
        if origin in ("moroccan", "arabic") and " " in name and rng.random() < 0.3:
            name = name.replace(" ", "-", 1)
        return self._accent(name, origin)

    def full(self) -> str:
        origin = self.origin()
        surname_origin = origin if self.rng.random() < 0.88 else self.origin()
        return f"{self.first(origin)} {self.surname(surname_origin)}"

    def initials(self) -> str:
        rng = self.rng
        letters = [chr(rng.randrange(65, 91)) for _ in range(rng.choice([1, 1, 1, 2, 2, 3]))]
        style = rng.random()
        if style < 0.6:
            initials = "".join(f"{c}." for c in letters)
        elif style < 0.8:
            initials = ". ".join(letters) + "."
        else:
            initials = "".join(letters)
        return f"{initials} {self.surname()}"

    def any(self) -> str:
        roll = self.rng.random()
        if roll < 0.45:
            return self.first()
        if roll < 0.85:
            return self.full()
        if roll < 0.95:
            return self.initials()
        return self.surname()


class _Filler:
    """Fills the non-person slots with text that must survive redaction."""

    def __init__(self, pools: NamePools, rng: random.Random) -> None:
        self.pools = pools
        self.rng = rng
        self.fill: dict[str, Callable[[], str]] = {
            "ORG": lambda: rng.choice(t.ORGANISATIONS),
            "PLACE": lambda: rng.choice(pools.places),
            "WIJK": lambda: rng.choice(t.NEIGHBOURHOODS),
            "DAY": lambda: rng.choice(t.DAYS),
            "MONTH": lambda: rng.choice(t.MONTHS),
            "YEAR": lambda: str(rng.randrange(1995, 2027)),
            "AGE": lambda: str(rng.choice([rng.randrange(1, 18), rng.randrange(2, 90)])),
            "AMOUNT": self.amount,
            "TIME": self.time,
            "PH": lambda: rng.choice(t.PLACEHOLDER_PERSON),
            "PHX": lambda: rng.choice(t.PLACEHOLDER_OTHER),
            "CAP": self.capitalised,
            "NAT": lambda: rng.choice(t.NATIONALITIES),
            "REL": lambda: rng.choice(t.RELATIONS),
            "ADJ": lambda: rng.choice(t.ADJECTIVES),
            "ACR": lambda: rng.choice(t.ACRONYMS),
            "ADV": lambda: rng.choice(t.ADVERBS),
            "V3": lambda: rng.choice(t.VERBS_PRESENT if rng.random() < 0.5
                                     else pools.verbs_present),
            "VPAST": lambda: rng.choice(t.VERBS_PAST if rng.random() < 0.5 else pools.verbs_past),
            "VPL": lambda: rng.choice(t.VERBS_PLURAL if rng.random() < 0.5
                                      else pools.verbs_plural),
            "VPART": lambda: rng.choice(t.PARTICIPLES if rng.random() < 0.5
                                        else pools.participles),
            "OBJ": lambda: rng.choice(t.OBJECTS),
            "HELP": lambda: rng.choice(t.HELP_NUMBERS),
        }

    def amount(self) -> str:
        rng = self.rng
        value = rng.choice([rng.randrange(5, 100), rng.randrange(100, 5000), rng.randrange(1, 40)
                            * 1000])
        text = f"{value:,}".replace(",", ".") if rng.random() < 0.5 else str(value)
        cents = f",{rng.randrange(0, 100):02d}" if rng.random() < 0.2 else ""
        return rng.choice([f"€ {text}{cents}", f"€{text}{cents}", f"{text} euro",
                           f"{text},-", f"{text} eu", f"EUR {text}{cents}"])

    def time(self) -> str:
        rng = self.rng
        hour = rng.randrange(8, 21)
        return rng.choice([f"{hour}:00", f"{hour}.30", f"{hour} uur", f"half {hour % 12 + 1}"])

    def capitalised(self) -> str:
        if self.rng.random() < 0.6:
            return self.rng.choice(t.CAPITALISED_WORDS)
        return self.rng.choice(self.pools.common_words).capitalize()


def _typo(word: str, rng: random.Random) -> str:
    """One keyboard slip inside a word; its first and last letters stay put."""
    i = rng.randrange(1, len(word) - 1)
    op = rng.random()
    if op < 0.35:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:] if i + 2 <= len(word) - 1 else word
    if op < 0.65:
        return word[:i] + word[i + 1:]
    if op < 0.85:
        return word[:i] + word[i] + word[i:]
    return word[:i] + rng.choice("aeiounrst") + word[i + 1:]


def _mess_up(text: str, rng: random.Random, typos: bool, shortcuts: bool) -> str:
    """Typos and chat shortcuts in literal template text (never in names or slot values)."""

    def replace(match: re.Match[str]) -> str:
        word = match.group(0)
        if shortcuts and word.lower() in SHORTCUTS and rng.random() < 0.5:
            short = SHORTCUTS[word.lower()]
            return short.capitalize() if word[0].isupper() else short
        if typos and len(word) >= 5 and rng.random() < 0.25:
            return _typo(word, rng)
        return word

    return re.sub(r"[A-Za-zÀ-ÿ']+", replace, text)


def _case_name(name: str, case: str) -> str:
    if case == "lower":
        return name.replace("İ", "I").lower()
    if case == "upper":
        return name.upper()
    return name


class Generator:
    """Builds messages; one instance per (seed, split) keeps its random stream."""

    def __init__(self, seed: int = 2611, split: str = "train") -> None:
        if split not in ("train", "dev"):
            raise ValueError(f"split must be 'train' or 'dev', not {split!r}")
        pools = _pools(seed, split)
        self.rng = random.Random(f"{seed}-{split}")
        self.namer = _Namer(pools, self.rng)
        self.filler = _Filler(pools, self.rng)

    def _person(self, slot: str) -> str:
        namer = self.namer
        if slot in ("F", "K"):
            return namer.first()
        if slot == "FULL":
            return namer.full()
        if slot == "S":
            return namer.surname(titled=True)
        if slot == "INI":
            return namer.initials()
        return namer.any()

    def _segments(self, template: str, people: bool) -> list[tuple[str, bool, bool]]:
        """(text, is_person, is_literal) pieces of one filled template.

        ``people`` False turns {WHO} slots into role words, organisations or pronouns.
        """
        rng = self.rng
        pieces: list[tuple[str, bool, bool]] = []
        for part in SLOT.split(template):
            if not part:
                continue
            if SLOT.fullmatch(part):
                slot = part[1:-1]
                if slot in ("WHO", "WHO2"):
                    chance = 0.0 if not people else (0.8 if slot == "WHO" else 0.5)
                    mentions = t.WHO_PERSON if rng.random() < chance else t.WHO_OTHER
                    pieces.extend(self._segments(rng.choice(mentions), people))
                elif slot in PERSON_SLOTS:
                    pieces.append((self._person(slot), True, False))
                else:
                    pieces.append((self.filler.fill[slot](), False, False))
            else:
                pieces.append((part, False, True))
        return pieces

    def _ending(self, pieces: list[tuple[str, bool, bool]]) -> list[tuple[str, bool, bool]]:
        last = pieces[-1][0]
        if last.endswith(("?", "!", ".", ":", ")")) or last.endswith(">"):
            return pieces
        roll = self.rng.random()
        if roll < 0.1:
            return [*pieces, (" " + self.rng.choice(t.TAILS), False, True)]
        if roll < 0.45:
            return pieces
        if roll < 0.8:
            return [*pieces, (".", False, True)]
        if roll < 0.86:
            return [*pieces, (self.rng.choice(["!", "!!", "?"]), False, True)]
        return [*pieces, (" " + self.rng.choice(t.EMOJI), False, True)]

    def _without_people(self) -> tuple[str, bool]:
        if self.rng.random() < 0.6:
            return self.rng.choice(t.NEGATIVE), False
        return self.rng.choice(t.CLAUSES), False

    def _with_people(self) -> tuple[str, bool]:
        if self.rng.random() < 0.6:
            return self.rng.choice(t.POSITIVE), True
        return self.rng.choice(t.CLAUSES), True

    def _templates(self) -> tuple[list[tuple[str, bool]], bool]:
        """The (template, may name people) parts of one message, and whether it gets signed."""
        rng = self.rng
        if rng.random() < NEGATIVE_SHARE:
            chosen = [self._without_people()]
            if rng.random() < 0.15:
                chosen.append(self._without_people())
            return chosen, False
        if rng.random() < 0.1:
            return [self._without_people()], True
        chosen = [self._with_people()]
        roll = rng.random()
        if roll < 0.12:
            chosen.insert(0, self._without_people())
        elif roll < 0.22:
            chosen.append(self._without_people())
        elif roll < 0.28:
            chosen.append(self._with_people())
        return chosen, rng.random() < 0.08

    def example(self) -> Example:
        """One message whose spans all fall on token boundaries of the Dutch tokenizer."""
        while True:
            example = self._message()
            if not _swallows_period(example):
                return example

    def _message(self) -> Example:
        rng = self.rng
        chosen, signed = self._templates()
        sentence_lower = rng.random() < SENTENCE_LOWER
        roll = rng.random()
        name_case = "lower" if sentence_lower or roll < NAMES_LOWER else (
            "upper" if roll > 1 - NAMES_UPPER else "normal")
        typos = rng.random() < TYPO_RATE
        shortcuts = rng.random() < SHORTCUT_RATE

        pieces: list[tuple[str, bool, bool]] = []
        if rng.random() < OPENER_RATE:
            pieces.append((rng.choice(t.OPENERS) + rng.choice([" ", " ", "\n"]), False, True))
        for template, people in chosen:
            if pieces and not pieces[-1][0].endswith((" ", "\n")):
                ended = pieces[-1][0].endswith((".", "?", "!"))
                joiner = rng.choice([" ", "\n"] if ended else [" ", " ", "\n", ". "])
                pieces.append((joiner, False, True))
            pieces.extend(self._ending(self._segments(template, people)))
        if signed:
            joiners = ["\n", "\n", " ", "\n\n"]
            if not pieces[-1][0].endswith((".", "?", "!")):
                joiners.append(", ")
            pieces.append((rng.choice(joiners), False, True))
            pieces.extend(self._segments(rng.choice(t.SIGNATURES), True))

        text_parts: list[str] = []
        spans: list[tuple[int, int, str]] = []
        offset = 0
        for index, (text, is_person, is_literal) in enumerate(pieces):
            if is_person:
                text = _case_name(text, name_case)
            elif is_literal:
                text = _mess_up(text, rng, typos, shortcuts)
            if sentence_lower:
                text = text.replace("İ", "I").lower()
            elif index == 0 and is_literal and text[:1].islower() and rng.random() < 0.5:
                text = text[0].upper() + text[1:]
            if is_person:
                spans.append((offset, offset + len(text), LABEL))
            text_parts.append(text)
            offset += len(text)
        return Example("".join(text_parts), tuple(spans))


def generate(n: int, seed: int = 2611, split: str = "train") -> list[Example]:
    """``n`` messages; the same (n, seed, split) always gives the same list."""
    generator = Generator(seed, split)
    return [generator.example() for _ in range(n)]

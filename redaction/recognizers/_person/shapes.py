"""Is this token a name? The word-class tests the person recognizer's strategies share.

A mixin so that the recognizer's strategies keep calling ``self._never(tok)`` and friends; the
name lists themselves (``_first``, ``_surnames``, ...) are read in ``NlPersonRecognizer.__init__``.
"""

from __future__ import annotations

import regex as re

from redaction.recognizers import _lexicon
from redaction.recognizers._house_numbers import quantity_after
from redaction.recognizers._person.foreign_shapes import apostrophe_surname
from redaction.recognizers._person.tokens import _Tok
from redaction.recognizers._person.triggers import _ENGLISH_FAMILY, _KINSHIP
from redaction.street_suffixes import STREET_SUFFIXES, STRONG_STREET_SUFFIXES

# Interfixes of Arabic and Berber names that deduce does not list: "rachid ait taleb".
_EXTRA_INTERFIXES = frozenset("ait aït ben bin ibn ould abu bou al el".split())
# Street suffixes: "Galenstraat 48", "Laan van Meerdervoort 120" are addresses, not names.
_STREET_SUFFIX = "|".join(sorted(set(STREET_SUFFIXES), key=len, reverse=True))
_STREET_COMPOUND = re.compile(rf"[^\W\d_]{{3,}}(?:{_STREET_SUFFIX})\.?", re.IGNORECASE)
# "Mr. Visserplein", "Dr. Schaepmanstraat": a street named after someone, after the title.
_STRONG_STREET_COMPOUND = re.compile(
    rf"[^\W\d_]{{3,}}(?:{'|'.join(STRONG_STREET_SUFFIXES)})", re.IGNORECASE
)
# Three to five capitals: an abbreviation ("LVB", "ADHD", "ZZP") unless a name list holds it;
# two are initials as often ("ik ben JP").
_ACRONYM = re.compile(r"[A-Z]{3,5}")
_BARE_STREET_WORD = re.compile(rf"(?:{_STREET_SUFFIX})", re.IGNORECASE)


# What follows a person's name as subject: "abena is", "sem en tess", "abena, ...".
_FOLLOWS_SUBJECT = frozenset(
    "en is was heeft had wil kan zal mag moet gaat ging komt kwam zit woont werkt zegt zei "
    "spreekt krijgt kreeg heet wordt werd doet deed weet vindt".split()
)
# Finite verbs after a sentence-opening lowercase name: "merel zegt", "roos en bas zijn".
_SUBJECT_VERBS = (_FOLLOWS_SUBJECT - {"en"}) | frozenset(
    "zijn hebben willen wonen gaan komen zitten werken krijgen moeten kunnen belde belt "
    "vraagt vroeg".split()
)
# After "met <first name>" when the name is also a plain word: "met roos en haar zoontje",
# "met merel naar", "met koen getrouwd", "met iris van het buurtteam".
_AFTER_WITH_PERSON = frozenset(
    "en naar van getrouwd gesproken gebeld gepraat afgesproken samen geweest mee uit om over "
    "bij ook".split()
)
# A first name used as a plain word fewer times than this (subtitle counts: "roos" 2312,
# "bas" 540, "merel" 58) still reads as a name after "met"; "hoop", "rust" are far above it.
_RARE_WORD_COUNT = 3000


class _NameShapes:
    """Word-class tests on one token; the lists come from ``NlPersonRecognizer.__init__``."""

    _first: frozenset[str]
    _surnames: frozenset[str]
    _interfix_surnames: frozenset[str]
    _ordinary: frozenset[str]
    _function: frozenset[str]
    _places: frozenset[str]
    _streets: frozenset[str]
    _english: frozenset[str]
    _never_names: frozenset[str]
    _english_common: frozenset[str]
    _interfixes: frozenset[str]
    _max_interfix: int

    # Never a name, whatever the capitalisation or the trigger.
    NEVER_NAMES = frozenset(
        (
            _KINSHIP.replace("|", " ")
            + " " + _ENGLISH_FAMILY.replace("|", " ")
            + " mam pap ma pa moeke heer meneer mevrouw mijnheer juf juffrouw meester dokter "
            "huisarts docent leraar lerares baas consulent hulpverlener begeleider coach mentor "
            "hallo hoi hey hee hoe doei dag groetjes groet groeten liefs ok oke oké okay ja nee "
            "sorry bedankt dank thanks top super prima goed fijn jammer helaas niemand iemand "
            "mensen kinderen jongen meisje baby gemeente persoon klant cliënt bewoner "
            "nul twee drie vier vijf zes zeven acht negen tien elf twaalf twintig dertig veertig "
            "vijftig honderd duizend noord oost zuid west dhr mw mevr mvr mej dr drs mr ir ing "
            "prof"
        ).split()
    )
    # Lowercase interfixes that open a surname on their own ("van der Berg", "el Amrani").
    SURNAME_OPENERS = frozenset(
        "van von ter ten te el al ben abu bin ibn da di del della dos du".split()
    )
    # Waters and regions that look like surnames ("de Maas", "de Vecht").
    GEOGRAPHY = frozenset(
        "maas rijn ijssel waal schelde amstel vecht lek merwede noordzee waddenzee ijsselmeer "
        "markermeer veluwe randstad achterhoek twente betuwe peel kempen zeeland brabant limburg "
        "friesland drenthe groningen overijssel gelderland flevoland holland".split()
    )
    DETERMINERS = frozenset(
        "de het een die deze dat dit mijn m'n mn je jouw uw zijn z'n haar ons onze hun geen "
        "elke ieder iedere welke veel weinig".split()
    )

    def _in_names(self, low: str) -> bool:
        return low in self._first or low in self._surnames

    def _lowercase_name(self, low: str) -> bool:
        """A listed name in lowercase that is not also a Dutch word form: "leest", "houdt" and
        "groep" are surnames too, but in lowercase they are the verb or the noun."""
        if low in self._first:
            return True
        return low in self._surnames and not _lexicon.is_dutch_word(low)

    def _never(self, tok: _Tok) -> bool:
        """Function words, kinship words, weekdays, months, English contractions: not a name
        even after a trigger."""
        low = tok.low
        return (
            not tok.is_word
            or low in self._function
            or low in self.NEVER_NAMES
            or low in _lexicon.WEEKDAYS
            or low in _lexicon.MONTHS
            or low in _lexicon.MONTH_ABBREVIATIONS - {"jan"}
            or (low in self._never_names and low not in self._first)  # "Wednesday", "Dutch"
            or (not tok.capital and _lexicon.is_pronominal_adverb(low))  # "mijn man erin"
            # "Pieter de Bakker won't", "Sanne Visser doesn't": English, no end of a name
            or (not tok.capital and low.replace("’", "'") in _lexicon.ENGLISH_CONTRACTIONS)
        )

    def _nameish_after_trigger(
        self,
        tok: _Tok,
        strong: bool,
        naming: bool = False,
        mode: str = "",
        after: _Tok | None = None,
    ) -> bool:
        if self._never(tok):
            return False
        if tok.low in _lexicon.nationality_words():  # "ik ben Marokkaans", "ik ben Turk"
            # "ik ben frans verheijen": a first name, and a surname goes on after it
            return tok.low in self._first and after is not None and (
                self._continues_name(after)
                or after.low in self._surnames and after.low not in self._ordinary
            )
        if apostrophe_surname(tok):
            return True  # "ik ben o'neil statia", "mijn buurman d'souza"
        if not tok.capital and (
            tok.low in self._english
            or tok.low in self._english_common and tok.low not in self._first
        ):
            return False  # "my mother has", "my mother old": English, not a surname
        if mode == "with":
            return self._rare_first_name(tok, after)
        if (mode == "title" and _STRONG_STREET_COMPOUND.fullmatch(tok.text)
                and not self._in_names(tok.low)):
            return False  # "onder het Mr. Visserplein": the street, not a person
        if mode == "elder":  # "tante truus", "opa Henk": a first name that is rarely a word
            return self._rarely_a_word(tok.low)
        if not tok.capital and mode == "title" and (
            (tok.low in self._surnames and not _lexicon.is_present_tense_verb(tok.low))
            or self._unknown_word(tok.low)
        ):
            return True  # "dokter bakker", "meneer yilmaz"
        if not tok.capital and mode == "family" and self._unknown_name(tok, after):
            return True  # "mijn vrouw abena spreekt", "mijn vrouw, abena,"
        if (_ACRONYM.fullmatch(tok.text) and not self._in_names(tok.low)
                and not (after is not None and after.capital)):
            return False  # "ik ben LVB", "ik ben ZZP": an abbreviation ("ik ben ALI" is a name,
            # "ik ben JPM de Vries" initials)
        if tok.capital:
            # "ik ben Mantelzorger" is a role, "ik ben Jan" a name; cities count after a trigger.
            return strong or self._in_names(tok.low) or tok.low not in self._ordinary
        if naming:  # "ik heet oksana": whatever follows is the name, unless it is a word
            return self._in_names(tok.low) or (tok.low not in self._ordinary and len(tok.low) >= 3)
        if strong:  # "mijn oma krijgt ...": lowercase only when it is a listed name
            return self._lowercase_name(tok.low)
        # "ik ben jan" yes, "ik ben jong" (a surname, De Jong) no: weak triggers want a first name.
        return tok.low in self._first

    def _unknown_word(self, low: str) -> bool:
        """No Dutch or English word and no chat spelling: "abena", "senait", "oksana"."""
        return (
            len(low) >= 3
            and low not in self._ordinary
            and low not in self._english
            and low not in self._english_common  # "my mother old, need help"
            and low not in self._places
            and not _lexicon.is_dutch_word(low)
        )

    def _unknown_name(self, tok: _Tok, after: _Tok | None) -> bool:
        """An unknown lowercase word right after a family word is a name when what follows it is
        what follows a subject or an aside: punctuation, the end, "en", or a finite verb
        ("abena spreekt", "abena is"). "mijn vrouw appt u" has an object after the verb."""
        low = tok.low
        if not self._unknown_word(low) or low in self._surnames and low not in self._first:
            return False
        if low.endswith("t") and (
            low[:-1] in self._ordinary or low[:-1] in self._english or low[-2:-1] == low[-3:-2]
        ):
            return False  # "appt", "whatsappt", "datet": a verb made of a loan word
        return self._subject_follows(after)

    def _subject_follows(self, after: _Tok | None) -> bool:
        if after is None or not after.is_word:
            return True
        low = after.low
        if low in _FOLLOWS_SUBJECT:
            return True
        return (
            not after.capital
            and low.endswith("t")
            and len(low) > 3
            and low not in self._function
            and _lexicon.is_dutch_word(low)
        )

    def _rarely_a_word(self, low: str) -> bool:
        """A first name used as a plain word fewer than _RARE_WORD_COUNT times ("merel" 58,
        "roos" 2312; not "hoop")."""
        return (
            low in self._first
            and len(low) >= 3
            and low not in self._english
            and _lexicon.word_counts().get(low, 0) < _RARE_WORD_COUNT
        )

    def _rare_first_name(self, tok: _Tok, after: _Tok | None) -> bool:
        """ "met koen", "met merel naar": a lowercase first name that is a plain word only
        rarely (fewer uses than _RARE_WORD_COUNT), before what follows a person after "met"."""
        low = tok.low
        if tok.capital or not self._rarely_a_word(low):
            return False
        if low not in self._ordinary and not _lexicon.is_dutch_word(low):
            return True
        return after is None or not after.is_word or after.low in _AFTER_WITH_PERSON

    def _continues_name(self, tok: _Tok) -> bool:
        """A word after a name that belongs to it: "Jan Jansen", "Piet Bakker", "fatima ouali"."""
        if self._never(tok) or tok.low in self._places:
            return False
        if tok.core != tok.low:  # "al-Masri", "el-amrani"
            return tok.core not in self._ordinary or self._in_names(tok.core)
        if tok.capital:
            # "Pham Thu Ha", "Nguyen Van Le": short capitalised parts of East Asian names
            short = len(tok.low) <= 3 and tok.text.isalpha() and not tok.text.isupper()
            return self._in_names(tok.low) or tok.low not in self._ordinary or short
        if tok.low in self._english_common:
            return False  # "Mark Visser refuses", "Anouk said"
        if tok.low not in self._ordinary and tok.low not in self._english and len(tok.low) >= 4:
            # "magdalena zielinska": a lowercase word that is no Dutch word at all
            if not self._in_names(tok.low) and not _lexicon.is_dutch_word(tok.low):
                return True
        return self._lowercase_name(tok.low) and tok.low not in self._ordinary

    def _organisation_word(self, tok: _Tok) -> bool:
        """After "van de/het": a Dutch word that is no surname ("Kredietbank", "WIJ-team")."""
        parts = [p for p in tok.low.split("-") if p]
        return bool(parts) and all(
            p not in self._surnames and (p in self._function or _lexicon.is_dutch_word(p))
            for p in parts
        )

    def _closing_surname(self, tokens: list[_Tok], index: int) -> bool:
        """ "sharon wijngaarde, ...": a listed surname that is also a word form ("wijngaard"+e)
        still ends a lowercase name when punctuation or the end of the text follows it."""
        tok = tokens[index]
        if tok.capital or self._never(tok) or tok.low in self._ordinary:
            return False
        if tok.low not in self._surnames or tok.low in self._places:
            return False
        return index + 1 == len(tokens) or tokens[index + 1].text in (",", ".", ";", "!", "?")

    def _month_name(self, tokens: list[_Tok], index: int) -> bool:
        """ "onze dochter Mei Ling": a capitalised month word opening a two-word name."""
        tok = tokens[index]
        if not tok.capital or tok.low not in _lexicon.MONTHS or index + 1 >= len(tokens):
            return False
        nxt = tokens[index + 1]
        return nxt.capital and nxt.start - tok.end == 1 and self._continues_name(nxt)

    def _foreign_interfix(self, tokens: list[_Tok], position: int) -> bool:
        """ "ait", "ben", "ould" ... between two names: "rachid ait taleb", "Ahmed ben Salah"."""
        if position + 1 >= len(tokens) or tokens[position].low not in _EXTRA_INTERFIXES:
            return False
        nxt = tokens[position + 1]
        if self._never(nxt) or nxt.low in self._places:
            return False
        return self._in_names(nxt.low) or nxt.low not in self._ordinary


def _street_with_number(text: str, tokens: list[_Tok], first: int, last: int) -> bool:
    """A street named after someone, with its house number: "Jan van Galenstraat 48", "Laan van
    Meerdervoort 120". Not "Piet van der Laan 45 jaar" (a surname "Laan", then an age)."""
    if last + 1 >= len(tokens) or not tokens[last + 1].text.isdigit():
        return False
    if quantity_after(text, tokens[last + 1].end):
        return False
    span = tokens[first : last + 1]
    return any(_STREET_COMPOUND.fullmatch(t.text) for t in span) or (
        len(span) > 1
        and _BARE_STREET_WORD.fullmatch(span[0].text) is not None
        and span[1].low in ("van", "der", "de", "op", "aan", "in")
    )

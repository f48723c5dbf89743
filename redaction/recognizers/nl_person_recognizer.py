"""Person names in Dutch chat, next to the trained NER: trigger phrases and name-list lookup.

(a) Triggers: "ik ben X", "mijn naam is X", "ik heet X", "met X" at the start of a message,
"mevrouw/meneer/mw./dhr. X", "groetjes, X" / "gr yvonne tehupeiory" at the end, "mijn
zoon/dochter/buurvrouw... X", and at the start of a message "X is mijn naam" / "X hier,".
(b) Lookup: tokens in deduce's first-name and surname lists (read once from the installed
package), extended over interfixes ("van der Berg", "Fatima el Amrani", "rachid ait taleb",
"Ahmed ben Salah", "Hassan al-Masri").

A token that is also an ordinary Dutch word (spaCy's nl_lemma_lookup keys and values plus deduce's
whitelists) is only a name when it is capitalised mid-sentence, or in lowercase after a trigger;
a capital at the start of a sentence proves nothing. Function words, weekdays, months, kinship
words, place names (outside triggers), placeholders (<PERSOON_1>) and the must-survive
organisation/help terms (data/keep_terms.txt) are never names.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import regex as re
from presidio_analyzer import LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from redaction.placeholders import PLACEHOLDER
from redaction.recognizers import _lexicon
from redaction.recognizers._results import explained_result
from redaction.recognizers.nl_address_recognizer import NlAddressRecognizer, quantity_after

_TOKEN = re.compile(
    r"<[A-Z]+(?:_[A-Z]+)*_\d+>"  # placeholder, one token
    r"|[^\W\d_]+(?:['’-][^\W\d_]+)*"  # word, also Jan-Willem, O'Neill
    r"|'[st]\b|\d+|[^\w\s]",
)
# E-mail addresses, URLs and handles: their parts are not separate names.
# Tokens that are (part of) an e-mail address or link. Matched per whitespace-separated token:
# a pattern like \S*(?:@|…)\S* backtracks quadratically on one long token.
_LINK_MARKER = re.compile(r"@|://|www\.|\.(?:nl|com|org|net|be|eu)\b", re.IGNORECASE)
_NON_SPACE = re.compile(r"\S+")


def _linkish_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _NON_SPACE.finditer(text) if _LINK_MARKER.search(m.group())]
_KINSHIP = (
    "zoon|zoontje|dochter|dochtertje|man|vrouw|echtgenoot|echtgenote|partner|vriend|vriendin|"
    "vriendje|vriendinnetje|ex|moeder|vader|mama|papa|broer|broertje|zus|zusje|zuster|opa|oma|"
    "tante|oom|neef|nicht|neefje|nichtje|buurman|buurvrouw|buurjongen|buurmeisje|kleinzoon|"
    "kleindochter|schoonmoeder|schoonvader|schoonzoon|schoondochter|stiefvader|stiefmoeder|"
    "stiefzoon|stiefdochter|pleegzoon|pleegdochter|collega|baas|huisgenoot|kind|kindje|"
    "jongste|oudste"
)
# People in the plural ("de kinderen sem en tess") and people by their role ("de
# wijkverpleegkundige ans", "onze budgetcoach mark"): a name may follow as after "mijn zoon".
_GROUPS = "kinderen|kids|kindjes|zoons|dochters|jongens|meiden|tweeling|ouders|kleinkinderen"
_ROLES = (
    "wijkverpleegkundige|verpleegkundige|consulent|consulente|klantmanager|casemanager|"
    "begeleider|begeleidster|coach|budgetcoach|jobcoach|mentor|mentrix|hulpverlener|maatje|"
    "thuisbegeleider|wijkagent|contactpersoon|behandelaar|therapeut|psycholoog|huisbaas|"
    "verhuurder|wijkcoach|schuldhulpmaatje|voogd|bewindvoerder|pleegmoeder|pleegvader"
)
_TITLES = (
    r"mevrouw|meneer|mijnheer|mevr\.?|mw\.?|mvr\.?|dhr\.?|de\s+heer|mej\.?|juffrouw|juf|"
    r"meester|dokter|dr\.?|mr\.?|ir\.?|ing\.?|drs\.?|prof\.?|zuster|broeder"
)
_CLOSINGS = (
    r"met\s+vriendelijke\s+groet(?:en)?|vriendelijke\s+groet(?:en)?|hartelijke\s+groet(?:en)?|"
    r"mvg|m\.v\.g\.?|groetjes|groeten|groet|gr\.?|grtz|liefs|kusjes|doei|dank\s+je\s+wel|"
    r"dankjewel|bedankt|alvast\s+bedankt"
)


@dataclass(frozen=True)
class _Trigger:
    regex: re.Pattern
    strong: bool  # strong triggers accept lowercase names that are also ordinary words
    at_end: bool = False  # the name must end the message (closings)
    naming: bool = False  # "mijn naam is", "ik heet": even an unknown lowercase word is the name
    # "title": "meneer de graaf", "dokter bakker" - a lowercase listed surname is the name even
    # when it is also a word. "family": "mijn vrouw abena" - an unknown lowercase word is the
    # name when a verb or punctuation follows it (not "mijn vrouw appt u"). "with": "ik ben met
    # koen getrouwd" - a lowercase first name that is rarely a plain word.
    mode: str = ""


def _triggers() -> list[_Trigger]:
    flags = re.IGNORECASE | re.MULTILINE
    possessive = r"(?:mijn|m'n|mn|onze|ons|haar|zijn|z'n|je|jouw|uw)"
    return [
        _Trigger(
            re.compile(rf"\b{possessive}\s+(?:voor|achter)?naam\s+(?:is|was|:)\s*", flags),
            True,
            naming=True,
        ),
        _Trigger(
            re.compile(r"(?:^|\n)\s*(?:voor|achter)?naam(?:\s*:\s*|\s+)", flags), True, naming=True
        ),
        _Trigger(re.compile(r"\b(?:heet|heten|heette|genaamd)\s+", flags), True, naming=True),
        _Trigger(re.compile(rf"(?<![\w.])(?:{_TITLES})\s*(?<=[\s.])", flags), True, mode="title"),
        _Trigger(
            re.compile(rf"\b{possessive}\s+(?:{_KINSHIP})\b\s*,?\s*\(?\s*", flags),
            True,
            mode="family",
        ),
        _Trigger(
            re.compile(
                rf"\b(?:{possessive}|de|die)\s+(?:{_GROUPS}|{_ROLES})\b\s*,?\s*\(?\s*", flags
            ),
            True,
            mode="family",
        ),
        _Trigger(re.compile(r"(?<=\w\s+)(?:samen\s+)?met\s+", flags), False, mode="with"),
        _Trigger(
            re.compile(
                rf"(?:^|[.!?,\n]\s*|(?<![\d\s])\s+)(?:{_CLOSINGS})\s*[,.!:]*\s*(?:van\s+)?",
                flags,
            ),
            True,
            at_end=True,
            naming=True,
        ),
        _Trigger(re.compile(r"\b(?:ik\s+ben|dit\s+is|hier\s+is)\s+", flags), False),
        _Trigger(
            re.compile(
                r"^\s*(?:(?:hallo|hoi|hey|goede(?:morgen|middag|navond)|dag)\s*[,!.]?\s*)?met\s+",
                flags,
            ),
            False,
        ),
    ]


# "Li Na is mijn naam", "yvonne tehupeiory hier, ...": the name first, at the start of a message.
_NAME_FIRST = re.compile(
    r"(?:^|\n)\s*(?:(?:hallo|hoi|hey|hai|goede(?:morgen|middag|navond)|dag)\s*[,!.]?\s*)?"
    r"(?P<name>[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,3}?)"
    r"\s+(?:(?P<naming>is\s+(?:mijn|m'n|mn)\s+naam)\b|hier\s*(?=[,.!:\n-]|$))",
    re.IGNORECASE | re.MULTILINE,
)
# "j. de wit", "b. van der meer", "a. el amrani": initials, an optional interfix and a surname,
# also in lowercase. The initials must not be a dotted abbreviation ("o.a. de gemeente").
_INITIALS_NAME = re.compile(
    r"(?<![\w.])(?P<initials>(?:[^\W\d_]\.\s?){1,3})"
    r"(?:(?P<interfix>van\s+der|van\s+den|van\s+de|van\s+'t|van|de|den|der|ter|ten|te|el|al|le|la)"
    r"\s+)?(?P<surname>[^\W\d_][\w'’-]+)",
    re.IGNORECASE,
)
# A closing or a title right before initials: "mvg, r. bakker", "Mr. P. Smits".
_SIGNED_BEFORE = re.compile(
    rf"(?:^|[\s,.!])(?:{_CLOSINGS}|{_TITLES})\s*[,.:]*\s*$", re.IGNORECASE
)
_ABBREVIATIONS = frozenset(
    "o.a. t.a.v. z.s.m. m.b.t. i.v.m. d.w.z. a.u.b. n.a.v. t.n.v. p.s. m.v.g. b.v. e.d. i.p.v. "
    "o.b.v. m.i.v. v.a. n.v.t. i.o. c.q. u. s.v.p.".split()
)
# Interfixes of Arabic and Berber names that deduce does not list: "rachid ait taleb".
_EXTRA_INTERFIXES = frozenset("ait aït ben bin ibn ould abu bou".split())
# "al-Masri", "el-Amrani": an article glued to the surname.
_GLUED_ARTICLE = re.compile(r"^(?:al|el|ul|ad|as|ash|at|az|an|ar|ed|es)[-‑]", re.IGNORECASE)
# Street suffixes: "Galenstraat 48", "Laan van Meerdervoort 120" are addresses, not names.
_STREET_SUFFIX = "|".join(sorted(set(NlAddressRecognizer.SUFFIXES), key=len, reverse=True))
_STREET_COMPOUND = re.compile(rf"[^\W\d_]{{3,}}(?:{_STREET_SUFFIX})\.?", re.IGNORECASE)
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


@dataclass(frozen=True)
class _Tok:
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def core(self) -> str:
        """The word without a glued article: "masri" for "al-Masri"."""
        return _GLUED_ARTICLE.sub("", self.text).lower()

    @property
    def capital(self) -> bool:
        return _GLUED_ARTICLE.sub("", self.text)[:1].isupper()

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalpha()


class NlPersonRecognizer(LocalRecognizer):
    """Recognise PERSON from Dutch trigger phrases and the deduce name lists."""

    CONTEXT = [
        "naam", "voornaam", "achternaam", "heet", "heten", "genaamd", "meneer", "mevrouw",
        "contactpersoon", "consulent", "klantmanager", "casemanager", "hulpverlener",
        "begeleider", "behandelaar", "zoon", "dochter", "moeder", "vader", "broer", "zus",
        "buurman", "buurvrouw", "vriend", "vriendin", "partner", "collega",
    ]  # fmt: skip
    # Never a name, whatever the capitalisation or the trigger.
    NEVER_NAMES = frozenset(
        (
            _KINSHIP.replace("|", " ")
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
    # "ik ben Marokkaans": nationalities, languages and faiths after a weak trigger.
    NATIONALITIES = frozenset(
        "nederlands nederlandse nederlander hollands marokkaans marokkaanse marokkaan turks turkse "
        "turk surinaams surinaamse antilliaans antilliaanse arubaans pools poolse syrisch syrische "
        "eritrees eritrese somalisch somalische afghaans afghaanse iraaks iraakse iraans iraanse "
        "koerdisch koerdische duits duitse belgisch belgische bulgaars bulgaarse roemeens "
        "roemeense oekraïens oekraïense russisch russische chinees chinese indonesisch indisch "
        "molukse moluks kaapverdiaans ghanees ghanese nigeriaans spaans spaanse portugees "
        "portugese italiaans italiaanse frans franse engels engelse brits britse amerikaans "
        "braziliaans hindoestaans hindoestaanse arabisch berbers moslim christen christelijk "
        "joods hindoe katholiek protestant islamitisch europees afrikaans aziatisch".split()
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
    SCORE_TRIGGER = 0.85
    SCORE_WEAK_TRIGGER = 0.7
    SCORE_FULL_NAME = 0.75
    SCORE_NAME = 0.6
    SCORE_CAPITALISED_WORD_NAME = 0.5
    SCORE_CAPITALISED_WORD_SURNAME = 0.35
    SCORE_LOWERCASE_FIRST_NAME = 0.5
    SCORE_LOWERCASE_SURNAME = 0.35

    def __init__(
        self,
        context: list[str] | None = None,
        supported_language: str = "nl",
        supported_entity: str = "PERSON",
        name: str | None = None,
        keep_terms_file: str | None = None,
        extra_keep_terms: Iterable[str] = (),
    ) -> None:
        from spacy.lang.en.stop_words import STOP_WORDS as ENGLISH_STOP_WORDS

        self._first = _lexicon.first_names()
        self._surnames = _lexicon.surnames()
        self._interfix_surnames = _lexicon.interfix_surnames()
        self._ordinary = _lexicon.ordinary_words()
        self._function = _lexicon.function_words()
        self._places = _lexicon.place_names()
        self._english = frozenset(ENGLISH_STOP_WORDS)
        self._interfixes = frozenset(i for i in _lexicon.interfixes() if not i.endswith("."))
        self._max_interfix = max(len(i.split()) for i in self._interfixes)
        keep = set(_lexicon.load_keep_terms(Path(keep_terms_file) if keep_terms_file else None))
        keep |= {t.lower() for t in extra_keep_terms}
        self.keep_terms = frozenset(keep)
        alternatives = sorted((re.escape(t).replace(r"\ ", r"\s+") for t in keep), key=len)
        self._keep_re = re.compile(
            r"(?<![\w-])(?:" + "|".join(reversed(alternatives)) + r")(?![\w-])", re.IGNORECASE
        )
        self._triggers = _triggers()
        super().__init__(
            supported_entities=[supported_entity],
            name=name,
            supported_language=supported_language,
            context=context or self.CONTEXT,
        )

    def load(self) -> None:  # noqa: D102 - lists are read in __init__
        pass

    # -- word classes ----------------------------------------------------------------------------

    def _in_names(self, low: str) -> bool:
        return low in self._first or low in self._surnames

    def _lowercase_name(self, low: str) -> bool:
        """A listed name in lowercase that is not also a Dutch word form: "leest", "houdt" and
        "groep" are surnames too, but in lowercase they are the verb or the noun."""
        if low in self._first:
            return True
        return low in self._surnames and not _lexicon.is_dutch_word(low)

    def _never(self, tok: _Tok) -> bool:
        """Function words, kinship words, weekdays, months: not a name even after a trigger."""
        low = tok.low
        return (
            not tok.is_word
            or low in self._function
            or low in self.NEVER_NAMES
            or low in _lexicon.WEEKDAYS
            or low in _lexicon.MONTHS
            or low in _lexicon.MONTH_ABBREVIATIONS - {"jan"}
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
        if tok.low in self.NATIONALITIES:
            return False
        if mode == "with":
            return self._rare_first_name(tok, after)
        if not tok.capital and mode == "title" and (
            tok.low in self._surnames or self._unknown_word(tok.low)
        ):
            return True  # "dokter bakker", "meneer yilmaz"
        if not tok.capital and mode == "family" and self._unknown_name(tok, after):
            return True  # "mijn vrouw abena spreekt", "mijn vrouw, abena,"
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

    def _rare_first_name(self, tok: _Tok, after: _Tok | None) -> bool:
        """ "met koen", "met merel naar": a lowercase first name that is a plain word only
        rarely (fewer uses than _RARE_WORD_COUNT), before what follows a person after "met"."""
        low = tok.low
        if tok.capital or low not in self._first or len(low) < 3 or low in self._english:
            return False
        if _lexicon.word_counts().get(low, 0) >= _RARE_WORD_COUNT:
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
            return self._in_names(tok.low) or tok.low not in self._ordinary
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

    # -- spans -----------------------------------------------------------------------------------

    def _interfix_length(self, tokens: list[_Tok], index: int) -> int:
        """Number of tokens from ``index`` that form a surname interfix ("van der", "el")."""
        for size in range(self._max_interfix, 0, -1):
            words = tokens[index : index + size]
            if len(words) == size and all(w.is_word or w.text in ("'t", "'s") for w in words):
                if " ".join(w.low for w in words) in self._interfixes:
                    return size
        return 0

    def _extend_right(self, tokens: list[_Tok], index: int, blocked: list[tuple[int, int]]) -> int:
        """Index of the last token of the name that starts at ``index``."""
        last = index
        position = index + 1
        while position < len(tokens) and position - index < 6:
            if tokens[position].start - tokens[position - 1].end > 2:
                break
            size = self._interfix_length(tokens, position)
            if not size and self._foreign_interfix(tokens, position):
                last = position = position + 1
                position += 1
                continue
            target = position + size
            if target >= len(tokens) or _is_blocked(tokens[target], blocked):
                break
            tok = tokens[target]
            phrase = " ".join(t.low for t in tokens[position : target + 1])
            lower_surname = not tok.capital and tok.low in self._surnames
            if size and phrase in self._places and not lower_surname:
                break  # "Den Haag"; single places: _continues_name; "tjitske de boer" goes on
            # after "van der" the surname may be a word: "fleur van der meer"
            if size and self._organisation_word(tok):
                break  # "Oosterhuis van het WIJ-team": the organisation she works for
            never = self._never(tok) and not (size > 1 and lower_surname)
            if size and (tok.capital or tok.low in self._surnames) and not never:
                last = position = target
            elif not size and (self._continues_name(tok) or self._closing_surname(tokens, target)):
                last = position = target
            else:
                break
            position += 1
        return last

    def _extend_left(self, tokens: list[_Tok], index: int) -> int:
        """Include an interfix and initials in front of a surname: "van der Berg", "J. de Vries".

        A lowercase interfix that is also an article or preposition ("de Maas", "bij de Bakker")
        stays out; "van der", "el", "ter" and capitalised "De" come in.
        """
        first = index
        for size in range(self._max_interfix, 0, -1):
            start = index - size
            if start >= 0 and self._interfix_length(tokens, start) == size:
                opener = tokens[start].capital or tokens[start].low in self.SURNAME_OPENERS
                # "de zoon van Ali": a lone lowercase "van" before a first name is a preposition
                possessive_van = size == 1 and tokens[start].text == "van"
                if opener and not (possessive_van and tokens[index].low in self._first):
                    first = start
                break
        # Initials: "J. Jansen", "A.B. de Vries"
        while (
            first >= 2
            and tokens[first - 1].text == "."
            and re.fullmatch(r"[A-Z]", tokens[first - 2].text)
        ):
            first -= 2
        return first

    # -- analysis ----------------------------------------------------------------------------------

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        tokens = [_Tok(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
        if not tokens:
            return []
        blocked = [m.span() for m in self._keep_re.finditer(text)]
        blocked += [m.span() for m in PLACEHOLDER.finditer(text)]
        blocked += _linkish_spans(text)
        by_start = {tok.start: i for i, tok in enumerate(tokens)}
        found: dict[tuple[int, int], float] = {}
        claimed: set[int] = set()

        def add(first: int, last: int, score: float) -> None:
            span = (tokens[first].start, tokens[last].end)
            found[span] = max(score, found.get(span, 0.0))
            claimed.update(range(first, last + 1))

        self._from_triggers(text, tokens, by_start, blocked, add)
        self._from_name_first(text, tokens, by_start, blocked, add)
        self._from_initials(text, tokens, by_start, blocked, add)
        self._from_lookup(text, tokens, blocked, claimed, add)
        self._from_subject(text, tokens, blocked, add)
        self._from_coordination(tokens, by_start, found, blocked, add)
        self._from_repetition(tokens, found, blocked, add)
        return [self._result(start, end, score) for (start, end), score in found.items()]

    def _from_triggers(self, text, tokens, by_start, blocked, add) -> None:
        for trigger in self._triggers:
            for match in trigger.regex.finditer(text, overlapped=True):
                index = by_start.get(match.end())
                if index is None or _is_blocked(tokens[index], blocked):
                    continue
                size = self._interfix_length(tokens, index)  # "meneer de Vries"
                head = tokens[index + size] if index + size < len(tokens) else None
                if head is None or _is_blocked(head, blocked):
                    continue
                after = tokens[index + size + 1] if index + size + 1 < len(tokens) else None
                if size == 1 and tokens[index].text == "van" and (
                    trigger.mode == "family" or (after is not None and after.text.isdigit())
                ):
                    continue  # "de mentor van mohamed", "mijn begeleider van Cordaan", "groep 3"
                if (
                    size
                    and trigger.mode == "family"
                    and tokens[index].low == "van"
                    and head.low not in self._surnames
                ):
                    continue  # "mijn begeleider van de Cordaan": where she works
                # "meneer de graaf", "heet de ruiter": a surname that follows interfixes
                interfix_surname = (
                    size > 0
                    and trigger.strong
                    and head.low in self._interfix_surnames
                    and not self._never(head)
                    and not self._organisation_word(head)
                )
                if not interfix_surname and not self._nameish_after_trigger(
                    head, trigger.strong, trigger.naming, trigger.mode, after
                ) and not self._month_name(tokens, index + size):
                    continue
                unknown_after_title = trigger.mode == "title" and self._unknown_word(head.low)
                if size and not (
                    head.capital
                    or self._lowercase_name(head.low)
                    or interfix_surname
                    or unknown_after_title
                ):
                    continue
                if size and self._organisation_word(head):
                    continue  # "meneer van de Kredietbank", "mevrouw van het Wijkteam"
                last = self._extend_right(tokens, index + size, blocked)
                if _street_with_number(text, tokens, index, last):
                    continue  # "mijn ex op de Hoogstraat 5": the address recognizer's
                if trigger.at_end and not _only_symbols(text[tokens[last].end :]):
                    last = self._closing_rest(text, tokens, last)
                    if last is None:
                        continue  # "groetjes aan je moeder": a closing name ends the message
                weak_lower = not trigger.strong and not head.capital
                score = self.SCORE_TRIGGER if trigger.strong else self.SCORE_WEAK_TRIGGER
                add(index, last, score - (0.1 if weak_lower else 0.0))

    def _from_subject(self, text, tokens, blocked, add) -> None:
        """ "merel zegt dat ...", "roos en bas zijn mijn kinderen": lowercase first names that are
        rarely plain words, opening a sentence as the subject of a finite verb."""
        for index in range(len(tokens)):
            if not _sentence_initial(text, tokens, index):
                continue
            names = []
            position = index
            while position < len(tokens) and self._rare_subject_name(tokens[position], blocked):
                names.append(position)
                if position + 2 < len(tokens) and tokens[position + 1].text in ("en", "&"):
                    position += 2
                else:
                    position += 1
                    break
            if names and position < len(tokens) and tokens[position].low in _SUBJECT_VERBS:
                for name in names:
                    add(name, name, self.SCORE_NAME)

    def _rare_subject_name(self, tok: _Tok, blocked) -> bool:
        low = tok.low
        return (
            not tok.capital
            and low in self._first
            and len(low) >= 3
            and not self._never(tok)
            and low not in self._english
            and low not in self._places
            and _lexicon.word_counts().get(low, 0) < _RARE_WORD_COUNT
            and not _is_blocked(tok, blocked)
        )

    def _from_repetition(self, tokens, found, blocked, add) -> None:
        """ "mijn vrouw abena... sorry, abena is mijn vrouw": once a word is a name in a message,
        it is that name wherever else it stands in the message."""
        names = set()
        for start, end in list(found):
            names |= {t.low for t in tokens if start <= t.start and t.end <= end and t.is_word}
        names = {n for n in names if len(n) >= 3 and n not in self._function}
        for index, tok in enumerate(tokens):
            if tok.low in names and not _is_blocked(tok, blocked) and not self._never(tok):
                if not any(s <= tok.start and tok.end <= e for s, e in found):
                    add(index, index, self.SCORE_NAME)

    def _from_coordination(self, tokens, by_start, found, blocked, add) -> None:
        """ "sem en tess", "liam, zoë en adam": a first name joined by "en" or a comma to a name
        already found is a name too, even in lowercase and when it is also a rare plain word."""
        by_end = {tok.end: i for i, tok in enumerate(tokens)}
        pending = [(by_start[s], by_end[e]) for s, e in found if s in by_start and e in by_end]
        seen = set(pending)
        while pending:
            first, last = pending.pop()
            for joint, other in ((last + 1, last + 2), (first - 1, first - 2)):
                if not 0 <= other < len(tokens) or tokens[joint].text not in ("en", ",", "&"):
                    continue
                tok = tokens[other]
                if tok.capital or _is_blocked(tok, blocked) or self._never(tok):
                    continue  # capitalised names are the lookup's
                if tok.low not in self._first or tok.low in self._places:
                    continue
                if _lexicon.word_counts().get(tok.low, 0) >= _RARE_WORD_COUNT:
                    continue
                if (other, other) not in seen:
                    seen.add((other, other))
                    pending.append((other, other))
                    add(other, other, self.SCORE_NAME)

    def _closing_rest(self, text: str, tokens: list[_Tok], last: int) -> int | None:
        """ "gr yvonne tehupeiory": up to two more unknown words that end the message."""
        rest = [t for t in tokens[last + 1 :] if t.is_word or not _only_symbols(t.text)]
        if not rest or len(rest) > 2 or not _only_symbols(text[rest[-1].end :]):
            return None
        for tok in rest:
            if not tok.is_word or self._never(tok) or tok.low in self._places:
                return None
            if tok.low in self._ordinary and not self._in_names(tok.low):
                if not (tok.low in self._interfixes or tok.low in _EXTRA_INTERFIXES):
                    return None
        return tokens.index(rest[-1])

    def _from_name_first(self, text, tokens, by_start, blocked, add) -> None:
        """ "Li Na is mijn naam", "yvonne tehupeiory hier," at the start of a message."""
        for match in _NAME_FIRST.finditer(text):
            first = by_start.get(match.start("name"))
            if first is None:
                continue
            names = [t for t in tokens[first:] if t.end <= match.end("name")]
            if not names or any(_is_blocked(t, blocked) or not t.is_word for t in names):
                continue
            if self._never(names[0]) or any(t.low in self.NEVER_NAMES for t in names):
                continue
            if any(t.low in self.NATIONALITIES for t in names):
                continue
            if not match.group("naming"):
                if len(names) == 1 and names[0].low in self._places:
                    continue  # "Utrecht hier": a place, not a name
                # "hier" is an ordinary word after anything; every word must look like a name
                if any(t.low in self._ordinary and not self._in_names(t.low) for t in names):
                    continue
                if (
                    not any(self._in_names(t.low) for t in names)
                    and len(names) < 2
                    and not (self._unknown_word(names[0].low) and len(names[0].low) >= 4)
                ):
                    continue  # "senait hier," counts: a word in no Dutch or English list
            add(first, first + len(names) - 1, self.SCORE_TRIGGER)

    def _from_initials(self, text, tokens, by_start, blocked, add) -> None:
        """ "tnv j. de wit", "b. van der meer is mijn naam": initials before a listed surname.

        With an interfix the surname must be one that follows interfixes ("Wit", "Meer") or no
        Dutch word ("el khattabi"); without one, a listed surname that is no word ("a. jansen").
        """
        for match in _INITIALS_NAME.finditer(text):
            initials = re.sub(r"\s", "", match.group("initials")).lower()
            if initials in _ABBREVIATIONS:
                continue
            surname = match.group("surname").lower()
            first = by_start.get(match.start())
            last = next((i for i, t in enumerate(tokens) if t.end == match.end()), None)
            if first is None or last is None or _is_blocked(tokens[last], blocked):
                continue
            signed = _SIGNED_BEFORE.search(text, 0, match.start()) is not None
            if signed and (surname in self._surnames or self._unknown_word(surname)):
                add(first, last, self.SCORE_TRIGGER)  # "mvg, r. bakker", "Mr. P. Smits"
                continue
            if match.group("interfix"):  # "van der meer", "de Vries": words and places too
                if surname not in self._interfix_surnames and (
                    len(surname) < 3 or _lexicon.is_dutch_word(surname)
                ):
                    continue
            elif (
                self._never(tokens[last])
                or surname in self._places
                or surname not in self._surnames
                or _lexicon.is_dutch_word(surname)
            ):
                continue
            add(first, last, self.SCORE_NAME)

    def _from_lookup(self, text, tokens, blocked, claimed, add) -> None:
        index = 0
        while index < len(tokens):
            tok = tokens[index]
            score = None if index in claimed else self._lookup_score(text, tokens, index, blocked)
            if score is None:
                index += 1
                continue
            last = self._extend_right(tokens, index, blocked)
            if _street_with_number(text, tokens, index, last):
                index = last + 1  # "Jan van Galenstraat 48", "te Laan van Meerdervoort 120"
                continue
            first = self._extend_left(tokens, index)
            if last > index:
                score = max(score, self.SCORE_FULL_NAME if tok.capital else self.SCORE_NAME)
            add(first, last, score)
            index = last + 1

    def _lookup_score(self, text: str, tokens: list[_Tok], index: int, blocked) -> float | None:
        tok = tokens[index]
        low = tok.low
        if self._never(tok) or _is_blocked(tok, blocked) or low in self._places:
            return None
        if low in self.GEOGRAPHY or (tok.text.isupper() and len(low) <= 3):
            return None  # rivers, regions; "AA" in "2500 AA", "AH", "NS"
        if not self._in_names(low):
            return None
        ordinary = low in self._ordinary
        if tok.capital:
            previous = tokens[index - 1].text if index else ""
            if previous in ("de", "het", "een") and low not in self._surnames:
                return None  # "de Dirk", "de Hema": a shop, not a first name
            if not ordinary:
                return self.SCORE_NAME
            initial = _sentence_initial(text, tokens, index)
            previous = tokens[index - 1].low if index else ""
            if initial or previous in self.DETERMINERS or tok.text.isupper():
                return None
            # "bij Jan geweest" counts; "Bakker", "Groot", "Hond" alone need a context word.
            if low in self._first:
                return self.SCORE_CAPITALISED_WORD_NAME
            return self.SCORE_CAPITALISED_WORD_SURNAME
        if ordinary or low in self._english or len(low) < 4 or _lexicon.is_dutch_word(low):
            return None  # lowercase without a trigger: "maatje", "leest" are words
        return (
            self.SCORE_LOWERCASE_FIRST_NAME if low in self._first else self.SCORE_LOWERCASE_SURNAME
        )

    def _result(self, start: int, end: int, score: float) -> RecognizerResult:
        return explained_result(self, start, end, score, "Dutch name trigger or name-list lookup")


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


def _is_blocked(tok: _Tok, blocked: list[tuple[int, int]]) -> bool:
    return any(start < tok.end and tok.start < end for start, end in blocked)


def _sentence_initial(text: str, tokens: list[_Tok], index: int) -> bool:
    if index == 0:
        return True
    previous = tokens[index - 1]
    return previous.text in ".!?:;\"'(-" or "\n" in text[previous.end : tokens[index].start]


def _only_symbols(rest: str) -> bool:
    """Whatever follows a closing name is punctuation or emoji, not more words."""
    return not re.search(r"[\w]", rest)

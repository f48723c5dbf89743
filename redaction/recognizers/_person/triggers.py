"""Trigger phrases after which a word is read as a name: "ik ben", "mevrouw", "mijn zoon", "gr".

The word tables are shared: ``shapes`` turns the kinship words into never-names.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex as re

from redaction.wordlists import DATA_DIR, read_term_file

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
    "verhuurder|wijkcoach|schuldhulpmaatje|voogd|bewindvoerder|pleegmoeder|pleegvader|"
    "deurwaarder|gerechtsdeurwaarder|schuldhulpverlener|jongerenwerker|buurtwerker|"
    "gezinscoach|gezinsvoogd|woonconsulent|wijkverpleger|advocaat|advocate|notaris|"
    "huisarts|leraar|lerares|docent|docente|medewerker|medewerkster|ambtenaar|"
    "maatschappelijk\\s+werker|maatschappelijk\\s+werkster|schoolmaatschappelijk\\s+werker"
)
# The same in English, which residents now write in full: "my son Will", "our landlord Mark".
_ENGLISH_FAMILY = (
    "son|daughter|wife|husband|partner|brother|sister|mother|mum|mom|father|dad|boyfriend|"
    "girlfriend|friend|neighbour|neighbor|landlord|landlady|uncle|aunt|cousin|grandson|"
    "granddaughter|grandmother|grandfather|flatmate|roommate|colleague|boss|child|baby|"
    "stepson|stepdaughter|caseworker|teacher|nephew|niece"
)
# "benim adım", "ana ismi", "magacaygu waa", "nazywam się", "мене звати": "my name is" in the
# languages residents mix in.
_OTHER_NAMING = (
    r"benim\s+ad[ıi]m|ad[ıi]m|ismim|ana\s+ismi|magacaygu(?:\s+waa)?|magacayga(?:\s+waa)?|"
    r"nazywam\s+si[ęe]|mam\s+na\s+imi[ęe]|мене\s+звати|меня\s+зовут"
)
_TITLES = (
    r"mrs\.?|ms\.?|miss|mevrouw|meneer|mijnheer|mevr\.?|mw\.?|mvr\.?|dhr\.?|(?-i:HR|Hr)\.?|de\s+heer|geachte\s+heer|mej\.?|"
    r"juffrouw|juf|"
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
    # koen getrouwd" - a lowercase first name that is rarely a plain word. "elder": "tante riet",
    # "opa Henk" - a first name that is rarely a plain word, in any case.
    mode: str = ""


def _naming_phrases() -> str:
    """ "mi é|me llamo|mă numesc|...": "my name is" in more languages (data/naming_phrases.txt)."""
    phrases = sorted(read_term_file(DATA_DIR / "naming_phrases.txt"), key=len, reverse=True)
    return "|".join(re.escape(phrase).replace(r"\ ", r"\s+") for phrase in phrases)


def _person_labels() -> str:
    """ "rekeninghouder|aanvrager|...": who a "Naam ...:" field names (data/person_labels.txt)."""
    labels = sorted(read_term_file(DATA_DIR / "person_labels.txt"), key=len, reverse=True)
    return "|".join(re.escape(label).replace(r"\ ", r"\s+") for label in labels)


def _triggers() -> list[_Trigger]:
    flags = re.IGNORECASE | re.MULTILINE
    possessive = r"(?:mijn|m'n|mn|onze|ons|haar|zijn|z'n|je|jouw|uw)"
    return [
        _Trigger(  # "Naam rekeninghouder: S. Vos-Kok", "Naam van de aanvrager: ...", "Name of
            # applicant:": a form's field for a person's name
            re.compile(rf"\b(?:naam|name)\s+(?:van\s+(?:de|het)\s+|of\s+(?:the\s+)?)?"
                       rf"(?:{_person_labels()})\s*:\s*", flags),
            True, naming=True,
        ),
        _Trigger(  # "NL24RABO... t.n.v. J.R. Pinas", "ten name van: K. Doelwijt": whose account
            re.compile(r"(?<![\w.])(?:t\.\s?n\.\s?v\.|tnv|ten\s+name\s+van)\s*:?\s*", flags),
            True, naming=True,
        ),
        _Trigger(
            # "mijn naam is", and without the verb before a capital ("mijn naam Selam Tesfaye.");
            # not "op mijn naam": in whose name a contract is ("staat op mijn naam Maar ...")
            re.compile(rf"(?<!\bop\s+)\b{possessive}\s+(?:voor|achter)?naam\s*"
                       r"(?:\s(?:is|was)|:|\s(?=(?-i:\p{Lu})))\s*", flags),
            True,
            naming=True,
        ),
        _Trigger(
            re.compile(r"(?:^|\n)\s*(?:voor|achter)?naam(?:\s*:\s*|\s+)", flags), True, naming=True
        ),
        _Trigger(  # a form's name field anywhere in a line: "Voornaam: Iris Achternaam: Koning"
            re.compile(r"\b(?:(?:voor|achter|roep|meisjes)?naam|voornamen|surname|"
                       r"(?:first|last|family|full)\s+name)\s*:\s*", flags),
            True, naming=True,
        ),
        _Trigger(  # a name spelled out: "mijn achternaam spel je K O R S T J E N S", "gespeld:"
            re.compile(r"\b(?:(?:voor|achter)?naam\s+(?:spel|schrijf)\s+je|gespeld|"
                       r"(?:is\s+)?spelled|(?:voor|achter)naam)\s*:?\s+(?=\p{Lu})", flags),
            True, naming=True,
        ),
        _Trigger(re.compile(r"\b(?:heet|heten|heette|genaamd)\s+", flags), True, naming=True),
        _Trigger(  # a nickname: "iedereen noemt mij Mei", "noem me maar Toon"
            re.compile(r"\b(?:noemt|noemen|noemden|noem)\s+(?:mij|me|hem|haar)\s+"
                       r"(?:ook\s+|gewoon\s+|maar\s+)*", flags),
            True,
        ),
        _Trigger(
            re.compile(
                r"\b(?:my|his|her|our)\s+(?:(?:first|last|full|family)\s+|sur)?name"
                r"(?:\s+is|\s+was|\s*:)?\s*",
                flags,
            ),
            True,
            naming=True,
        ),
        _Trigger(re.compile(rf"(?<!\w)(?:{_OTHER_NAMING}|called|named)\s+", flags), True,
                 naming=True),
        _Trigger(re.compile(rf"(?<!\w)(?:{_naming_phrases()})\s*", flags), True, naming=True),
        _Trigger(
            re.compile(rf"\b(?:my|our|his|her)\s+(?:{_ENGLISH_FAMILY})\b\s*,?\s*\(?\s*", flags),
            True,
            mode="family",
        ),
        _Trigger(re.compile(r"\b(?:i['’]?m|i\s+am)\s+", flags), False),
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
        _Trigger(re.compile(r"\bvolgens\s+", flags), False, mode="with"),
        # "tante riet", "opa henk": a family word used as a title, without "mijn"
        _Trigger(re.compile(r"(?<![\w])(?:tante|oom|ome|opa|oma)\s+", flags), False, mode="elder"),
        _Trigger(
            re.compile(
                rf"(?:^|[.!?,\n]\s*|(?<![\d\s])\s+)(?:{_CLOSINGS})\s*[,.!:]*\s*(?:van\s+)?",
                flags,
            ),
            True,
            at_end=True,
            naming=True,
        ),
        _Trigger(re.compile(r"\b(?:ik\s+ben|dit\s+is|hier\s+is|this\s+is|here\s+is)\s+", flags),
                 False),
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
# The interfix may be abbreviated as letters and forms write it: "T. v.d. Berg", "M. v. Dijk".
_INITIALS_NAME = re.compile(
    r"(?<![\w.])(?P<initials>(?:[^\W\d_]\.\s?){1,3}?)"
    r"(?:(?P<interfix>(?<=\s)(?-i:v\.\s?d\.|v/d|v\.\s?(?:der|den|de)|vd|v\.)|"
    r"van\s+der|van\s+den|van\s+de|van\s+'t|van|de|den|der|ter|ten|te|el|al|le|la)"
    r"\s*(?<=[\s.]))?(?P<surname>[^\W\d_][\w'’-]+)",
    re.IGNORECASE,
)
# Initials alone where a name is due: signed at the very end after a closing or a comma
# ("Groetjes en bedankt, A.B.", "Alvast bedankt voor het meedenken, R.J.") or after
# "voorletters" ("mijn voorletters zijn J.H.M.", "Voorletters:\nP.J.").
_CAPITAL_INITIALS = r"(?P<initials>(?-i:[A-Z])\.(?:\s?(?-i:[A-Z])\.){0,3})"
_SIGNED_INITIALS = re.compile(
    rf"(?:(?:^|[\s,.!])(?:{_CLOSINGS})\s*[,.:!-]*\s*{_CAPITAL_INITIALS}"
    r"|[,\n]\s*(?P<initials2>(?-i:[A-Z])\.(?:\s?(?-i:[A-Z])\.){1,3}))(?=[\s.!]*$)",
    re.IGNORECASE,
)
_LABELLED_INITIALS = re.compile(
    rf"\b(?:voorletters?|initials?)(?:\s+(?:zijn|is|are|was))?\s*:?\s*{_CAPITAL_INITIALS}"
    r"(?![\w.])",
    re.IGNORECASE,
)
# A closing or a title right before initials: "mvg, r. bakker", "Mr. P. Smits".
_SIGNED_BEFORE = re.compile(
    rf"(?:^|[\s,.!])(?:{_CLOSINGS}|{_TITLES})\s*[,.:]*\s*$", re.IGNORECASE
)
_ABBREVIATIONS = frozenset(
    "o.a. t.a.v. z.s.m. m.b.t. i.v.m. d.w.z. a.u.b. n.a.v. t.n.v. p.s. m.v.g. b.v. e.d. i.p.v. "
    "o.b.v. m.i.v. v.a. n.v.t. i.o. c.q. u. s.v.p. n.b. b.v.d.".split()
)

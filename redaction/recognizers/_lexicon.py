"""Word lists the recognizers share, read once per process from installed packages.

The deduce lists (LGPL-3.0-or-later) and spaCy's Dutch lemma table are *read* from the installed
packages at construction time and never copied into the repository. Every loader is cached, so a
second recognizer (or a second registry) reuses the same frozensets instead of re-reading files.
Nothing here runs at import time.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import re
from functools import cache, lru_cache
from pathlib import Path

from redaction.wordlists import CHAT_WORDS_FILE, fold_accents, read_term_file

DATA_DIR = Path(__file__).with_name("data")

WEEKDAYS = frozenset(
    "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag ma di wo do vr za zo".split()
)
MONTHS = frozenset(
    "januari februari maart april mei juni juli augustus september oktober november "
    "december".split()
)
MONTH_ABBREVIATIONS = frozenset("jan feb mrt apr jun jul aug sep sept okt nov dec".split())


def _package_dir(package: str, why: str) -> Path:
    """Where an installed package's data lives, found without importing the package."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"{package} is not installed; {why}")
    return Path(next(iter(spec.submodule_search_locations)))


def _read_json_gz(path: Path) -> dict:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return json.load(handle)


def _deduce_root() -> Path:
    root = _package_dir("deduce", "the Dutch name and street lists come from it")
    return root / "data" / "lookup" / "src"


def _read_lines(path: Path) -> set[str]:
    if not path.exists():
        return set()
    return {line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}


def _deduce_list(relative: str) -> frozenset[str]:
    """items.txt minus exceptions.txt of a deduce list (and its nested lst_* lists), lowercased."""
    folder = _deduce_root() / relative
    items = _read_lines(folder / "items.txt") - _read_lines(folder / "exceptions.txt")
    for sub in sorted(folder.glob("lst_*")):
        items |= _deduce_list(str(sub.relative_to(_deduce_root())))
    return frozenset(item.lower() for item in items)


@cache
def first_names() -> frozenset[str]:
    """Deduce's first names and the ones it misses (data/first_names.txt: "Toon", "Selam")."""
    return _deduce_list("names/lst_first_name") | read_term_file(DATA_DIR / "first_names.txt")


@cache
def surnames() -> frozenset[str]:
    """Surnames, including the ones deduce lists as following an interfix ("Berg" in "van der")."""
    return _deduce_list("names/lst_surname") | interfix_surnames()


@cache
def interfix_surnames() -> frozenset[str]:
    """Surnames deduce lists as following an interfix: "Ruyter" in "de Ruyter"."""
    return _deduce_list("names/lst_interfix_surname")


@cache
def interfixes() -> frozenset[str]:
    """Surname interfixes ("van der", "el", "ten"), lowercased, as whole phrases."""
    return _deduce_list("names/lst_interfix")


@cache
def place_names() -> frozenset[str]:
    """Dutch places (deduce), the districts of the larger cities, the countries residents come
    from or talk about, and the towns across the border they work and bank in."""
    return (_deduce_list("locations/lst_placename") | read_term_file(DATA_DIR / "countries.txt")
            | read_term_file(DATA_DIR / "foreign_places.txt")
            | read_term_file(DATA_DIR / "neighbourhoods.txt"))


@cache
def street_names() -> frozenset[str]:
    return _deduce_list("locations/lst_street")


@cache
def lemma_table() -> dict[str, str]:
    """spaCy's Dutch lookup lemma table (form -> lemma), as shipped by spacy-lookups-data."""
    root = _package_dir("spacy_lookups_data", "the Dutch lemma table comes from it")
    return _read_json_gz(root / "data" / "nl_lemma_lookup.json.gz")


@cache
def function_words() -> frozenset[str]:
    """Words that are never a name or a street, not even after a trigger ("mijn moeder wil")."""
    from spacy.lang.nl.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | _deduce_list("whitelist/lst_stop_word") | WEEKDAYS | MONTHS


@cache
def ordinary_words() -> frozenset[str]:
    """Every lowercased Dutch word form or lemma we know, plus deduce's whitelists.

    A token in here is only a name when something else says so (capital mid-sentence, trigger).
    """
    table = lemma_table()
    words = {key.lower() for key in table} | {value.lower() for value in table.values()}
    # spaCy's table misses everyday words ("meteen", "intussen"); the frequency list fills that
    # in. First names in it ("peter" 153, "roos" 2312) stay names unless they are as frequent as
    # real words ("hoop", "niks": tens of thousands).
    frequent = {w for w, n in word_counts().items() if n >= FREQUENT_WORD_MIN_COUNT
                and (n >= FIRST_NAME_AS_WORD_MIN_COUNT or w not in first_names())}
    english = _english_stop_words() | english_words()
    return frozenset(words | frequent | english | chat_words() | _deduce_list("whitelist")
                     | function_words())


# Words seen fewer times than this in the frequency list are treated as unknown: names sit at the
# list's floor of 50, everyday words far above it.
FREQUENT_WORD_MIN_COUNT = 100
FIRST_NAME_AS_WORD_MIN_COUNT = 5000


def _english_stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@cache
def word_counts() -> dict[str, int]:
    """Dutch word counts from pyspellchecker's frequency list (MIT; counts from subtitles)."""
    root = _package_dir("spellchecker", "its Dutch word list is needed")
    return _read_json_gz(root / "resources" / "nl.json.gz")


@cache
def english_words() -> frozenset[str]:
    """Everyday English words residents mix into Dutch ("my daughter", "yesterday"): words, not
    names (data/english_words.txt; no word that is also a common name)."""
    return read_term_file(DATA_DIR / "english_words.txt")


@cache
def never_name_words() -> frozenset[str]:
    """English months, weekdays and nationalities, form labels, and greetings of the languages
    residents mix in: never a name nor its edge (data/never_name_words.txt). The ones that are
    also first names ("may", "june") are names only after a trigger."""
    return read_term_file(DATA_DIR / "never_name_words.txt")


@cache
def nationality_words() -> frozenset[str]:
    """Dutch words for nationalities, languages and faiths ("Marokkaans", "Poolse", "Turk"): no
    name on their own, also where they are surnames too (data/nationality_words.txt)."""
    return read_term_file(DATA_DIR / "nationality_words.txt")


# An English word at least this frequent (log probability in spaCy's English lexeme table) that
# is written in lower case more often than capitalised is a word: "said" -7.3 (capitalised
# -12.3), "fine", "hope", "refuses"; not "june" or "tom", which are capitalised more often.
ENGLISH_WORD_MIN_LOGPROB = -13.8


@cache
def english_common_words() -> frozenset[str]:
    """Everyday English words (spacy-lookups-data: the English lemma table and lexeme
    probabilities), for telling "Mark Visser refuses" from a three-word name. Wider than
    english_words(): it holds words that are also names ("said", "hope", "will")."""
    known, _ = _english_lemma_forms()
    return frozenset(w for w in english_lowercase_words() if w in known) | english_words()


@lru_cache(maxsize=1)
def english_vocabulary() -> frozenset[str]:
    """Every lowercase English word form spaCy's English tables know (the lemma table's forms and
    lemmas, frequent forms written lowercase more often than capitalised): a lowercase word in
    here is English ("tantrums", "absolutely"), not a name, unless a first-name list says so."""
    _, lowercase_forms = _english_lemma_forms()
    return lowercase_forms | english_lowercase_words() | english_common_words()


@lru_cache(maxsize=1)
def english_lowercase_words() -> frozenset[str]:
    """Frequent English word forms written lowercase more often than capitalised ("violent",
    "absolutely"; not "john"): what a one-letter typo of an English word is measured against."""
    probs = _english_probs()
    return frozenset(w for w, p in probs.items() if w.islower() and p > probs.get(w.title(), -99.0))


# English contractions residents type, with and without the apostrophe: never a name.
ENGLISH_CONTRACTIONS = frozenset(
    "dont don't i'm im can't cant doesn't doesnt didn't didnt won't wont isn't isnt i've ive "
    "i'd i'll you're he's she's it's that's there's we're they're wasn't aren't".split())


# Log probability above which a lowercase English word is everyday English even when it is also
# a first name ("fine", "said", "will", "hope"): the few hundred most frequent words.
ENGLISH_EVERYDAY_LOGPROB = -9.0


@lru_cache(maxsize=1)
def english_frequent_words() -> frozenset[str]:
    probs = _english_probs()
    return frozenset(w for w in english_lowercase_words() if probs[w] >= ENGLISH_EVERYDAY_LOGPROB)


def _english_data() -> Path:
    return _package_dir("spacy_lookups_data", "the English word list comes from it") / "data"


@lru_cache(maxsize=1)
def _english_probs() -> dict[str, float]:
    """The frequent forms' probabilities, read once for every English list built from them."""
    return frequent_forms(_english_data() / "en_lexeme_prob.json.gz", ENGLISH_WORD_MIN_LOGPROB)


@lru_cache(maxsize=1)
def _english_lemma_forms() -> tuple[frozenset[str], frozenset[str]]:
    """The lemma table read once: every form and lemma lowercased, and those written lowercase."""
    table = _read_json_gz(_english_data() / "en_lemma_lookup.json.gz")
    words = set(table) | set(table.values())
    return (frozenset(w.lower() for w in words), frozenset(w for w in words if w.islower()))


_PROB_LINE = re.compile(r'\s*"([^\W\d_]+)":\s*(-?[\d.]+)')
# The same line where the word is written with JSON escapes (the German table's
# "F\\u00fchrerschein").
_ESCAPED_PROB_LINE = re.compile(r'\s*"((?:[^\W\d_]|\\u[0-9a-fA-F]{4})+)":\s*(-?[\d.]+)')


def frequent_forms(path: Path, min_logprob: float, escaped: bool = False) -> dict[str, float]:
    """Word forms of a spaCy lexeme table at or above ``min_logprob``. The table (a million
    entries) is sorted by probability, so reading stops at the first line below it: a tenth of a
    full parse. ``escaped``: read words written with JSON escapes too, decoded."""
    pattern = _ESCAPED_PROB_LINE if escaped else _PROB_LINE
    forms: dict[str, float] = {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            match = pattern.match(line)
            if match is None:
                continue
            prob = float(match.group(2))
            if prob < min_logprob:
                break
            word = json.loads(f'"{match.group(1)}"') if escaped else match.group(1)
            forms[word] = prob
    return forms


@cache
def chat_words() -> frozenset[str]:
    """Chat spellings and fillers ("mn", "aub", "jep") no dictionary lists (data/chat_words.txt)."""
    return read_term_file(CHAT_WORDS_FILE)


def load_keep_terms(path: Path | None = None) -> frozenset[str]:
    """Organisation and help terms that must survive redaction, lowercased ('#' = comment)."""
    return read_term_file(path or DATA_DIR / "keep_terms.txt")


@cache
def _lemma_data() -> tuple[frozenset[str], tuple[tuple[str, str], ...]]:
    """spaCy's Dutch lemma index (198k lemmas) and its suffix rules, from spacy-lookups-data."""
    folder = _package_dir("spacy_lookups_data", "the Dutch lemma table comes from it") / "data"
    index = _read_json_gz(folder / "nl_lemma_index.json.gz")
    rules = _read_json_gz(folder / "nl_lemma_rules.json.gz")
    lemmas = frozenset(w.lower() for words in index.values() for w in words)
    pairs = {(old, new) for pos in ("noun", "verb", "adj") for old, new in rules.get(pos, [])}
    return lemmas, tuple(sorted(pairs, key=lambda p: -len(p[0])))


@cache
def _accent_folded_words() -> frozenset[str]:
    """Known words that carry an accent, as typed without it ("prive", "cafe", "ideeen").

    Only words that change when folded are here, so a name list is never widened by it.
    """
    lemmas, _ = _lemma_data()
    return frozenset(
        folded
        for word in ordinary_words() | lemmas
        if (folded := fold_accents(word)) != word
    )


PRONOMINAL_HEADS = ("er", "hier", "daar", "waar")
# The prepositions (in their pronominal form: met -> mee, tot -> toe) that follow them.
PRONOMINAL_TAILS = frozenset(
    "aan achter af bij binnen boven buiten door in langs mee na naar naast om onder op over "
    "rond toe tegen tussen uit van voor zonder".split())


def is_pronominal_adverb(word: str) -> bool:
    """ "erin", "erop", "daarmee", "waarvoor": er/hier/daar/waar + a preposition. A closed class of
    Dutch words, never a name - also when one is a first name elsewhere ("Erin"); "erik" is not
    one ("ik" is no preposition)."""
    low = word.lower()
    return any(low.startswith(head) and low[len(head):] in PRONOMINAL_TAILS
               for head in PRONOMINAL_HEADS)


def is_present_tense_verb(word: str) -> bool:
    """ "belt", "werkt", "zegt": stem + t, with the infinitive (stem + en, or the stem's last
    consonant doubled + en: "bellen") a known lemma. A surname that is also such a form (Belt)
    reads as the verb when lowercase."""
    low = word.lower()
    if len(low) < 4 or not low.endswith("t"):
        return False
    lemmas, _rules = _lemma_data()
    stem = low[:-1]
    infinitives = {stem + "en"}
    if stem[-1] not in "aeiou":
        infinitives.add(stem + stem[-1] + "en")  # "belt": bellen
    if len(stem) >= 3 and stem[-3] == stem[-2] and stem[-2] in "aeou":
        infinitives.add(stem[:-2] + stem[-1] + "en")  # "woont": wonen
    return bool(infinitives & lemmas)


@lru_cache(maxsize=65536)
def is_dutch_word(word: str) -> bool:
    """A Dutch word form: listed, an inflection of a lemma ("ouderen", "leest"), or a compound of
    two of them ("klantnummer", "woonplek"). Wider than ordinary_words(), which only has the
    forms the lookup table maps; used to tell a plain word the NER tagged from a name.
    """
    low = word.lower()
    if low in ordinary_words() or low in _accent_folded_words():
        return True
    lemmas, rules = _lemma_data()
    if low in lemmas or any(
        low.endswith(old) and low[: len(low) - len(old)] + new in lemmas
        for old, new in rules
        if old
    ):
        return True
    # "collectieve", "boze", "brieven": v/z in the inflection, f/s in the lemma
    for ending, lemma_end in (("ve", "f"), ("ven", "f"), ("ze", "s"), ("zen", "s")):
        if low.endswith(ending) and len(low) > 4:
            stem = low[: -len(ending)]
            if stem + lemma_end in lemmas or (stem[-1:] in "aeou" and stem + stem[-1] in lemmas):
                return True
    # present tense "gebeurt", "werkt", "belt": the infinitive is a lemma
    if is_present_tense_verb(low):
        return True
    for suffix in ("etje", "tje", "pje", "kje", "je"):  # diminutives: "maatje", "boompje"
        if low.endswith(suffix) and len(low) - len(suffix) >= 3:
            if low[: -len(suffix)] in lemmas:
                return True
    for head in PRONOMINAL_HEADS:  # "erbij", "daarmee", "waarom"
        if low.startswith(head) and low[len(head) :] in function_words():
            return True
    # "sociale", "normale", "gewone": adjectives whose lemma doubles the vowel
    if len(low) > 4 and low.endswith("e") and low[-3] in "aeou" and low[-2] not in "aeiou":
        if low[:-2] + low[-3] + low[-2] in lemmas:
            return True
    if len(low) < 7:
        return False
    for cut in range(3, len(low) - 3):  # compounds: "dossier|nummer", "woon|plek"
        head, tail = low[:cut], low[cut:]
        if (head in lemmas or head in ordinary_words()) and (
            tail in lemmas or tail in ordinary_words() or (len(tail) >= 5 and is_dutch_word(tail))
        ):
            return True  # also "personen|alarmering": an inflected head, a derived tail
        if head.endswith("s") and head[:-1] in lemmas and tail in lemmas:  # "beschikking|s|..."
            return True
    return False

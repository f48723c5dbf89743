"""German words are no names, in a message written in German.

Residents near the border write German ("Meine Tochter braucht Jugendhilfe", "ich bin Rentner"),
and German writes every noun with a capital: the Dutch capital-letter cues and the NER, trained
on Dutch, read "Meine", "Rentner" and "eine Frage" as names (blind_corpus_26: 9 of 19 wrongly
redacted "names"). In a message with German function words, a PERSON finding made only of German
words - function words, or frequent words of spaCy's German lexeme table that no first-name or
surname list holds - is dropped, and such words at the edges of a name are cut off ("Meine Frau
Gisela Brückner"). "Frau Müller" keeps Müller (a surname), "Gisela" is a first name, and a name in a
Dutch message is never touched here.
"""

from __future__ import annotations

import re
from functools import cache

from redaction.recognizers import _lexicon
from redaction.wordlists import DATA_DIR, read_term_file

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# German function words that are no Dutch word: two of them make a message German.
GERMAN_SIGNS_MIN = 2
# A German word at least this frequent (log probability in spaCy's German lexeme table) is an
# everyday word ("Tochter" -9.6, "Rentner" -11.7, "Führerschein" -11.7); rarer forms stay
# possible surnames ("Kürten").
GERMAN_WORD_MIN_LOGPROB = -13.0


@cache
def german_words() -> frozenset[str]:
    """Frequent German word forms, lowercase, without any first name or surname a Dutch or
    German name list holds ("Uwe", "Müller"; data/german_names.txt): what a German message's
    capitals may be besides names. Read the first time a German message holds a name."""
    root = _lexicon._package_dir("spacy_lookups_data", "the German word list comes from it")
    table = root / "data" / "de_lexeme_prob.json.gz"
    forms = _lexicon.frequent_forms(table, GERMAN_WORD_MIN_LOGPROB, escaped=True)
    words = {w.lower() for w in forms if w.isalpha()}
    return frozenset(words) - _lexicon.first_names() - _lexicon.surnames() - _german_names()


def _german_names() -> frozenset[str]:
    return read_term_file(DATA_DIR / "german_names.txt")


@cache
def german_function_words() -> frozenset[str]:
    from spacy.lang.de.stop_words import STOP_WORDS

    return frozenset(w.lower() for w in STOP_WORDS)


@cache
def _german_signs() -> frozenset[str]:
    """German function words a Dutch message does not use ("ich", "und", "meine", "nicht")."""
    return frozenset(w for w in german_function_words() if not _lexicon.is_dutch_word(w))


def is_german_message(text: str) -> bool:
    signs = _german_signs()
    return sum(w.lower() in signs for w in _WORD.findall(text)) >= GERMAN_SIGNS_MIN


def german_name_part(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``text[start:end]``, found as a name, without its German words at either end ("Meine
    Nachbarin heißt Sabine Koch" -> "Sabine Koch"); None when only German words are left. A
    message that is not German keeps the finding as it is."""
    if not is_german_message(text):
        return start, end
    names = [m for m in _WORD.finditer(text, start, end) if not _is_german_word(m.group())]
    if not names:
        return None
    return names[0].start(), names[-1].end()


def _is_german_word(word: str) -> bool:
    return all(w in german_function_words() or w in german_words()
               for w in word.lower().split("-"))

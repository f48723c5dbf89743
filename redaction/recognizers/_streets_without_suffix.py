"""Streets the address recognizer finds without a street suffix or a listed name: the words
around them say it is a street ("op Bosch en Duin 12", "ik woon op de Singel 58")."""

from __future__ import annotations

from collections.abc import Collection

import regex as re

from redaction.recognizers._house_numbers import _ADDRESS_BEFORE, _TOWN_PREFIX
from redaction.recognizers._words_before import Token, index_at

# Words that say someone lives at the place named next ("woon", "thuis", "huis", "adres").
_RESIDENCE = re.compile(
    r"\b(?:wo(?:on|ont|nen|onachtig)|adres\w*|thuis|huis|huisje|woning|flat|appartement|"
    r"woonboot|verhuisd|wennet|wenje|wont)\b", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[.!?]\s+|\n")


def capitalised(word: str) -> bool:
    """ "Kerkstraat", and "'s-Gravendijkwal" after its "'s-"/"'t-" prefix."""
    return _TOWN_PREFIX.sub("", word)[:1].isupper()


def coordinated_street(
    text: str, tokens: list[Token], function_words: Collection[str]
) -> int | None:
    """ "op Bosch en Duin 12", "aan Hof en Weide 3": two capitalised words joined by "en"
    after "op"/"aan" (or "woon"/"adres") and before a house number name a street."""
    if len(tokens) < 3 or tokens[1].text != "en":
        return None
    words = (tokens[2].text, tokens[0].text)
    if not all(capitalised(w) and w.isalpha() for w in words):
        return None
    if any(w.lower() in function_words for w in words):
        return None
    after_preposition = len(tokens) > 3 and tokens[3].text.lower() in ("op", "aan")
    if not after_preposition and not _ADDRESS_BEFORE.search(
        text[max(0, tokens[2].start - 40) : tokens[2].start]
    ):
        return None
    return tokens[2].start


def residence_street(
    text: str, tokens: list[Token], function_words: Collection[str], places: Collection[str]
) -> int | None:
    """ "ik woon op de Singel 58", "thuis op het Veldje 2": one capitalised word after
    "op/aan de/het", where the sentence says someone lives there, is a street - also a word or a
    name no list holds ("Sjeenderberg"). The article and preposition stay out."""
    if len(tokens) < 3 or tokens[1].text.lower() not in ("de", "het", "'t", "’t"):
        return None
    if tokens[2].text.lower() not in ("op", "aan"):
        return None
    head = tokens[0].text
    low = head.lower()
    if not (capitalised(head) and head.isalpha() and len(low) >= 3):
        return None
    if low in function_words or low in places:
        return None
    sentence = _SENTENCE_BREAK.split(text[max(0, tokens[2].start - 80) : tokens[2].start])[-1]
    if not _RESIDENCE.search(sentence):
        return None
    return tokens[0].start


def joins_street(
    tokens: list[Token], head: int, index: int, streets: Collection[str],
    places: Collection[str], openers: Collection[str],
) -> bool:
    """Whether the capitalised word at ``index``, across particles, is part of the street at
    ``head`` (tokens run backwards from the number): yes when the whole is a listed street ("Jan
    van Galenstraat"), a title or a particle opens it ("Ds. van Dijkweg", "Van der Helststraat"),
    or the street alone is no listed one and the word no place ("Oude Kijk in 't Jatstraat"); no
    for a town or a name before a listed street ("Goes op de Oostkerkseweg", "buurman Henk van
    Molenstraat"), where the address starts at the street."""
    word = tokens[index].text.lower()
    if not streets or word in openers:
        return True
    phrase = " ".join(t.text for t in reversed(tokens[head:index + 1])).lower()
    if phrase in streets:
        return True
    return tokens[head].text.lower() not in streets and word not in places


def with_article(tokens: list[Token], start: int) -> int:
    """ "'t Hoogt 12", "'s Gravenhekje 3": the old article belongs to the street name."""
    index = index_at(tokens, start)
    if index is not None and index + 1 < len(tokens):
        if tokens[index + 1].text.lower().replace("’", "'") in ("'t", "'s"):
            return tokens[index + 1].start
    return start

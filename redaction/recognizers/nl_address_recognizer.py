"""Street + house number (+ addition): "Kerkstraat 12", "Van der Helststraat 5-hs",
"Burgemeester de Withstraat 103 B", "Oude Gracht 12bis", "Laan van Meerdervoort 120".

Every house number is a candidate; the words right before it decide. A street is a word ending in
a Dutch street suffix (straat, laan, weg, gracht ...), a bare suffix word after a capitalised word
("Oude Gracht"), a suffix word followed by "van ..." ("Laan van Meerdervoort"), or a street from
deduce's street list (read from the installed package once) for streets without a suffix
("Rokin 12"). Capitalised words and name particles in front are included, function words and
sentence starters ("Ik woon op de ...") are not. Lowercase streets only count when they are not an
ordinary Dutch word, or are a known street; "onderweg 10 min" is neither. A street from the list
that is also an ordinary word ("Akkerwinde 9") needs a postcode after it or "woon/adres" before.
Several words that form a listed street are taken whole, in any case ("pastoor van arsstraat 7",
"de ruyterweg 64-3"), and so is a lowercase "van (der)" before a street named after a person
("van Speijkstraat 5-hs"). The span is the street, the number and the addition - never the
postcode or the town.
"""

from __future__ import annotations

import regex as re
from presidio_analyzer import LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from redaction.recognizers import _lexicon
from redaction.recognizers._english_addresses import number_first_streets, with_units
from redaction.recognizers._house_numbers import (
    _ADDRESS_BEFORE,
    _HOUSE_NUMBER,
    _INNER_CAPITAL,
    _NUMBER_MARKERS,
    _ORDINAL,
    _POSTCODE_AFTER,
    _PREPOSITIONS,
    _SENTENCE_END,
    quantity_after,
    town_after,
)
from redaction.recognizers._results import explained_result
from redaction.recognizers._streets_without_suffix import (
    capitalised,
    coordinated_street,
    joins_street,
    residence_street,
    with_article,
)
from redaction.recognizers._words_before import Token, index_at, tokens_before
from redaction.street_suffixes import STREET_PREFIXES, STREET_SUFFIXES, STRONG_STREET_SUFFIXES


class NlAddressRecognizer(LocalRecognizer):
    """Recognise NL_ADDRESS: a Dutch street name followed by a house number and addition."""

    SUFFIXES = STREET_SUFFIXES
    # Lowercase compounds with these suffixes count without being a known street.
    STRONG_SUFFIXES = STRONG_STREET_SUFFIXES
    # Particles that may sit inside a street name ("Van der Helststraat", "Laan op Zuid").
    PARTICLES = frozenset(
        "van de der den het 't 's ten ter te la le du des op aan in bij over achter voor "
        "onder om tot".split()
    )
    # Capitalised particles that may start a street name ("De Ruyterstraat", "Van Eeghenstraat").
    LEADING_PARTICLES = frozenset("de van het den ten ter 't 's la le sint st. st".split())
    # Lowercase particles in front of a street named after a person ("van Speijkstraat").
    NAME_PARTICLES = ("van", "van der", "van den", "van de", "van 't")
    # Lowercase titles, often abbreviated, that start a street named after a person.
    TITLES = frozenset(
        "burg. burgemeester mr. mr dr. dr prof. prof gen. generaal st. sint pres. president "
        "kon. koningin koning pr. prins ds. dominee past. pastoor mgr. mgr monseigneur jhr. jhr "
        "jonkheer graaf gravin hertog hertogin kardinaal admiraal kapitein pater ir. ir "
        "bgm. bgm burg wethouder minister".split()
    )
    NOT_STREETS = frozenset({"onderweg", "halfweg", "allerweg", "zijweg", "weg", "straat", "laan"})
    CONTEXT = ["adres", "woonadres", "huisadres", "woon", "wonen", "woont", "woonachtig",
               "straat", "huisnummer", "verhuisd", "verhuizen", "postcode"]  # fmt: skip

    def __init__(
        self,
        context: list[str] | None = None,
        supported_language: str = "nl",
        supported_entity: str = "NL_ADDRESS",
        name: str | None = None,
        use_street_list: bool = True,
        score: float = 0.65,
        weak_score: float = 0.5,
    ) -> None:
        self.score = score
        self.weak_score = weak_score
        self.use_street_list = use_street_list
        self._suffix_re = re.compile(
            "(?:" + "|".join(sorted(set(self.SUFFIXES), key=len, reverse=True)) + ")$"
        )
        self._strong_suffix_re = re.compile("(?:" + "|".join(self.STRONG_SUFFIXES) + ")$")
        self._glued_re = re.compile(
            r"(?<![\w.'’-])(?P<street>[^\W\d_]{3,}(?:" + "|".join(self.STRONG_SUFFIXES) + r"))"
            r"(?P<number>[1-9]\d{0,4})(?:[a-zA-Z](?!\w))?(?![\w%€]|[.,:/-]\d)"
        )
        self._ordinary = _lexicon.ordinary_words()
        self._function_words = _lexicon.function_words()
        self._places = _lexicon.place_names()
        self._first_names = _lexicon.first_names()
        self._surnames = _lexicon.surnames()
        self._interfix_surnames = _lexicon.interfix_surnames()
        self._streets = _lexicon.street_names() if use_street_list else frozenset()
        super().__init__(
            supported_entities=[supported_entity],
            name=name,
            supported_language=supported_language,
            context=context or self.CONTEXT,
        )

    def load(self) -> None:  # noqa: D102 - lists are read in __init__
        pass

    # -- token helpers -------------------------------------------------------------------------

    def _is_suffix_word(self, word: str) -> bool:
        return bool(self._suffix_re.search(word.lower()))

    _capitalised = staticmethod(capitalised)

    def _sentence_initial(self, text: str, start: int) -> bool:
        return bool(_SENTENCE_END.search(text[max(0, start - 3) : start]))

    # -- the street decision -------------------------------------------------------------------

    def _extend_left(self, text: str, tokens: list[Token], head: int) -> int:
        """Index of the leftmost token that still belongs to the street ending at ``head``."""
        leftmost = head
        for index in range(head + 1, len(tokens)):
            word = tokens[index].text
            if word[-1:] in ",;":
                break
            low = word.lower()
            if self._capitalised(word):
                if low in self._function_words and low not in self.LEADING_PARTICLES:
                    break
                if _INNER_CAPITAL.search(word.removeprefix("IJ")):
                    break  # "De VvE van Prins Hendrikkade 108": an abbreviation, not the street
                if low.rstrip(":").endswith("adres"):
                    break  # "Adres Kerkstraat 12", "Woonadres: ..."
                if index > leftmost + 1 and not joins_street(
                    tokens, head, index, self._streets, self._places,
                    self.LEADING_PARTICLES | self.TITLES,
                ):
                    break  # "Goes op de Oostkerkseweg 6", "buurman Henk van Molenstraat 12"
                leftmost = index
            elif low in self.TITLES:
                leftmost = index  # "burg. van der Veldenlaan", "mr. Visserplein"
            elif _ORDINAL.fullmatch(word):
                return index  # "2e Oosterparkstraat": nothing before the ordinal belongs to it
            elif low not in self.PARTICLES:
                break
        return leftmost

    def _street_start(
        self, text: str, tokens: list[Token], number_end: int = -1
    ) -> tuple[int, float] | None:
        """Start offset and score of the street ending right before the house number.

        The longest of: the suffix/particle rules, a listed multi-word street in any case
        ("pastoor van arsstraat"), and "van" + a street named after a person ("van Speijkstraat").
        """
        if not tokens:
            return None
        found = self._street_by_rules(text, tokens, number_end)
        listed = self._listed_phrase(tokens)
        if listed is not None and (found is None or listed < found[0]):
            found = listed, self.score
        if found is not None:
            named = self._name_particle_start(tokens, found[0])
            if named is not None:
                found = named, found[1]
            found = with_article(tokens, found[0]), found[1]
            found = self._with_title(tokens, found[0]), found[1]
        return found

    def _with_title(self, tokens: list[Token], start: int) -> int:
        """ "burg. de withstraat 33", "dr. schaepmanstraat 11": a lowercase title (and "de",
        "van der") in front of a street named after a person belongs to the street."""
        index = index_at(tokens, start)
        if index is None:
            return start
        for position in range(index + 1, min(len(tokens), index + 4)):
            low = tokens[position].text.lower()
            if low in self.TITLES:
                return tokens[position].start
            if low not in self.PARTICLES:
                break
        return start

    def _listed_phrase(self, tokens: list[Token]) -> int | None:
        """Start of the longest run of 2-5 words before the number that is a listed street."""
        if not self._streets:
            return None
        for size in range(min(5, len(tokens)), 1, -1):
            words = [t.text for t in reversed(tokens[:size])]
            if any(w[-1:] in ",;" for w in words[:-1]) or words[0] in _PREPOSITIONS:
                continue  # "op de Dreef": a lowercase preposition is the sentence, not the street
            phrase = " ".join(words).lower()
            if phrase in self._streets:
                # "op de Akkerwinde": a lowercase article stays out when the rest is listed too
                if words[0] in ("de", "het", "'t") and phrase.split(" ", 1)[1] in self._streets:
                    return tokens[size - 2].start if size > 2 else None
                return tokens[size - 1].start
        return None

    def _name_particle_start(self, tokens: list[Token], start: int) -> int | None:
        """A lowercase "van (der)" or "de" before a one-word street named after a person.

        "de" only before a surname that is written after an interfix and is no first name or
        word: "de Ruyterkade", "de Clercqstraat" - never "de Kerkstraat" or "de Julianastraat".
        """
        index = index_at(tokens, start)
        if index is None or index + 1 >= len(tokens):
            return None
        match = self._suffix_re.search(tokens[index].text.lower())
        stem = tokens[index].text.lower()[: match.start()] if match else ""
        if len(stem) < 3 or stem in self._ordinary or stem not in self._surnames:
            return None
        for particle in sorted(self.NAME_PARTICLES, key=len, reverse=True):
            size = len(particle.split())
            words = [t.text for t in reversed(tokens[index + 1 : index + 1 + size])]
            if len(words) == size and " ".join(words) == particle:
                return tokens[index + size].start
        if (
            tokens[index + 1].text == "de"
            and stem in self._interfix_surnames
            and stem not in self._first_names
        ):
            return tokens[index + 1].start
        return None

    def _street_by_rules(
        self, text: str, tokens: list[Token], number_end: int
    ) -> tuple[int, float] | None:
        head = tokens[0].text
        low = head.lower().strip(".")
        if not re.fullmatch(r"(?:['’][st]-)?[^\W\d_][\w'’.-]*", head) or low in self.NOT_STREETS:
            return self._lookup_street(text, tokens, number_end)
        capital = self._capitalised(head)
        # "Laan van Meerdervoort": a suffix word, particles, then capitalised words.
        # Several capitalised words may follow the particle: "Laan van Nieuw Oost-Indië".
        for index in range(1, min(len(tokens), 6)):
            word = tokens[index].text
            if word[-1:] in ",;":
                break
            if word.lower() in self.PARTICLES:
                continue
            if (  # "Kaya Grandi 45": a prefix word, then capitalised words
                word.lower() in STREET_PREFIXES
                and self._capitalised(word)
                and all(self._capitalised(t.text) or t.text.lower() in self.PARTICLES
                        for t in tokens[:index])
            ):
                return tokens[index].start, self.score
            if (
                self._capitalised(word)
                and word.lower() in self.SUFFIXES
                and all(
                    t.text.lower() in self.PARTICLES or self._capitalised(t.text)
                    for t in tokens[:index]
                )
                and tokens[index - 1].text.lower() in self.PARTICLES
            ):
                return tokens[self._extend_left(text, tokens, index)].start, self.score
            if not self._capitalised(word) or word.lower() in self._function_words:
                break
        if self._is_suffix_word(low):
            if low in self.SUFFIXES:  # a bare "Gracht": needs a capitalised word in front
                if not capital or len(tokens) < 2:
                    return self._lookup_street(text, tokens, number_end)
                left = self._extend_left(text, tokens, 0)
                if left == 0:
                    return self._lookup_street(text, tokens, number_end)
                return tokens[left].start, self.score
            if capital:
                known = low in self._streets
                if (
                    self._sentence_initial(text, tokens[0].start)
                    and low in self._ordinary
                    and not known
                ):
                    return None
                if low in self._places and not known:
                    return None
                return tokens[self._extend_left(text, tokens, 0)].start, self.score
            if low in self._streets or (
                low not in self._ordinary and self._strong_suffix_re.search(low)
            ):
                return tokens[0].start, self.weak_score
            return None
        return self._lookup_street(text, tokens, number_end)

    def _lookup_street(
        self, text: str, tokens: list[Token], number_end: int = -1
    ) -> tuple[int, float] | None:
        """Streets without a suffix, from deduce's street list: "Rokin 12", "Oude Gracht 4"."""
        if not self._streets:
            return None
        for size in range(min(4, len(tokens)), 1, -1):
            words = [t.text for t in reversed(tokens[:size])]
            if any(w[-1:] in ",;" for w in words[:-1]) or not self._capitalised(words[0]):
                continue
            if " ".join(words).lower() in self._streets:
                return tokens[size - 1].start, self.score
        head = tokens[0].text
        low = head.lower()
        if (
            self._capitalised(head)
            and len(low) >= 4
            and low in self._streets
            and low not in self._ordinary
            and low not in self._first_names
            and low not in self._places
        ):
            return tokens[0].start, self.weak_score
        # A lowercase listed street that is no word, after "woon op"/"adres:": "zuiderdiep 104a".
        if (
            not self._capitalised(head)
            and len(low) >= 5
            and low in self._streets
            and low not in self._ordinary
            and low not in self._first_names
            and low not in self._places
            and _ADDRESS_BEFORE.search(text[max(0, tokens[0].start - 40) : tokens[0].start])
        ):
            return tokens[0].start, self.score
        # A listed street that is also a word ("Akkerwinde", "Dorpsweg") or a place ("Spui",
        # "Oosteinde"): only with a postcode after the number or "woon op de"/"adres:" in front,
        # and a place only with the postcode or right after "de/het" ("aan het Spui 12").
        postcode_after = number_end >= 0 and (
            _POSTCODE_AFTER.match(text, number_end) is not None
            or town_after(text, number_end, self._places, comma_only=low in self._ordinary)
        )
        article_before = len(tokens) > 1 and tokens[1].text.lower() in ("de", "het", "'t", "’t")
        if (
            self._capitalised(head)
            and (len(low) >= 4 or postcode_after)
            and low in self._streets
            and low not in self._function_words
            and (low not in self._places or postcode_after or article_before)
            and (
                postcode_after
                or _ADDRESS_BEFORE.search(text[max(0, tokens[0].start - 40) : tokens[0].start])
            )
        ):
            return tokens[0].start, self.score
        return None

    # -- Presidio entry point --------------------------------------------------------------------

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        results = []
        for match in _HOUSE_NUMBER.finditer(text):
            if quantity_after(text, match.end()):
                continue
            tokens = tokens_before(text, match.start())
            if tokens and tokens[0].text.lower().rstrip(".:") in _NUMBER_MARKERS:
                tokens = tokens[1:]
            found = self._street_start(text, tokens, match.end())
            if not found:
                coordinated = coordinated_street(text, tokens, self._function_words)
                if coordinated is None:
                    coordinated = residence_street(text, tokens, self._function_words,
                                                   self._places)
                if coordinated is None:
                    continue
                found = coordinated, self.weak_score
            start, score = found
            results.append(self._result(start, match.end(), score))
        for match in self._glued_re.finditer(text):
            # "kerkstraat12": the street and its number typed without a space
            street = Token(match.start(), match.group("street"))
            tokens = [street, *tokens_before(text, match.start())]
            found = self._street_start(text, tokens, match.end())
            if found and not quantity_after(text, match.end()):
                results.append(self._result(found[0], match.end(), found[1]))
        for start, end in number_first_streets(text, self._english_street):
            results.append(self._result(start, end, self.score))  # "12 Kerkstraat"
        for result in results:
            result.start, result.end = with_units(text, result.start, result.end)
        return results

    def _english_street(self, words: list[str]) -> bool:
        """ "Kerkstraat", "Nieuwe Haven", "Laan van Nieuw Oost-Indië": after a number."""
        phrase = " ".join(words).lower()
        last = words[-1].lower()
        return phrase in self._streets or (
            last not in self.NOT_STREETS and bool(self._strong_suffix_re.search(last))
        ) or (len(words) > 1 and self._is_suffix_word(last) and words[-1][:1].isupper())

    def _result(self, start: int, end: int, score: float) -> RecognizerResult:
        why = "Dutch street name followed by a house number"
        return explained_result(self, start, end, score, why)

"""How far a name reaches: interfixes, initials and surnames around the word that started it."""

from __future__ import annotations

import regex as re

from redaction.recognizers import _lexicon
from redaction.recognizers._person.shapes import _EXTRA_INTERFIXES, _NameShapes
from redaction.recognizers._person.tokens import _is_blocked, _only_symbols, _Tok
from redaction.wordlists import fold_accents

_OPENING_QUOTES = frozenset("'‘\"“«‹")
_CLOSING_QUOTES = frozenset("'’\"”»›")
# A particle of a Portuguese, Spanish or Cape Verdean surname: "Fortes de Pina", "da Luz".
_SURNAME_PARTICLES = frozenset("de da do dos das del".split())


def _lone_particle(tokens: list[_Tok], position: int, tok: _Tok) -> bool:
    """ "Nilsa Fortes de Pina": one particle without "van" before a capitalised word is a
    surname's, never "van het WIJ-team" (where someone works), even when the word is a word."""
    particle = tokens[position]
    return tok.capital and particle.low in _SURNAME_PARTICLES and tokens[position + 1] is tok


class _SpanExtenders(_NameShapes):
    """Grow a name from one token: "van der Berg", "J. de Vries", "gr yvonne tehupeiory"."""

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
            if self._quoted_nickname(tokens, position):
                last = position = position + 2  # "Anton ‘Toon’ van den Berg": the nickname too
                position += 1
                continue
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
            after_first_name = tokens[index].capital and tokens[index].low in self._first
            if size and phrase in self._places and not lower_surname and not (
                after_first_name and tok.capital and tok.low in self._surnames
            ):
                break  # "Den Haag"; single places: _continues_name; "tjitske de boer" and
                # "Jan-Willem de Boer" (a first name, then a surname that is a hamlet) go on
            if (tokens[position].low in ("te", "van") and tok.low in self._places
                    and tok.low not in self._interfix_surnames
                    and (tokens[position].low == "te" or tok.low not in self._surnames)):
                break  # "De heer A.J. Kodde te Yerseke", "ik ben Nadia Rosa van Charlois": where
                # she lives; "Dinie te Winkel", "Jan van Hulst" (a surname too) go on
            # after "van der" the surname may be a word: "fleur van der meer"
            if size and self._organisation_word(tok) and not _lone_particle(tokens, position, tok):
                break  # "Oosterhuis van het WIJ-team": the organisation she works for
            if size and self._street_at(tokens, target):
                break  # "Yılmaz op de Beijerlandselaan", "Ria Zwart van de Kissel 14": where
                # the shop stands or the person lives, not the rest of a surname
            never = self._never(tok) and not (size > 1 and lower_surname)
            if size and (tok.capital or tok.low in self._surnames
                         or self._lowercase_given_name(tok)) and not never:
                last = position = target
            elif not size and (self._continues_name(tok) or self._closing_surname(tokens, target)):
                last = position = target
            else:
                break
            position += 1
        return last

    def _lowercase_given_name(self, tok: _Tok) -> bool:
        """ "maria de fátima", "jose da silva": after a particle, a first name (accents folded)
        that is no Dutch word carries a lowercase name on."""
        low = fold_accents(tok.low)
        return low in self._first and low not in self._ordinary and not _lexicon.is_dutch_word(low)

    def _quoted_nickname(self, tokens: list[_Tok], position: int) -> bool:
        """ "‘Toon’", "'Mo'", "“Pim”": a capitalised word in quotes inside a name, with more of
        the name after it."""
        if position + 3 >= len(tokens):
            return False
        opening, word, closing, after = tokens[position:position + 4]
        return (
            opening.text in _OPENING_QUOTES and closing.text in _CLOSING_QUOTES
            and word.capital and not self._never(word)
            and opening.end == word.start and word.end == closing.start
            and (after.capital or self._interfix_length(tokens, position + 3) > 0)
        )

    def _street_at(self, tokens: list[_Tok], index: int) -> bool:
        """A known street of one to three words starts at ``index`` ("Kissel", "Oude Haven",
        "West-Kruiskade"), and its first word is no surname ("van der Laan", "van Dijk")."""
        if tokens[index].low in self._surnames:
            return False
        return any(
            " ".join(t.low for t in tokens[index:index + size]) in self._streets
            for size in range(1, 4) if index + size <= len(tokens)
        )

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

"""Where a name stands: the subject opening a sentence, after a question's opening verb, a
counsellor's name, an apposition.

Strategies of the person recognizer that read a name from its place in the sentence rather than
from a trigger phrase: "Bas heeft mij beloofd", "kan jasmijn mijn aanvraag zien?", "krijg ik dan
fleur weer als consulent?", "kim, mijn maatje van humanitas, zei ...". A mixin, like
``triggered``; the lists come from ``NlPersonRecognizer.__init__``.
"""

from __future__ import annotations

import regex as re

from redaction.recognizers._person.shapes import _SUBJECT_VERBS
from redaction.recognizers._person.spans import _SpanExtenders
from redaction.recognizers._person.tokens import (
    _is_blocked,
    _only_symbols,
    _sentence_initial,
    _Tok,
)
from redaction.recognizers._person.triggers import _KINSHIP, _ROLES

# After a name that follows an opening verb: "kan jasmijn mijn ...", "heeft bram al ...".
_AFTER_INVERTED_SUBJECT = frozenset(
    "mijn me mij je jou jullie ons onze zijn haar hun al ook nog niet nu morgen vandaag "
    "gisteren er dat dit het die weer even wel toch gewoon dan straks eigenlijk nooit".split()
)
_POSSESSIVES = frozenset("mijn m'n mn onze ons haar zijn z'n je jouw uw".split())
# A request to the one asked: "kun je", "kunt u", "wilt u", "kunnen jullie" (then the person).
_ASKING_VERBS = frozenset("kun kunt kan kunnen wil wilt willen".split())
_ADDRESSED = frozenset("je jij u jullie".split())
_RELATION_WORD = re.compile(rf"(?:{_KINSHIP}|{_ROLES})")
# "fleur weer als consulent", "bram toen als begeleider".
_ROLE_ADVERBS = frozenset("weer terug toen vroeger nog ook graag liever gewoon".split())
_ROLE_WORD = re.compile(rf"(?:{_ROLES})")


class _PositionStrategies(_SpanExtenders):
    """The sentence-position strategies of the person recognizer."""

    SCORE_NAME: float

    def _from_subject(self, text, tokens, blocked, add) -> None:
        """ "merel zegt dat ...", "roos en bas zijn mijn kinderen", "Bas heeft mij beloofd",
        "Zbigniew werkt via ...", "Daan de Jong is 14": a first name that is rarely a plain
        word, or a capitalised word that is no word at all, opening a sentence as the subject of
        a finite verb."""
        for index in range(len(tokens)):
            if not _sentence_initial(text, tokens, index):
                continue
            names = []
            position = index
            while position < len(tokens) and self._subject_name(tokens[position], blocked):
                last = self._capitalised_name_end(tokens, position, blocked)  # "Daan de Jong"
                names.append((position, last))
                position = last
                if position + 2 < len(tokens) and tokens[position + 1].text in ("en", "&"):
                    position += 2
                else:
                    position += 1
                    break
            if names and position < len(tokens) and tokens[position].low in _SUBJECT_VERBS:
                for first, last in names:
                    add(first, last, self.SCORE_NAME)

    def _capitalised_name_end(self, tokens, index, blocked) -> int:
        """ "Daan de Jong is 14": a capitalised subject goes on over a capitalised surname."""
        last = self._extend_right(tokens, index, blocked)
        return last if tokens[index].capital and tokens[last].capital else index

    def _subject_name(self, tok: _Tok, blocked) -> bool:
        if self._rare_subject_name(tok, blocked):
            return True
        return (  # "Zbigniew", "Oleksandr": capitalised, on no word or name list
            tok.capital
            and tok.text.isalpha()
            and not tok.text.isupper()
            and self._unknown_word(tok.low)
            and not self._never(tok)
            and not _is_blocked(tok, blocked)
        )

    def _rare_subject_name(self, tok: _Tok, blocked) -> bool:
        """A first name that is rarely a plain word ("merel" 58 times, "roos" 2312)."""
        return (
            self._rarely_a_word(tok.low)
            and not self._never(tok)
            and tok.low not in self._places
            and not _is_blocked(tok, blocked)
        )

    def _from_inverted_subject(self, text, tokens, blocked, add) -> None:
        """ "kan jasmijn mijn aanvraag zien?", "heeft bram al gebeld?": a question opens with the
        verb, and the subject after it is a first name that is rarely a plain word, followed by
        a word that cannot continue a noun ("mijn", "al", "er", "ook"). A request to the one
        asked names the person after "je/u/jullie" the same way ("kun je pietje even bellen?")."""
        for index in range(len(tokens) - 2):
            if not _sentence_initial(text, tokens, index):
                continue
            at = index + 1
            if tokens[index].low in _ASKING_VERBS and tokens[at].low in _ADDRESSED:
                at += 1
            elif tokens[index].low not in _SUBJECT_VERBS:
                continue
            if (
                at + 1 < len(tokens)
                and tokens[at + 1].low in _AFTER_INVERTED_SUBJECT
                and self._rare_subject_name(tokens[at], blocked)
            ):
                add(at, at, self.SCORE_NAME)

    def _from_role(self, tokens, blocked, add) -> None:
        """ "krijg ik dan fleur weer als consulent?": a first name that is rarely a plain word,
        said to be (or have been) someone's counsellor, coach or landlord."""
        for index, tok in enumerate(tokens):
            position = index + 1
            while position < len(tokens) and tokens[position].low in _ROLE_ADVERBS:
                position += 1
            if (
                position + 1 < len(tokens)
                and tokens[position].low == "als"
                and _ROLE_WORD.fullmatch(tokens[position + 1].low)
                and self._rare_subject_name(tok, blocked)
            ):
                add(index, index, self.SCORE_NAME)

    def _from_apposition(self, tokens, blocked, add) -> None:
        """ "kim, mijn maatje van humanitas, zei ...": a first name followed by a comma and a
        possessive family or role word describing that person."""
        for index in range(len(tokens) - 3):
            tok = tokens[index]
            if (
                tokens[index + 1].text == ","
                and tokens[index + 2].low in _POSSESSIVES
                and _RELATION_WORD.fullmatch(tokens[index + 3].low)
                and self._rare_subject_name(tok, blocked)
            ):
                add(index, index, self.SCORE_NAME)

    def _from_signature(self, text, tokens, blocked, add) -> None:
        """ "rekening ... van mij, lars", "bel me terug\nmerel": a message signed with a first
        name that is rarely a plain word, alone after a comma, a dash or on its own last line."""
        words = [index for index, tok in enumerate(tokens) if tok.is_word]
        if len(words) < 3:
            return  # "hoi, merel": a greeting, decided by the other strategies
        index = words[-1]
        before = tokens[index - 1]
        signed = before.text in (",", "-") or "\n" in text[before.end:tokens[index].start]
        if (signed and _only_symbols(text[tokens[index].end:])
                and self._rare_subject_name(tokens[index], blocked)):
            add(index, index, self.SCORE_NAME)


"""Person names in Dutch chat, next to the trained NER: trigger phrases and name-list lookup.

(a) Triggers: "ik ben X", "mijn naam is X", "ik heet X", "met X" at the start of a message,
"mevrouw/meneer/mw./dhr. X", "groetjes, X" / "gr yvonne tehupeiory" at the end, "mijn
zoon/dochter/buurvrouw... X", and at the start of a message "X is mijn naam" / "X hier,".
(b) Lookup: tokens in deduce's first-name and surname lists (read once from the installed
package), extended over interfixes ("van der Berg", "Fatima el Amrani", "rachid ait taleb",
"Ahmed ben Salah", "Hassan al-Masri").
(c) Where the name stands: the subject opening a sentence ("Bas heeft", "Zbigniew werkt") or
after a question's opening verb ("kan jasmijn mijn ..."), a counsellor's name ("fleur weer als
consulent"), a possessive ("lisa's school", "Ahmeds leraar"), an apposition ("kim, mijn maatje
van ..."), and two capitalised words on no list side by side ("Ionuț Popescu"); the
sentence-position strategies live in ``_person/positions.py``.

A token that is also an ordinary Dutch word (spaCy's nl_lemma_lookup keys and values plus deduce's
whitelists) is only a name when it is capitalised mid-sentence, or in lowercase after a trigger;
a capital at the start of a sentence proves nothing. Function words, weekdays, months, kinship
words, place names (outside triggers), placeholders (<PERSOON_1>) and the must-survive
organisation/help terms (data/keep_terms.txt) are never names.
"""


from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import regex as re
from presidio_analyzer import LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from redaction.placeholders import PLACEHOLDER
from redaction.recognizers import _lexicon
from redaction.recognizers._person.lines import _LinePieces
from redaction.recognizers._person.positions import _PositionStrategies
from redaction.recognizers._person.shapes import (
    _RARE_WORD_COUNT,
    _street_with_number,
)
from redaction.recognizers._person.tokens import (
    _TOKEN,
    _is_blocked,
    _linkish_spans,
    _sentence_initial,
    _Tok,
)
from redaction.recognizers._person.triggered import _TriggerStrategies
from redaction.recognizers._person.triggers import _triggers
from redaction.recognizers._places import multiword_place_spans
from redaction.recognizers._results import explained_result


class NlPersonRecognizer(_LinePieces, _TriggerStrategies, _PositionStrategies, LocalRecognizer):
    """Recognise PERSON from Dutch trigger phrases and the deduce name lists.

    The word-class tests, span extenders and trigger strategies are mixed in from
    ``redaction.recognizers._person``; the lookup and message-wide strategies live here.
    """

    CONTEXT = [
        "naam", "voornaam", "achternaam", "heet", "heten", "genaamd", "meneer", "mevrouw",
        "contactpersoon", "consulent", "klantmanager", "casemanager", "hulpverlener",
        "begeleider", "behandelaar", "zoon", "dochter", "moeder", "vader", "broer", "zus",
        "buurman", "buurvrouw", "vriend", "vriendin", "partner", "collega",
    ]  # fmt: skip
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
        self._streets = _lexicon.street_names()
        self._english = frozenset(ENGLISH_STOP_WORDS)
        self._english_common = _lexicon.english_common_words()
        self._never_names = _lexicon.never_name_words()
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

    # -- analysis ----------------------------------------------------------------------------------

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        tokens = self._split_glued_genitive(
            [_Tok(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
        )
        if not tokens:
            return []
        blocked = [m.span() for m in self._keep_re.finditer(text)]
        blocked += [m.span() for m in PLACEHOLDER.finditer(text)]
        blocked += _linkish_spans(text)
        blocked += multiword_place_spans(text, self._places)  # "in Almere Poort": a place
        by_start = {tok.start: i for i, tok in enumerate(tokens)}
        found: dict[tuple[int, int], float] = {}
        claimed: set[int] = set()

        def add(first: int, last: int, score: float) -> None:
            for piece_first, piece_last in self._line_pieces(text, tokens, first, last):
                span = (tokens[piece_first].start, tokens[piece_last].end)
                found[span] = max(score, found.get(span, 0.0))
            claimed.update(range(first, last + 1))

        self._from_triggers(text, tokens, by_start, blocked, add)
        self._from_name_first(text, tokens, by_start, blocked, add)
        self._from_initials(text, tokens, by_start, blocked, add)
        self._from_lookup(text, tokens, blocked, claimed, add)
        self._from_subject(text, tokens, blocked, add)
        self._from_inverted_subject(text, tokens, blocked, add)
        self._from_role(tokens, blocked, add)
        self._from_genitive(text, tokens, blocked, add)
        self._from_apposition(tokens, blocked, add)
        self._from_signature(text, tokens, blocked, add)
        self._from_unknown_pair(text, tokens, blocked, add)
        self._from_coordination(tokens, by_start, found, blocked, add)
        self._from_repetition(tokens, found, blocked, add)
        return [self._result(start, end, score) for (start, end), score in found.items()]

    def _split_glued_genitive(self, tokens: list[_Tok]) -> list[_Tok]:
        """ "Ahmeds leraar": a capitalised first name with a genitive s glued on is split, so the
        name is found (and numbered) as "Ahmed" wherever it stands."""
        split = []
        for tok in tokens:
            stem = tok.low[:-1]
            if (
                tok.capital
                and tok.low.endswith("s")
                and len(stem) >= 3
                and stem in self._first
                and stem not in self._ordinary
                and tok.low not in self._ordinary
                and not self._in_names(tok.low)
                and not _lexicon.is_dutch_word(tok.low)
            ):
                split.append(_Tok(tok.text[:-1], tok.start, tok.end - 1))
                split.append(_Tok("s", tok.end - 1, tok.end))
            else:
                split.append(tok)
        return split

    def _from_genitive(self, text, tokens, blocked, add) -> None:
        """ "lisa's school", "Daan's fiets": a listed name with a possessive 's is a person."""
        for index, tok in enumerate(tokens[:-1]):
            after = tokens[index + 1]
            if (
                after.text in ("'s", "’s")
                and after.start == tok.end
                and self._in_names(tok.low)
                and len(tok.low) >= 3
                and not self._never(tok)
                and tok.low not in self._places
                and not _is_blocked(tok, blocked)
            ):
                add(self._extend_left(tokens, index), index, self.SCORE_NAME)

    def _from_unknown_pair(self, text, tokens, blocked, add) -> None:
        """ "wonen Ionuț Popescu en zijn broer": two capitalised words that are on no word, name
        or place list, side by side, are a full name from a language the lists do not cover."""
        unknown = [tok.capital and self._subject_name(tok, blocked) for tok in tokens]
        for index in range(len(tokens) - 1):
            one_space_apart = tokens[index + 1].start - tokens[index].end == 1
            if unknown[index] and unknown[index + 1] and one_space_apart:
                add(index, index + 1, self.SCORE_NAME)

    def _from_repetition(self, tokens, found, blocked, add) -> None:
        """ "mijn vrouw abena... sorry, abena is mijn vrouw": once a word is a name in a message,
        it is that name wherever else it stands in the message. Not a lowercase ordinary word,
        though: after "meneer Vos", the "vos" in "er liep een vos in de tuin" is an animal (it is
        still a name where another strategy or the NER finds it so)."""
        names = set()
        for start, end in list(found):
            names |= {t.low for t in tokens if start <= t.start and t.end <= end and t.is_word}
        names = {n for n in names if len(n) >= 3 and n not in self._function}
        for index, tok in enumerate(tokens):
            if tok.low not in names or (not tok.capital and self._ordinary_word(tok.low)):
                continue
            if not _is_blocked(tok, blocked) and not self._never(tok):
                if not any(s <= tok.start and tok.end <= e for s, e in found):
                    add(index, index, self.SCORE_NAME)

    def _ordinary_word(self, low: str) -> bool:
        """An everyday Dutch word ("vos", "bakker", "koning") that is also a name."""
        return low in self._ordinary or _lexicon.is_dutch_word(low)

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
                if tok.low in self._english:
                    continue  # "I am Senait Kidane, my phone is ...": English, no name
                if _lexicon.word_counts().get(tok.low, 0) >= _RARE_WORD_COUNT:
                    continue
                if (other, other) not in seen:
                    seen.add((other, other))
                    pending.append((other, other))
                    add(other, other, self.SCORE_NAME)

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
        if low in self._never_names:
            return None  # "in June", "Wednesday": a name only after a trigger ("my daughter May")
        if low in _lexicon.nationality_words() and low not in self._first:
            return None  # "een Franse rekening", "ik spreek Spaans": surnames too, words here
        if low in self.GEOGRAPHY or (tok.text.isupper() and len(low) <= 3):
            return None  # rivers, regions; "AA" in "2500 AA", "AH", "NS"
        if not self._in_names(low):
            return None
        ordinary = low in self._ordinary
        if tok.capital:
            ordinary = ordinary or low in self._english_common  # "Grace and peace", "Bill me"
            previous = tokens[index - 1].text if index else ""
            if previous in ("de", "het", "een") and low not in self._surnames:
                return None  # "de Dirk", "de Hema": a shop, not a first name
            if not ordinary:
                return self.SCORE_NAME
            initial = _sentence_initial(text, tokens, index)
            if initial and low in self._first and self._full_name_follows(tokens, index, blocked):
                return self.SCORE_NAME  # "Jan de Vries" opening a sentence, or alone
            previous = tokens[index - 1].low if index else ""
            if initial or previous in self.DETERMINERS or tok.text.isupper():
                return None
            # "bij Jan geweest" counts; "Bakker", "Groot", "Hond" alone need a context word.
            if low in self._first:
                return self.SCORE_CAPITALISED_WORD_NAME
            return self.SCORE_CAPITALISED_WORD_SURNAME
        if ordinary or low in self._english or low in self._english_common or len(low) < 4 or (
            _lexicon.is_dutch_word(low)
        ):
            return None  # lowercase without a trigger: "maatje", "leest" are words
        return (
            self.SCORE_LOWERCASE_FIRST_NAME if low in self._first else self.SCORE_LOWERCASE_SURNAME
        )

    def _full_name_follows(self, tokens: list[_Tok], index: int, blocked) -> bool:
        """A capitalised listed surname ends the name that starts at ``index``: "Jan de Vries",
        "Mark Bakker" are a full name even where a capital proves nothing."""
        last = self._capitalised_name_end(tokens, index, blocked)
        return last > index and tokens[last].low in self._surnames

    def _result(self, start: int, end: int, score: float) -> RecognizerResult:
        return explained_result(self, start, end, score, "Dutch name trigger or name-list lookup")

"""Names announced by the text itself: trigger phrases, "X is mijn naam", signed initials.

The strongest evidence the person recognizer has, so these strategies run first in ``analyze``.
"""

from __future__ import annotations

import regex as re

from redaction.organisations import is_organisation_word
from redaction.recognizers import _lexicon
from redaction.recognizers._person.foreign_shapes import east_asian_name_end
from redaction.recognizers._person.shapes import _RARE_WORD_COUNT, _street_with_number
from redaction.recognizers._person.spans import _SpanExtenders
from redaction.recognizers._person.tokens import _is_blocked, _only_symbols
from redaction.recognizers._person.triggers import (
    _ABBREVIATIONS,
    _INITIALS_NAME,
    _LABELLED_INITIALS,
    _NAME_FIRST,
    _SIGNED_BEFORE,
    _SIGNED_INITIALS,
    _Trigger,
)
from redaction.recognizers._typos import is_typo_of_frequent_word

# Interfixes that open with a preposition ("uit de", "op de", "bij de", "aan de", "in 't").
_PREPOSITION_INTERFIXES = frozenset("uit op bij aan in".split())
# What ends the clause after a name: "ik heet ali can, ...", "ik ben ali can en ...".
_CLAUSE_ENDS = frozenset([",", ".", "!", "?", ";", ":", "en", "uit", "van"])
# A subject after the word that follows a name: that word is an inverted verb ("Sanne geloof
# ik", "Kees denk ik"), no surname.
_SUBJECT_PRONOUNS = frozenset("ik je jij hij zij ze we wij u jullie men".split())


class _TriggerStrategies(_SpanExtenders):
    """``_from_triggers``, ``_from_name_first`` and ``_from_initials`` of the person recognizer."""

    _triggers: list[_Trigger]
    SCORE_TRIGGER: float
    SCORE_WEAK_TRIGGER: float
    SCORE_NAME: float

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
                if head.low.replace("’", "'") in _lexicon.ENGLISH_CONTRACTIONS:
                    continue  # "my stepdaughter doesn't", "my mother, I'm": English, no name
                shaped = None if size else self._shaped_name_end(text, tokens, index, trigger,
                                                                   blocked)
                if shaped is not None:  # "Naam: S. Vos-Kok", "ik ben li wei", "met georgi petrov"
                    add(index, shaped,
                        self.SCORE_TRIGGER if trigger.strong else self.SCORE_WEAK_TRIGGER)
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
                if size and trigger.mode == "family" and self._place_after_role(
                    tokens, index, head
                ):
                    continue  # "de verhuurder uit de PDF", "de consulent bij de WSW"
                # "meneer de graaf", "heet de ruiter": a surname that follows interfixes
                interfix_surname = (
                    size > 0
                    and trigger.strong
                    and head.low in self._interfix_surnames
                    and (not self._never(head) or head.capital)  # "meneer van der Meer"
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
                if last == index and not size:
                    last = self._second_name_part(tokens, last, trigger)
                if _street_with_number(text, tokens, index, last):
                    continue  # "mijn ex op de Hoogstraat 5": the address recognizer's
                if trigger.at_end and not _only_symbols(text[tokens[last].end :]):
                    last = self._closing_rest(text, tokens, last)
                    if last is None:
                        continue  # "groetjes aan je moeder": a closing name ends the message
                weak_lower = not trigger.strong and not head.capital
                score = self.SCORE_TRIGGER if trigger.strong else self.SCORE_WEAK_TRIGGER
                add(index, last, score - (0.1 if weak_lower else 0.0))

    def _shaped_name_end(self, text, tokens, index: int, trigger: _Trigger, blocked) -> int | None:
        """The last token of a name right after a trigger that the name lists cannot vouch for
        but its shape can: initials before a surname (strong triggers), East Asian syllables,
        or two or three words that no word list knows. None when there is none; after a
        closing ("groetjes ...") only a name that ends the message."""
        last = self._initials_name_end(tokens, index, blocked) if trigger.strong else None
        if last is None:
            last = east_asian_name_end(tokens, index, trigger.naming)
        if last is None:
            last = self._unknown_words_end(tokens, index, blocked)
        if last is None or trigger.at_end and not _only_symbols(text[tokens[last].end:]):
            return None
        return last

    def _unknown_words_end(self, tokens, index: int, blocked) -> int | None:
        """ "ik ben georgi petrov", "met dropatie mahabier", "mijn moeder gurpreet kaur": two or
        three lowercase words in a row that no Dutch, English or chat list knows (nor a typo of a
        frequent word) - a name from a language the name lists do not cover."""
        last = index
        while (last < len(tokens) and last - index < 3 and self._unknown_lowercase(tokens[last])
               and not _is_blocked(tokens[last], blocked)
               and (last == index or tokens[last].start - tokens[last - 1].end == 1)):
            last += 1
        return last - 1 if last - index >= 2 else None

    def _unknown_lowercase(self, tok) -> bool:
        return (
            tok.is_word and tok.text.islower() and self._unknown_word(tok.low)
            and not self._never(tok) and tok.low not in _lexicon.nationality_words()
            and not is_typo_of_frequent_word(tok.low)
        )

    def _initials_name_end(self, tokens, index: int, blocked) -> int | None:
        """ "S. Vos-Kok", "A.B. van der Meer": capital initials, then a capitalised surname
        (after an interfix, maybe): the last token of that name, or None."""
        position = index
        while (position + 1 < len(tokens) and len(tokens[position].text) == 1
               and tokens[position].text.isupper() and tokens[position + 1].text == "."):
            position += 2
        if position == index or position >= len(tokens):
            return None
        target = position + self._interfix_length(tokens, position)
        if target >= len(tokens) or _is_blocked(tokens[target], blocked):
            return None
        surname = tokens[target]
        if not surname.capital or self._never(surname) or is_organisation_word(surname.text):
            return None  # "mevrouw A. Doelwijt" goes, "t.n.v. A. Stichting ..." not
        return self._extend_right(tokens, target, blocked)

    def _second_name_part(self, tokens, last: int, trigger: _Trigger) -> int:
        """ "mijn naam is ioana pop", "ik ben bram schipper", "mijn moeder dirk koster", "ik heet
        priscilla doelwijt": after a trigger, a lowercase first name and then a listed name or a
        word no list knows that the word lists still call a word ("pop", "schipper", a compound
        reading of "doelwijt") - the trigger says it is the name. Not before a function word
        ("ze heette Sanne geloof ik"), and not a listed name that is an everyday word ("ik ben
        sanne bang", "ik heet sanne dood"). After a capitalised first name any capitalised word
        that ends the clause ("I'm Emily Carter, ...")."""
        if trigger.at_end or last + 1 >= len(tokens):
            return last
        head, tok = tokens[last], tokens[last + 1]
        if head.low not in self._first or tok.start - head.end != 1:
            return last
        if not tok.is_word or self._never(tok) or tok.low in self._places:
            return last
        if tok.low in _lexicon.nationality_words():
            return last
        after = tokens[last + 2] if last + 2 < len(tokens) else None
        if tok.capital:  # "I'm Emily Carter, expat": a surname that is a Dutch word ("carter")
            ends = after is None or after.text in _CLAUSE_ENDS
            return last + 1 if head.capital and ends and len(tok.low) >= 3 else last
        unknown = (len(tok.low) >= 4 and tok.low not in self._ordinary
                   and tok.low not in self._english)
        if not unknown and not self._in_names(tok.low):
            return last
        if after is not None and after.low in _SUBJECT_PRONOUNS:
            return last  # "ze heette Sanne geloof ik": a verb, its subject after it
        if tok.low in _lexicon.english_common_words() and not (
            after is None or after.text in _CLAUSE_ENDS
        ):
            return last  # "my name is tom can you help": English; "ik heet ali can, ..." goes
        everyday = _lexicon.word_counts().get(tok.low, 0) >= _RARE_WORD_COUNT
        if not unknown and tok.low not in self._first and everyday:
            return last  # "ik ben sanne bang", "ik heet sanne dood": the word, not a surname
        return last + 1

    def _place_after_role(self, tokens, index, head) -> bool:
        """ "de verhuurder uit de PDF", "mijn verhuurder op de Bult": a lowercase interfix that is
        a preposition ("uit de", "op de", "bij de") after a family or role word says where the
        person is or what the value came from ("uit de wijk"), unless a capitalised surname that
        follows interfixes comes next ("op de Beek"); an abbreviation in capitals ("GGD", "PDF")
        is never that surname."""
        opener = tokens[index].text
        if opener not in _PREPOSITION_INTERFIXES:
            return False
        return not head.capital or head.low not in self._interfix_surnames or (
            head.text.isupper() and len(head.text) <= 4
        )

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
            if any(t.low in _lexicon.nationality_words() for t in names):
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
        for pattern in (_SIGNED_INITIALS, _LABELLED_INITIALS):  # "Groet, A.B.", "voorletters J.H."
            for match in pattern.finditer(text):
                group = "initials" if match.group("initials") else "initials2"
                initials = re.sub(r"\s", "", match.group(group)).lower()
                first = by_start.get(match.start(group))
                last = next((i for i, t in enumerate(tokens) if t.end == match.end(group)), None)
                if first is not None and last is not None and initials not in _ABBREVIATIONS:
                    add(first, last, self.SCORE_TRIGGER)
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
            if signed and (self._listed_surname(surname) or self._unknown_word(surname)):
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
                or not self._listed_surname(surname)
                or _lexicon.is_dutch_word(surname)
            ):
                continue
            add(first, last, self.SCORE_NAME)

    def _listed_surname(self, low: str) -> bool:
        """A listed surname, or a double one of listed surnames: "vos-kok", "bos-visser"."""
        parts = low.split("-")
        return low in self._surnames or (
            len(parts) > 1 and all(p in self._surnames for p in parts)
        )

"""Where a span of the trained NER may begin and end: on word boundaries, after a role word.

The NER's tokenizer splits "o'neil" after the apostrophe, so its span may start inside a word
("neil statia") and leave the rest of the name readable; it also takes the role word a resident
names someone by into the name ("voogd van Mohamed Abdi"). The annotation keeps role and kinship
words outside a name, as the person recognizer's triggers do. The greetings, titles and particles
the NER's trim drops at a span's edges live here too.
"""

from __future__ import annotations

from functools import cache

from redaction.recognizers._person.triggers import _GROUPS, _KINSHIP, _ROLES

_APOSTROPHES = "'’"
# Greetings the NER takes into the name: "Lieve Ineke", "Beste Kees", "ey mo".
_GREETINGS = frozenset("lieve beste geachte hoi hallo hey hee ey dag hai".split())
# Titles a letter or a bank line puts before a name ("Dhr S.K. Sardjoe", "HR A. VOS", "MW B. DE
# JONG"): placeholders keep the title outside the name.
_TITLES = frozenset("dhr hr mevr mw mvr mej meneer mevrouw mijnheer heer".split())
# Words between a name and the place its bearer comes from ("Auke Bosma út Drachten").
_FROM_WORDS = frozenset("uit út from in te oet".split())
# A lowercase particle before a first name is a preposition: "ten name van Jelle Wiersma".
_PREPOSITION_PARTICLES = frozenset("van de te ten".split())


def whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``/``end`` moved out to the edges of the words they cut: "o'|neil" → "o'neil".
    Letters and an apostrophe between letters belong to the word; hyphens and digits do not."""
    while start > 0 and (
        text[start - 1].isalpha()
        or (text[start - 1] in _APOSTROPHES and start >= 2 and text[start - 2].isalpha())
    ):
        start -= 1
    while end < len(text) and (
        text[end].isalpha()
        or (text[end] in _APOSTROPHES and end + 1 < len(text) and text[end + 1].isalpha()
            and text[end - 1].isalpha() and text[end + 1:end + 2].lower() != "s")
    ):
        end += 1
    return start, end


@cache
def role_words() -> frozenset[str]:
    """One-word family and role words in lowercase ("voogd", "buurvrouw", "kinderen"): never the
    first word of a name the NER reports."""
    words = "|".join((_KINSHIP, _GROUPS, _ROLES)).split("|")
    return frozenset(w for w in words if w.isalpha())

"""Hand-written chat templates for the synthetic NER data.

Written for this generator in the voice of residents who chat with the municipal assistant about
debts, stress, parenting, youth, loneliness, DigiD and help at home. Slots in braces are filled by
``redaction.ner.generate``; person slots become PERSON spans, every other slot is text that must
survive redaction:

    {F} first name            {K} a child's first name    {FULL} first name and surname
    {S} surname after a title  {INI} initials and surname  {P} any of the above forms
    {ORG} organisation or help service   {PLACE} town or region   {WIJK} neighbourhood
    {DAY} weekday   {MONTH} month   {YEAR} year   {AGE} small number   {AMOUNT} money
    {TIME} clock time   {PH} person placeholder   {PHX} other placeholder   {CAP} capitalised
    ordinary word   {NAT} nationality or language   {REL} family role ("mijn moeder")
    {HELP} public service number   {ADJ} {ADV} {ACR} {OBJ} adjective, adverb, acronym, object
    {V3} {VPAST} {VPL} {VPART} finite verbs, plurals and participles (partly from the lemma table)
    {WHO} {WHO2} someone: a named person or, in name-free messages, a role or organisation

By theme: ``positive`` and ``negative`` messages, ``clauses`` about {WHO}, the ``framing`` around a
message (openers, tails, emoji, signatures) and the ``words`` that fill the other slots.
"""

from redaction.ner.templates.clauses import CLAUSES, WHO_OTHER, WHO_PERSON
from redaction.ner.templates.framing import EMOJI, OPENERS, SIGNATURES, TAILS
from redaction.ner.templates.negative import NEGATIVE
from redaction.ner.templates.positive import POSITIVE
from redaction.ner.templates.words import (
    ACRONYMS,
    ADJECTIVES,
    ADVERBS,
    CAPITALISED_WORDS,
    DAYS,
    HELP_NUMBERS,
    MONTHS,
    NATIONALITIES,
    NEIGHBOURHOODS,
    OBJECTS,
    ORGANISATIONS,
    PARTICIPLES,
    PLACEHOLDER_OTHER,
    PLACEHOLDER_PERSON,
    RELATIONS,
    VERBS_PAST,
    VERBS_PLURAL,
    VERBS_PRESENT,
)

__all__ = [
    "ACRONYMS",
    "ADJECTIVES",
    "ADVERBS",
    "CAPITALISED_WORDS",
    "CLAUSES",
    "DAYS",
    "EMOJI",
    "HELP_NUMBERS",
    "MONTHS",
    "NATIONALITIES",
    "NEGATIVE",
    "NEIGHBOURHOODS",
    "OBJECTS",
    "OPENERS",
    "ORGANISATIONS",
    "PARTICIPLES",
    "PLACEHOLDER_OTHER",
    "PLACEHOLDER_PERSON",
    "POSITIVE",
    "RELATIONS",
    "SIGNATURES",
    "TAILS",
    "VERBS_PAST",
    "VERBS_PLURAL",
    "VERBS_PRESENT",
    "WHO_OTHER",
    "WHO_PERSON",
]

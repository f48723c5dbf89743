"""The shapes around a Dutch house number: the number and its addition, the words that may
stand between street and number, and what after a number makes it a quantity instead.

Shared by ``NlAddressRecognizer`` and the person recognizer ("Jan van Galenstraat 48" is a street,
"Piet 12 jaar" is no address).
"""

from __future__ import annotations

import regex as re

from redaction.recognizers._lexicon import nationality_words

_HOUSE_NUMBER = re.compile(
    r"(?<=[^\W\d_][.'’]?\s+)(?P<number>[1-9]\d{0,4})"
    r"(?P<addition>[a-zA-Z]{1,2}-(?:\d{1,3}|[a-zA-Z])(?!\w)"  # "12a-3", "12A-B": a door
    r"|[a-zA-Z]{1,3}(?:\s(?:rood|rd|zwart|zw|hs|boven|beneden|bg|hg)(?!\w))?(?!\w)"
    r"|\s?-\s?(?:hs|bis|huis|bg|[a-zA-Z]{1,2}|\d{1,3}(?:[a-zA-Z]{1,3}|\s?(?:hg|hoog))?|I{1,3}|IV)(?!\w)"
    r"|/\d{1,3}[a-zA-Z]?(?!\w)"
    r"|\s(?:hs|bis(?:\s[a-zA-Z](?![\w/-]))?|bg|huis|rood|rd|zwart|zw|boven|beneden|hg"
    r"|[A-Z]{1,2}-(?:\d{1,3}|[A-Z])(?![\w/-])"  # "18 B-03", "94 A-B": a flat's door in a block
    r"|(?:ws|wb|wsp)\.?\s?\d{1,3}"  # "Kampstraat 7 ws 4": a berth for a houseboat or caravan
    r"|(?:k|kmr|kamer)\.?\s?\d{1,3}"  # "Hoefijzerlaan 9 k 2": a room in a shared house
    r"|(?:\d{1,2}(?:e|de|ste)?|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien)\s?-?\s?"
    r"(?:hoog|hg)"  # "Valeriusstraat 31 2-hoog", "18 drie hoog": the floor
    r"|\d{1,2}(?:e|de|ste)\s(?:verdieping|etage)"  # "Gracht 4 3e etage"
    r"|I{1,3}|IV|i{1,3}|iv|[A-Z]\d{1,3}|[A-Z]|[a-tv-z])(?![\w/-]))?"  # "88 A02": a flat's door
    r"(?![\w%€]|[.,:/-]\d)"
)
# "Dorpsstraat nr 5", "Plein 1944 nr. 12": a word for "number" between street and number.
_NUMBER_MARKERS = frozenset({
    "nr", "no", "nummer", "huisnummer", "huisnr", "hnr",
    # a berth or a pitch: "Kanaalweg ligplaats 17", "Kampweg standplaats 9", "Houtkade ws 3",
    # "Thorbeckegracht t/o 23" (a houseboat moored opposite number 23)
    "ligplaats", "standplaats", "ws", "wsp", "wb", "t/o", "t.o", "tegenover",
})  # fmt: skip
# "VvE", "WIJ-team", "GGD": a capital inside a word (not after "-": "Nieuw Oost-Indië").
_INNER_CAPITAL = re.compile(r"(?<=[^\W\d_])[A-Z]")
# "2e Oosterparkstraat", "1e Jan Steenstraat", "tweede Helmersstraat".
_ORDINAL = re.compile(r"\d{1,2}(?:e|ste|de)|eerste|tweede|derde|vierde|vijfde", re.IGNORECASE)
# "'s-Gravendijkwal", "'t-Hoenstraat": the old genitive prefix in front of a street name.
_TOWN_PREFIX = re.compile(r"^['’][st]-")
_WORD_BEFORE = re.compile(r"(?P<word>[^\s,;:!?()\"<>]+)\s+$")
_SENTENCE_END = re.compile(r"(?:^|[.!?]\s+|\n\s*)$")
_PREPOSITIONS = frozenset("op aan in naar bij over achter voor onder om tot te uit via".split())
# A postcode right after the house number: "Akkerwinde 9, 2903 XK".
_POSTCODE_AFTER = re.compile(r"\s*,?\s*[1-9]\d{3}\s?[a-zA-Z]{2}(?![\w-])")
# "wij wonen op de", "mijn adres is", "verhuisd naar": an address follows.
# Also in English and Frisian: "the apartment at Markt 12", "I live at", "ik wenje op".
_ADDRESS_BEFORE = re.compile(
    r"(?:\badres\w*|\bwo(?:on|ont|nen|nend|onachtig)|\bverhuis\w*|\bverhuizen|\baddress\w*"
    r"|\bli(?:ve|ves|ved|ving)|\b(?:apartment|flat|house|home)|\bwen(?:je|ne|net))\b"
    r"(?:\s+(?:is|nu|sinds\s+kort|al|op|aan|in|naar|de|het|['’]t|at|on|the|now|:))*\s*:?\s*$"
    # "woont nog zelfstandig op", "wonen al jaren aan de": a few words, then "op"/"aan"
    r"|\bwo(?:on|ont|nen)\b(?:\s+[^\W\d_]+){1,3}?\s+(?:op|aan)(?:\s+(?:de|het|['’]t))?\s*$"
    # and in English: "I live in Lelystad at", "we have lived for years on"
    r"|\bli(?:ve|ves|ved|ving)\b(?:\s+[^\W\d_]+){1,3}?\s+(?:at|on)\s*$",
    re.IGNORECASE,
)
# "u" after a number is "uur" ("om 5 u"), unless it is the pronoun: "Kerkstraat 5 u weet wel".
_U_VERBS = (
    "(?:weet|kunt|kan|bent|hebt|heeft|mag|moet|wilt|zult|zal|zou|ziet|snapt|begrijpt|kent|"
    "vindt|krijgt|hoeft|ook|wel|toch|zelf)"
)
# Words after a number that make it a quantity, not a house number.
_UNIT_AFTER = re.compile(
    rf"\s*(?:euro|eur|procent|%|uur|u\b(?!\s+{_U_VERBS}\b)|jaar|jaren|keer|maal|min|minuten|minuutjes|sec|seconden|"
    r"dagen|dag|weken|week|maanden|maand|kilo|km|kg|meter|m\b|cm|stuks|kinderen|personen|mensen)"
    r"\b",
    re.IGNORECASE,
)


# A plural word after a number: "14 Bulgaren", "3 Syriërs" (counted with nationality_words).
_PLURAL_WORD_AFTER = re.compile(r" (?P<word>[^\W\d_]+(?:en|ers|s))(?!\w)")


def quantity_after(text: str, position: int) -> bool:
    """A unit after a number ("12 jaar", "5 u"), or people counted by where they come from
    ("in Bloemhof 14 Bulgaren"): a quantity, not a house number."""
    if _UNIT_AFTER.match(text, position) is not None:
        return True
    plural = _PLURAL_WORD_AFTER.match(text, position)
    return plural is not None and plural["word"].casefold() in nationality_words()

# ", Lelystad", " in Oirschot", " te Venlo" right after a house number.
_TOWN_AFTER = re.compile(r"(?:\s*,\s*|\s+(?:in|te)\s+)(?P<town>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)")


def town_after(text: str, end: int, places: frozenset[str], comma_only: bool) -> bool:
    """ "Schouw 34-12, Lelystad", "Rokin 8 in Amsterdam": a listed town after the number says
    the word before it is a street, as a postcode does. After "in"/"te" only when asked: "lijn 5
    in Amsterdam" is a tram."""
    town = _TOWN_AFTER.match(text, end)
    if town is None or (comma_only and "," not in town.group()):
        return False
    return town["town"].lower() in places

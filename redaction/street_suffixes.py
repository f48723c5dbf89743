"""Endings of Dutch street names ("Kerkstraat", "Julianastr. 8").

Shared by the address recognizer, the person recognizer's shapes and the disguise reader; the
last is part of the normaliser the vault and the other processes use, so this module imports
nothing (no Presidio, no spaCy).
"""

STREET_SUFFIXES = (
    "straat", "straatje", "straatweg", "laan", "laantje", "weg", "plein", "pleintje", "gracht",
    "kade", "singel", "dijk", "dreef", "hof", "hofje", "park", "pad", "steeg", "steegje",
    "markt", "wal", "plantsoen", "erf", "baan", "boulevard", "allee", "kaai", "zoom", "vliet",
    "vaart", "wetering", "brink", "schans", "veste", "hoven", "poort", "gaarde", "dreef",
    "passage", "promenade", "esplanade", "kanaal", "haven", "ring", "lei",
    "str", "ln",  # abbreviated: "Julianastr. 8", "Rembrandtln 42"
    # Frisian, on street signs in Fryslân: "Wurdumerdyk 27", "Tsjerkestrjitte 17", "Skoalwei 3"
    "strjitte", "dyk", "wei", "leane", "paad", "buorren",
)  # fmt: skip
# Lowercase compounds with these endings count as a street without being a known one.
STRONG_STREET_SUFFIXES = (
    "straat", "laan", "weg", "plein", "gracht", "kade", "singel", "dijk", "dreef", "steeg",
    "plantsoen", "boulevard", "str",
)  # fmt: skip
# Words that start a street name instead of ending it: Papiamento "Kaya" (street) and "Kaminda"
# (road) on Curaçao, Aruba and Bonaire ("Kaya Grandi 45"), where many residents lived before.
STREET_PREFIXES = ("kaya", "kaminda")

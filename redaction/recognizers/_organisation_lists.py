"""Organisations deduce lists that residents name like people: hospitals and care groups.

Read by ``redaction.organisations``: a person-shaped finding inside one of these names ("Ipse de
Bruggen", "Zuyderland Medisch Centrum") is no person.
"""

from __future__ import annotations

from functools import cache

from redaction.recognizers._lexicon import (
    _deduce_root,
    _read_lines,
    first_names,
    interfixes,
    surnames,
)

# Hospitals named by one word that is also a person's or a saint's name ("mijn opa Antonius").
_HOSPITALS_NAMED_LIKE_PEOPLE = frozenset(
    "antonius erasmus lorentz máxima radboud martini boerhaave bethel bethesda charitas holy "
    "eudokia nebo refaja".split()
)


@cache
def care_organisations() -> frozenset[str]:
    """Hospitals and the care organisations with three or more listed locations ("Zuyderland",
    "Ipse De Bruggen", "'s Heeren Loo"), lowercased; not those named like a person (a first
    name or surname alone, or names and particles only)."""
    root = _deduce_root() / "institutions"
    hospitals = {h.lower() for h in _read_lines(root / "lst_hospital" / "items.txt")}
    heads: dict[str, int] = {}
    for line in _read_lines(root / "lst_healthcare_institution" / "items.txt"):
        head = line.split(",")[0].strip().lower()
        heads[head] = heads.get(head, 0) + 1
    names = first_names() | surnames() | interfixes()
    groups = {h for h, count in heads.items() if count >= 3}
    return frozenset(
        n for n in groups | (hospitals - _HOSPITALS_NAMED_LIKE_PEOPLE)
        if not all(w in names for w in n.split())
    )

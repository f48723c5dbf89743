"""The placeholder format shared by the redactor, the NLU examples and the trend store.

A redacted value becomes ``<LABEL_N>``: a Dutch type label and a number that is the same for the
same value within one conversation ("<PERSOON_1> belde <PERSOON_2>, toen belde <PERSOON_1> weer").
"""

from __future__ import annotations

import re

# Presidio entity type → Dutch label residents and trainers see.
LABELS: dict[str, str] = {
    "PERSON": "PERSOON",
    "PHONE_NUMBER": "TELEFOONNUMMER",
    "EMAIL_ADDRESS": "EMAIL",
    "NL_BSN": "BSN",
    "IBAN_CODE": "IBAN",
    "NL_ADDRESS": "ADRES",
    "NL_POSTCODE": "POSTCODE",
    "DATE_TIME": "DATUM",
    "NL_LICENSE_PLATE": "KENTEKEN",
    "URL": "URL",
    "IP_ADDRESS": "IP_ADRES",
    "ID_NUMBER": "DOSSIERNUMMER",
    "NL_CASE_CODE": "ZAAKCODE",
}

PLACEHOLDER = re.compile(r"<(?P<label>[A-Z]+(?:_[A-Z]+)*)_(?P<number>[1-9]\d*)>")


def placeholder(entity_type: str, number: int) -> str:
    """The placeholder for the ``number``-th distinct value of a type in a conversation."""
    return f"<{LABELS[entity_type]}_{number}>"


def placeholder_pattern(entity_type: str) -> re.Pattern[str]:
    """Any placeholder of one type: ``<ZAAKCODE_1>``, ``<ZAAKCODE_12>``."""
    return re.compile(rf"<{LABELS[entity_type]}_[1-9]\d*>")


def is_known_label(label: str) -> bool:
    return label in LABELS.values()

"""Page context a channel may pass along with a message (the widget's wijk and doelgroep).

Rasa stores message metadata in the tracker unredacted, so only named keys with short, plain
values pass, and a value in which the redactor finds anything personal is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the type only: the screen worker, not the Rasa process, loads Presidio
    from redaction.redactor import Redactor

_PLAIN_VALUE = re.compile(r"[^\W\d_][\w' .-]{0,39}")


def page_context(
    metadata: Any, allowed_keys: Collection[str], redactor: Redactor
) -> dict[str, str] | None:
    """The allowed, plain, non-personal entries of ``metadata``; None when nothing is left."""
    if not isinstance(metadata, dict):
        return None
    kept = {
        key: " ".join(value.split())
        for key, value in metadata.items()
        if key in allowed_keys and isinstance(value, str) and _PLAIN_VALUE.fullmatch(value.strip())
        and not redactor.find(value)
    }
    return kept or None

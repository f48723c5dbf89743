"""What the boundary says itself, in the language it read the resident's message in.

Its replies (``channels/replies.yml``, ``channels/resilience.yml``) are Dutch, with an ``en:``
block for a message the language check read as English; which one a reply takes is decided here,
from the message's metadata (``bot.language_id.METADATA_LANGUAGE``), Dutch when it is unknown.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from bot.language_id import DUTCH, METADATA_LANGUAGE, TEXT_LANGUAGES, text_language


class Replies(dict[str, str]):
    """The Dutch replies by key; :meth:`in_language` and :meth:`for_message` give the others."""

    def __init__(self, dutch: Mapping[str, str],
                 translations: Mapping[str, Mapping[str, str]] | None = None) -> None:
        super().__init__(dutch)
        self.translations = {k: dict(v) for k, v in (translations or {}).items()}

    def in_language(self, language: str) -> dict[str, str]:
        """The replies in ``language`` (a translation lacking a key falls back to Dutch)."""
        return {**self, **self.translations.get(language, {})}

    def for_message(self, metadata: Any) -> dict[str, str]:
        """The replies in the language the boundary read a message in (its metadata)."""
        code = metadata.get(METADATA_LANGUAGE) if isinstance(metadata, Mapping) else None
        return self.in_language(text_language(code))


def read_replies(raw: Mapping[str, Any], prepare: Callable[[str], str] = str) -> Replies:
    """Replies from a data file's block: its keys in Dutch, ``en:`` (and any other language of
    the assistant's texts) for the translations; each text folded to one line, then ``prepare``d."""

    def texts(block: Mapping[str, Any]) -> dict[str, str]:
        return {key: prepare(" ".join(str(value).split())) for key, value in block.items()
                if key != "version" and key not in TEXT_LANGUAGES}

    return Replies(texts(raw), {language: texts(raw[language]) for language in TEXT_LANGUAGES
                                if language != DUTCH and raw.get(language)})

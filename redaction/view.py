"""The recognizers' view of a message and its map back to the original characters.

Its own module so that the two passes that build it (``normalise`` and ``disguises``) share it
without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Normalised:
    """The view ``text`` and, per character of it, the original range it came from.

    ``starts``/``ends`` are ``None`` when the view is the original itself (the common case).
    """

    text: str
    starts: tuple[int, ...] | None = None
    ends: tuple[int, ...] | None = None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the view's ``text[start:end]``, everything in between included."""
        if self.starts is None or self.ends is None:
            return start, end
        if start >= end:
            position = self.starts[start] if start < len(self.starts) else self._original_length
            return position, position
        return self.starts[start], self.ends[end - 1]

    @property
    def _original_length(self) -> int:
        return self.ends[-1] if self.ends else 0

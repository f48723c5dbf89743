"""A name holds no line break: a span that crosses one is cut into the lines' pieces.

Pasted signatures, contact cards and forms put a name above a job title, a label or a street
("Anouk de Vries\nWoonconsulent", "N:Hoekstra;Sjoerd\nFN:"); the strategies that grow a name
over the next words would take those along.
"""

from __future__ import annotations

from redaction.recognizers import _lexicon
from redaction.recognizers._person.shapes import _STREET_COMPOUND, _NameShapes
from redaction.recognizers._person.tokens import _Tok


class _LinePieces(_NameShapes):
    """Cut a found name at line breaks; keep the pieces that still hold a name."""

    def _line_pieces(
        self, text: str, tokens: list[_Tok], first: int, last: int
    ) -> list[tuple[int, int]]:
        """A name holds no line break: "Anouk de Vries\nWoonconsulent", "Sjoerd\nFN:" are cut
        at it. The first line's piece stays if it holds a name-like word; a later line's only
        with a listed name ("Amrani\nPieter"), never a job title, label or street."""
        if "\n" not in text[tokens[first].start:tokens[last].end]:
            return [(first, last)]
        pieces: list[tuple[int, int]] = []
        piece_first = first
        for index in range(first, last + 1):
            if index == last or "\n" in text[tokens[index].end:tokens[index + 1].start]:
                words = [t for t in tokens[piece_first:index + 1] if t.is_word]
                if any(self._name_in_piece(t, listed=bool(pieces) or piece_first > first)
                       for t in words):
                    pieces.append((piece_first, index))
                piece_first = index + 1
        return pieces

    def _name_in_piece(self, tok: _Tok, listed: bool) -> bool:
        if self._never(tok) or _STREET_COMPOUND.fullmatch(tok.text):
            return False
        if self._in_names(tok.low):
            return True
        short_label = tok.text.isupper() and len(tok.text) <= 3
        return not listed and not short_label and not self._everyday_word(tok.low)

    def _everyday_word(self, low: str) -> bool:
        """ "Woonconsulent", "Tel", "adviseur": a word of the language, no name on its own."""
        return low in self._ordinary or _lexicon.is_dutch_word(low)

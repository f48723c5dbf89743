"""The hand-annotated evaluation corpus: inline ``[value](TYPE)`` annotations."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from settings.core import PROJECT_ROOT

CORPUS_FILE = PROJECT_ROOT / "tests" / "redaction" / "data" / "eval_corpus.yml"
ANNOTATION = re.compile(r"\[([^\]]+)\]\(([A-Z_]+)\)")


@dataclass(frozen=True)
class Span:
    entity_type: str
    start: int
    end: int


@dataclass(frozen=True)
class Utterance:
    text: str
    gold: tuple[Span, ...]


def parse_annotated(line: str) -> Utterance:
    """Plain text plus gold spans with offsets into the plain text."""
    parts: list[str] = []
    spans: list[Span] = []
    cursor = length = 0
    for match in ANNOTATION.finditer(line):
        before = line[cursor:match.start()]
        parts.append(before)
        length += len(before)
        value, entity_type = match.group(1), match.group(2)
        spans.append(Span(entity_type, length, length + len(value)))
        parts.append(value)
        length += len(value)
        cursor = match.end()
    parts.append(line[cursor:])
    return Utterance("".join(parts), tuple(spans))


def load_corpus(path: Path = CORPUS_FILE) -> list[Utterance]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [parse_annotated(line) for line in data["utterances"]]

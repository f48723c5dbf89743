"""Blind message sets that have done their work as measures become training data.

A blind set's honest value as a measure is its first score. After its round it is a development
set (read for error analysis, so no longer blind), and once a later round has judged the work done
on it, it is *retired*: its messages - wording nobody on the team wrote, from writers who never saw
``nlu_data/`` - are written into ``nlu_data/retired/`` (English ones into ``nlu_data/en/retired/``)
so that the topic classifier and the safety detector learn from them. Hand-written paraphrases
had stopped carrying to new sets (session 23: +0.001 macro-F1 on the judge for ~1,000 examples).

Which sets are retired is data (``evaluation/retired_sets.yml``); the judge of the current round
is never listed, and ``tests/nlu_data`` fails if a message of a set still in use is a training
example. Messages are written as Rasa sees them in production: redacted by the boundary's own
redactor (placeholders, never an invented name or number), on one line.

``python -m evaluation.retired_sets`` rewrites the files from the list.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.blind_messages import BLIND_DIR, BlindMessage, load_blind_set
from bot.nlu_examples import (
    LANGUAGE_DIRS,
    NLU_DIR,
    RETIRED_FOLDER,
    WEAK_SIGNAL_KEY,
    load_examples,
)
from bot.safety import KIND_INTENT
from redaction.placeholders import PLACEHOLDER
from settings.core import PROJECT_ROOT

RETIRED_LIST = PROJECT_ROOT / "evaluation" / "retired_sets.yml"
CONVERSATION_SETS = PROJECT_ROOT / "evaluation" / "sets"
SOURCE_MARK = "# source sha256: "
MAX_PASSES = 4


@dataclass(frozen=True)
class RetiredSet:
    name: str
    language: str

    @property
    def source(self) -> Path:
        return BLIND_DIR / f"{self.name}.yml"

    def source_sha256(self) -> str:
        return hashlib.sha256(self.source.read_bytes()).hexdigest()

    def target(self, nlu_dir: Path = NLU_DIR) -> Path:
        folder = nlu_dir / LANGUAGE_DIRS[self.language] if self.language in LANGUAGE_DIRS \
            else nlu_dir
        return folder / RETIRED_FOLDER / f"{self.name}.yml"


def load_retired(path: Path = RETIRED_LIST) -> list[RetiredSet]:
    """The retired sets per language; a set listed twice or missing is an error."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    sets: list[RetiredSet] = []
    for language, names in (raw.get("message_sets") or {}).items():
        if language != "nl" and language not in LANGUAGE_DIRS:
            raise ValueError(f"{path.name}: unknown language {language!r}")
        sets += [RetiredSet(str(name), str(language)) for name in names or []]
    names = [s.name for s in sets]
    if len(names) != len(set(names)):
        raise ValueError(f"{path.name}: a set is listed twice")
    missing = [s.name for s in sets if not s.source.exists()]
    if missing:
        raise ValueError(f"{path.name}: no such blind set: {', '.join(missing)}")
    return sets


def one_line(text: str) -> str:
    return " ".join(text.split())


Block = tuple[str, str | None]  # (trained intent, safety intent of a weak signal)


def trained_block(message: BlindMessage) -> Block:
    """A clear crisis or violence signal is taught as its safety intent, whatever topic the set
    filed it under: the safety answer comes first (issue 18), and the detector must not learn
    "ik wil er niet meer zijn" inside a debt story as an ordinary message. A weak signal keeps
    its topic (the answer is the topic's, with one short line) and is marked as a signal."""
    kind = KIND_INTENT.get(message.safety_kind or "")
    if message.safety == "strong":
        return kind or message.intent, None
    return message.intent, kind if message.safety == "weak" else None


def key(text: str) -> str:
    """How the tests compare examples: case, edge punctuation and placeholders do not count."""
    return PLACEHOLDER.sub(" ", text).lower().strip(" .?!")


def plain(text: str) -> str:
    """How the tests compare a training example with a blind message."""
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


@dataclass
class Taken:
    """What the retired examples may not repeat: an example's owner intent (the trainers' own
    first, then earlier sets: one example, one intent) and the messages of sets still in use."""

    owners: dict[str, str] = field(default_factory=dict)
    live: frozenset[str] = frozenset()
    dropped: int = 0

    def admits(self, text: str, intent: str) -> bool:
        known = key(text)
        owner = self.owners.setdefault(known, intent)
        if not known.strip() or owner != intent or plain(text) in self.live:
            self.dropped += 1
            return False
        return True


def examples_by_block(messages: Iterable[BlindMessage], redact: Callable[[str], str],
                      taken: Taken | None = None) -> dict[Block, list[str]]:
    """The set's messages per trained intent and signal, redacted, on one line, no repeats; a
    message that is only placeholders, another intent's example or a live set's message is left
    out."""
    taken = taken or Taken()
    found: dict[Block, list[str]] = {}
    seen: set[tuple[str, str]] = set()
    for message in messages:
        text = one_line(redact(message.text))
        block = trained_block(message)
        if text and (block[0], text) not in seen and taken.admits(text, block[0]):
            seen.add((block[0], text))
            found.setdefault(block, []).append(text)
    return found


def render(retired: RetiredSet, examples: dict[Block, list[str]]) -> str:
    lines = [
        f"# Retired blind set {retired.name} (bot/eval/blind/{retired.name}.yml), redacted.",
        "# Written by `python -m evaluation.retired_sets` - do not edit; see that module.",
        f"{SOURCE_MARK}{retired.source_sha256()}",
        'version: "3.1"',
        "nlu:",
    ]
    for intent, signal in sorted(examples, key=lambda block: (block[0], block[1] or "")):
        lines.append(f"- intent: {intent}")
        if signal:
            lines += ["  metadata:", f"    {WEAK_SIGNAL_KEY}: {signal}"]
        lines.append("  examples: |")
        lines += [f"    - {text}" for text in examples[intent, signal]]
    return "\n".join(lines) + "\n"


def until_stable(redact_once: Callable[[str], str], passes: int = MAX_PASSES
                 ) -> Callable[[str], str]:
    """Redact again until nothing changes: in the redacted sentence a word next to a new
    placeholder can read as a name ("Teraz mam <PERSOON_1>"), and ``nlu_data/`` must scan clean."""
    def redact(text: str) -> str:
        for _ in range(passes):
            redacted = redact_once(text)
            if redacted == text:
                break
            text = redacted
        return text
    return redact


def live_messages(retired: Iterable[RetiredSet]) -> frozenset[str]:
    """Every message of a blind set still in use (message and conversation sets), plain."""
    gone = {r.source for r in retired}
    texts = [m.text for path in sorted(BLIND_DIR.glob("*.yml")) if path not in gone
             for m in load_blind_set(path)]
    for path in sorted(CONVERSATION_SETS.glob("*.yml")):
        for conversation in yaml.safe_load(path.read_text(encoding="utf-8"))["conversations"]:
            texts += [turn["user"] for turn in conversation["turns"]]
    return frozenset(plain(t) for t in texts)


def write_all(sets: Iterable[RetiredSet], redact: Callable[[str], str],
              nlu_dir: Path = NLU_DIR, live: frozenset[str] = frozenset()) -> list[Path]:
    """Rewrite every retired set's file; files of sets no longer listed are removed."""
    sets = list(sets)
    taken = Taken({key(e): intent for intent, examples in load_examples(nlu_dir, retired=False)
                   .items() for e in examples}, live)
    written = []
    for retired in sets:
        target = retired.target(nlu_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render(retired, examples_by_block(
            load_blind_set(retired.source), redact, taken)), encoding="utf-8")
        written.append(target)
    for stale in sorted(nlu_dir.rglob(f"{RETIRED_FOLDER}/*.yml")):
        if stale not in written:
            stale.unlink()
    return written


def recorded_source(target: Path) -> str | None:
    """The source fingerprint a written file records (a stale file records another)."""
    for line in target.read_text(encoding="utf-8").splitlines():
        if line.startswith(SOURCE_MARK):
            return line[len(SOURCE_MARK):].strip()
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation.retired_sets", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.parse_args(argv)
    from redaction.analyzer import build_redactor
    from redaction.settings import load_redaction_settings

    redactor = build_redactor(load_redaction_settings())
    retired = load_retired()
    written = write_all(retired, until_stable(lambda text: redactor.redact(text)[0]),
                        live=live_messages(retired))
    for path in written:
        print(f"written: {path.relative_to(PROJECT_ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

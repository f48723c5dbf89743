"""Command line (a stable contract other tools call).

``python -m redaction redact --jsonl`` reads ``{"text": …}`` lines on stdin and writes
``{"text", "redacted", "entities": [{"type", "start", "end", "score"}]}`` per line, offsets into
the original text. ``python -m redaction scan PATH…`` reports personal data in files and exits 1
when it finds any (used to prove ``nlu_data/`` holds none). Found values are never printed whole.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from redaction.redactor import Redactor

SCANNED_SUFFIXES = {".yml", ".yaml", ".txt", ".md", ".json", ".jsonl", ".csv"}


def redact_jsonl(redactor: Redactor, lines: TextIO, out: TextIO) -> int:
    """One output line per input line; a bad line gets an ``error`` and the rest goes on."""
    failures = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            text = record["text"]
            if not isinstance(text, str):
                raise TypeError("'text' must be a string")
        except (ValueError, KeyError, TypeError) as error:
            failures += 1
            out.write(json.dumps({"line": number, "error": f"not a {{\"text\": …}} line: "
                                                          f"{type(error).__name__}"}) + "\n")
            continue
        redacted, findings = redactor.redact(text)
        out.write(json.dumps({"text": text, "redacted": redacted,
                              "entities": [f.as_dict() for f in findings]},
                             ensure_ascii=False) + "\n")
        out.flush()
    return 1 if failures else 0


def files_to_scan(paths: Sequence[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*")
                              if p.is_file() and p.suffix in SCANNED_SUFFIXES)
        elif path.is_file():
            yield path
        else:
            raise FileNotFoundError(path)


def mask(value: str) -> str:
    """Enough to find the spot, not enough to read the value."""
    return value[:1] + "*" * max(len(value) - 1, 2)


# "key:", "- key:", "- " and "|" are YAML structure, not content: only the values are scanned.
_YAML_STRUCTURE = re.compile(r"^\s*(?:-\s+)?(?:[\w.-]+:(?:\s+[|>][-+]?)?\s*)?(?:-\s+)?")


# Values of these keys name things in Rasa's training data format; they are not resident text.
_NAMING_KEYS = re.compile(
    r"^\s*(?:-\s+)?(?:version|intent|synonym|regex|lookup|story|rule|action|active_loop"
    r"|checkpoint|slot_was_set|condition|steps|wait_for_user_input|conversation_start):")


def content_of(line: str, yaml_file: bool) -> tuple[int, str]:
    """The part of a line that is content, and where it starts."""
    if not yaml_file:
        return 0, line
    if _NAMING_KEYS.match(line) or line.lstrip().startswith("#"):
        return len(line), ""  # structure, or the team's own comment (reviewed with the code)
    start = _YAML_STRUCTURE.match(line).end()  # type: ignore[union-attr]
    return start, line[start:]


def scan(redactor: Redactor, paths: Sequence[Path], out: TextIO) -> int:
    hits = 0
    for path in files_to_scan(paths):
        yaml_file = path.suffix in (".yml", ".yaml")
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace")
                                      .splitlines(), start=1):
            offset, content = content_of(line, yaml_file)
            for finding in redactor.find(content):
                hits += 1
                value = content[finding.start:finding.end]
                out.write(f"{path}:{number}:{offset + finding.start + 1}: {finding.entity_type} "
                          f"{mask(value)} (score {finding.score:.2f})\n")
    out.write(f"{hits} finding(s)\n")
    return 1 if hits else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m redaction", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    redact = commands.add_parser("redact", help="redact stdin")
    redact.add_argument("--jsonl", action="store_true",
                        help='lines of {"text": …} in, JSON lines out (otherwise: plain lines)')
    scanner = commands.add_parser("scan", help="report personal data in files; exit 1 if any")
    scanner.add_argument("paths", nargs="+", type=Path)
    args = parser.parse_args(argv)

    from redaction.analyzer import RedactionSetupError, build_redactor
    from redaction.settings import load_redaction_settings

    try:
        redactor = build_redactor(load_redaction_settings())
    except RedactionSetupError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if args.command == "redact":
        if args.jsonl:
            return redact_jsonl(redactor, sys.stdin, sys.stdout)
        for line in sys.stdin:
            print(redactor.redact(line.rstrip("\n"))[0], flush=True)
        return 0
    try:
        return scan(redactor, args.paths, sys.stdout)
    except FileNotFoundError as error:
        print(f"error: no such file or folder: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())

"""The NLU examples trainers write in ``nlu_data/``, read as plain text per intent.

Dutch examples sit in ``topics/``, ``safety/``, ``process/`` and ``dialogue/``; English ones in
the same sub-folders under ``en/`` (issue 17). One model learns both languages, so most readers
take all examples together; the count checks read them per language.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import yaml

from settings.core import PROJECT_ROOT

NLU_DIR = PROJECT_ROOT / "nlu_data"
# Sub-folders of nlu_data/ that hold one other language each; every other file is Dutch.
LANGUAGE_DIRS = {"en": "en"}
DUTCH = "nl"
# An intent block whose metadata names a safety intent under this key holds messages with a weak
# crisis or violence signal: trained under their topic, read by the safety detector as signals
# (written for retired blind sets by evaluation/retired_sets.py).
WEAK_SIGNAL_KEY = "weak_signal"
# Retired blind sets: evaluation/retired_sets.py writes them to nlu_data/retired/ (en/retired/).
RETIRED_FOLDER = "retired"


def load_examples(folder: Path = NLU_DIR, retired: bool = True) -> dict[str, list[str]]:
    """Examples per intent, in file order; tests, safety checks and benchmarks share this view.
    ``retired=False``: only the trainers' own examples, without the retired blind sets."""
    return _read(sorted(p for p in folder.rglob("*.yml")
                        if retired or RETIRED_FOLDER not in p.relative_to(folder).parts))


def load_examples_by_language(folder: Path = NLU_DIR) -> dict[str, dict[str, list[str]]]:
    """Examples per language ("nl", "en", ...) and intent, by the folder a file sits in."""
    files: dict[str, list[Path]] = defaultdict(list)
    for path in sorted(folder.rglob("*.yml")):
        files[language_of(path.relative_to(folder))].append(path)
    return {language: _read(paths) for language, paths in files.items()}


def language_of(relative: Path) -> str:
    """The language of a file under nlu_data/: its top folder's, Dutch when not listed."""
    top = relative.parts[0] if len(relative.parts) > 1 else ""
    return next((lang for lang, name in LANGUAGE_DIRS.items() if name == top), DUTCH)


def load_weak_signals(folder: Path = NLU_DIR) -> dict[str, str]:
    """Example text -> the safety intent of its weak signal, for the blocks marked as such."""
    signals: dict[str, str] = {}
    for path in sorted(folder.rglob("*.yml")):
        for block in _blocks(path):
            signal = (block.get("metadata") or {}).get(WEAK_SIGNAL_KEY)
            if "intent" in block and signal:
                signals.update((example, str(signal)) for example in _examples(block))
    return signals


def _blocks(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", [])


def _examples(block: dict) -> list[str]:
    return [line.strip()[2:].strip() for line in block["examples"].splitlines()
            if line.strip().startswith("- ")]


def _read(paths: list[Path]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for path in paths:
        for block in _blocks(path):
            if "intent" in block:
                found[block["intent"]] += _examples(block)
    return dict(found)

"""The blind language sets retired into training, and the command that builds a model on them.

Two models learn from these sets (``bot.foreign_safety``: crisis and violence in other
languages; ``bot.latin_language``: which language a message in Latin letters is in); each lists
its sets in its own data file, and both are built the same way by ``make train``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import yaml

from bot.ngram_model import ThresholdedModel, save_json
from settings.core import PROJECT_ROOT

SETS_DIR = PROJECT_ROOT / "bot" / "eval" / "languages"


def read_config(path: Path, defaults: Mapping[str, int | float]) -> dict[str, Any]:
    """A model's data file: the retired sets it trains on, and its numbers (typed as the
    defaults are)."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    sets = raw.get("training_sets")
    if not isinstance(sets, list) or not sets:
        raise ValueError(f"{path.name}: training_sets must list language sets")
    return {"training_sets": [str(s) for s in sets],
            **{key: type(value)(raw.get(key, value)) for key, value in defaults.items()}}


def set_messages(name: str, sets_dir: Path = SETS_DIR) -> list[dict[str, Any]]:
    return list(yaml.safe_load((sets_dir / f"{name}.yml").read_text(encoding="utf-8"))["messages"])


def build_command(argv: list[str] | None, prog: str, description: str | None, model_dir: str,
                  model_file: str, build: Callable[[], tuple[ThresholdedModel, int]]) -> int:
    """``python -m <prog> build --out DIR``: build, write the JSON whole, say what was built."""
    parser = argparse.ArgumentParser(prog=f"python -m {prog}", description=description)
    commands = parser.add_subparsers(dest="command", required=True)
    build_cmd = commands.add_parser("build", help="train on the listed language sets")
    build_cmd.add_argument("--out", type=Path, default=Path("models") / model_dir)
    args = parser.parse_args(argv)
    built, examples = build()
    path = save_json(built.as_mapping(), args.out, model_file)
    print(f"{examples} examples, threshold {built.threshold}: {path}")
    return 0

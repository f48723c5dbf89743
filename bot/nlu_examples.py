"""The Dutch NLU examples trainers write in ``nlu_data/``, read as plain text per intent."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import yaml

from settings.core import PROJECT_ROOT

NLU_DIR = PROJECT_ROOT / "nlu_data"


def load_examples(folder: Path = NLU_DIR) -> dict[str, list[str]]:
    """Examples per intent, in file order; tests, safety checks and benchmarks share this view."""
    found: dict[str, list[str]] = defaultdict(list)
    for path in sorted(folder.rglob("*.yml")):
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
            if "intent" in block:
                found[block["intent"]] += [
                    line.strip()[2:].strip() for line in block["examples"].splitlines()
                    if line.strip().startswith("- ")
                ]
    return dict(found)

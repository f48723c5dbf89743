"""Residents' answers to the hand-off form's questions, as calm examples for the safety detector.

The detector learns from the trainers' NLU examples, which are whole messages about a topic. A
form answer is another kind of text - "na 19u als hij slaapt", "bellen denk ik" - and the
detector's character n-grams read some of them as crisis or violence ("slaapt" is "slaat" with
one letter more). The conversation sets' call-back blocks hold such answers, written blind by
many hands; the sets listed in ``form_answer_sets.yml`` lend them as calm text.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from settings.core import PROJECT_ROOT

SETS_LIST = Path(__file__).with_name("form_answer_sets.yml")
SETS_DIR = PROJECT_ROOT / "evaluation" / "sets"


def form_answers(sets_list: Path = SETS_LIST, sets_dir: Path = SETS_DIR) -> list[str]:
    """Every answer in the listed sets' call-back blocks, in set order, without repeats."""
    raw = yaml.safe_load(sets_list.read_text(encoding="utf-8")) or {}
    names = raw.get("conversation_sets")
    if not isinstance(names, list) or not names:
        raise ValueError(f"{sets_list.name}: conversation_sets must list conversation sets")
    answers: dict[str, None] = {}
    for name in names:
        data = yaml.safe_load((sets_dir / f"{name}.yml").read_text(encoding="utf-8"))
        for conversation in data["conversations"]:
            for answer in (conversation.get("callback") or {}).values():
                if isinstance(answer, str) and answer.strip():
                    answers.setdefault(answer.strip(), None)
    return list(answers)

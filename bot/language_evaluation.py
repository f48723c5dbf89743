"""``python -m bot.language_evaluation SET``: the boundary's language check on a blind set.

Reports how often the language is read right, how often Dutch is read as another language, and
how often a crisis or violence message gets the safety answer in its own language (the check at
the boundary: right language and a clear signal; for English also the assistant's own check,
which answers English messages), per language. Writes
``var/reports/languages/<set>.md``. Sets: ``bot/eval/languages/`` (written blind, see
docs/trainers.md).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.language_id import DUTCH, ENGLISH
from bot.languages import LanguageCheck, load_language_check
from bot.safety_check import SafetyCheck, load_safety_check
from settings.core import PROJECT_ROOT, load_settings

REPORT_DIR = PROJECT_ROOT / "var" / "reports" / "languages"


@dataclass
class LanguageScores:
    messages: Counter[str] = field(default_factory=Counter)
    identified: Counter[str] = field(default_factory=Counter)
    safety: Counter[str] = field(default_factory=Counter)
    safety_answered: Counter[str] = field(default_factory=Counter)
    calm_other: int = 0
    calm_answered: int = 0

    @property
    def accuracy(self) -> float:
        return sum(self.identified.values()) / max(1, sum(self.messages.values()))

    @property
    def dutch_misread(self) -> float:
        return 1 - self.identified[DUTCH] / max(1, self.messages[DUTCH])

    @property
    def safety_rate(self) -> float:
        return sum(self.safety_answered.values()) / max(1, sum(self.safety.values()))


def evaluate(path: Path, check: LanguageCheck, english: SafetyCheck | None = None
             ) -> LanguageScores:
    """``english``: the assistant's own check, which answers an English message (the language
    check's words alone would under-count English)."""
    scores = LanguageScores()
    for message in yaml.safe_load(path.read_text(encoding="utf-8"))["messages"]:
        label, kind = message["label"], message.get("safety", "none")
        code, signal = check.check(message["text"])
        if code == ENGLISH and signal is None and english is not None:
            found = english.check(message["text"])
            signal = found if found is not None and found.clear else None
        scores.messages[label] += 1
        scores.identified[label] += code == label
        if label == DUTCH:
            continue
        if kind != "none":
            scores.safety[label] += 1
            scores.safety_answered[label] += code == label and signal is not None
        else:
            scores.calm_other += 1
            scores.calm_answered += signal is not None
    return scores


def report(name: str, scores: LanguageScores) -> str:
    lines = [f"# Language check on `{name}`", "",
             "| figure | value |", "|---|---|",
             f"| language identified right | {scores.accuracy:.1%} |",
             f"| Dutch read as another language | {scores.dutch_misread:.1%} |",
             f"| crisis or violence message: safety answer in its language | "
             f"{scores.safety_rate:.1%} |",
             f"| safety answer on an everyday message in another language | "
             f"{scores.calm_answered} / {scores.calm_other} |", "",
             "| language | messages | identified | safety answer |", "|---|---:|---:|---:|"]
    for code in sorted(scores.messages, key=lambda c: (c != DUTCH, c)):
        safety = (f"{scores.safety_answered[code]} / {scores.safety[code]}"
                  if scores.safety[code] else "–")
        lines.append(f"| {code} | {scores.messages[code]} | {scores.identified[code]} | "
                     f"{safety} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.language_evaluation", description=__doc__)
    parser.add_argument("sets", type=Path, nargs="+")
    args = parser.parse_args(argv)
    model_dir = load_settings().model_dir
    check = load_language_check(model_dir=model_dir)
    english = load_safety_check(model_dir)
    REPORT_DIR.mkdir(parents=True, exist_ok=True)
    for path in args.sets:
        text = report(path.name, evaluate(path, check, english))
        (REPORT_DIR / f"{path.stem}.md").write_text(text, encoding="utf-8")
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())

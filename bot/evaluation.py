"""``make eval``: NLU cross-validation of the pipeline in config.yml against a simple baseline.

Writes, per pipeline, Rasa's intent report and confusion-matrix image, plus one summary table
(``<data_dir>/reports/nlu-eval/summary.md``) that the README quotes.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import yaml

from settings.core import PROJECT_ROOT, load_settings

PIPELINES = {
    "chosen": PROJECT_ROOT / "config.yml",
    "baseline": PROJECT_ROOT / "bot" / "eval" / "baseline_config.yml",
}


def cross_validate(config: Path, out: Path, folds: int) -> dict:
    """Run Rasa's NLU cross-validation and return its intent report."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "rasa",
            "test",
            "nlu",
            "--nlu",
            str(PROJECT_ROOT / "nlu_data"),
            "--config",
            str(config),
            "--cross-validation",
            "--folds",
            str(folds),
            "--out",
            str(out),
        ],
        cwd=PROJECT_ROOT,
        check=True,
        env={**os.environ, "RASA_TELEMETRY_ENABLED": "false"},
    )
    return json.loads((out / "intent_report.json").read_text())


def fallback_threshold(config: Path = PIPELINES["chosen"]) -> float:
    """The FallbackClassifier threshold: below it a resident gets the topic menu, not an answer."""
    pipeline = yaml.safe_load(config.read_text(encoding="utf-8"))["pipeline"]
    return next(float(c["threshold"]) for c in pipeline if c["name"] == "FallbackClassifier")


def confidently_wrong(errors: list[dict], total: int, threshold: float) -> tuple[int, int]:
    """Errors a resident would see as a wrong answer (the rest become the kind fallback)."""
    wrong = sum(1 for e in errors if e["intent_prediction"]["confidence"] >= threshold)
    return wrong, total


def summary_table(reports: dict[str, dict]) -> str:
    """Per-intent F1 for each pipeline, macro averages first."""
    names = list(reports)
    lines = [
        "| intent | " + " | ".join(f"{n} P | {n} R | {n} F1" for n in names) + " | support |",
        "|---" * (1 + 3 * len(names) + 1) + "|",
    ]
    intents = sorted(
        k
        for k in reports[names[0]]
        if isinstance(reports[names[0]][k], dict)
        and "support" in reports[names[0]][k]
        and k not in ("macro avg", "weighted avg", "micro avg")
    )
    for intent in ["macro avg", "weighted avg", *intents]:
        cells = []
        for n in names:
            row = reports[n].get(intent, {})
            cells.append(
                " | ".join(f"{row.get(m, 0):.3f}" for m in ("precision", "recall", "f1-score"))
            )
        support = reports[names[0]].get(intent, {}).get("support", "")
        label = f"**{intent}**" if intent.endswith("avg") else intent
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {support} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.evaluation", description=__doc__)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--only", choices=sorted(PIPELINES), help="evaluate one pipeline")
    args = parser.parse_args(argv)
    out = load_settings().data_dir / "reports" / "nlu-eval"
    reports = {
        name: cross_validate(config, out / name, args.folds)
        for name, config in PIPELINES.items()
        if args.only in (None, name)
    }
    table = summary_table(reports)
    threshold = fallback_threshold()
    lines = []
    for name in reports:
        errors = json.loads((out / name / "intent_errors.json").read_text())
        total = int(reports[name]["weighted avg"]["support"])
        wrong, _ = confidently_wrong(errors, total, threshold)
        lines.append(
            f"- {name}: {len(errors)} of {total} misclassified; {wrong} "
            f"({wrong / total:.1%}) with confidence ≥ {threshold} (a wrong answer); "
            f"the rest would get the fallback menu."
        )
    summary = out / "summary.md"
    summary.write_text(
        f"# NLU cross-validation ({args.folds} folds)\n\n{table}\n" + "\n".join(lines) + "\n",
        encoding="utf-8",
    )
    print("\n".join(lines))
    print(table)
    for name in reports:
        print(f"{name}: confusion matrix {out / name / 'intent_confusion_matrix.png'}")
    print(f"summary: {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

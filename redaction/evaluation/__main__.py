"""Score our redactor and both baselines on the held-out corpus; write Markdown and JSON."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from redaction.evaluation import systems
from redaction.evaluation.corpus import CORPUS_FILE, load_corpus
from redaction.evaluation.metrics import Scores, f_beta, score, wilson
from redaction.placeholders import LABELS
from settings.core import load_settings

ENTITY_TYPES = list(LABELS)


def _interval(counts_ok: int, total: int) -> str:
    low, high = wilson(counts_ok, total)
    return f"[{low:.2f}–{high:.2f}]"


def summary_rows(name: str, s: Scores) -> list[str]:
    t = s.tokens
    f2 = f_beta(t.precision, t.recall, 2)
    return [
        f"| {name} | {t.recall:.3f} {_interval(t.tp, t.tp + t.fn)} "
        f"| {t.precision:.3f} {_interval(t.tp, t.tp + t.fp)} "
        f"| {f2:.3f} [{s.f2_interval[0]:.2f}–{s.f2_interval[1]:.2f}] "
        f"| {s.leak_rate:.1%} {_interval(s.leaked, s.with_pii)} "
        f"| {s.clean_touched_rate:.1%} {_interval(s.touched_clean, s.clean)} |"
    ]


def per_type_table(results: dict[str, Scores]) -> str:
    names = list(results)
    head = "| type | support | " + " | ".join(f"{n} P / R / F1" for n in names) + " |"
    lines = [head, "|---|---:|" + "---|" * len(names)]
    for entity_type in ENTITY_TYPES:
        first = results[names[0]].per_type[entity_type]
        claimed = any(r.per_type[entity_type].fp for r in results.values())
        if first.tp + first.fn == 0 and not claimed:
            continue  # a type this corpus does not hold and no system claimed to find
        cells = []
        for n in names:
            c = results[n].per_type[entity_type]
            cells.append(f"{c.precision:.2f} / {c.recall:.2f} {_interval(c.tp, c.tp + c.fn)} "
                         f"/ {c.f1:.2f}")
        lines.append(f"| {entity_type} | {first.tp + first.fn} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m redaction.evaluation", description=__doc__)
    parser.add_argument("--corpus", type=Path, default=CORPUS_FILE)
    parser.add_argument("--only-ours", action="store_true", help="skip the baselines")
    args = parser.parse_args(argv)
    out = load_settings().data_dir / "reports" / "redaction-eval"
    out.mkdir(parents=True, exist_ok=True)
    corpus = load_corpus(args.corpus)

    runners = {"ours": systems.ours}
    if not args.only_ours:
        runners["deduce"] = systems.deduce_alone
        runners["presidio-default"] = lambda: systems.presidio_default(out)
    results: dict[str, Scores] = {}
    timing: dict[str, float] = {}
    for name, build in runners.items():
        system = build()
        started = time.perf_counter()
        predictions = [system(u.text) for u in corpus]
        timing[name] = (time.perf_counter() - started) / len(corpus) * 1000
        results[name] = score(corpus, predictions, ENTITY_TYPES)

    with_pii = results["ours"].with_pii
    markdown = "\n".join([
        f"# Redaction evaluation\n\nCorpus: `{args.corpus.name}`, {len(corpus)} utterances, "
        f"{with_pii} with personal data. 95 % intervals: Wilson (proportions), bootstrap "
        "over utterances (F2).\n",
        "## Type-blind (what redaction needs)\n",
        "| system | token recall | token precision | F2 | leak rate | clean touched |",
        "|---|---|---|---|---|---|",
        *[row for n, s in results.items() for row in summary_rows(n, s)],
        "\n## Per entity type (overlap match)\n", per_type_table(results),
        "\n## Speed\n", *[f"- {n}: {ms:.1f} ms per utterance (mean)" for n, ms in timing.items()],
        "",
    ])
    (out / "report.md").write_text(markdown, encoding="utf-8")
    (out / "report.json").write_text(json.dumps({
        name: {"token_recall": s.tokens.recall, "token_precision": s.tokens.precision,
               "leak_rate": s.leak_rate, "clean_touched_rate": s.clean_touched_rate,
               "per_type": {t: {"precision": c.precision, "recall": c.recall, "f1": c.f1,
                                "support": c.tp + c.fn} for t, c in s.per_type.items()}}
        for name, s in results.items()}, indent=2), encoding="utf-8")
    print(markdown)
    print(f"written: {out / 'report.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

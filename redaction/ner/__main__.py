"""``python -m redaction.ner build --out models/ner-nl``: build the Dutch NER pipeline offline."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from redaction.ner.build import (
    CONFIG_PATH,
    DEFAULT_DEV_SENTENCES,
    DEFAULT_SEED,
    DEFAULT_TRAIN_SENTENCES,
    BuildError,
    build,
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m redaction.ner", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    build_cmd = commands.add_parser("build", help="generate data, train and assemble the pipeline")
    build_cmd.add_argument("--out", type=Path, default=Path("models/ner-nl"))
    build_cmd.add_argument("--seed", type=int, default=DEFAULT_SEED)
    build_cmd.add_argument("--train-sentences", type=int, default=DEFAULT_TRAIN_SENTENCES)
    build_cmd.add_argument("--dev-sentences", type=int, default=DEFAULT_DEV_SENTENCES)
    build_cmd.add_argument("--config", type=Path, default=CONFIG_PATH,
                           help="spaCy training config (default: redaction/ner/config.cfg)")
    build_cmd.add_argument("--work-dir", type=Path, default=None,
                           help="keep the DocBins and training output here (default: temp dir)")
    args = parser.parse_args(argv)

    try:
        metrics = build(args.out, args.seed, args.train_sentences, args.dev_sentences,
                        args.work_dir, args.config)
    except BuildError as exc:
        print(f"redaction.ner build failed: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - any failure must end in a clear non-zero exit
        print(f"redaction.ner build failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    person = metrics["dev"]["PERSON"]
    print(
        f"built {args.out}: dev PERSON p={person['p']:.3f} r={person['r']:.3f} "
        f"f={person['f']:.3f} in {metrics['seconds']['total']:.0f}s"
    )
    print(json.dumps(metrics["dev"]), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

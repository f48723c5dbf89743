"""spaCy's trainer in a child process whose numpy uses the same BLAS kernels on every machine.

Why a child process: numpy's OpenBLAS picks its matrix kernels per CPU when it is loaded
(SkylakeX on an AVX-512 machine, Haswell on AVX2, Zen on AMD), and spaCy's trainer still calls
numpy's ``dot`` besides ``ReproducibleOps.gemm``. Each kernel sums in another order, so the same
seed and data trained other weights on another machine (2026-12-06: the loss after 400 steps was
2713.89 with SkylakeX kernels and 2703.98 with Haswell ones on one machine), and a fresh clone's
NER read "cya" and "feyenoord" in the training data as names on one machine and not on the next.
``OPENBLAS_CORETYPE`` can only be chosen before numpy loads, so the trainer runs in a process
started with it. Haswell kernels run on every x86-64 CPU with AVX2 (all current ones).

``python -m redaction.ner.train_process CONFIG TRAIN DEV OUTPUT SEED`` - run by ``build.train``.
"""

from __future__ import annotations

import os
import platform
import sys
from collections.abc import Mapping
from pathlib import Path

# The x86-64 kernels every machine has; other architectures have one family each.
PINNED_CORE = {"x86_64": "Haswell", "amd64": "Haswell"}
SINGLE_THREAD = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def pinned_environment(base: Mapping[str, str] | None = None,
                       machine: str | None = None) -> dict[str, str]:
    """``base`` (default: this process's environment) with one BLAS kernel family, one
    thread and a fixed hash seed, whatever the caller had set."""
    env = dict(os.environ if base is None else base)
    core = PINNED_CORE.get((machine or platform.machine()).lower())
    if core:
        env["OPENBLAS_CORETYPE"] = core
    else:
        env.pop("OPENBLAS_CORETYPE", None)
    for name in SINGLE_THREAD:
        env[name] = "1"
    env["PYTHONHASHSEED"] = "0"
    return env


def train_here(config: Path, train_path: Path, dev_path: Path, output: Path, seed: int) -> None:
    """spaCy's trainer with every ``gemm`` through ``ReproducibleOps`` (see ops.py)."""
    from spacy.cli.train import train as spacy_train
    from thinc.api import set_current_ops

    from redaction.ner.ops import ReproducibleOps

    set_current_ops(ReproducibleOps())
    overrides = {"paths.train": str(train_path), "paths.dev": str(dev_path), "system.seed": seed}
    spacy_train(config, output, use_gpu=-1, overrides=overrides)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 5:
        print("usage: python -m redaction.ner.train_process CONFIG TRAIN DEV OUTPUT SEED",
              file=sys.stderr)
        return 2
    config, train_path, dev_path, output = (Path(a) for a in args[:4])
    train_here(config, train_path, dev_path, output, int(args[4]))
    return 0


if __name__ == "__main__":
    sys.exit(main())

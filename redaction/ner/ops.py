"""Thinc operations that give the same trained NER on every x86-64 machine.

spaCy trains through BLIS, which picks its matrix kernels per CPU family (AVX-512 "skx",
AVX2 "haswell", "zen"); each sums in another order, so the same seed and data gave another model
on another machine, and a borderline word ("prive") was a name on one build and not on the next.
Here every matrix product of training is numpy's ``einsum`` without BLAS, whose loops are the
same on every x86-64 machine (a build with numpy's AVX-512 paths switched off gives the same
weights: tests/redaction/ner/test_reproducible.py). It costs training time (about 1.5x), not
quality. numpy's own ``dot``, which spaCy's trainer also calls, is pinned to one OpenBLAS kernel
family by running the trainer in a child process (train_process.py). Inference still uses
BLIS: a different kernel can move a score in the last bits, which changes a decision only for a
score that sits exactly on a boundary.
"""

from __future__ import annotations

from typing import Any

import numpy
from thinc.api import NumpyOps


class ReproducibleOps(NumpyOps):
    """NumpyOps whose ``gemm`` does not depend on the CPU's BLAS kernels."""

    name = "dh_reproducible"

    def gemm(
        self,
        x: Any,
        y: Any,
        *,
        out: Any = None,
        trans1: bool = False,
        trans2: bool = False,
    ) -> Any:
        if x.ndim != 2 or y.ndim != 2:
            raise ValueError("gemm takes two 2-dimensional arrays")
        left = x.T if trans1 else x
        right = y.T if trans2 else y
        product = numpy.einsum("ij,jk->ik", left, right, optimize=False)
        if out is None:
            return product.astype(numpy.float32, copy=False)
        out[...] = product
        return out

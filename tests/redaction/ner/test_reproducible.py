"""The NER build gives the same weights however often and wherever it runs.

A model that differs per build made a test flip between machines ("prive" read as a name on some
builds). Training now multiplies matrices with ``ReproducibleOps`` instead of BLIS's per-CPU
kernels, so the fingerprint of the weights depends only on the seed and the data.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy
import pytest

from redaction.ner.build import CONFIG_PATH, build
from redaction.ner.ops import ReproducibleOps

SHORT = {"max_steps = 1600": "max_steps = 30", "eval_frequency = 400": "eval_frequency = 15"}


@pytest.mark.parametrize(("trans1", "trans2"), [(False, False), (True, False), (False, True),
                                                (True, True)])
def test_gemm_is_a_matrix_product(trans1: bool, trans2: bool):
    rng = numpy.random.default_rng(7)
    x = rng.standard_normal((5, 3)).astype("float32")
    y = rng.standard_normal((3, 4)).astype("float32")
    left = numpy.ascontiguousarray(x.T) if trans1 else x
    right = numpy.ascontiguousarray(y.T) if trans2 else y
    ops = ReproducibleOps()
    result = ops.gemm(left, right, trans1=trans1, trans2=trans2)
    assert result.dtype == numpy.float32
    numpy.testing.assert_allclose(result, x @ y, rtol=1e-5, atol=1e-6)
    out = numpy.zeros((5, 4), dtype="float32")
    assert ops.gemm(left, right, out=out, trans1=trans1, trans2=trans2) is out
    numpy.testing.assert_allclose(out, x @ y, rtol=1e-5, atol=1e-6)


def test_gemm_refuses_a_vector():
    with pytest.raises(ValueError):
        ReproducibleOps().gemm(numpy.zeros(3, "float32"), numpy.zeros((3, 2), "float32"))


@pytest.fixture(scope="module")
def short_config(tmp_path_factory) -> Path:
    text = CONFIG_PATH.read_text(encoding="utf-8")
    for old, new in SHORT.items():
        assert old in text, f"config.cfg no longer has {old!r}"
        text = text.replace(old, new)
    path = tmp_path_factory.mktemp("cfg") / "config.cfg"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.slow
def test_two_builds_and_another_cpu_path_give_the_same_weights(
    tmp_path: Path, short_config: Path, monkeypatch: pytest.MonkeyPatch
):
    # BLIS cannot be made to pick another CPU's kernels here, so check that training does not
    # use it: every matrix product of the build goes through ReproducibleOps.gemm.
    calls = []
    gemm = ReproducibleOps.gemm

    def counted(self, *args, **kwargs):
        calls.append(1)
        return gemm(self, *args, **kwargs)

    monkeypatch.setattr(ReproducibleOps, "gemm", counted)
    first = build(tmp_path / "a", train_sentences=300, dev_sentences=60, config=short_config)
    assert len(calls) > 100
    second = build(tmp_path / "b", train_sentences=300, dev_sentences=60, config=short_config)
    assert first["fingerprint"] == second["fingerprint"]
    # Another process, another hash seed, and numpy without its AVX-512 code paths: what a
    # machine of another CPU family would run.
    env = {
        **os.environ,
        "PYTHONHASHSEED": "12345",
        "NPY_DISABLE_CPU_FEATURES": "AVX512F AVX512CD AVX512_SKX AVX512_CLX AVX512_CNL "
        "AVX512_ICL AVX512_KNL AVX512_KNM",
    }
    script = (
        "import sys; from pathlib import Path; from redaction.ner.build import build; "
        "print(build(Path(sys.argv[1]), train_sentences=300, dev_sentences=60, "
        "config=Path(sys.argv[2]))['fingerprint'])"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "c"), str(short_config)],
        env=env, capture_output=True, text=True, check=True, timeout=600,
    )
    assert done.stdout.strip().splitlines()[-1] == first["fingerprint"]
    metrics = json.loads((tmp_path / "a" / "metrics.json").read_text(encoding="utf-8"))
    assert metrics["fingerprint"] == first["fingerprint"]

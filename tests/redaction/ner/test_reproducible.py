"""The NER build gives the same weights however often and wherever it runs.

A model that differs per build made a test flip between machines ("prive", later "cya" and
"feyenoord" read as names on some builds). Training multiplies matrices with ``ReproducibleOps``
instead of BLIS's per-CPU kernels, in a child process whose numpy runs one OpenBLAS kernel family
(train_process.py), so the fingerprint of the weights depends only on the seed and the data.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy
import pytest

from redaction.ner.build import CONFIG_PATH, build
from redaction.ner.ops import ReproducibleOps
from redaction.ner.train_process import pinned_environment, train_here

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


@pytest.mark.parametrize(("machine", "core"), [("x86_64", "Haswell"), ("AMD64", "Haswell"),
                                               ("aarch64", None)])
def test_training_runs_on_pinned_blas_kernels_whatever_the_caller_set(machine: str, core):
    env = pinned_environment({"OPENBLAS_CORETYPE": "SkylakeX", "OMP_NUM_THREADS": "8",
                              "PYTHONHASHSEED": "random", "KEEP": "me"}, machine=machine)
    assert env.get("OPENBLAS_CORETYPE") == core
    assert env["OMP_NUM_THREADS"] == env["OPENBLAS_NUM_THREADS"] == "1"
    assert env["PYTHONHASHSEED"] == "0"
    assert env["KEEP"] == "me"


def test_the_trainer_multiplies_through_reproducible_ops(monkeypatch: pytest.MonkeyPatch):
    import spacy.cli.train
    from thinc.api import get_current_ops

    seen = []
    monkeypatch.setattr(spacy.cli.train, "train",
                        lambda *args, **kwargs: seen.append(type(get_current_ops())))
    train_here(Path("c.cfg"), Path("t.spacy"), Path("d.spacy"), Path("out"), 7)
    assert seen == [ReproducibleOps]


@pytest.mark.slow
def test_two_builds_from_callers_on_other_cpu_paths_give_the_same_weights(
    tmp_path: Path, short_config: Path, monkeypatch: pytest.MonkeyPatch
):
    # numpy's OpenBLAS kernels of another CPU family (SkylakeX here, Sandybridge there; the
    # loss after 400 steps differed between them before the pin) and numpy without its AVX-512
    # code paths: what machines of other CPU families would run. The build pins the kernels.
    monkeypatch.setenv("OPENBLAS_CORETYPE", "SkylakeX")
    first = build(tmp_path / "a", train_sentences=300, dev_sentences=60, config=short_config)
    monkeypatch.setenv("OPENBLAS_CORETYPE", "Sandybridge")
    monkeypatch.setenv("PYTHONHASHSEED", "12345")
    monkeypatch.setenv("NPY_DISABLE_CPU_FEATURES", "AVX512F AVX512CD AVX512_SKX AVX512_CLX "
                       "AVX512_CNL AVX512_ICL AVX512_KNL AVX512_KNM")
    second = build(tmp_path / "b", train_sentences=300, dev_sentences=60, config=short_config)
    assert first["fingerprint"] == second["fingerprint"]
    metrics = json.loads((tmp_path / "a" / "metrics.json").read_text(encoding="utf-8"))
    assert metrics["fingerprint"] == first["fingerprint"]
    assert metrics["blas_core"] == pinned_environment().get("OPENBLAS_CORETYPE", "default")

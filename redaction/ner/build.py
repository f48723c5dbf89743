"""Train the Dutch PERSON recogniser and assemble the pipeline the redaction layer loads.

No Dutch spaCy pipeline can be downloaded here, so the project builds its own from synthetic chat
messages: ``spacy.blank("nl")`` tokenizer, a lookup ``lemmatizer`` (table ``lemma_lookup`` from the
installed spacy-lookups-data, so Presidio context words match on lemmas) and the trained ``ner``.
Everything runs offline and is deterministic for a seed.
"""

from __future__ import annotations

import hashlib
import json
import logging
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

CONFIG_PATH = Path(__file__).with_name("config.cfg")
DEFAULT_SEED = 2611
DEFAULT_TRAIN_SENTENCES = 12000
DEFAULT_DEV_SENTENCES = 1000
METRICS_FILE = "metrics.json"

log = logging.getLogger(__name__)


class BuildError(RuntimeError):
    """A build step failed; the message says which and why."""


def to_docbin(examples: Iterable[Any], nlp: Any) -> tuple[Any, int]:
    """Examples as a DocBin of tokenised docs; unannotated tokens are marked as outside a name.

    Returns the DocBin and how many examples were skipped because a span did not fall on token
    boundaries (the generator is meant to make that zero).
    """
    from spacy.tokens import DocBin

    docbin = DocBin(store_user_data=False)
    skipped = 0
    for example in examples:
        doc = nlp.make_doc(example.text)
        ents = [doc.char_span(s, e, label=label, alignment_mode="strict")
                for s, e, label in example.spans]
        if any(ent is None for ent in ents):
            skipped += 1
            continue
        doc.set_ents(ents, default="outside")
        docbin.add(doc)
    return docbin, skipped


def assemble(trained_model: Path) -> Any:
    """blank nl + lookup lemmatizer + the trained ner, ready for ``spacy.load(path)``."""
    import spacy
    from spacy.lookups import load_lookups

    nlp = spacy.blank("nl")
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    try:
        lookups = load_lookups("nl", ["lemma_lookup"])
    except (ValueError, ImportError) as exc:
        raise BuildError(
            "spacy-lookups-data with the Dutch table nl_lemma_lookup is needed for the "
            f"lemmatizer: {exc}"
        ) from exc
    lemmatizer.initialize(lookups=lookups)
    trained = spacy.load(trained_model)
    nlp.add_pipe("ner", source=trained)
    nlp.meta.update(
        {
            "name": "ner_nl",
            "version": "1.0.0",
            "description": "Dutch tokenizer, lookup lemmatizer and PERSON recogniser trained on "
            "synthetic resident chat messages (redaction/ner).",
        }
    )
    return nlp


def evaluate(nlp: Any, docbin: Any) -> dict[str, Any]:
    """PERSON precision, recall and F on dev, plus how often a name-free message gets a hit."""
    from spacy.training import Example

    golds = list(docbin.get_docs(nlp.vocab))
    examples = [Example(nlp.make_doc(gold.text), gold) for gold in golds]
    scores = nlp.evaluate(examples)
    person = (scores.get("ents_per_type") or {}).get("PERSON", {"p": 0.0, "r": 0.0, "f": 0.0})
    negatives = [gold for gold in golds if not gold.ents]
    flagged = sum(1 for doc in nlp.pipe(g.text for g in negatives) if doc.ents)
    return {
        "PERSON": {k: round(float(person[k]), 4) for k in ("p", "r", "f")},
        "messages": len(golds),
        "name_free_messages": len(negatives),
        "name_free_messages_with_a_hit": flagged,
    }


def train(config: Path, train_path: Path, dev_path: Path, output: Path, seed: int) -> Path:
    """Run spaCy's trainer on the DocBins in a child process with pinned BLAS kernels
    (train_process.py); returns the last model's directory.

    The last model, not spaCy's "model-best": the best is chosen on dev scores that the
    trainer computes with BLIS's per-CPU kernels, so two machines could keep different
    checkpoints of the same training. Early stopping is off in config.cfg for the same reason.
    """
    from redaction.ner.train_process import pinned_environment

    command = [sys.executable, "-m", "redaction.ner.train_process", str(config),
               str(train_path), str(dev_path), str(output), str(seed)]
    done = subprocess.run(command, env=pinned_environment(), capture_output=True, text=True,
                          check=False)
    for line in done.stdout.splitlines():
        log.info("spacy train: %s", line)
    if done.returncode != 0:
        tail = "\n".join((done.stderr or done.stdout).strip().splitlines()[-8:])
        raise BuildError(f"spaCy training failed (exit {done.returncode}):\n{tail}")
    last = output / "model-last"
    if not (last / "meta.json").exists():
        raise BuildError(f"spaCy training finished without a model in {last}")
    return last


def fingerprint(nlp: Any) -> str:
    """SHA-256 of the trained weights: two builds are the same model exactly when this matches.

    Training is single-threaded, seeded and runs on pinned matrix kernels (train_process.py),
    so every x86-64 machine gets the same fingerprint for the same code and data.
    """
    return hashlib.sha256(nlp.get_pipe("ner").to_bytes(exclude=["vocab"])).hexdigest()


def _cpu() -> dict[str, Any]:
    """Which kernels a build could have used, for comparing fingerprints across machines."""
    flags: set[str] = set()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("flags"):
                flags = set(line.split(":", 1)[1].split())
                break
    return {
        "machine": platform.machine(),
        "simd": sorted(f for f in flags if f in {"avx2", "avx512f", "fma"}),
    }


def _replace_dir(built: Path, out: Path) -> None:
    if out.exists():
        shutil.rmtree(out)
    built.rename(out)


def build(
    out: Path,
    seed: int = DEFAULT_SEED,
    train_sentences: int = DEFAULT_TRAIN_SENTENCES,
    dev_sentences: int = DEFAULT_DEV_SENTENCES,
    work_dir: Path | None = None,
    config: Path = CONFIG_PATH,
    retired: list[Path] | None = None,
) -> dict[str, Any]:
    """Generate data, add the retired corpora's utterances (``retired``: default the listed
    ones, ``redaction/ner/retired.py``), train, assemble into ``out``, write its metrics.json.

    ``out`` is replaced only when everything succeeded, so a failed build leaves the previous
    pipeline in place.
    """
    import spacy

    from redaction.ner.generate import generate
    from redaction.ner.retired import retired_corpora, retired_examples
    from redaction.ner.train_process import pinned_environment

    if train_sentences < 100 or dev_sentences < 50:
        raise BuildError("need at least 100 training and 50 dev sentences")
    if not config.exists():
        raise BuildError(f"training config not found: {config}")
    started = time.monotonic()
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="ner-nl-") as tmp:
        work = Path(work_dir).resolve() if work_dir else Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        tokenizer = spacy.blank("nl")
        taught = retired_examples(retired_corpora() if retired is None else retired)
        train_bin, train_skipped = to_docbin(generate(train_sentences, seed, "train"), tokenizer)
        # A corpus annotator's span may end inside a token ("[Sanne](PERSON)'s"): counted on its
        # own, while the generator's own spans must all fall on token boundaries.
        retired_bin, retired_skipped = to_docbin(taught.examples, tokenizer)
        train_bin.merge(retired_bin)
        dev_bin, dev_skipped = to_docbin(generate(dev_sentences, seed, "dev"), tokenizer)
        train_path, dev_path = work / "train.spacy", work / "dev.spacy"
        train_bin.to_disk(train_path)
        dev_bin.to_disk(dev_path)
        generated = time.monotonic()

        last = train(config, train_path, dev_path, work / "training", seed)
        trained = time.monotonic()

        nlp = assemble(last)
        metrics = {
            "seed": seed,
            "train_sentences": len(train_bin),
            "retired_utterances": len(taught.examples),
            "retired_left_out": taught.left_out,
            "retired_misaligned": retired_skipped,
            "dev_sentences": len(dev_bin),
            "skipped_misaligned": train_skipped + dev_skipped,
            "dev": evaluate(nlp, dev_bin),
            "pipeline": list(nlp.pipe_names),
            "fingerprint": fingerprint(nlp),
            "cpu": _cpu(),
            "blas_core": pinned_environment().get("OPENBLAS_CORETYPE", "default"),
            "spacy_version": spacy.__version__,
            "seconds": {
                "generate": round(generated - started, 1),
                "train": round(trained - generated, 1),
            },
        }
        staging = out.with_name(out.name + ".building")
        if staging.exists():
            shutil.rmtree(staging)
        nlp.to_disk(staging)
        metrics["seconds"]["total"] = round(time.monotonic() - started, 1)
        (staging / METRICS_FILE).write_text(json.dumps(metrics, indent=2) + "\n", "utf-8")
        _replace_dir(staging, out)
    return metrics

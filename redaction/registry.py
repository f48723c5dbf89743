"""Build the Presidio RecognizerRegistry for Dutch from redaction/recognizers.yml.

The YAML says which recognizers are on and with which options, so a deployment can switch one
off or add context words without code changes. Unknown classes and options fail at start-up,
not halfway through a conversation.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from presidio_analyzer import EntityRecognizer, RecognizerRegistry
from presidio_analyzer.nlp_engine import NlpEngine

from redaction import recognizers

DEFAULT_PATH = Path(__file__).with_name("recognizers.yml")
LANGUAGE = "nl"
_GENERIC_OPTIONS = ("extra_context", "score_threshold")


def load_config(path: Path = DEFAULT_PATH) -> dict[str, Any]:
    """The parsed registry YAML."""
    config = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    if not isinstance(config.get("recognizers"), list):
        raise ValueError(f"{path}: expected a 'recognizers' list")
    return config


def build_recognizer(
    entry: Mapping[str, Any], defaults: Mapping[str, Any] | None = None, language: str = LANGUAGE
) -> EntityRecognizer:
    """One recognizer from one YAML entry ({class, enabled, options})."""
    class_name = entry.get("class")
    if class_name not in recognizers.__all__ or not class_name[:1].isupper():
        raise ValueError(f"unknown recognizer class {class_name!r}")
    cls = getattr(recognizers, class_name)
    options = dict(entry.get("options") or {})
    extra_context = list(options.pop("extra_context", None) or [])
    threshold = options.pop("score_threshold", (defaults or {}).get("score_threshold"))
    if extra_context:
        options["context"] = [*cls.CONTEXT, *extra_context]
    recognizer = cls(supported_language=language, **options)
    if threshold is not None:
        recognizer.score_thresholds = {"default": float(threshold)}
    return recognizer


def build_registry(
    path: Path = DEFAULT_PATH,
    nlp_engine: NlpEngine | None = None,
    overrides: Mapping[str, Mapping[str, Any]] | None = None,
) -> RecognizerRegistry:
    """A RecognizerRegistry for "nl" with every enabled recognizer from ``path``.

    ``nlp_engine``: also register Presidio's SpacyRecognizer for that engine, so the trained NER's
    PERSON entities are reported (an AnalyzerEngine given a registry does not add it itself).
    ``overrides``: per class name, options merged over the YAML ones (e.g. the municipality's
    public domains read from bot/referrals.yml).
    """
    config = load_config(path)
    language = config.get("supported_language", LANGUAGE)
    defaults = config.get("defaults") or {}
    registry = RecognizerRegistry(supported_languages=[language])
    for entry in config["recognizers"]:
        if not entry.get("enabled", True):
            continue
        extra = (overrides or {}).get(entry.get("class"), {})
        merged = {**entry, "options": {**(entry.get("options") or {}), **extra}}
        registry.add_recognizer(build_recognizer(merged, defaults, language))
    if nlp_engine is not None:
        registry.add_nlp_recognizer(nlp_engine=nlp_engine)
    return registry

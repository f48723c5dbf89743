"""Build the Dutch Presidio analyzer once, at start-up: trained NER + Dutch recognizers."""

from __future__ import annotations

from presidio_analyzer import AnalyzerEngine
from presidio_analyzer.nlp_engine import NerModelConfiguration, SpacyNlpEngine

from redaction.placeholder_store import InMemoryPlaceholderStore, PlaceholderStore
from redaction.redactor import LANGUAGE, Redactor
from redaction.registry import build_registry
from redaction.settings import RedactionSettings


class RedactionSetupError(RuntimeError):
    """The redaction layer cannot start; the assistant must not start without it."""


def build_nlp_engine(settings: RedactionSettings) -> SpacyNlpEngine:
    """The project's own Dutch pipeline, loaded from disk (an existing path: never a download)."""
    if not (settings.ner_model_dir / "meta.json").exists():
        raise RedactionSetupError(
            f"no Dutch NER model at {settings.ner_model_dir}; run `make train`"
        )
    ner = NerModelConfiguration(
        model_to_presidio_entity_mapping={"PERSON": "PERSON", "PER": "PERSON"},
        labels_to_ignore=[],
        low_score_entity_names=[],
    )
    engine = SpacyNlpEngine(
        models=[{"lang_code": LANGUAGE, "model_name": str(settings.ner_model_dir)}],
        ner_model_configuration=ner,
    )
    engine.load()
    return engine


def build_analyzer(settings: RedactionSettings) -> AnalyzerEngine:
    registry = build_registry(
        settings.recognizers_file,
        overrides={"NlNerPersonRecognizer": {"keep_place_names": settings.keep_place_names}},
    )
    return AnalyzerEngine(
        registry=registry, nlp_engine=build_nlp_engine(settings),
        supported_languages=[LANGUAGE],
    )


def build_redactor(
    settings: RedactionSettings, store: PlaceholderStore | None = None
) -> Redactor:
    """A redactor numbering placeholders in ``store`` (in memory when none is given: the CLI)."""
    store = store or InMemoryPlaceholderStore(idle_expiry_s=settings.idle_expiry_minutes * 60)
    return Redactor(build_analyzer(settings), store, settings.score_threshold)

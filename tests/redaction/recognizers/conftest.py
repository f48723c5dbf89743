"""A Presidio AnalyzerEngine with the Dutch registry and a blank-nl spaCy pipeline.

The trained pipeline (models/ner-nl) may not exist yet, so the engine uses spacy.blank("nl") plus
the lookup lemmatizer from spacy-lookups-data, saved to a temporary directory: Presidio's
SpacyNlpEngine downloads any model name that is neither an installed package nor an existing path,
so it always gets a path.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
from presidio_analyzer.nlp_engine import SpacyNlpEngine

from redaction.registry import build_registry


def blank_dutch_pipeline(directory: Path) -> Path:
    """spacy.blank("nl") with the nl_lemma_lookup lemmatizer, saved to ``directory``."""
    import spacy

    nlp = spacy.blank("nl")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    nlp.to_disk(directory)
    return directory


@pytest.fixture(scope="session")
def blank_nl_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return blank_dutch_pipeline(tmp_path_factory.mktemp("blank-nl"))


@pytest.fixture(scope="session")
def nlp_engine(blank_nl_model: Path) -> SpacyNlpEngine:
    engine = SpacyNlpEngine(models=[{"lang_code": "nl", "model_name": str(blank_nl_model)}])
    engine.load()
    return engine


@pytest.fixture(scope="session")
def registry() -> RecognizerRegistry:
    return build_registry()


@pytest.fixture(scope="session")
def analyzer(registry: RecognizerRegistry, nlp_engine: SpacyNlpEngine) -> AnalyzerEngine:
    return AnalyzerEngine(registry=registry, nlp_engine=nlp_engine, supported_languages=["nl"])

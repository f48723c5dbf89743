"""The systems compared: ours, deduce alone, and Presidio's default recognizers.

Each is a function from text to typed spans. Baselines keep their own type names where ours has
no equivalent (deduce's ``locatie`` for a city, ``leeftijd``…); those count as false positives
for the entity scores and as over-redaction for the type-blind token scores, as they would in use.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from redaction.evaluation.corpus import Span

System = Callable[[str], list[Span]]

# deduce 3.0.6's tags. Its ``locatie`` covers streets with numbers and also towns: mapped to
# NL_ADDRESS so its street hits count; the towns then count against it, as they would in use.
DEDUCE_TYPES = {
    "persoon": "PERSON", "patient": "PERSON", "telefoonnummer": "PHONE_NUMBER",
    "emailadres": "EMAIL_ADDRESS", "email": "EMAIL_ADDRESS", "url": "URL", "bsn": "NL_BSN",
    "datum": "DATE_TIME", "patientnummer": "ID_NUMBER", "id": "ID_NUMBER", "ip": "IP_ADDRESS",
    "locatie": "NL_ADDRESS",
}


def ours() -> System:
    from redaction.analyzer import build_redactor
    from redaction.settings import load_redaction_settings

    redactor = build_redactor(load_redaction_settings())
    return lambda text: [Span(f.entity_type, f.start, f.end) for f in redactor.find(text)]


def _import_deduce():
    """Import deduce without its import-time ``logging.basicConfig(level=DEBUG)`` on stdout.

    Left in place, that root handler floods the report with every library's debug lines.
    """
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    from deduce import Deduce

    root.setLevel(level)
    for handler in [h for h in root.handlers if h not in handlers]:
        root.removeHandler(handler)
    return Deduce


def deduce_alone() -> System:
    deduce = _import_deduce()()

    def run(text: str) -> list[Span]:
        doc = deduce.deidentify(text)
        return [Span(DEDUCE_TYPES.get(a.tag, a.tag.upper()), a.start_char, a.end_char)
                for a in doc.annotations]

    return run


def presidio_default(work_dir: Path) -> System:
    """Presidio's predefined recognizers as shipped (English context words).

    Its default spaCy pipeline (en_core_web_lg) cannot be installed here, so it runs on a blank
    English pipeline: the pattern recognizers work, NER finds nothing — as it would for any
    municipality that installs Presidio for Dutch without a Dutch model.
    """
    import spacy
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import SpacyNlpEngine

    model = work_dir / "blank-en"
    if not (model / "meta.json").exists():
        spacy.blank("en").to_disk(model)
    engine = SpacyNlpEngine(models=[{"lang_code": "en", "model_name": str(model)}])
    analyzer = AnalyzerEngine(nlp_engine=engine, supported_languages=["en"])
    return lambda text: [Span(r.entity_type, r.start, r.end)
                         for r in analyzer.analyze(text=text, language="en", score_threshold=0.4)]

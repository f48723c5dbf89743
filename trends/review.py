"""The trainer loop: utterances the assistant was unsure of, as Rasa NLU YAML to label.

Only redacted texts from the trend store, deduplicated, each under the intent the classifier
leaned to — commented out, so nothing enters the training data before a trainer decides.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import and_, func, or_, select
from sqlalchemy.engine import Engine

from trends.report_data import Period
from trends.tables import trend_records

R = trend_records.c
UNSURE = "unsure"  # heading for texts without any suggestion


def unsure_utterances(engine: Engine, period: Period, max_confidence: float
                      ) -> dict[str, list[tuple[str, int]]]:
    """Suggested intent → [(text, how often)], most frequent first."""
    band_limit = int(round(max_confidence * 10))  # band b means b/10 ≤ confidence < (b+1)/10
    unsure = or_(R.kind == "fallback", R.intent == "nlu_fallback", R.confidence_band < band_limit)
    statement = (select(R.suggestion, R.text, func.count())
                 .where(R.day >= period.start, R.day <= period.end,
                        R.kind.in_(("message", "fallback")), R.text.is_not(None),
                        and_(unsure))
                 .group_by(R.suggestion, R.text))
    by_text: dict[str, dict[str, int]] = defaultdict(dict)
    with engine.connect() as connection:
        for suggestion, text, count in connection.execute(statement):
            text = " ".join(str(text).split())
            if not text or text.startswith("/"):  # button payloads are not phrasings
                continue
            key = suggestion or UNSURE
            by_text[text][key] = by_text[text].get(key, 0) + int(count)
    # Each text once, under the intent the classifier suggested most often for it.
    grouped: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for text, suggestions in by_text.items():
        best = min(suggestions, key=lambda key: (-suggestions[key], key))
        grouped[best].append((text, sum(suggestions.values())))
    return {key: sorted(texts, key=lambda item: (-item[1], item[0]))
            for key, texts in sorted(grouped.items())}


def review_yaml(utterances: dict[str, list[tuple[str, int]]], period: Period,
                max_confidence: float, generated: date) -> str:
    """Rasa NLU YAML (version 3.1): every example commented out under its suggested intent."""
    lines = [
        "# Te beoordelen zinnen uit de Digitale Huiskamer (geredigeerd, zonder persoonsgegevens).",
        f"# Periode {period.label()}; onzeker (< {max_confidence:g}) of niet begrepen; "
        f"gemaakt op {generated:%d-%m-%Y}.",
        "# Per zin: haal '# ' weg als het voorbeeld bij de intent hoort, of verplaats het naar de",
        "# juiste intent. Daarna naar nlu_data/ en opnieuw trainen. Tussen haakjes: hoe vaak.",
        'version: "3.1"',
        "nlu:",
    ]
    if not utterances:
        lines[-1] = "nlu: []"
    for suggestion, texts in utterances.items():
        lines.append(f"- intent: {suggestion}  # suggestie van de assistent, controleer")
        lines.append("  examples: |")
        for text, count in texts:
            lines.append(f"    # - {_one_line(text)}  ({count}x)")
    return "\n".join(lines) + "\n"


def _one_line(text: str) -> str:
    return text.replace("\n", " ").replace("\r", " ")

"""Small Markdown helpers the register and the DPIA facts share, so a value with a "|" or a line
break cannot break a table a privacy officer pastes into the municipality's own template."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from runtime.privacy_docs.facts import PrivacyFacts


def cell(value: object) -> str:
    """One table cell: a single line, with "|" escaped."""
    return " ".join(str(value).split()).replace("|", "\\|")


def table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A GitHub-style Markdown table."""
    lines = ["| " + " | ".join(cell(h) for h in headers) + " |",
             "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def bullets(items: Iterable[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


def provenance(facts: PrivacyFacts) -> str:
    """Where the facts come from, so a reader can tell which configuration a document describes."""
    lines = [
        f"Gegenereerd op {facts.generated_on.isoformat()} met `python -m runtime privacy-docs` "
        "uit de configuratie die op dat moment gold: `settings.yml` met de `DH_*`-variabelen uit "
        f"de omgeving, profiel **{facts.profile}**, toestemmingstekst versie "
        f"**{facts.consent.version}** (`bot/consent.yml`), verwijsgids versie "
        f"**{facts.referrals_version}** (`bot/referrals.yml`). Verandert de configuratie, "
        "genereer dit document dan opnieuw; pas het niet met de hand aan.",
    ]
    if facts.example_municipality:
        lines.append(
            f"\n> **Let op:** `bot/referrals.yml` beschrijft nog de voorbeeldgemeente "
            f"({facts.municipality}, `example: true`). Vervang die door de eigen diensten en "
            "genereer opnieuw voordat dit document wordt vastgesteld.")
    return "\n".join(lines)

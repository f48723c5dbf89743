"""The entry in the processing register (AVG art. 30), in Dutch, from the facts in force.

Three processings: the anonymous chat, the consented hand-off to a counsellor and the anonymised
trend reports. Everything that can differ between municipalities or deployments (recipients,
retention, processors, measures) comes from ``PrivacyFacts``; the fixed parts (purposes, legal
bases) follow the product's privacy report and are marked for the officer to confirm.
"""

from __future__ import annotations

from runtime.privacy_docs.facts import PrivacyFacts
from runtime.privacy_docs.markdown import bullets, provenance, table
from runtime.privacy_docs.measures import security_measures
from runtime.privacy_docs.rights import rights_lines
from runtime.privacy_docs.stores import Store

CONFIRM = "(voorstel; de FG stelt vast)"


def retention_table(facts: PrivacyFacts, keys: tuple[str, ...] | None = None) -> str:
    """Retention per store, with the setting that decides it; "no limit" said plainly."""
    stores = [s for s in facts.stores if keys is None or s.key in keys]
    return table(("opslag", "wat erin staat", "waar", "bewaartermijn", "instelling", "hoe"),
                  [(s.name, s.holds, s.location, s.retention, f"`{s.setting}`" if s.setting
                    else "—", s.how) for s in stores])


def _term(store: Store) -> str:
    return f"{store.name}: {store.retention}"


def _processors(facts: PrivacyFacts) -> str:
    if not facts.processors:
        return ("Geen: in deze configuratie staat alle opslag in bestanden op de eigen server "
                "en is geen berichtenkanaal van een andere partij aangezet. Wie die server "
                "beheert of host, staat niet in de configuratie (zie 'Aan te vullen').")
    return table(("partij", "doet", "krijgt", "waar", "aangezet door", "let op"),
                 [(p.name, p.service, p.data, p.where, p.switched_on_by, p.note)
                  for p in facts.processors])


def _chat(facts: PrivacyFacts) -> str:
    names = ", ".join(facts.consent.deletable_categories)
    channels = "; ".join(f"{c.label} — {c.sender}" for c in facts.channels)
    rows = [
        ("Doel", "inwoners anoniem informeren over hulp in het sociaal domein en hen "
                 "doorverwijzen; bij signalen van crisis of huiselijk geweld direct de "
                 "noodnummers geven"),
        ("Grondslag", f"art. 6 lid 1 sub e AVG: taak van algemeen belang (informatie, advies en "
                      f"toegang in het sociaal domein) {CONFIRM}"),
        ("Kanalen", channels),
        ("Persoonsgegevens", "berichten zonder directe identificatoren (plaatshouders), "
                             "herkende onderwerpen, veiligheidssignaal, wijk en doelgroep van de "
                             "pagina, pseudoniem van het gesprek; de originele waarden achter de "
                             f"plaatshouders alleen versleuteld in de kluis ({names})"),
        ("Bijzondere persoonsgegevens", "inwoners kunnen zelf iets over gezondheid, schulden of "
                                        "kinderen typen; een veiligheidssignaal (crisis, huiselijk "
                                        "geweld) wordt als soort vastgelegd, niet als tekst"),
        ("Betrokkenen", "inwoners die de chat gebruiken, ook jongeren; derden die zij in hun "
                        "bericht noemen"),
        ("Ontvangers", "geen: de assistent noemt diensten, de inwoner neemt zelf contact op"),
        ("Bewaartermijnen", "; ".join(_term(facts.store(k)) for k in ("tracker", "vault"))),
        ("Geautomatiseerde besluitvorming", "nee: de assistent informeert en verwijst, hij "
                                            "beslist niets"),
    ]
    return table(("", "Anonieme chat"), rows)


def _handoff(facts: PrivacyFacts) -> str:
    consent = facts.consent
    rows = [
        ("Doel", consent.purpose),
        ("Grondslag", "art. 6 lid 1 sub a AVG: uitdrukkelijke toestemming, per dienst gevraagd en "
                      "met de getoonde tekst en haar versie vastgelegd; intrekken kan altijd "
                      f"{CONFIRM}"),
        ("Persoonsgegevens", ", ".join(consent.data_categories) + "; geen naam, geen gesprek"),
        ("Betrokkenen", "inwoners van 16 jaar en ouder die om contact vragen (jonger: geen "
                        "doorverwijzing met gegevens, wel De Kindertelefoon en het CJG)"),
        ("Ontvangers", "de hulpverleners van het team van het onderwerp (zie hieronder); "
                       "contactgegevens ziet alleen wie de zaak claimt"),
        ("Bewaartermijnen", "; ".join(_term(facts.store(k))
                                      for k in ("vault", "handoffs", "case_codes",
                                                "case_lookups", "consents", "deletions",
                                                "audit"))),
    ]
    recipients = table(
        ("onderwerp", "dienst", "team in het portaal"),
        [(r.topic_name, r.service, f"`{r.team}`") for r in (*facts.recipients, facts.fallback)])
    return "\n\n".join([
        table(("", "Doorverwijzing met toestemming"), rows),
        "**Ontvangers per onderwerp** (`bot/referrals.yml`):", recipients,
        f"**De toestemmingsvraag** (versie {consent.version}; ‹dienst› is de dienst van het "
        "onderwerp):", "> " + consent.question,
    ])


def _trends(facts: PrivacyFacts) -> str:
    trends = facts.settings.trends
    rows = [
        ("Doel", "geanonimiseerde beleidsinformatie: waar inwoners mee zitten, per onderwerp, "
                 "wijk, doelgroep en periode"),
        ("Grondslag", "art. 6 lid 1 sub e AVG met art. 5 lid 1 sub b en art. 89 AVG "
                      f"(statistiek, verenigbaar met het oorspronkelijke doel) {CONFIRM}"),
        ("Persoonsgegevens", "geredigeerde teksten (tijdelijk, voor het verbeteren van de "
                             "assistent); verder labels en tellingen zonder afzender-id"),
        ("Betrokkenen", "inwoners die de chat gebruiken (niet herleidbaar in de rapporten)"),
        ("Ontvangers", "beleidsanalisten (rol analist in het portaal): alleen rapporten; "
                       f"aantallen onder {trends.min_count} verborgen, andere afgerond op "
                       f"{trends.rounding_base}"),
        ("Bewaartermijnen", "; ".join(_term(facts.store(k))
                                      for k in ("trend_texts", "trend_counts"))),
    ]
    return table(("", "Geanonimiseerde trendrapportages"), rows)


def _open_points(facts: PrivacyFacts) -> list[str]:
    points = ["naam en contactgegevens van de functionaris gegevensbescherming (FG)",
              "wie de server host en beheert waarop de assistent draait, en de "
              "verwerkersovereenkomst daarmee",
              "back-ups: waar, hoe lang, versleuteld?"]
    points += [f"een bewaartermijn (of het besluit dat er geen nodig is) voor: {s.name.lower()}"
               for s in facts.stores if s.limit is None]
    return points


def render_register(facts: PrivacyFacts) -> str:
    """The register entry as Markdown."""
    services = table(("dienst", "sleutel (team)", "ontvangt gegevens?"),
                     [(name, f"`{key}`", "ja, bij een doorverwijzing met toestemming"
                       if key in {r.team for r in (*facts.recipients, facts.fallback)}
                       else "nee: de inwoner neemt zelf contact op")
                      for key, name in facts.services])
    parts = [
        "# Verwerkingsregister — Digitale Huiskamer (AVG art. 30)",
        provenance(facts),
        "## Verwerkingsverantwoordelijke",
        f"{facts.municipality}, telefoon {facts.municipality_phone}. Functionaris "
        "gegevensbescherming: *in te vullen door de gemeente*.",
        "## Verwerking 1 — Anonieme chat", _chat(facts),
        "## Verwerking 2 — Doorverwijzing naar een hulpverlener, met toestemming",
        _handoff(facts),
        "## Verwerking 3 — Geanonimiseerde trendrapportages", _trends(facts),
        "## Diensten in de verwijsgids", services,
        "## Bewaartermijnen per opslag", retention_table(facts),
        "## Verwerkers en subverwerkers (uit de configuratie)", _processors(facts),
        "## Beveiligingsmaatregelen (zoals ingesteld)",
        bullets(f"**{m.name}:** {m.text}" for m in security_measures(facts)),
        "## Rechten van betrokkenen", bullets(rights_lines(facts)),
        "## Aan te vullen door de gemeente", bullets(_open_points(facts)),
    ]
    return "\n\n".join(parts) + "\n"

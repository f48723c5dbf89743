"""The facts a DPIA (AVG art. 35) needs, in Dutch, from the facts in force.

There is no DPIA guide among the project's own documents, so the order is the Model DPIA
Rijksdienst's (A description, B lawfulness, C risks, D measures), which also covers the four steps
of the guide in the source documents (seed 003: map the process, check lawfulness, list the
risks, describe the measures). It gives facts and measurements with their dates, not the
officer's judgement: that part stays with the municipality.
"""

from __future__ import annotations

from runtime.privacy_docs.facts import PrivacyFacts
from runtime.privacy_docs.flows import flow_steps, messaging_names
from runtime.privacy_docs.markdown import bullets, provenance, table
from runtime.privacy_docs.measures import security_measures
from runtime.privacy_docs.register import retention_table
from runtime.privacy_docs.rights import rights_lines

# The known limits of docs/privacy-officers.md ("Known limits"), in Dutch and in that order; a
# test compares the count, so a limit added there must be added here.
KNOWN_LIMITS = (
    "Een teruggezette oudere database (auditlog en kop samen) verifieert nog als intact: noteer "
    "de kop die `python -m portal.audit verify` toont, om later te vergelijken.",
    "Een nieuwe hoofdsleutel breekt alle zegels van het auditlog; opnieuw verzegelen kan niet.",
    "De controles op dezelfde herkomst vergelijken `Origin` met `Host`; tegen DNS-rebinding is "
    "een lijst van toegestane hosts in de TLS-proxy nodig.",
    "De limieten op het aantal chatberichten gelden per portaalproces.",
    "Redactie is niet perfect: waarden met vreemde scheidingstekens en verhulde of verbeterde "
    "waarden lekken vaker (zie de gemeten cijfers).",
    "Berichten die worden vastgehouden terwijl de actieserver niet draait, leven in het "
    "Rasa-proces dat ze aannam (embedded) of in Redis (productie); een herstart van dat proces "
    "(embedded) of van Redis (productie) verliest ze.",
    "Gebeurtenissen die Rasa niet kon doorgeven terwijl RabbitMQ weg was, wachten in het geheugen "
    "van het Rasa-proces; een herstart van dat proces voordat RabbitMQ terug is, verliest ze voor "
    "de trends (de gespreksopslag houdt ze).",
)


def _figure(facts: PrivacyFacts, key: str) -> str:
    figure = next(f for f in facts.figures if f.key == key)
    return f"{figure.dutch} (gemeten {figure.measured.isoformat()}, {figure.measured_on})"


def _risks(facts: PrivacyFacts) -> str:
    vault, consent = facts.store("vault"), facts.consent
    trends = facts.settings.trends
    rows = [
        ("Persoonsgegevens in vrije tekst bereiken het taalmodel, de opslag of de logs",
         "redactie aan de grens vóór Rasa, faalt dicht; logs noemen alleen soorten gegevens",
         f"lekratio {_figure(facts, 'redaction_leak_heldout')}; nieuwe tekst: "
         f"{_figure(facts, 'redaction_leak_blind')}"),
        ("Onbevoegde toegang tot de echte namen en nummers",
         f"versleutelde kluis, per gesprek, gewist na {vault.retention}; "
         "sleutelbestand alleen voor de service-gebruiker",
         "tests in `tests/privacy/` en `tests/security/test_at_rest.py`"),
        ("Delen zonder geldige toestemming, of met een andere dienst",
         f"toestemmingsregister met de exacte getoonde tekst en haar versie ({consent.version}); "
         "het team van de hand-off komt uit de regel in het register; een ander onderwerp vraagt "
         "opnieuw toestemming",
         "`tests/security/test_consent_integrity.py`, `tests/actions/test_handoff_integrity.py`"),
        ("Een inwoner herkennen in trendrapporten",
         f"geen afzender-id, dagelijks wisselende telsleutel; aantallen onder {trends.min_count} "
         f"verborgen, afgerond op {trends.rounding_base}, secundaire onderdrukking",
         "tests in `tests/trends/`"),
        ("Medewerkers zien meer dan nodig",
         "rollen; alleen het eigen team; contactgegevens pas na claimen; elke weergave in een "
         "verzegeld auditlog", "`tests/security/test_audit_chain.py`, "
                               "`tests/security/test_portal_security.py`"),
        ("Te lang bewaren",
         "bewaartermijnen per opslag, afgedwongen door de software (zie A.5)",
         "`tests/runtime/test_maintenance.py`; opslag zonder termijn: zie restrisico's"),
        ("Een noodsituatie wordt gemist omdat privacy voorgaat",
         "veiligheidscheck op de eigen woorden vóór de redactie; 112, 113 en Veilig Thuis "
         "zonder eerst gegevens of toestemming te vragen",
         f"volledig antwoord: {_figure(facts, 'safety_recall_blind')}; als antwoord of korte "
         "regel: "
         f"{_figure(facts, 'safety_recall_blind_any')}"),
        ("Geautomatiseerde besluiten over inwoners",
         "de assistent informeert en verwijst; hij beslist niets en zegt dat ook",
         "tests op besluittaal in de antwoorden (`tests/bot/`)"),
        ("Kinderen delen gegevens zonder toestemming van een ouder",
         "onder 16 jaar geen doorverwijzing met gegevens; wel De Kindertelefoon en het CJG",
         "`tests/actions/test_handoff.py`"),
        ("Iemand anders leest mee op een gedeeld apparaat",
         "gesprek alleen in het tabblad (`sessionStorage`, geen cookies); *Gesprek wissen* en "
         "*Snel weg*", "browsertests in `tests/e2e/test_widget_browser.py`"),
    ]
    return table(("risico", "wat het ontwerp doet", "getoetst of gemeten"), rows)


def _residual(facts: PrivacyFacts) -> list[str]:
    found = [
        f"Redactie haalt niet alles weg: op nieuwe tekst bleef in "
        f"{_figure(facts, 'redaction_leak_blind')} van de berichten met persoonsgegevens een "
        f"deel van een waarde staan (doel ≤ 2 %).",
        f"Niet elk crisis- of geweldsignaal krijgt het volledige antwoord: "
        f"{_figure(facts, 'safety_recall_blind')} (doel ≥ 98 %).",
        "De assistent begrijpt niet elke vraag; de doelen voor begrip zijn nog niet gehaald "
        "(README, 'Quality at a glance').",
    ]
    found += [f"Geen bewaartermijn ingesteld voor: {s.name.lower()} — {s.how}."
              for s in facts.stores if s.limit is None]
    found += [f"{name} ziet de berichten ongeredigeerd: de redactie gebeurt pas op de eigen "
              "server." for name in messaging_names(facts)]
    if not facts.settings.portal.cookie_secure:
        found.append("Portaalcookies zonder `Secure` (`portal.cookie_secure: false`).")
    return found + list(KNOWN_LIMITS)


def _figures(facts: PrivacyFacts) -> str:
    return table(("cijfer", "waarde", "interval (95 %)", "datum", "gemeten op", "doel"),
                 [(f.label, f.dutch, f.interval or "—", f.measured.isoformat(), f.measured_on,
                   f.goal or "—") for f in facts.figures])


def _necessity(facts: PrivacyFacts) -> list[str]:
    consent = facts.consent
    return [
        "**Anoniem waar mogelijk:** informatie en verwijzing werken zonder enig persoonsgegeven; "
        "weigeren van toestemming laat de inwoner het nummer, de inlooptijden en het adres van "
        "de dienst houden (geen hulp onder voorwaarde van toestemming).",
        "**Subsidiariteit:** eerst de contactroute zonder delen (de inwoner belt, mailt of loopt "
        "zelf binnen); delen alleen als de inwoner vraagt om gebeld of gemaild te worden.",
        "**Minimale gegevens:** een hand-off bevat alleen " + ", ".join(consent.data_categories)
        + "; geen naam en geen gesprek.",
        "**Kort bewaren:** de echte waarden staan "
        f"{facts.store('vault').retention} in de kluis; het gesprek zonder namen "
        f"{facts.store('tracker').retention}.",
        "**Geen profiel:** elk gesprek staat op zichzelf; de trendopslag kan na één dag geen "
        "berichten meer aan één gesprek koppelen.",
    ]


def render_dpia(facts: PrivacyFacts) -> str:
    """The DPIA facts as Markdown."""
    flows = "\n".join(f"{n}. {step}" for n, step in enumerate(flow_steps(facts), 1))
    parts = [
        "# DPIA-feiten — Digitale Huiskamer (AVG art. 35)",
        provenance(facts),
        "Dit zijn de feiten voor een DPIA, geen afgeronde DPIA: de afweging en de conclusie "
        "maakt de gemeente met haar FG. Indeling: Model DPIA Rijksdienst (A beschrijving, B "
        "rechtmatigheid, C risico's, D maatregelen), met de vier stappen uit de handreiking: "
        "het proces in kaart, de rechtmatigheid, de risico's en de maatregelen.",
        "## A. Beschrijving (stap 1: het proces in kaart)",
        "### A.1 Wat de assistent doet",
        "Een digitale assistent (Rasa 3.6, een op de eigen server getraind model; geen externe "
        "AI-dienst) beantwoordt vragen van inwoners over schulden, geldzorgen, stress, "
        "opvoeden, eenzaamheid, jongeren, digitale vragen en hulp thuis. Hij informeert en "
        "verwijst, beslist niets, en geeft bij gevaar direct 112, 113 en Veilig Thuis. Inwoners "
        "blijven anoniem tenzij zij vragen om gebeld of gemaild te worden en daarmee instemmen.",
        "### A.2 Gegevensstromen (zie `gegevensstromen.svg`)", flows,
        "### A.3 Doeleinden",
        bullets([
            "anonieme informatie en verwijzing, en veiligheid bij crisis of huiselijk geweld;",
            f"doorverwijzing met toestemming: {facts.consent.purpose};",
            "geanonimiseerde trendinformatie voor gemeentelijk beleid."]),
        "### A.4 Betrokken partijen",
        bullets([
            f"verwerkingsverantwoordelijke: {facts.municipality};",
            "ontvangers van hand-offs: " + "; ".join(
                f"{r.service} (team `{r.team}`) voor {r.topic_name}"
                for r in facts.recipients) + ";",
            "verwerkers uit de configuratie: " + ("; ".join(
                f"{p.name} ({p.service})" for p in facts.processors)
                if facts.processors else "geen (alles op de eigen server)") + "."]),
        "### A.5 Persoonsgegevens: waar, hoe lang, en hoe de termijn wordt afgedwongen",
        retention_table(facts),
        "## B. Rechtmatigheid (stap 2)",
        "Grondslagen per verwerking: zie `verwerkingsregister.md` (voorstellen; de FG stelt "
        "vast).",
        "### B.1 Noodzaak en evenredigheid", bullets(_necessity(facts)),
        "### B.2 Rechten van betrokkenen", bullets(rights_lines(facts)),
        "## C. Risico's (stap 3) en D. maatregelen (stap 4)", _risks(facts),
        "### Beveiligingsmaatregelen zoals ingesteld",
        bullets(f"**{m.name}:** {m.text}" for m in security_measures(facts)),
        "### Gemeten cijfers (met datum)",
        "Uit `docs/measured-figures.yml`; methode en eerdere metingen in `docs/evaluation.md`.",
        _figures(facts),
        "### Restrisico's", bullets(_residual(facts)),
    ]
    return "\n\n".join(parts) + "\n"

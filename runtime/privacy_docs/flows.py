"""The data flows in words: one list the DPIA facts print and the diagram's description reads
out, so the picture and the text describe the same flows with the same numbers."""

from __future__ import annotations

from runtime.privacy_docs.facts import PrivacyFacts
from runtime.privacy_docs.stores import nl_number


def messaging_names(facts: PrivacyFacts) -> list[str]:
    """The switched-on messaging providers (Telegram, Twilio), as the diagram labels them."""
    return [p.name for p in facts.processors if p.name in ("Telegram", "Twilio")]


def flow_steps(facts: PrivacyFacts) -> list[str]:
    """Each flow from the resident to the last store, with how long the data stays there."""
    app = facts.settings
    tracker, vault, handoffs = (facts.store(k) for k in ("tracker", "vault", "handoffs"))
    texts, counts = facts.store("trend_texts"), facts.store("trend_counts")
    providers = messaging_names(facts)
    via = (f" Via {' en '.join(providers)} ziet die aanbieder het bericht ongeredigeerd."
           if providers else "")
    return [
        "De inwoner typt in de webwidget of een ander kanaal; de ruwe tekst gaat naar de grens "
        f"van de assistent.{via}",
        "Aan de grens: invoerpoort, veiligheidscheck en redactie, in het geheugen; niets wordt "
        f"hier opgeslagen; berichten boven {app.redaction.max_message_chars} tekens worden "
        "geweigerd.",
        f"De originele waarden gaan versleuteld naar de kluis ({vault.location}); gewist na "
        f"{nl_number(app.privacy.vault_idle_minutes)} minuten zonder gebruik.",
        f"Rasa ziet alleen de tekst met plaatshouders; de trackerstore ({tracker.location}) "
        f"bewaart die {tracker.retention}, en wist het hele gesprek op verzoek.",
        "Alleen na 'ja' op de toestemmingsvraag (versie "
        f"{facts.consent.version}) gaan telefoon of e-mail uit de kluis naar de "
        f"doorverwijswachtrij, versleuteld; bewaard {handoffs.retention}. Het antwoord en de "
        "getoonde tekst gaan naar het "
        f"toestemmingsregister ({facts.store('consents').retention}).",
        "In het hulpverlenersportaal ziet alleen het team van het onderwerp de hand-off; de "
        "contactgegevens pas na claimen; elke weergave gaat naar het auditlog "
        f"({facts.store('audit').retention}).",
        f"Rasa's gebeurtenissen gaan zonder afzender-id naar de trendopslag ({texts.location}): "
        f"teksten {texts.retention}, labels en tellingen: {counts.retention}.",
        "Beleidsrapporten tonen alleen tellingen met openbaarmakingscontrole: aantallen onder "
        f"{app.trends.min_count} verborgen, andere afgerond op {app.trends.rounding_base}.",
    ]

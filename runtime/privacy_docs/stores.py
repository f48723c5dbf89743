"""Every place the system keeps data, what is in it, and how long it stays there.

The limits are the settings the purge jobs enforce; a store without a configured limit says so
plainly, because that is a decision the municipality still has to take.
"""

from __future__ import annotations

from dataclasses import dataclass

from portal.sessions import MAX_AGE
from runtime.bootstrap import AppSettings
from runtime.maintenance import RetentionSettings
from runtime.privacy_docs.infrastructure import StoreLocations

NO_LIMIT = "geen bewaartermijn ingesteld"


def nl_number(value: float) -> str:
    """``30`` → "30", ``0.5`` → "0,5": numbers as a Dutch reader writes them."""
    return f"{value:g}".replace(".", ",")


@dataclass(frozen=True)
class Store:
    """Where one kind of data is kept and for how long (``limit`` None: no limit configured)."""

    key: str
    name: str
    holds: str
    location: str
    limit: float | None
    term: str = "{n} dagen"  # the limit in words; {n} is the configured number
    setting: str = ""
    how: str = ""

    @property
    def retention(self) -> str:
        """The limit in plain Dutch, or a plain statement that there is none."""
        return NO_LIMIT if self.limit is None else self.term.format(n=nl_number(self.limit))


def stores_in_force(app: AppSettings, retention: RetentionSettings,
                    where: StoreLocations) -> tuple[Store, ...]:
    """The stores of this configuration, with the limits its settings give them."""
    privacy, trends, portal = app.privacy, app.trends, app.portal
    every = f"elke {nl_number(privacy.purge_interval_seconds)} seconden"
    handoff_term = "tot de zaak is afgesloten, daarna {n} dagen"
    return (
        Store("tracker", "Gesprekken (Rasa-trackerstore)",
              "geredigeerde berichten (plaatshouders in plaats van namen en nummers), herkende "
              "onderwerpen, formulierantwoorden, veiligheidssignaal, pseudoniem van het gesprek",
              where.tracker.text, retention.tracker_days, setting="retention.tracker_days",
              how="gebeurtenissen ouder dan de termijn wist `python -m runtime.maintenance "
                  "purge` (cron of systemd-timer: de beheerder moet die inplannen); het hele "
                  "gesprek direct bij 'verwijder mijn gegevens'"),
        Store("vault", "Kluis (originele waarden)",
              "de echte namen, nummers en adressen achter de plaatshouders, per gesprek "
              "versleuteld (AES-GCM)", where.privacy.text, privacy.vault_idle_minutes,
              "{n} minuten zonder gebruik", "privacy.vault_idle_minutes",
              f"opgeschoond bij de start en {every}; direct bij 'nee', intrekken, 'anoniem "
              "blijven' of 'verwijder mijn gegevens', en na een bevestigde doorverwijzing"),
        Store("handoffs", "Doorverwijswachtrij (hand-offs)",
              "onderwerp, team, contactgegevens (versleuteld), voorkeursmoment, korte "
              "samenvatting, status", where.privacy.text, privacy.handoff_retention_days,
              handoff_term, "privacy.handoff_retention_days",
              "een open zaak blijft tot de hulpverlener hem afsluit, of tot de inwoner intrekt "
              f"of laat wissen; afgesloten zaken worden {every} opgeschoond"),
        Store("case_codes", "Zaakcodes",
              "per hand-off alleen een sleutel-hash van de zaakcode (de code zelf staat nergens; "
              "de inwoner ziet hem één keer)", where.privacy.text,
              privacy.handoff_retention_days, handoff_term, "privacy.handoff_retention_days",
              "gaat mee met de hand-off: gewist wanneer die wordt gewist"),
        Store("case_lookups", "Log van zaakcode-opzoekingen",
              "pseudoniem van het vragende gesprek, gevonden hand-off, uitkomst, tijdstip — "
              "nooit de code", where.privacy.text, privacy.case_lookup_log_days,
              setting="privacy.case_lookup_log_days",
              how=f"ouder dan de termijn gewist, {every} en door "
                  "`python -m runtime.maintenance purge`"),
        Store("consents", "Toestemmingsregister",
              "pseudoniem van het gesprek, doel, ontvanger, gegevenscategorieën (namen, geen "
              "waarden), de exacte getoonde vraag en haar versie, antwoord, tijdstip",
              where.privacy.text, None,
              how="geen automatische verwijdering: het register bewijst waarmee de inwoner "
                  "instemde"),
        Store("deletions", "Verwijderlog",
              "pseudoniem van het gesprek, reden, categorieën die gewist zijn, tijdstip — "
              "nooit de gewiste gegevens", where.privacy.text, None,
              how="geen automatische verwijdering"),
        Store("audit", "Auditlog van het portaal",
              "accountnaam van de medewerker, actie, zaaknummer, tijdstip (UTC), IP-adres van "
              "de medewerker — geen contactgegevens, geen tekst van inwoners",
              where.privacy.text, None,
              how="alleen toevoegen (triggers weigeren wijzigen en wissen), HMAC-keten; geen "
                  "automatische verwijdering"),
        Store("sessions", "Portaalsessies en accounts (medewerkers)",
              "accountnaam, rol, teams, wachtwoord-hash (scrypt), sessie-hash",
              where.privacy.text, portal.session_minutes,
              "sessies: {n} minuten zonder activiteit", "portal.session_minutes",
              f"een sessie duurt hooguit {MAX_AGE.total_seconds() / 3600:g} uur; accounts "
              "blijven tot een beheerder ze uitzet (geen termijn)"),
        Store("trend_texts", "Trendopslag — geredigeerde teksten",
              "geredigeerde berichttekst, alleen om de assistent te verbeteren",
              where.trends.text, trends.text_retention_days, setting="trends.text_retention_days",
              how="daarna leeggemaakt (de labels blijven); direct bij 'verwijder mijn "
                  "gegevens'"),
        Store("trend_counts", "Trendopslag — labels en tellingen",
              "uur, soort gebeurtenis, onderwerp-label, zekerheid in tienden, kanaal, wijk en "
              "doelgroep (alleen uit een vaste lijst); gesprekken geteld met een dagelijks "
              "wisselende sleutel, geen afzender-id", where.trends.text, None,
              how="na één dag is niet meer te zien welke berichten bij één gesprek hoorden"),
    )

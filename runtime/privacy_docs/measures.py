"""The security measures actually configured, in Dutch, for the register and the DPIA facts.

Each line is built from a setting or from a constant the code enforces (file modes, portal roles,
session limit), so switching a measure off shows in the documents instead of hiding behind a
sentence that was true once.
"""

from __future__ import annotations

from dataclasses import dataclass

from portal.sessions import MAX_AGE
from portal.web import ROLE_NAMES
from privacy.at_rest import DIR_MODE, FILE_MODE, PRIVATE_UMASK
from runtime.bootstrap import LOOPBACK_NAMES
from runtime.privacy_docs.facts import PrivacyFacts
from runtime.privacy_docs.infrastructure import shown_path
from runtime.privacy_docs.stores import nl_number

# What each portal role may see (portal/web.py names the roles; docs/counsellors.md#roles).
ROLE_SCOPE = {
    "counsellor": "alleen nieuwe hand-offs van het eigen team (zonder contactgegevens) en de "
                  "zaken die hij zelf claimde; de contactgegevens pas na claimen, zolang de "
                  "zaak open is",
    "analyst": "alleen de trendrapporten (tellingen met openbaarmakingscontrole)",
    "admin": "accounts en het auditlog; geen hand-offs, geen gegevens van inwoners",
}


@dataclass(frozen=True)
class Measure:
    """One measure: a short name and what is in force."""

    name: str
    text: str


def _mode(mode: int) -> str:
    return f"{mode:04o}"


def _roles() -> str:
    return "; ".join(f"**{ROLE_NAMES[role]}** ({role}): "
                     f"{ROLE_SCOPE.get(role, 'zie docs/counsellors.md')}" for role in ROLE_NAMES)


def security_measures(facts: PrivacyFacts) -> tuple[Measure, ...]:
    """The measures in force for ``facts``' configuration, in the order a message meets them."""
    app = facts.settings
    red, portal, trends = app.redaction, app.portal, app.trends
    key = ("hoofdsleutel uit de omgeving (`DH_PRIVACY_KEY`)" if facts.key_from_environment
           else f"hoofdsleutel in het sleutelbestand `{shown_path(app.privacy.key_file)}`, "
                f"aangemaakt met mode {_mode(FILE_MODE)}; de start weigert een sleutelbestand dat "
                "anderen kunnen lezen")
    local = app.core.host in LOOPBACK_NAMES
    token = ("verplicht uit `DH_ACTIONS_TOKEN` (de start weigert zonder)"
             if app.access.token_required
             else "uit `DH_ACTIONS_TOKEN`, of anders afgeleid van de hoofdsleutel")
    return (
        Measure("Veiligheid vóór privacy",
                "de eigen woorden van de inwoner worden in het geheugen op crisis- en "
                "geweldsignalen gecontroleerd vóór de redactie; alleen het soort signaal gaat "
                "mee, nooit de tekst"),
        Measure("Redactie aan de grens",
                f"elk kanaal vervangt persoonsgegevens door plaatshouders vóórdat Rasa het "
                f"bericht ziet: {len(facts.recognizers)} herkenners aan "
                f"(`{app.redaction.recognizers_file.name}`) en een getraind Nederlands "
                f"NER-model, drempel {nl_number(red.score_threshold)}; faalt dicht (lukt "
                f"redactie niet, dan gaat het bericht niet door); berichten boven "
                f"{red.max_message_chars} tekens worden geweigerd en niet bewaard; een bericht "
                f"dat niet binnen {nl_number(red.screen_deadline_s)} s is gescreend krijgt een "
                "vriendelijk foutbericht; logs noemen alleen soorten gegevens, nooit tekst; "
                "plaatsnamen op zichzelf blijven staan: "
                + ("ja" if red.keep_place_names else "nee") + " (`redaction.keep_place_names`)"),
        Measure("Versleuteling in rust",
                "kluis en contactgegevens in de doorverwijswachtrij met AES-GCM, met aparte "
                f"sleutels die via HKDF van één hoofdsleutel zijn afgeleid; {key}"),
        Measure("Pseudoniemen",
                "afzender-id's van socket.io, Telegram en Twilio worden vóór de redactie "
                "vervangen door een sleutel-pseudoniem (HMAC); de kluis en de registers slaan "
                "gesprekken op onder een sleutel-pseudoniem; de trendopslag telt gesprekken met "
                "een sleutel die één dag in het geheugen bestaat"),
        Measure("Bestandsrechten",
                f"elk proces start met umask {_mode(PRIVATE_UMASK)}; de datamap "
                f"`{shown_path(app.core.data_dir)}` is {_mode(DIR_MODE)} en elk bestand erin "
                f"{_mode(FILE_MODE)} (bij de start nagelopen); na wissen wordt het "
                "write-ahead-log van SQLite geleegd en de trackerstore gebruikt `secure_delete`"),
        Measure("Zaakcodes",
                "alleen als sleutel-hash bewaard; een nieuwe code wordt versleuteld en kort "
                "bewaard tot het antwoord is verstuurd, zodat gesprek, logs en trendopslag alleen "
                "een markering bevatten; "
                f"hooguit {app.privacy.case_code_tries_per_conversation} foute codes per gesprek "
                f"en {app.privacy.case_code_tries_per_hour} in het hele systeem per uur; elke "
                "opzoeking wordt gelogd zonder de code"),
        Measure("Rollen in het portaal",
                _roles() + "; teams zijn de dienst-sleutels uit `bot/referrals.yml`"),
        Measure("Inloggen in het portaal",
                f"wachtwoorden met scrypt; uitgelogd na {nl_number(portal.session_minutes)} "
                f"minuten zonder activiteit en hooguit na {MAX_AGE.total_seconds() / 3600:g} "
                f"uur; na {portal.login_max_failures} mislukte pogingen binnen "
                f"{nl_number(portal.login_window_minutes)} minuten geblokkeerd tot het venster "
                "voorbij is; cookies "
                + ("alleen over HTTPS (`Secure`)" if portal.cookie_secure
                   else "**zonder** `Secure` (`portal.cookie_secure: false`)")
                + "; CSRF-tokens en een strikte Content-Security-Policy"),
        Measure("Auditlog",
                "elke weergave van een hand-off en van contactgegevens, elke weigering en elke "
                "accountwijziging wordt gelogd; alleen toevoegen (database-triggers), verzegeld "
                "met een HMAC-SHA256-keten; controle met `python -m portal.audit verify`"),
        Measure("Actieserver",
                f"weigert elk verzoek zonder geheim token (Bearer); token {token}"),
        Measure("Netwerk",
                f"de servers luisteren op `{app.core.host}`"
                + (" (alleen deze machine)" if local else " (**bereikbaar vanaf het netwerk**)")
                + f"; het portaal op `{portal.host}:{portal.port}` spreekt gewone HTTP: een "
                "TLS-proxy ervoor is nodig zodra iemand het over een netwerk bereikt; de HTTP-API "
                "van Rasa staat uit"),
        Measure("Chatwidget",
                f"hooguit {portal.chat_per_minute_conversation} berichten per minuut per gesprek "
                f"en {portal.chat_per_minute_address} per adres; andere websites die de widget "
                "mogen insluiten: " + (f"`{portal.chat_origins}`" if portal.chat_origins.strip()
                                       else "geen (alleen de eigen site)")
                + "; het gesprek staat alleen in `sessionStorage` van het tabblad, geen cookies"),
        Measure("Openbaarmakingscontrole in trendrapporten",
                f"aantallen van 1 tot en met {trends.min_count - 1} worden getoond als "
                f"'<{trends.min_count}', andere afgerond op veelvouden van "
                f"{trends.rounding_base}; secundaire onderdrukking tot een verborgen cel "
                f"minstens {trends.protection_width} breed onzeker blijft; totalen uit de "
                "gepubliceerde cellen"),
    )

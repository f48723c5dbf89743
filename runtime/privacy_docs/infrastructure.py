"""Where the data is kept and who else handles it, as the configuration in force says.

Processors are named only when a setting brings them in: Telegram or Twilio when their switch
variable is set (``runtime.messaging_config``), a database or Redis server when a store's URL or
the profile's endpoints point at one. A processor nobody switched on must not appear in the
register, and one that was switched on must not be missing from it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from sqlalchemy.engine import URL, make_url

from channels.resilience import load_resilience
from runtime.bootstrap import LOOPBACK_NAMES, AppSettings, server_env
from runtime.maintenance import tracker_store_url
from runtime.profiles import Profile, expand
from settings.core import PROJECT_ROOT

# The hosts the connectors talk to unless DH_TELEGRAM_API_URL / DH_TWILIO_API_URL say otherwise
# (channels/messaging.py; not imported here, it loads Rasa).
TELEGRAM_API = "https://api.telegram.org"
TWILIO_API = "https://api.twilio.com"
TELEGRAM = "runtime.rasa_channels.TelegramInput"
TWILIO = "runtime.rasa_channels.TwilioInput"

_CHANNELS = {
    "runtime.rasa_channels.RestInput": (
        "REST-koppeling (`/webhooks/rest/webhook`), ook gebruikt door de webwidget via "
        "`/chat/send` van het portaal", "willekeurige id per browsertabblad (`web-…`)"),
    "runtime.rasa_channels.SocketIOInput": (
        "socket.io (`/socket.io`)", "sessie-id vervangen door een sleutel-pseudoniem (`sio-…`)"),
    TELEGRAM: ("Telegram", "chat-id vervangen door een sleutel-pseudoniem (`tg-…`)"),
    TWILIO: ("Twilio sms/WhatsApp", "telefoonnummer vervangen door een sleutel-pseudoniem "
                                    "(`tw-…`)"),
}


@dataclass(frozen=True)
class Channel:
    """One way in for residents, and what stands in for who they are."""

    key: str
    label: str
    sender: str


@dataclass(frozen=True)
class Location:
    """Where one store lives: a file on this machine or a database server."""

    kind: str  # "sqlite", "postgresql", "redis", "onbekend"
    place: str  # "SQLite-bestand `var/privacy.db`", "PostgreSQL op db:5432"
    server: str = ""  # host:port for a server, empty for a file
    database: str = ""

    @property
    def text(self) -> str:
        return f"{self.place}, database `{self.database}`" if self.database else self.place


@dataclass(frozen=True)
class StoreLocations:
    privacy: Location
    tracker: Location
    trends: Location
    locks: Location | None  # None: Rasa's in-memory lock store (one process)
    events: Location | None = None  # RabbitMQ between Rasa and the trend consumer (production)
    redis_also: tuple[str, ...] = ()  # what else the profile keeps in Redis


@dataclass(frozen=True)
class Processor:
    """A party outside the assistant's own processes that handles residents' data."""

    name: str
    service: str
    data: str
    where: str
    switched_on_by: str
    note: str = ""


def shown_path(path: str | Path) -> str:
    """A path inside the project relative to it (``var/privacy.db``), any other in full."""
    resolved = Path(path)
    try:
        return str(resolved.relative_to(PROJECT_ROOT))
    except ValueError:
        return str(resolved)


def _local(host: str | None) -> str:
    return " (deze machine)" if (host or "") in LOOPBACK_NAMES else ""


def database_location(url: str | URL | None) -> Location:
    """A store's URL as a reader needs it: the file, or the server and database — never the
    password that a URL may carry."""
    if url is None:
        return Location("onbekend", "geen SQL-opslag (zie het endpoints-bestand)")
    parsed = make_url(url)
    kind = parsed.get_backend_name()
    if kind == "sqlite":
        return Location(kind, f"SQLite-bestand `{shown_path(parsed.database or '')}`")
    server = f"{parsed.host}:{parsed.port or 5432}" if kind == "postgresql" else str(parsed.host)
    name = "PostgreSQL" if kind == "postgresql" else kind
    return Location(kind, f"{name} op {server}{_local(parsed.host)}", server,
                    parsed.database or "")


def _lock_store(profile: Profile, env: Mapping[str, str]) -> Location | None:
    raw = yaml.safe_load(profile.endpoints.read_text(encoding="utf-8")) or {}
    config = raw.get("lock_store") or {}
    if str(config.get("type", "")).lower() != "redis":
        return None
    host = expand(str(config.get("url", "localhost")), env)
    server = f"{host}:{expand(str(config.get('port', 6379)), env)}"
    return Location("redis", f"Redis op {server}{_local(host)}", server,
                    expand(str(config.get("db", 0)), env))


def _event_stream(app: AppSettings) -> Location | None:
    url = app.trends.events_url.strip()
    if not url:
        return None
    parts = urlsplit(url)  # host and port only: never the password the URL carries
    server = f"{parts.hostname}:{parts.port or 5672}"
    return Location("rabbitmq", f"RabbitMQ op {server}{_local(parts.hostname)}", server,
                    app.trends.events_queue)


def _redis_also(app: AppSettings, env: Mapping[str, str]) -> tuple[str, ...]:
    held = load_resilience(env=env)[0]
    also = []
    if held.held_redis_url.strip():
        also.append(f"berichten die wachten terwijl de actieserver weg is (geredigeerd, sleutel "
                    f"een sleutel-hash van de gesprek-id, hooguit {held.held_minutes:g} minuten)")
    if app.trends.salt_url.strip():
        also.append("het dagzout van de trendtelling (verdwijnt om middernacht)")
    return tuple(also)


def store_locations(app: AppSettings, profile: Profile, env: Mapping[str, str]) -> StoreLocations:
    """Where the privacy database, Rasa's tracker store, the trend store, the lock store and the
    event stream are, resolved as the launcher resolves them for Rasa."""
    rasa_env = {**env, **server_env(app.core, env)}
    return StoreLocations(
        privacy=database_location(app.privacy.database_url),
        tracker=database_location(tracker_store_url(profile.endpoints, rasa_env)),
        trends=database_location(app.trends.database_url),
        locks=_lock_store(profile, rasa_env),
        events=_event_stream(app),
        redis_also=_redis_also(app, env),
    )


def channels_in_force(profile: Profile,
                      switched_on: Mapping[str, Mapping[str, str]]) -> tuple[Channel, ...]:
    """The input channels Rasa opens: the profile's credentials file plus the messaging channels
    switched on by their variables."""
    raw = yaml.safe_load(profile.credentials.read_text(encoding="utf-8")) or {}
    names = list(dict.fromkeys([*raw, *switched_on]))
    return tuple(Channel(name, *_CHANNELS.get(name, (name, "zie de kanaalklasse")))
                 for name in names)


def _host(url: str) -> str:
    return urlsplit(url).hostname or url


def messaging_processors(switched_on: Mapping[str, Mapping[str, str]],
                         env: Mapping[str, str]) -> tuple[Processor, ...]:
    """Telegram and Twilio (and WhatsApp behind Twilio) exactly when they are switched on."""
    found: list[Processor] = []
    if TELEGRAM in switched_on:
        found.append(Processor(
            "Telegram", "vervoert de berichten tussen inwoner en assistent (Telegram-bot)",
            "chat-id en de volledige berichten en antwoorden, niet geredigeerd: de redactie "
            "gebeurt pas op de eigen server",
            _host(env.get("DH_TELEGRAM_API_URL") or TELEGRAM_API),
            "`DH_TELEGRAM_ACCESS_TOKEN` is gezet",
            "gevestigd buiten de EER: rol (verwerker of eigen verantwoordelijke) en doorgifte "
            "(hoofdstuk V AVG) beoordelen; de inwoner gebruikt zijn eigen Telegram-account"))
    if TWILIO in switched_on:
        whatsapp = env.get("DH_TWILIO_NUMBER", "").strip().lower().startswith("whatsapp:")
        found.append(Processor(
            "Twilio", "vervoert " + ("WhatsApp-berichten" if whatsapp else "sms-berichten")
            + " tussen inwoner en assistent",
            "telefoonnummer en de volledige berichten en antwoorden, niet geredigeerd",
            _host(env.get("DH_TWILIO_API_URL") or TWILIO_API),
            "`DH_TWILIO_ACCOUNT_SID` is gezet",
            "Twilio Inc. is gevestigd in de VS: verwerkersovereenkomst en doorgifte "
            "(hoofdstuk V AVG) nodig"))
        if whatsapp:
            found.append(Processor(
                "WhatsApp (Meta), subverwerker via Twilio", "vervoert de WhatsApp-berichten",
                "telefoonnummer en de volledige berichten", "WhatsApp Business Platform",
                "`DH_TWILIO_NUMBER` begint met `whatsapp:`",
                "buiten de EER; eigen voorwaarden van WhatsApp beoordelen"))
    return tuple(found)


def server_processors(where: StoreLocations) -> tuple[Processor, ...]:
    """A database or Redis server per address, with the stores it holds; whoever runs it for
    the municipality is a processor."""
    stores = {"privacy": "kluis, toestemmingsregister, verwijderlog, doorverwijswachtrij, "
                         "portaalaccounts en auditlog",
              "tracker": "gesprekken (geredigeerd)", "trends": "trendopslag"}
    servers: dict[tuple[str, str], list[str]] = {}
    for key, what in stores.items():
        location: Location = getattr(where, key)
        if location.server:
            servers.setdefault((location.place, location.server), []).append(what)
    found = [Processor(place, "databaseserver", "; ".join(held), server,
                       "de database-URL van de opslag (profiel of `DH_*_DATABASE_URL`)",
                       "wie deze server beheert (gemeente, regio of hostingpartij) is verwerker: "
                       "verwerkersovereenkomst en versleuteling van de verbinding regelen")
             for (place, server), held in servers.items()]
    if where.locks is not None:
        found.append(Processor(
            where.locks.place, "lock store van Rasa" + (
                "; " + "; ".join(where.redis_also) if where.redis_also else ""),
            "pseudonieme gesprek-id's, alleen zolang een bericht wordt verwerkt" + (
                "; geredigeerde berichten die wachten" if where.redis_also else
                "; geen berichttekst"),
            where.locks.server, "`lock_store: redis` in het endpoints-bestand van het profiel",
            "wie deze server beheert is verwerker; Redis bewaart niets op schijf (`save \"\"`, "
            "`appendonly no`)"))
    if where.events is not None:
        found.append(Processor(
            where.events.place, "berichtenwachtrij tussen Rasa en de trendverwerking",
            "gebeurtenissen van gesprekken zoals Rasa ze opslaat (geredigeerd, met de pseudonieme "
            "gesprek-id), tot de trendverwerking ze heeft opgeslagen",
            where.events.server, "`trends.events_url` (`DH_TRENDS_EVENTS_URL`, het profiel)",
            "wie deze server beheert is verwerker: verwerkersovereenkomst, eigen accounts en "
            "versleuteling van de verbinding regelen"))
    return tuple(found)

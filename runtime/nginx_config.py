"""nginx in front of several Rasa instances: its settings and the config the launcher writes.

Every limit nginx applies is derived from a setting the rest of the system already obeys, so the
two cannot drift apart: the request size from ``redaction.max_message_chars``, the rate per client
address from the portal's chat limits, the read timeout from the redaction worker's deadline plus
the resilience layer's turn timeout (so nginx never cuts a turn the assistant would still answer
kindly). Nothing here starts a process; ``runtime.region`` does, from the launcher.
"""

from __future__ import annotations

import ipaddress
import math
import os
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from channels.resilience import ResilienceSettings
from portal.settings import PortalSettings
from privacy.at_rest import make_private_dir
from redaction.settings import RedactionSettings
from settings.core import SETTINGS_FILE, Settings, SettingsError, load_section

TEMPLATE = "nginx.conf.j2"
# The longest encoding of one character in a request body: a 4-byte UTF-8 character written as
# two JSON \\uXXXX escapes (Python's json.dumps) or percent-encoded (Twilio's form posts).
BYTES_PER_CHAR = 12
ENVELOPE_BYTES = 16 * 1024  # sender id, metadata, a Telegram update's user and chat objects
# socket.io's polling transport spends a POST and a long-poll GET per message and a GET + POST
# per ping (every 25 s); websocket spends one request per connection.
SOCKETIO_REQUESTS_PER_MESSAGE = 4
# engine.io holds a long-poll GET for up to its ping interval (25 s) and waits ping_timeout (20 s)
# for an answer: a socket.io read must be allowed longer than both.
SOCKETIO_READ_TIMEOUT_S = 60
_UNSAFE_IN_PATH = set('"$;{}\\\n\r\t\'')
SBIN_DIRS = ("/usr/sbin", "/usr/local/sbin", "/sbin")


@dataclass(frozen=True)
class NginxSettings:
    """The ``nginx`` section of ``settings.yml`` (``DH_NGINX_<KEY>`` overrides)."""

    always: bool
    binary: str
    instance_ports: str
    worker_processes: int
    max_fails: int
    fail_timeout_s: float
    connect_timeout_s: float
    timeout_margin_s: float
    unlimited_addresses: str

    def ports(self, settings: Settings) -> tuple[int, ...]:
        """One port per Rasa instance: the listed ones, else the ports after ``rasa_port``."""
        count = settings.rasa_instances
        if not self.instance_ports.strip():
            return tuple(settings.rasa_port + i for i in range(1, count + 1))
        try:
            listed = tuple(int(p) for p in self.instance_ports.replace(",", " ").split())
        except ValueError:
            raise SettingsError(f"nginx.instance_ports must be port numbers, got "
                                f"{self.instance_ports!r}") from None
        if len(listed) != count:
            raise SettingsError(f"nginx.instance_ports lists {len(listed)} port(s) for "
                                f"{count} Rasa instance(s)")
        return listed

    def unlimited(self) -> tuple[str, ...]:
        """The addresses exempt from the per-address rate limit, as networks."""
        networks = []
        for item in self.unlimited_addresses.replace(",", " ").split():
            try:
                networks.append(str(ipaddress.ip_network(item, strict=False)))
            except ValueError:
                raise SettingsError(f"nginx.unlimited_addresses: {item!r} is not an address "
                                    "or network") from None
        return tuple(networks)


def load_nginx_settings(
    path: Path = SETTINGS_FILE, env: Mapping[str, str] | None = None
) -> NginxSettings:
    """The ``nginx`` section, checked: counts and timeouts positive."""
    settings = load_section(NginxSettings, "nginx", path, env)
    if min(settings.worker_processes, settings.max_fails) < 1:
        raise SettingsError("nginx.worker_processes and nginx.max_fails must be at least 1")
    if min(settings.fail_timeout_s, settings.connect_timeout_s, settings.timeout_margin_s) <= 0:
        raise SettingsError("nginx timeouts must be positive")
    return settings


def wanted(settings: Settings, nginx: NginxSettings) -> bool:
    """nginx runs when there is more than one instance to spread over, or when asked to."""
    return settings.rasa_instances > 1 or nginx.always


@dataclass(frozen=True)
class NginxConfig:
    """Every value of the generated config, derived once (the tests read them too)."""

    prefix: Path  # <data_dir>/nginx: config, pid, access log, temp paths
    listen: str
    instances: tuple[str, ...]
    worker_processes: int
    max_fails: int
    fail_timeout_s: int
    connect_timeout_s: int
    read_timeout_s: int
    socketio_read_timeout_s: int
    body_limit_bytes: int
    per_minute: int  # requests to /webhooks/ per client address and minute ...
    burst: int       # ... with this many at once beyond the steady rate
    socketio_per_minute: int
    socketio_burst: int
    unlimited: tuple[str, ...]

    @property
    def conf_path(self) -> Path:
        return self.prefix / "nginx.conf"

    @property
    def pid_path(self) -> Path:
        return self.prefix / "nginx.pid"

    @property
    def access_log(self) -> Path:
        return self.prefix / "access.log"

    @property
    def temp_dir(self) -> Path:
        return self.prefix / "tmp"

    @property
    def retry_after_s(self) -> int:
        """Seconds until one more request fits the steady rate."""
        return max(1, math.ceil(60 / self.per_minute))


def _address(host: str, port: int) -> str:
    """``host:port`` as nginx writes it; an unspecified bind address is reached on loopback."""
    host = {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}.get(host, host)
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def plan_nginx(
    settings: Settings, nginx: NginxSettings, redaction: RedactionSettings,
    portal: PortalSettings, resilience: ResilienceSettings,
) -> NginxConfig:
    """The config for this system's settings; a value nginx could misread is an error."""
    prefix = settings.data_dir / "nginx"
    if _UNSAFE_IN_PATH & set(str(prefix)):
        raise SettingsError(f"the data dir {settings.data_dir} holds a character nginx's "
                            "config cannot quote")
    ports = nginx.ports(settings)
    taken = {settings.rasa_port, settings.actions_port, portal.port}
    if len(set(ports)) != len(ports) or taken & set(ports):
        raise SettingsError(f"Rasa instance ports {list(ports)} collide with each other or with "
                            f"nginx, the action server or the portal ({sorted(taken)})")
    read_timeout = math.ceil(redaction.screen_deadline_s + resilience.turn_timeout_s
                             + nginx.timeout_margin_s)
    per_minute = portal.chat_per_minute_address
    return NginxConfig(
        prefix=prefix,
        listen=_address(settings.host, settings.rasa_port),
        instances=tuple(_address(settings.host, port) for port in ports),
        worker_processes=nginx.worker_processes,
        max_fails=nginx.max_fails,
        fail_timeout_s=math.ceil(nginx.fail_timeout_s),
        connect_timeout_s=math.ceil(nginx.connect_timeout_s),
        read_timeout_s=read_timeout,
        socketio_read_timeout_s=max(read_timeout, SOCKETIO_READ_TIMEOUT_S),
        body_limit_bytes=redaction.max_message_chars * BYTES_PER_CHAR + ENVELOPE_BYTES,
        per_minute=per_minute,
        burst=portal.chat_per_minute_conversation,
        socketio_per_minute=per_minute * SOCKETIO_REQUESTS_PER_MESSAGE,
        socketio_burst=portal.chat_per_minute_conversation * SOCKETIO_REQUESTS_PER_MESSAGE,
        unlimited=nginx.unlimited(),
    )


def render_nginx_config(config: NginxConfig) -> str:
    """The text of ``nginx.conf`` (template ``runtime/nginx.conf.j2``)."""
    environment = Environment(loader=FileSystemLoader(Path(__file__).parent),
                              undefined=StrictUndefined, keep_trailing_newline=True,
                              autoescape=False)
    return environment.get_template(TEMPLATE).render(config=config)


def write_nginx_config(config: NginxConfig) -> Path:
    """Write the config (and nginx's private folders) under the data dir; returns its path."""
    for folder in (config.prefix, config.temp_dir):
        make_private_dir(folder)
    descriptor = os.open(config.conf_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(render_nginx_config(config))
    return config.conf_path


def find_nginx(binary: str) -> str:
    """The nginx executable (Debian puts it in /usr/sbin, off a normal user's PATH)."""
    path = os.environ.get("PATH", "") + os.pathsep + os.pathsep.join(SBIN_DIRS)
    found = shutil.which(binary, path=path)
    if found is None:
        raise SettingsError(f"nginx ({binary!r}) is not installed: run `make nginx` "
                            "(Debian's package), or set DH_NGINX_BINARY")
    return found


def nginx_argv(executable: str, config: NginxConfig, test: bool = False) -> list[str]:
    """nginx in the foreground under the launcher (``daemon off``), everything in its prefix;
    errors before the config is read go to standard error, not to /var/log."""
    argv = [executable, "-p", f"{config.prefix}/", "-c", str(config.conf_path), "-e", "stderr"]
    return [*argv, "-t", "-q"] if test else [*argv, "-g", "daemon off;"]

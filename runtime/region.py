"""Several Rasa instances behind nginx (``DH_RASA_INSTANCES=N``): which processes run, and how a
dead instance comes back.

With N instances the Rasa server of ``runtime.launcher.server_specs`` becomes N servers on ports
of their own ("rasa", "rasa 2", …) and nginx takes its place on ``rasa_port``, so residents, the
portal's relay and the messaging webhooks keep their address. Only a profile whose tracker and
lock stores are shared (``shared_stores: true``, the production profile) may run more than one:
each instance must see every conversation and its lock. A dead instance is restarted with
back-off while the others serve; nginx skips it until it answers.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from channels.resilience import load_resilience
from portal.settings import load_portal_settings
from redaction.settings import load_redaction_settings
from runtime import nginx_config
from runtime.profiles import Profile
from settings.core import Settings, SettingsError

if TYPE_CHECKING:
    from runtime.launcher import ServerSpec

RASA = "rasa"
NGINX = "nginx"


def instance_name(index: int) -> str:
    """"rasa" for the first instance (as with one), "rasa 2", "rasa 3" … for the others."""
    return RASA if index == 1 else f"{RASA} {index}"


def region_specs(
    specs: list[ServerSpec], settings: Settings, profile: Profile, env: Mapping[str, str],
) -> list[ServerSpec]:
    """``specs`` with the Rasa server replaced by N instances and nginx in front of them (the
    instances first: nginx is checked through them). Raises SettingsError with the reason."""
    if settings.rasa_instances > 1 and not profile.shared_stores:
        raise SettingsError(
            f"{settings.rasa_instances} Rasa instances cannot share this profile's stores (its "
            "tracker store and lock store belong to one process, e.g. SQLite and in-memory "
            "locks): use PROFILE=production, or DH_RASA_INSTANCES=1")
    nginx = nginx_config.load_nginx_settings(env=env)
    if not nginx_config.wanted(settings, nginx):
        return specs
    config = nginx_config.plan_nginx(
        settings, nginx, load_redaction_settings(env=env), load_portal_settings(env=env),
        load_resilience(env=env)[0])
    executable = nginx_config.find_nginx(nginx.binary)
    nginx_config.write_nginx_config(config)
    check_config(executable, config)
    rasa = next(spec for spec in specs if spec.name == RASA)
    several = len(config.instances) > 1  # one alone is not restarted: nothing else serves
    instances = [_instance(rasa, index, address, several)
                 for index, address in enumerate(config.instances, start=1)]
    front = replace(rasa, name=NGINX, argv=nginx_config.nginx_argv(executable, config),
                    calls_actions=False, restartable=False)
    out: list[ServerSpec] = []
    for spec in specs:
        out += [*instances, front] if spec.name == RASA else [spec]
    return out


def _instance(rasa: ServerSpec, index: int, address: str, restartable: bool) -> ServerSpec:
    """The Rasa spec on its own port; one of several is restarted when it dies (the others
    serve meanwhile)."""
    port = address.rpartition(":")[2]
    argv = list(rasa.argv)
    argv[argv.index("--port") + 1] = port
    health = rasa.health_url.replace(rasa.health_url.split("/")[2], address, 1)
    return replace(rasa, name=instance_name(index), argv=argv, health_url=health,
                   restartable=restartable)


def check_config(executable: str, config: nginx_config.NginxConfig) -> None:
    """``nginx -t`` on the written config: a clear error before anything starts."""
    result = subprocess.run(nginx_config.nginx_argv(executable, config, test=True),
                            capture_output=True, text=True, timeout=30, check=False)
    if result.returncode != 0:
        raise SettingsError(f"nginx refuses {config.conf_path}: {result.stderr.strip()}")


@dataclass
class Backoff:
    """When to restart a server that died: after ``first_s``, then after doubling waits up to
    ``cap_s`` while it keeps dying; one that ran ``healthy_after_s`` before dying starts over."""

    first_s: float = 1.0
    cap_s: float = 60.0
    healthy_after_s: float = 300.0
    clock: Callable[[], float] = time.monotonic
    _failures: dict[str, int] = field(default_factory=dict)
    _started: dict[str, float] = field(default_factory=dict)
    _due: dict[str, float] = field(default_factory=dict)

    def started(self, name: str) -> None:
        self._started[name] = self.clock()
        self._due.pop(name, None)

    def died(self, name: str) -> float:
        """Note a death; the seconds until the restart is due."""
        now = self.clock()
        if now - self._started.get(name, now) >= self.healthy_after_s:
            self._failures[name] = 0
        failures = self._failures.get(name, 0) + 1
        self._failures[name] = failures
        delay = min(self.cap_s, self.first_s * 2 ** (failures - 1))
        self._due[name] = now + delay
        return delay

    def pending(self, name: str) -> bool:
        """A death was noted and the restart has not happened yet."""
        return name in self._due

    def due(self, name: str) -> bool:
        return name in self._due and self.clock() >= self._due[name]

"""Start and supervise the assistant's processes: the Rasa server and the action server.

`make run` and the end-to-end tests use the same launcher, so what is tested is what runs.
Every server starts with umask 077 in a 0700 data dir (older files are tightened first), and
only Rasa and the action server get the action server's shared secret.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path

from portal.settings import load_portal_settings
from privacy.at_rest import PRIVATE_UMASK, make_private_dir, private_umask, tighten
from privacy.keys import KeyFileError
from privacy.settings import load_privacy_settings
from runtime import profiles, region
from runtime.action_server import actions_token
from runtime.bootstrap import server_env
from runtime.messaging_config import credentials_file
from runtime.profiles import Profile
from settings.core import (
    ACTIONS_TOKEN_ENV,
    PROJECT_ROOT,
    Settings,
    SettingsError,
    load_action_server_access,
)
from trends.settings import load_trend_settings


def free_port() -> int:
    """A free port on loopback, for a system started beside others (tests, benchmarks, evals)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LaunchError(RuntimeError):
    """A server did not come up; the message says which and why."""


@dataclass(frozen=True)
class ServerSpec:
    name: str
    argv: list[str]
    health_url: str
    calls_actions: bool = False  # gets the action server's shared secret (Rasa, the server)
    restartable: bool = False  # one Rasa instance of several: restarted with back-off (region)


def server_specs(
    settings: Settings,
    endpoints: Path = PROJECT_ROOT / "endpoints.yml",
    credentials: Path = PROJECT_ROOT / "credentials.yml",
) -> list[ServerSpec]:
    """The processes that make up the system, in start order (files: the profile's)."""
    python = sys.executable
    actions = ServerSpec(
        name="action server",
        argv=[python, "-m", "runtime.action_server"],  # DH_HOST, DH_ACTIONS_PORT, the secret: env
        health_url=f"http://{settings.host}:{settings.actions_port}/health",
        calls_actions=True,
    )
    rasa = ServerSpec(
        name="rasa",
        argv=[
            python,
            "-m",
            "rasa",
            "run",
            "--model",
            str(settings.model_path),
            "--endpoints",
            str(endpoints),
            "--credentials",
            str(credentials_file(settings.data_dir, base=credentials)),  # + Telegram/Twilio
            "--interface",
            settings.host,
            "--port",
            str(settings.rasa_port),
        ],
        health_url=f"http://{settings.host}:{settings.rasa_port}/webhooks/rest/",
        calls_actions=True,
    )
    portal_settings = load_portal_settings()  # DH_PORTAL_HOST / DH_PORTAL_PORT override
    portal = ServerSpec(
        name="portal",
        argv=[python, "-m", "portal"],
        health_url=f"http://{portal_settings.host}:{portal_settings.port}/health",
    )
    return [actions, rasa, portal]


def consumer_specs(settings: Settings, env: Mapping[str, str]) -> list[ServerSpec]:
    """The trend consumer (``python -m trends consume``), when Rasa publishes its events to
    RabbitMQ (``trends.events_url`` set: the production profile); none otherwise, where Rasa's
    own trend broker writes the store. ``env``: what the servers will see (profile included)."""
    trends = load_trend_settings(env=env, data_dir=settings.data_dir)
    if not trends.events_url.strip():
        return []
    port = trends.consumer_health_port or free_port()
    return [ServerSpec(
        name="trend consumer",
        argv=[sys.executable, "-m", "trends", "consume", "--health-port", str(port)],
        health_url=f"http://{settings.host}:{port}/health",
    )]


def process_env(
    settings: Settings, base: Mapping[str, str] | None = None, profile: Profile | None = None
) -> dict[str, str]:
    env = dict(os.environ if base is None else base)
    env.pop(ACTIONS_TOKEN_ENV, None)  # only for the servers that need it (System.start_process)
    env.update(server_env(settings, env))
    if profile is not None:
        env.update(profile.env)  # the profile's stores; already merged with ``base``
        env["PROFILE"] = profile.name
    env.setdefault("RASA_TELEMETRY_ENABLED", "false")
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    env.setdefault("PYTHONUNBUFFERED", "1")
    return env


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


class System:
    """The running servers; a context manager so nothing outlives its owner."""

    def __init__(
        self, settings: Settings, log_dir: Path | None = None, profile: Profile | None = None,
        servers: Collection[str] | None = None,
    ) -> None:
        self.settings = settings
        self.log_dir = log_dir
        self.profile = profile or profiles.load_profile()
        self.servers = servers  # names to start (None: all; a benchmark's bare Rasa: fewer)
        self.processes: dict[str, subprocess.Popen[bytes]] = {}
        self.specs: dict[str, ServerSpec] = {}
        self._actions_token = ""

    def start(self) -> None:
        if not self.settings.model_path.exists():
            raise LaunchError(f"no trained model at {self.settings.model_path}; run `make train`")
        self.prepare_data_dir()
        self._actions_token = self.resolve_actions_token()
        self.prepare_stores()
        specs = [*server_specs(self.settings, self.profile.endpoints, self.profile.credentials),
                 *consumer_specs(self.settings, self._env())]
        for spec in self.scale_out(specs):
            if self.servers is None or spec.name in self.servers:
                self.specs[spec.name] = spec
        # All at once, then wait for each: none needs another to start (Rasa asks for the
        # action server per turn), so start-up takes the slowest server's time, not the sum.
        for name in self.specs:
            self.spawn_process(name)
        for spec in self.specs.values():
            self._wait_until_healthy(spec)

    def prepare_data_dir(self) -> None:
        """The data dir 0700 and what an older version left in it 0600 (a loose key file is
        left for privacy.keys to refuse: it may have been read, so someone must decide)."""
        data_dir = self.settings.data_dir
        make_private_dir(data_dir)
        key_file = load_privacy_settings(env=self._env()).key_file
        changed = tighten(data_dir, keep=[key_file])
        if changed:
            print(f"tightened the permissions of {len(changed)} path(s) in {data_dir}",
                  file=sys.stderr)

    def resolve_actions_token(self) -> str:
        """The action server's shared secret, or a LaunchError before anything starts."""
        env = self._env()
        try:
            return actions_token(load_action_server_access(env=env),
                                 load_privacy_settings(env=env), env)
        except (SettingsError, KeyFileError) as error:
            raise LaunchError(f"profile {self.profile.name!r}: {error}") from None

    def _env(self) -> dict[str, str]:
        """The environment the servers will see (the profile's variables included)."""
        return {**os.environ, **server_env(self.settings), **self.profile.env}

    def prepare_stores(self) -> None:
        """The profile's services answer and its databases exist, or a clear LaunchError."""
        missing = profiles.unreachable(self.profile.requires)
        if missing:
            raise LaunchError(
                f"profile {self.profile.name!r}: not reachable: {', '.join(missing)}")
        profiles.create_databases(self.profile.create_databases)

    def start_process(self, name: str) -> None:
        """Start one server (again, e.g. after ``stop_process``) and wait until it is healthy."""
        self.spawn_process(name)
        self._wait_until_healthy(self.specs[name])

    def spawn_process(self, name: str) -> None:
        """Start one server without waiting for it (``start`` waits for all together)."""
        spec = self.specs[name]
        out = None
        if self.log_dir is not None:
            make_private_dir(self.log_dir)
            log = self.log_dir / f"{spec.name.replace(' ', '-')}.log"
            out = os.fdopen(os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600), "ab")
        env = process_env(self.settings, profile=self.profile)
        if spec.calls_actions:
            env[ACTIONS_TOKEN_ENV] = self._actions_token
        self.processes[spec.name] = subprocess.Popen(
            spec.argv,
            cwd=PROJECT_ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT if out else None,
            umask=PRIVATE_UMASK,  # every file a server creates is the service account's alone
        )

    def scale_out(self, specs: list[ServerSpec]) -> list[ServerSpec]:
        """N Rasa instances behind nginx when the settings ask for them (runtime.region);
        otherwise ``specs`` as they are."""
        try:
            return region.region_specs(specs, self.settings, self.profile, self._env())
        except SettingsError as error:
            raise LaunchError(f"profile {self.profile.name!r}: {error}") from None

    def stop_process(self, name: str, timeout: float = 20) -> None:
        """Stop one server (SIGTERM, then SIGKILL); the others keep running."""
        process = self.processes[name]
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()

    def _wait_until_healthy(self, spec: ServerSpec) -> None:
        deadline = time.monotonic() + self.settings.startup_timeout_s
        process = self.processes[spec.name]
        while time.monotonic() < deadline:
            if process.poll() is not None:
                self.stop()
                raise LaunchError(
                    f"{spec.name} exited with code {process.returncode} during start-up"
                )
            if _healthy(spec.health_url):
                return
            time.sleep(0.5)
        self.stop()
        raise LaunchError(
            f"{spec.name} not healthy at {spec.health_url} after "
            f"{self.settings.startup_timeout_s:.0f} s"
        )

    def stop(self, timeout: float = 20) -> None:
        for process in reversed(list(self.processes.values())):
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in self.processes.values():
            try:
                process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()

    def first_exited(self) -> str | None:
        """Name of a server that stopped on its own, if any."""
        for name, process in self.processes.items():
            if process.poll() is not None:
                return name
        return None

    def exited(self) -> list[str]:
        """Names of every server that stopped on its own."""
        return [name for name, process in self.processes.items() if process.poll() is not None]

    def __enter__(self) -> System:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def restart_or_fail(system: System, backoff: region.Backoff) -> str | None:
    """One look at the servers: a dead Rasa instance of several is restarted once its back-off
    has passed (nginx skips it meanwhile); the name of any other dead server is returned."""
    for name in system.exited():
        if not system.specs[name].restartable:
            return name
        if not backoff.pending(name):
            delay = backoff.died(name)
            print(f"{name} stopped unexpectedly (exit {system.processes[name].returncode}); "
                  f"the other instances serve; restart in {delay:.0f} s",
                  file=sys.stderr, flush=True)
        if backoff.due(name):
            print(f"{name}: restarting", file=sys.stderr, flush=True)
            system.spawn_process(name)
            backoff.started(name)
    return None


def describe_region(system: System) -> str:
    """The instances behind nginx, for the start-up message (empty with one instance)."""
    if region.NGINX not in system.specs:
        return ""
    instances = [spec for name, spec in system.specs.items() if name.startswith(region.RASA)]
    ports = ", ".join(spec.argv[spec.argv.index("--port") + 1] for spec in instances)
    return f"  region    {len(instances)} Rasa instance(s) on ports {ports} behind nginx\n"


def run_forever(settings: Settings) -> int:
    """Serve until interrupted or until a server dies (then stop the rest and fail); a dead Rasa
    instance of several is restarted with back-off instead."""
    stop_requested = False

    def request_stop(signum: int, frame: object) -> None:
        nonlocal stop_requested
        stop_requested = True

    signal.signal(signal.SIGTERM, request_stop)
    signal.signal(signal.SIGINT, request_stop)
    private_umask()  # the key file and data dir the launcher itself may create
    try:
        profile = profiles.activate()
    except SettingsError as error:
        raise LaunchError(str(error)) from None
    with System(settings, profile=profile) as system:
        portal = load_portal_settings()
        print(
            f"Digitale Huiskamer draait:\n"
            f"  REST      POST http://{settings.host}:{settings.rasa_port}/webhooks/rest/webhook\n"
            f"  socket.io http://{settings.host}:{settings.rasa_port}/socket.io\n"
            f"  actions   http://{settings.host}:{settings.actions_port}/webhook\n"
            f"  chat      http://{portal.host}:{portal.port}/  (demo page with the web widget)\n"
            f"  portal    http://{portal.host}:{portal.port}/portal  (counsellor portal)\n"
            f"  profile   {profile.name} ({profile.endpoints.name})\n"
            f"{describe_region(system)}"
            + (f"  trends    RabbitMQ -> python -m trends consume "
               f"({system.specs['trend consumer'].health_url})\n"
               if "trend consumer" in system.specs else "") +
            f"  data      {settings.data_dir}\n"
            f"Stop met Ctrl+C.",
            flush=True,
        )
        backoff = region.Backoff()
        while not stop_requested:
            dead = restart_or_fail(system, backoff)
            if dead:
                print(f"{dead} stopped unexpectedly; stopping the rest.", file=sys.stderr)
                return 1
            time.sleep(1)
    return 0

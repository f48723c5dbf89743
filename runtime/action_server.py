"""The action server: rasa_sdk's app, bound to ``DH_HOST`` and closed to all but Rasa.

Whoever reaches ``/webhook`` can run any custom action for any sender id (erase a resident's
hand-offs, register a consent), so every request except ``/health`` must carry the shared secret
Rasa sends from endpoints.yml (``Authorization: Bearer …``); it is compared in constant time.
The secret is ``DH_ACTIONS_TOKEN``, or, when that is empty and the profile allows it, derived
from the privacy key, so a single machine needs no extra configuration.
``python -m runtime.action_server`` (the launcher starts it).
"""

from __future__ import annotations

import base64
import hmac
import logging
import os
import re
import sys
from collections.abc import Mapping

from rasa_sdk import utils
from rasa_sdk.endpoint import create_app as create_sdk_app
from rasa_sdk.plugin import plugin_manager
from sanic import Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from actions import context
from privacy.at_rest import private_umask
from privacy.keys import KeyFileError, derive_key, load_master_key
from privacy.settings import PrivacySettings
from runtime.bootstrap import action_context, load_app_settings
from settings.core import (
    ACTIONS_TOKEN_ENV,
    ActionServerAccess,
    SettingsError,
)

ACTIONS_PACKAGE = "actions"
OPEN_PATHS = frozenset({"/health"})  # the launcher's and Rasa's liveness checks
TOKEN_PURPOSE = "action-server"
_TOKEN_SHAPE = re.compile(r"[A-Za-z0-9._~+/=-]{32,}")  # fits a header; long enough to guess never


def actions_token(
    access: ActionServerAccess, privacy: PrivacySettings, env: Mapping[str, str]
) -> str:
    """The shared secret: ``DH_ACTIONS_TOKEN``, else derived from the privacy key (HKDF, its own
    purpose, so it reveals nothing about the vault's keys) unless the profile requires it set."""
    if access.token:
        if not _TOKEN_SHAPE.fullmatch(access.token):
            raise SettingsError(f"{ACTIONS_TOKEN_ENV} must be at least 32 characters of "
                                "A-Z a-z 0-9 . _ ~ + / = -")
        return access.token
    if access.token_required:
        raise SettingsError(
            f"{ACTIONS_TOKEN_ENV} is not set, and this profile requires it: the action server "
            "refuses every request without this shared secret. Set it to the same long random "
            "value for every host, e.g. export "
            f"{ACTIONS_TOKEN_ENV}=$(python -c 'import secrets; print(secrets.token_urlsafe(32))')")
    master = load_master_key(privacy.key_file, dict(env))
    return base64.urlsafe_b64encode(derive_key(master, TOKEN_PURPOSE)).rstrip(b"=").decode()


def create_app(token: str, package: str = ACTIONS_PACKAGE) -> Sanic:
    """rasa_sdk's app with no CORS origins (no browser has business here) and the token check."""
    if not token:
        raise ValueError("the action server needs a token")  # never serve an open /webhook
    app = create_sdk_app(package, cors_origins="")
    expected = f"Bearer {token}".encode()

    @app.middleware("request")
    async def require_token(request: Request) -> HTTPResponse | None:
        if request.path in OPEN_PATHS:
            return None
        supplied = request.headers.get("authorization", "").encode("utf-8", "replace")
        if hmac.compare_digest(supplied, expected):
            return None
        return response.json({"error": "unauthorized"}, status=401,
                             headers={"WWW-Authenticate": "Bearer"})

    return app


def main() -> int:
    """Serve on ``DH_HOST``:``DH_ACTIONS_PORT`` until stopped."""
    private_umask()
    try:
        settings = load_app_settings()
        token = actions_token(settings.access, settings.privacy, os.environ)
    except (SettingsError, KeyFileError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    utils.configure_colored_logging(logging.INFO)
    utils.update_sanic_log_level()
    app = create_app(token)

    @app.listener("before_server_start")
    async def open_services(app: Sanic, loop: object) -> None:  # in every worker process
        context.provide(action_context(settings))

    @app.listener("after_server_stop")
    async def close_services(app: Sanic, loop: object) -> None:
        context.current().services.engine.dispose()
        context.provide(None)

    plugin_manager().hook.attach_sanic_app_extensions(app=app)
    app.run(settings.core.host, settings.core.actions_port,
            workers=utils.number_of_sanic_workers())
    return 0


if __name__ == "__main__":
    sys.exit(main())

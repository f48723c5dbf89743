"""The channel classes ``credentials.yml`` names: Rasa's way into the project's composition root.

Rasa builds its input channels itself, in its own process, from ``credentials.yml``. Each class
here is the channel of the same name in ``channels/`` whose ``from_credentials`` first makes sure
the Rasa process was started by :func:`runtime.rasa_process.start_rasa_process` - once, whichever
channel comes first - so every channel shares one boundary, one turn guard and one purge loop,
built from settings read once.
"""

from __future__ import annotations

import threading
from typing import Any

from channels import context, messaging, redacting
from runtime.bootstrap import load_app_settings
from runtime.rasa_process import start_rasa_process

_starting = threading.Lock()


def ensure_started() -> context.ChannelContext:
    """The Rasa process's channel context, built on the first call."""
    with _starting:
        try:
            return context.current()
        except RuntimeError:
            started = start_rasa_process(load_app_settings())
            context.provide(started)
            return started


class _Rooted:
    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> Any:
        ensure_started()
        return super().from_credentials(credentials)  # type: ignore[misc]


class RestInput(_Rooted, redacting.RestInput):
    """``POST /webhooks/rest/webhook``, redacted (``channels.redacting.RestInput``)."""


class SocketIOInput(_Rooted, redacting.SocketIOInput):
    """socket.io on ``/socket.io``, redacted (``channels.redacting.SocketIOInput``)."""


class TelegramInput(_Rooted, messaging.TelegramInput):
    """``/webhooks/telegram/webhook`` (``channels.messaging.TelegramInput``)."""


class TwilioInput(_Rooted, messaging.TwilioInput):
    """``/webhooks/twilio/webhook`` (``channels.messaging.TwilioInput``)."""

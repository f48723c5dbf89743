"""Which messaging channels Rasa opens: the launcher's credentials file, from the environment.

The messaging channels (``channels/messaging.py``) are off by default. Setting
``DH_TELEGRAM_ACCESS_TOKEN`` or ``DH_TWILIO_ACCOUNT_SID`` switches one on: the launcher then gives
Rasa a copy of ``credentials.yml`` in the data dir with that channel's section added. The copy
holds ``${DH_...}`` references, not the secrets: Rasa expands them from its environment when it
reads the file, so no token is ever written to disk. Kept free of Rasa imports: the launcher
uses it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from settings.core import PROJECT_ROOT

BASE_CREDENTIALS = PROJECT_ROOT / "credentials.yml"
GENERATED_NAME = "credentials.yml"  # in the data dir

# channel class -> (switch variable, {credential key: variable}); all of them are required.
CHANNELS: dict[str, tuple[str, dict[str, str]]] = {
    "runtime.rasa_channels.TelegramInput": ("DH_TELEGRAM_ACCESS_TOKEN", {
        "access_token": "DH_TELEGRAM_ACCESS_TOKEN",
        "verify": "DH_TELEGRAM_VERIFY",            # the bot's user name
        "webhook_url": "DH_TELEGRAM_WEBHOOK_URL",  # public https URL of /webhooks/telegram/webhook
    }),
    "runtime.rasa_channels.TwilioInput": ("DH_TWILIO_ACCOUNT_SID", {
        "account_sid": "DH_TWILIO_ACCOUNT_SID",
        "auth_token": "DH_TWILIO_AUTH_TOKEN",
        "twilio_number": "DH_TWILIO_NUMBER",       # +31..., or whatsapp:+31... for WhatsApp
        "webhook_url": "DH_TWILIO_WEBHOOK_URL",    # public URL Twilio signs its requests for
    }),
}


class MessagingConfigError(ValueError):
    """A messaging channel is switched on but incomplete; the message names what is missing."""


def enabled_channels(env: Mapping[str, str] | None = None) -> dict[str, dict[str, str]]:
    """The switched-on channels and their credentials as ``${VAR}`` references."""
    env = os.environ if env is None else env
    enabled: dict[str, dict[str, str]] = {}
    for channel, (switch, keys) in CHANNELS.items():
        if not env.get(switch, "").strip():
            continue
        missing = [variable for variable in keys.values() if not env.get(variable, "").strip()]
        if missing:
            raise MessagingConfigError(
                f"{switch} is set, so {channel} needs {', '.join(missing)} as well")
        # Plain scalars: Rasa only expands ${...} in unquoted values.
        enabled[channel] = {key: f"${{{variable}}}" for key, variable in keys.items()}
    return enabled


def credentials_file(data_dir: Path, env: Mapping[str, str] | None = None,
                     base: Path = BASE_CREDENTIALS) -> Path:
    """The file to pass to ``rasa run --credentials``: ``base`` itself, or a copy with the
    switched-on messaging channels added (written to ``data_dir``, mode 0600)."""
    channels = enabled_channels(env)
    if not channels:
        return base
    lines = [base.read_text(encoding="utf-8").rstrip(), "",
             "# Added by the launcher from DH_TELEGRAM_*, DH_TWILIO_* (messaging_config.py)."]
    for channel, credentials in channels.items():
        lines.append(f"{channel}:")
        lines.extend(f"  {key}: {reference}" for key, reference in credentials.items())
        lines.append("")
    data_dir.mkdir(parents=True, exist_ok=True)
    target = data_dir / GENERATED_NAME
    target.write_text("\n".join(lines), encoding="utf-8")
    target.chmod(0o600)
    return target

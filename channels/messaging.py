"""Telegram and Twilio (SMS/WhatsApp) for residents, behind the redaction boundary.

Off by default: the launcher registers these classes only when their ``DH_TELEGRAM_*`` or
``DH_TWILIO_*`` variables are set (``runtime/messaging_config.py``). On top of Rasa's
connectors and the redacting wrapper (``channels/redacting.py``) they add:

- **Pseudonymous senders.** Rasa would store the resident's Telegram chat id or phone number
  as the conversation id in every event. Here it only ever sees a keyed pseudonym (``tg-…``,
  ``tw-…``, HMAC with a key derived from the project's master key); the real address lives only
  in the output channel of the request being answered.
- **Twilio signatures.** A webhook without a valid ``X-Twilio-Signature`` for the configured
  public URL is refused (403), so nobody can write into a resident's conversation.
- **Telegram secret.** The webhook is registered with a ``secret_token`` derived from the master
  key; an update without it in ``X-Telegram-Bot-Api-Secret-Token`` is refused (403), so knowing
  the URL is not enough to post as any chat id.
- **Shapes first.** Both go through the input gate (``channels/input_gate.py``) after the
  signature or secret: a body Rasa's connector cannot read gets a 400, never a log line.
- **Configurable API hosts.** ``DH_TELEGRAM_API_URL`` and ``DH_TWILIO_API_URL`` (defaults: the
  real APIs) point the connectors elsewhere, e.g. at a local Bot API server or a test fake.
- **Numbered choices on SMS and WhatsApp**, which have no buttons: the assistant's buttons go as
  a numbered list, and a reply of just that number sends the button's payload (remembered in
  memory, per pseudonym, for the next reply only).
- Twilio's blocking HTTP call runs off the event loop, and its errors are logged without the
  message or the number.
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import Bot
from aiogram.bot.api import Methods, TelegramAPIServer
from aiogram.utils.exceptions import TelegramAPIError
from rasa.core.channels import telegram, twilio
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.shared.exceptions import RasaException
from twilio.base.exceptions import TwilioRestException
from twilio.http.http_client import TwilioHttpClient
from twilio.request_validator import RequestValidator

from channels import input_gate
from channels.redacting import RedactingInput
from privacy.keys import pseudonym

logger = logging.getLogger(__name__)
TELEGRAM_API = "https://api.telegram.org"
TWILIO_API = "https://api.twilio.com"
Handler = Callable[[UserMessage], Awaitable[Any]]


def sender_pseudonym(prefix: str, sender_id: str) -> str:
    """Keyed with a key of its own ("messaging-sender"): never matches the registers' pseudonyms."""
    return f"{prefix}-{pseudonym(input_gate.channel_key('messaging-sender'), sender_id)}"


class NumberedChoices:
    """The payloads of the last buttons sent to each conversation, until its next message."""

    CHOOSE = "Stuur het nummer van je keuze:"

    def __init__(self, limit: int = 10_000) -> None:
        self._last: OrderedDict[str, list[str]] = OrderedDict()
        self._limit = limit
        self._lock = threading.Lock()

    def offer(self, sender: str, text: str, buttons: list[dict[str, Any]]) -> str:
        """Remember the payloads; the text with the choices as a numbered list."""
        usable = [b for b in buttons if b.get("title") and b.get("payload")]
        with self._lock:
            self._last[sender] = [str(b["payload"]) for b in usable]
            self._last.move_to_end(sender)
            while len(self._last) > self._limit:
                self._last.popitem(last=False)
        lines = [f"{number}. {b['title']}" for number, b in enumerate(usable, start=1)]
        return f"{text}\n\n{self.CHOOSE}\n" + "\n".join(lines)

    def resolve(self, sender: str, text: str) -> str:
        """A reply of just a number offered last time becomes that button's payload."""
        with self._lock:
            payloads = self._last.pop(sender, [])
        choice = text.strip().rstrip(".")
        if choice.isdigit() and 1 <= int(choice) <= len(payloads):
            return payloads[int(choice) - 1]
        return text


class RealRecipient(OutputChannel):
    """Sends to the real chat id or number while Rasa addresses the pseudonym."""

    def __init__(self, inner: OutputChannel, recipient: str, pseudonym: str = "",
                 choices: NumberedChoices | None = None) -> None:
        self._inner = inner
        self._recipient = recipient
        self._pseudonym = pseudonym
        self._choices = choices

    def name(self) -> str:  # type: ignore[override] — the wrapped channel's name
        return self._inner.name()

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        await self._inner.send_text_message(self._recipient, text, **kwargs)

    async def send_image_url(self, recipient_id: str, image: str, **kwargs: Any) -> None:
        await self._inner.send_image_url(self._recipient, image, **kwargs)

    async def send_attachment(self, recipient_id: str, attachment: str, **kwargs: Any) -> None:
        await self._inner.send_attachment(self._recipient, attachment, **kwargs)

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        if self._choices is not None:
            text = self._choices.offer(self._pseudonym, text, buttons)
            await self._inner.send_text_message(self._recipient, text, **kwargs)
            return
        await self._inner.send_text_with_buttons(self._recipient, text, buttons, **kwargs)

    async def send_quick_replies(
        self, recipient_id: str, text: str, quick_replies: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        await self._inner.send_quick_replies(self._recipient, text, quick_replies, **kwargs)

    async def send_elements(
        self, recipient_id: str, elements: Any, **kwargs: Any
    ) -> None:
        await self._inner.send_elements(self._recipient, elements, **kwargs)

    async def send_custom_json(
        self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any
    ) -> None:
        await self._inner.send_custom_json(self._recipient, json_message, **kwargs)


class PseudonymousSenders(InputChannel):
    """Mixin, placed after ``RedactingInput``: the sender id is replaced before redaction, so
    the vault, the tracker store and the actions all key on the same pseudonym."""

    sender_prefix = "msg"
    choices: NumberedChoices | None = None  # for channels without buttons

    def blueprint(self, on_new_message: Handler) -> Any:
        prefix, choices = self.sender_prefix, self.choices

        async def pseudonymise_then_handle(message: UserMessage) -> None:
            real = str(message.sender_id)
            message.sender_id = sender_pseudonym(prefix, real)
            message.output_channel = RealRecipient(message.output_channel, real,
                                                   message.sender_id, choices)
            if choices is not None and isinstance(message.text, str):
                message.text = choices.resolve(message.sender_id, message.text)
            await on_new_message(message)

        return super().blueprint(pseudonymise_then_handle)  # type: ignore[safe-super]


# ---- Telegram ---------------------------------------------------------------------------------

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


class TelegramOutput(telegram.TelegramOutput):
    """Rasa's Telegram output on a configurable Bot API server; registers with the secret."""

    def __init__(self, access_token: str | None, api_url: str = TELEGRAM_API,
                 secret: str = "") -> None:
        Bot.__init__(self, access_token, server=TelegramAPIServer.from_base(api_url))
        self.secret = secret

    async def set_webhook(self, url: str, *args: Any, **kwargs: Any) -> bool:  # type: ignore[override]
        """Always with ``secret_token`` (aiogram 2.15 predates it; Rasa's ``/set_webhook``
        route calls this too, and must not register the webhook without it)."""
        payload = {"url": url, "secret_token": self.secret}
        return bool(await self.request(Methods.SET_WEBHOOK, payload))


class TelegramInput(RedactingInput, PseudonymousSenders, telegram.TelegramInput):
    """``/webhooks/telegram/webhook``: pseudonymised, redacted."""

    sender_prefix = "tg"

    @property
    def secret(self) -> str:
        return input_gate.telegram_secret(self.access_token or "")

    def refuse(self, request: Any) -> Any:
        """Every route but the health check needs the secret (also ``/set_webhook``)."""
        if not input_gate.secret_matches(self.secret, request.headers.get(SECRET_HEADER)):
            return input_gate.forbidden()  # not logged: anyone can knock, nothing to learn
        if request.method == "POST" and request.path.rstrip("/").endswith("/webhook"):
            problem = input_gate.telegram_problem(request.body)
            if problem:
                logger.info("refused a Telegram update (%s)", problem)
                return input_gate.bad_request(problem)
        return None

    def get_output_channel(self) -> TelegramOutput:
        """As Rasa's, with the API host from ``DH_TELEGRAM_API_URL`` and the secret."""
        channel = TelegramOutput(self.access_token, os.environ.get("DH_TELEGRAM_API_URL")
                                 or TELEGRAM_API, self.secret)

        async def register_webhook() -> None:
            try:
                await channel.set_webhook(url=self.webhook_url)
            finally:
                # This loop ends here; the server's loop opens a session of its own later.
                await channel.close()

        try:
            asyncio.run(register_webhook())
        except TelegramAPIError as error:
            raise RasaException(f"Failed to set the Telegram webhook: {error}") from error
        return channel


# ---- Twilio -----------------------------------------------------------------------------------

class RebasedHttpClient(TwilioHttpClient):
    """Twilio's HTTP client with the API host replaced (``DH_TWILIO_API_URL``)."""

    def __init__(self, api_url: str) -> None:
        super().__init__()
        self.api_url = api_url.rstrip("/")

    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> Any:
        if url.startswith(TWILIO_API):
            url = self.api_url + url[len(TWILIO_API):]
        return super().request(method, url, *args, **kwargs)


class TwilioOutput(twilio.TwilioOutput):
    """Rasa's Twilio output, sending off the event loop and logging no message or number."""

    def __init__(self, account_sid: str | None, auth_token: str | None,
                 twilio_number: str | None, api_url: str = TWILIO_API) -> None:
        super().__init__(account_sid, auth_token, twilio_number)
        if api_url.rstrip("/") != TWILIO_API:
            self.http_client = RebasedHttpClient(api_url)

    async def _send_message(self, message_data: dict[str, Any]) -> Any:
        try:
            return await asyncio.to_thread(self.messages.create, **message_data)
        except TwilioRestException as error:
            # Twilio's own message may quote the number: log the codes only.
            logger.error("Twilio refused a message (HTTP %s, code %s)", error.status, error.code)
            return None


class TwilioInput(RedactingInput, PseudonymousSenders, twilio.TwilioInput):
    """``/webhooks/twilio/webhook``: signed requests only; pseudonymised, redacted."""

    sender_prefix = "tw"
    choices = NumberedChoices()

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        if not credentials:
            cls.raise_missing_credentials_exception()
        channel = cls(credentials.get("account_sid"), credentials.get("auth_token"),
                      credentials.get("twilio_number"))
        channel.webhook_url = str(credentials.get("webhook_url") or "")
        return channel

    def refuse(self, request: Any) -> Any:
        """Signed requests only (403), then the form's shape (400)."""
        if request.method != "POST":
            return None
        params = {key: values[0] for key, values in request.form.items()}
        url = getattr(self, "webhook_url", "")
        validator = RequestValidator(self.auth_token or "")
        if not (url and validator.validate(url, params,
                                           request.headers.get("X-Twilio-Signature", ""))):
            logger.warning("refused a Twilio webhook without a valid signature")
            return input_gate.forbidden()
        problem = input_gate.twilio_problem(request.form)
        if problem:
            logger.info("refused a Twilio webhook (%s)", problem)
            return input_gate.bad_request(problem)
        return None

    def get_output_channel(self) -> OutputChannel:
        return TwilioOutput(self.account_sid, self.auth_token, self.twilio_number,
                            os.environ.get("DH_TWILIO_API_URL") or TWILIO_API)

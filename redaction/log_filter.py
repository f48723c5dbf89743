"""Keeps resident text out of Rasa's and Sanic's log lines and warnings.

The gate (``input_gate.py``) stops the inputs that make Rasa quote a message, but Rasa, Sanic
and python-socketio still have log lines that *could* quote one:

- Rasa's ``raise_warning("Failed to parse arguments in line '<the message>' …")`` (Python
  warnings, printed to stderr) and ``structlogger.warning("message.parsing.failed",
  user_text=…)``;
- Rasa's structlog events carry the text in keyword fields (``text=``, ``user_text=`` …), and
  its JSON tracebacks list every frame's *local variables*;
- Sanic's "Exception occurred while handling uri: '<url with query>'".

:func:`install` puts one scrubber in front of all of them, process-wide: a log record factory
(so handlers added later by Rasa or Sanic are covered too), a filter on existing handlers (for
fields Sanic adds after a record is made) and a wrapper around ``warnings.showwarning``. As a
safety net, the words of the message being handled (a context variable the channels set) are
blanked out of any line logged while it is handled.
"""

from __future__ import annotations

import json
import logging
import re
import warnings
from collections.abc import Iterable
from contextvars import ContextVar, Token
from typing import Any

LEFT_OUT = "<weggelaten>"
_WORD = re.compile(r"\w{3,}")
_MAX_WORDS = 400
_CURRENT: ContextVar[frozenset[str]] = ContextVar("dh_resident_words", default=frozenset())

# Whole lines that quote the message they are about: replaced by their first words.
_QUOTING_LINES = [
    (re.compile(r"Failed to parse arguments in line .*", re.DOTALL),
     "Failed to parse an intent payload (details left out: they quote the message)."),
    (re.compile(r"(Exception occurred while handling uri: )'?[^'\s?]*\?[^'\s]*'?"),
     r"\1" + LEFT_OUT),
]
# structlog fields that are safe to keep as strings; every other string field is left out.
_SAFE_FIELDS = frozenset({
    "event", "level", "event_key", "event_info", "timestamp", "logger", "action_name",
    "policy_name", "policy", "component", "model", "model_id", "lock_store", "tracker_store",
    "event_type", "type", "num_events", "exc_type",
})


def remember(texts: Iterable[Any], fresh: bool = False) -> Token[frozenset[str]]:
    """Mark the words of ``texts`` (strings, nested in dicts and lists) as the resident's for
    everything logged in this context; returns the token for :func:`forget`. ``fresh`` forgets
    earlier words (a new request on a kept-alive connection runs in the same context)."""
    words: set[str] = set() if fresh else set(_CURRENT.get())
    for text in _strings(texts):
        words.update(w.lower() for w in _WORD.findall(text))
        if len(words) >= _MAX_WORDS:
            break
    return _CURRENT.set(frozenset(words))


def forget(token: Token[frozenset[str]]) -> None:
    _CURRENT.reset(token)


def _strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            yield from _strings(item)


def scrub(line: str) -> str:
    """``line`` without quoted messages, resident words, or structlog's text-bearing fields."""
    stripped = line.strip()
    if stripped.startswith("{") and '"event"' in stripped:
        line = _scrub_structlog(stripped)
    for pattern, replacement in _QUOTING_LINES:
        line = pattern.sub(replacement, line)
    words = _CURRENT.get()
    if words:
        line = _WORD.sub(lambda m: LEFT_OUT if m.group().lower() in words else m.group(), line)
    return line


def _scrub_structlog(line: str) -> str:
    try:
        event = json.loads(line)
    except ValueError:
        return line
    if not isinstance(event, dict):
        return line
    return json.dumps({key: _field(key, value) for key, value in event.items()},
                      ensure_ascii=False, default=str)


def _field(key: str, value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if key == "exception" and isinstance(value, list):
        return [_exception(item) for item in value if isinstance(item, dict)]
    if key in _SAFE_FIELDS and isinstance(value, str):
        return value
    return LEFT_OUT


def _exception(item: dict[str, Any]) -> dict[str, Any]:
    """Type and frames only: no exception message, no local variables."""
    frames = [{k: f.get(k) for k in ("filename", "lineno", "name")}
              for f in item.get("frames", []) if isinstance(f, dict)]
    return {"exc_type": item.get("exc_type"), "frames": frames}


class ResidentTextFilter(logging.Filter):
    """Rewrites a record in place so every handler formats the scrubbed text."""

    def filter(self, record: logging.LogRecord) -> bool:
        scrub_record(record)
        return True


_FORMATTER = logging.Formatter()


def scrub_record(record: logging.LogRecord) -> None:
    for name in ("request", "host"):  # Sanic's access log fields, added after the factory
        value = getattr(record, name, None)
        if isinstance(value, str):
            setattr(record, name, value.split("?", 1)[0])
    if getattr(record, "_dh_scrubbed", False):
        return
    try:
        message = record.getMessage()
    except Exception:  # noqa: BLE001 — a broken format string: keep nothing of its arguments
        message = str(record.msg)
    record.msg, record.args = scrub(message), ()
    if record.exc_info and not record.exc_text:
        record.exc_text = _FORMATTER.formatException(record.exc_info)
    if record.exc_text:
        record.exc_text = scrub(record.exc_text)
    record._dh_scrubbed = True  # type: ignore[attr-defined]


_installed = False


def install() -> None:
    """Install the scrubber for this process (idempotent)."""
    global _installed
    if not _installed:
        _installed = True
        previous_factory = logging.getLogRecordFactory()

        def scrubbed_record(*args: Any, **kwargs: Any) -> logging.LogRecord:
            record = previous_factory(*args, **kwargs)
            scrub_record(record)
            return record

        logging.setLogRecordFactory(scrubbed_record)
        previous_show = warnings.showwarning

        def show_scrubbed(message: Any, category: type[Warning], filename: str, lineno: int,
                          file: Any = None, line: str | None = None) -> None:
            text = scrub(str(message))
            previous_show(category(text), category, filename, lineno, file, line)

        warnings.showwarning = show_scrubbed
    _filter_handlers()


def _filter_handlers() -> None:
    """Also filter handlers present now: Sanic adds its access fields after a record is made."""
    loggers = [logging.getLogger()] + [
        logging.getLogger(name) for name in list(logging.root.manager.loggerDict)
        if name.split(".")[0] in ("sanic", "rasa", "socketio", "engineio", "structlog")]
    for logger in loggers:
        for handler in logger.handlers:
            if not any(isinstance(f, ResidentTextFilter) for f in handler.filters):
                handler.addFilter(ResidentTextFilter())

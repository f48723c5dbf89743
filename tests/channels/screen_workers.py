"""Screens for the worker-process tests, named by module path as the Rasa process names its own."""

from __future__ import annotations

import os
import time

from channels.screen import Screen
from redaction.findings import Finding

DIE = "stop het proces"
HANG = "blijf hangen"
SECRET = "Fatima el Amrani"


class WorkerRedactor:
    """Replaces ``SECRET`` and says which process did it; exits or raises on cue."""

    def redact(self, text: str, conversation_id: str | None = None) -> tuple[str, list[Finding]]:
        if text == DIE:
            os._exit(3)  # as a segfault or the OOM killer would: no clean-up, no reply
        if text == HANG:
            time.sleep(600)  # as a regex gone quadratic or a locked database would
        if "fout" in text:
            raise ValueError(f"kon {text!r} niet lezen")  # an exception that quotes the text
        if SECRET in text:
            start = text.index(SECRET)
            return (text.replace(SECRET, "<PERSOON_1>") + f" [{os.getpid()}]",
                    [Finding("PERSON", start, start + len(SECRET), 0.9)])
        return f"{text} [{os.getpid()}]", []

    def find(self, text: str) -> list[Finding]:
        return []


def worker_screen() -> Screen:
    return Screen(WorkerRedactor(), context_keys={"wijk"})


def broken_screen() -> Screen:
    raise FileNotFoundError("no Dutch NER model")


def slow_screen() -> Screen:
    time.sleep(3)  # Presidio and the NER load for seconds, longer on a busy machine
    return worker_screen()

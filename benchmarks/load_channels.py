"""Benchmark-only REST channel WITHOUT redaction, to measure what redaction costs under load.

Never configured by the shipped system: only ``benchmarks/load_credentials.yml`` names it, and
it refuses to start unless ``DH_BENCH_NO_REDACTION=1`` is set (the load benchmark sets it for its
own temporary system, whose data dir it deletes afterwards). Everything else - the resilience
guard, the stores - is as shipped, so the difference is the redaction boundary.
"""

from __future__ import annotations

import os
from typing import Any

from rasa.core.channels import rest

from channels import resilience
from runtime.rasa_channels import ensure_started

FLAG = "DH_BENCH_NO_REDACTION"


class UnredactedRestInput(rest.RestInput):
    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> Any:
        ensure_started()  # the turn guard and the stores, as the shipped channels get them
        return super().from_credentials(credentials)

    def blueprint(self, on_new_message: Any) -> Any:
        if os.environ.get(FLAG) != "1":
            raise RuntimeError(f"benchmark-only channel without redaction: {FLAG}=1 not set")
        guarded = resilience.turn_guard().wrap(on_new_message)
        return resilience.checked_rest(super().blueprint(guarded))

"""Scripted resident conversations for ``make bench``, each turn labelled plain or hand-off.

Two workloads: *plain* (topic questions and follow-ups, some with a name, BSN or IBAN, as
residents type them) and *hand-off* (a topic, then the call-back form with consent: the turns
from the request on touch the vault, the encryption and the consent register). The same scripts
and seeds go to every stack, so the only difference between two rows is the system.
"""

from __future__ import annotations

import asyncio
import random
import statistics
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

from benchmarks.load import FAILURE_MARKS, Resident
from benchmarks.stats import percentile

PLAIN, HANDOFF = "plain", "hand-off"
Turn = tuple[str, str]  # (kind, text)


def plain_script(resident: Resident, rng: random.Random) -> list[Turn]:
    """A topic conversation without a hand-off."""
    r = resident
    scripts = [
        ["hoi", "ik heb schulden en de deurwaarder belt steeds", "wat kan de gemeente doen?",
         "dank je wel"],
        ["ik voel me zo alleen sinds mijn vrouw is overleden", "zijn er activiteiten in de buurt?",
         "bedankt"],
        ["mijn zoon van 15 spijbelt en blowt", "waar kan ik als ouder terecht?", "oke dank je"],
        [f"Mijn naam is {r.name}, mijn bsn is {r.bsn}",
         "kan ik hulp krijgen bij het betalen van de huur?",
         f"mijn rekeningnummer is {r.iban}", "hoe vraag ik bijstand aan?", "dank je wel"],
        ["mijn moeder heeft dementie en ik zorg elke dag voor haar", "ik kan het niet meer aan",
         "wat is respijtzorg?"],
    ]
    return [(PLAIN, text) for text in rng.choice(scripts)]


def handoff_script(resident: Resident, rng: random.Random) -> list[Turn]:
    """A topic, then the call-back form to the end, consent given."""
    r = resident
    opening = rng.choice([f"Hoi, ik ben {r.name} en ik woon op de {r.address}", "hallo"])
    return [(PLAIN, opening), (PLAIN, "ik heb schulden en de deurwaarder belt steeds"),
            *((HANDOFF, text) for text in (
                "/affirm", "/request_callback", "ja", "ja", "telefoon",
                f"mijn nummer is {r.phone}", "ochtend", "ja"))]


WORKLOADS: dict[str, Callable[[Resident, random.Random], list[Turn]]] = {
    PLAIN: plain_script, HANDOFF: handoff_script}


@dataclass
class Measured:
    """Seconds per turn by kind, and the turns that failed (HTTP or the kind failure replies)."""

    seconds: float = 0.0
    cpu_s: float = 0.0  # CPU time of the stack's processes while this was measured
    latencies: dict[str, list[float]] = field(default_factory=lambda: {PLAIN: [], HANDOFF: []})
    errors: int = 0

    @property
    def turns(self) -> int:
        return sum(len(v) for v in self.latencies.values())

    def merge(self, other: Measured) -> None:
        self.seconds += other.seconds
        self.cpu_s += other.cpu_s
        self.errors += other.errors
        for kind, values in other.latencies.items():
            self.latencies[kind] += values


async def _resident(client: httpx.AsyncClient, url: str, workload: str, deadline: float,
                    seed: int, measured: Measured) -> None:
    """One resident after another on this connection, without think time (a closed loop)."""
    rng = random.Random(seed)
    make_script = WORKLOADS[workload]
    while time.monotonic() < deadline:
        sender = f"bench-{uuid.uuid4().hex[:12]}"
        for kind, text in make_script(Resident.make(rng), rng):
            if time.monotonic() >= deadline:
                return
            started = time.perf_counter()
            try:
                answer = await client.post(url, json={"sender": sender, "message": text})
                failed = answer.status_code != 200 or any(m in answer.text for m in FAILURE_MARKS)
            except httpx.HTTPError:
                failed = True
            measured.latencies[kind].append(time.perf_counter() - started)
            measured.errors += failed


async def _drive(url: str, workload: str, concurrency: int, duration: float,
                 seed: int) -> Measured:
    measured = Measured(seconds=duration)
    limits = httpx.Limits(max_connections=concurrency + 2)
    async with httpx.AsyncClient(timeout=120, limits=limits) as client:
        deadline = time.monotonic() + duration
        await asyncio.gather(*(_resident(client, url, workload, deadline, seed * 1000 + i,
                                         measured) for i in range(concurrency)))
    return measured


def drive(url: str, workload: str, concurrency: int, duration: float, seed: int) -> Measured:
    """``concurrency`` residents talking to ``url`` for ``duration`` seconds."""
    return asyncio.run(_drive(url, workload, concurrency, duration, seed))


def first_answer(url: str, timeout: float = 120) -> None:
    """Block until the assistant answers a resident (start-up ends with the first answer)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            reply = httpx.post(url, json={"sender": f"bench-{uuid.uuid4().hex[:8]}",
                                          "message": "hoi"}, timeout=30)
            if reply.status_code == 200 and reply.json():
                return
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline:
            raise TimeoutError(f"no answer from {url} within {timeout:.0f} s")
        time.sleep(0.2)


def summary(values: list[float]) -> dict[str, float]:
    """Milliseconds: p50, p95, p99, mean."""
    ms = [v * 1000 for v in values]
    return {"turns": len(ms), "p50_ms": percentile(ms, 50), "p95_ms": percentile(ms, 95),
            "p99_ms": percentile(ms, 99), "mean_ms": statistics.fmean(ms) if ms else 0.0}

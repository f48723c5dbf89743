"""Synthetic trend records for a demo store, so a new user sees a full report at once.

Never written to the real store (its own database, ``trends.demo_database_url``). The patterns
are made up but plausible: debts peak after the holidays and around the tax letters
(February–April), loneliness in December, youth questions after school hours, more chats on
weekdays and in office hours with an evening bump. A fixed seed gives the same store every time.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator
from datetime import date, datetime, timedelta

from trends.store import TrendRecord, TrendStore
from trends.vocabulary import Vocabulary

PHRASES = {
    "debt": ["ik heb schulden bij <ORGANISATIE>", "ik kan de aanslag van de belasting niet "
             "betalen", "er komt een deurwaarder, wat moet ik doen", "mijn naam is <PERSOON_1> "
             "en ik heb een betalingsachterstand"],
    "money_worries": ["ik kom niet rond deze maand", "hoe vraag ik toeslag aan",
                      "kan ik bijzondere bijstand krijgen"],
    "stress": ["ik slaap slecht van de zorgen", "ik voel me zo gespannen", "alles wordt me "
               "te veel"],
    "parenting": ["mijn zoon luistert niet meer", "hoe ga ik om met driftbuien",
                  "mijn dochter <PERSOON_1> wil niet naar school"],
    "loneliness": ["ik ben zo alleen met de feestdagen", "ik spreek bijna niemand meer",
                   "waar kan ik mensen ontmoeten"],
    "youth": ["ik word gepest op school", "ik wil praten met iemand van mijn leeftijd",
              "thuis is het niet fijn"],
    "digital_help": ["ik kom niet in mijn digid", "hoe werkt mijn overheid",
                     "wie helpt mij met een formulier online"],
    "social_support": ["ik heb hulp nodig in huis", "mijn moeder kan niet meer alleen wonen",
                       "kan ik een traplift aanvragen"],
}
UNCLEAR = ["hoi", "ik weet het niet", "kunt u dat nog eens zeggen", "<URL_1> werkt niet",
           "wat bedoelt u"]
CHANNELS = (("socketio", 0.8), ("rest", 0.2))
# The boundary's language per conversation: mostly nothing said (Dutch by default) or clearly
# Dutch; a few in the other languages, the smallest below the publication threshold.
LANGUAGES = ((None, 68), ("nl", 20), ("en", 3.5), ("tr", 2.5), ("ar", 2), ("pl", 1.5),
             ("uk", 1.2), ("fa", 0.6), ("ru", 0.4), ("ti", 0.2), ("so", 0.2), ("other", 0.1))


def _season(topic: str, day: date) -> float:
    """Relative weight of a topic on a day (1.0 = ordinary)."""
    month = day.month
    if topic == "debt":
        return 1.0 + (1.0 if month == 1 else 0.0) + (0.6 if month in (2, 3, 4) else 0.0)
    if topic == "money_worries":
        return 1.0 + (0.6 if month in (1, 12) else 0.0)
    if topic == "loneliness":
        return 1.0 + (1.4 if month == 12 else 0.5 if month in (1, 11) else 0.0)
    if topic == "youth":
        return 0.5 if month in (7, 8) else 1.2
    if topic == "stress":
        return 1.0 + 0.3 * math.cos((month - 1) / 12 * 2 * math.pi)
    return 1.0


def _hour(rng: random.Random, day: date, topic: str) -> int:
    weekend = day.weekday() >= 5
    if topic == "youth" and not weekend and rng.random() < 0.6:
        return rng.choice((15, 16, 17, 18, 19, 20))  # after school
    weights = [0.2] * 7 + [0.5, 1, 2, 3, 3.5, 3, 2.5, 3, 3, 2.5, 2, 2, 2.5, 2.5, 2, 1, 0.5]
    if weekend:
        weights = [w * (1.4 if 10 <= h <= 21 else 0.8) for h, w in enumerate(weights)]
    return rng.choices(range(24), weights)[0]


def demo_records(vocabulary: Vocabulary, now: datetime, months: int, seed: int = 2026,
                 per_day: float = 40.0) -> Iterator[TrendRecord]:
    """Records for every day of the ``months`` months up to ``now`` (local time)."""
    rng = random.Random(seed)
    # A generator of its own, so the languages leave every other demo number as it was.
    language_rng = random.Random(f"languages-{seed}")
    topics = [t for t in vocabulary.topics if t in PHRASES] or list(PHRASES)
    wijk_weights = [1.0 + 0.4 * i for i in range(len(vocabulary.wijken))]
    group_weights = [3, 4, 2, 2, 1][: len(vocabulary.doelgroepen)] + [1] * max(
        0, len(vocabulary.doelgroepen) - 5)
    first = (now.date().replace(day=1) - timedelta(days=1)).replace(day=1)
    for _ in range(months - 2):
        first = (first - timedelta(days=1)).replace(day=1)
    day = first if months > 1 else now.date().replace(day=1)
    while day <= now.date():
        volume = per_day * (0.45 if day.weekday() >= 5 else 1.0)
        volume *= 0.7 if (day.month, day.day) in ((12, 25), (12, 26), (1, 1)) else 1.0
        for _ in range(_poisson(rng, volume)):
            language = language_rng.choices([c for c, _ in LANGUAGES],
                                            [w for _, w in LANGUAGES])[0]
            yield from _conversation(rng, vocabulary, topics, wijk_weights, group_weights, day,
                                     vocabulary.language(language))
        day += timedelta(days=1)


def _poisson(rng: random.Random, mean: float) -> int:
    return max(0, int(round(rng.gauss(mean, math.sqrt(mean)))))


def _conversation(rng: random.Random, vocabulary: Vocabulary, topics: list[str],
                  wijk_weights: list[float], group_weights: list[float], day: date,
                  language: str | None = None) -> Iterator[TrendRecord]:
    conversation = f"{rng.getrandbits(64):016x}"
    topic = rng.choices(topics, [_season(t, day) for t in topics])[0]
    moment = datetime.combine(day, datetime.min.time()) + timedelta(hours=_hour(rng, day, topic))
    channel = rng.choices([c for c, _ in CHANNELS], [w for _, w in CHANNELS])[0]
    wijk = (rng.choices(vocabulary.wijken, wijk_weights)[0] if rng.random() < 0.7 else None)
    if topic == "youth":
        doelgroep = "jongere" if "jongere" in vocabulary.doelgroepen else None
    else:
        doelgroep = (rng.choices(vocabulary.doelgroepen, group_weights)[0]
                     if rng.random() < 0.5 else None)
    common = {"channel": channel, "wijk": wijk, "doelgroep": doelgroep, "language": language}
    yield TrendRecord(moment, "session", conversation)
    if rng.random() < 0.05:
        return  # opened the chat and left
    if rng.random() < 0.12:
        text = rng.choice(UNCLEAR)
        yield TrendRecord(moment, "message", conversation, intent="nlu_fallback",
                          suggestion=rng.choice(topics), confidence_band=rng.randint(1, 4),
                          text=text, **common)
        if rng.random() < 0.4:
            return  # not understood, and gone
    yield TrendRecord(moment, "message", conversation, intent=topic, suggestion=topic,
                      confidence_band=rng.choices(range(4, 10), [1, 1, 2, 3, 4, 6])[0],
                      text=rng.choice(PHRASES.get(topic, UNCLEAR)), **common)
    if rng.random() < 0.2:
        other = rng.choice(topics)
        yield TrendRecord(moment, "message", conversation, intent=other, suggestion=other,
                          confidence_band=rng.randint(5, 9),
                          text=rng.choice(PHRASES.get(other, UNCLEAR)), **common)
    if rng.random() < 0.07:
        yield TrendRecord(moment, "handoff", conversation)


def fill_demo_store(store: TrendStore, vocabulary: Vocabulary, now: datetime, months: int,
                    seed: int = 2026, per_day: float = 40.0, batch: int = 5000) -> int:
    """Empty the demo store and fill it; returns the number of records."""
    store.clear()
    written, pending = 0, []
    for record in demo_records(vocabulary, now, months, seed, per_day):
        pending.append(record)
        if len(pending) >= batch:
            written += store.add(pending)
            pending = []
    written += store.add(pending)
    store.roll_up(now.date() - timedelta(days=31 * months + 31), now.date())
    return written

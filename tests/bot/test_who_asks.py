"""Who is writing decides between the youth and parenting answers; other topics are left alone."""

from __future__ import annotations

import pytest

from bot.who_asks import WhoAsks, swapped

OTHERS = ["money_worries", "parenting", "youth", "stress"]


@pytest.fixture(scope="module")
def who() -> WhoAsks:
    return WhoAsks.load()


@pytest.mark.parametrize(("text", "intent", "expected"), [
    ("mijn zoon van 15 blowt elke dag en spijbelt", "youth", "parenting"),
    ("mn dochter (14) praat niet meer met me", "youth", "parenting"),
    ("Als moeder weet ik niet meer hoe ik mijn puber moet aanpakken", "youth", "parenting"),
    ("Ik ben 34, ontslagen, en mijn WW stopt. Wat nu?", "youth", "money_worries"),
    ("ik ben 15 en mijn ouders snappen me niet", "youth", None),
    ("ik ben 16 en zit op het mbo, ik heb schulden bij mn telefoonabonnement", "youth", None),
    ("ik ben 15 en blow soms, mag dat van jullie", "parenting", "youth"),
    ("ik zit in de brugklas en word gepest", "parenting", "youth"),
    ("mijn zoon van 15 en ik ruziën veel, ik ben 42", "parenting", None),
    ("ik ben 34 en heb schulden", "debt", None),
    # English: the assistant answers in English too.
    ("my son is 15 and smokes weed every day", "youth", "parenting"),
    ("As a single mum I don't know how to handle my teenager", "youth", "parenting"),
    ("I'm 34, I lost my job and my benefit stops. What now?", "youth", "money_worries"),
    ("I'm 15 and my parents don't understand me", "youth", None),
    ("i'm 15 and sometimes smoke weed, is that allowed", "parenting", "youth"),
    ("I'm in year 9 and I get bullied", "parenting", "youth"),
    ("my son of 15 and I fight a lot, I'm 42", "parenting", None),
    ("I'm 34 and I have debts", "debt", None),
])
def test_the_writer_decides_between_youth_and_parenting(who, text, intent, expected):
    ranking = [intent, *[r for r in OTHERS if r != intent]]
    assert who.correct(text, intent, ranking) == expected


def test_swapping_keeps_the_margin_the_fallback_checks():
    ranking = [{"name": "youth", "confidence": 0.7}, {"name": "stress", "confidence": 0.2},
               {"name": "parenting", "confidence": 0.1}]
    assert swapped(ranking, "youth", "parenting") == [
        {"name": "parenting", "confidence": 0.7}, {"name": "youth", "confidence": 0.1},
        {"name": "stress", "confidence": 0.2}]

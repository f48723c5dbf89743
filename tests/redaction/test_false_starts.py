"""Rounds 17 and 18 (issue 14): numbers broken off and given again after a sentence, dictated from
"nul", grouped with hyphens, spaces or a spaced slash, or behind a document's letter prefix. New
sentences for each class (not copied from a corpus); all values invented."""

from __future__ import annotations

import pytest

from redaction.false_starts import with_false_starts
from redaction.findings import Finding
from redaction.placeholders import PLACEHOLDER


@pytest.mark.parametrize(("text", "expected"), [
    # the start of a number, then an excuse in a sentence, then the number whole
    ("Mijn nummer is 06 38 17.. oeps te vroeg op enter gedrukt. 06 38 17 52 90",
     "Mijn nummer is <X>.. oeps te vroeg op enter gedrukt. <X>"),
    ("bel 010 - 2284 sorry mijn duim is te dik voor dit toestel, 010 - 2284 771",
     "bel <X> sorry mijn duim is te dik voor dit toestel, <X>"),
    ("bsn 2468 ... wacht ik pak mijn pas erbij. bsn 246813581",
     "bsn <X> ... wacht ik pak mijn pas erbij. bsn <X>"),
    # dictated from "nul", the rest in digits after words
    ("oma schreef het nummer op als nul zes-en-twintig, daaronder 351 en dan 44 02.",
     "oma schreef het nummer op als <X>, daaronder <X> en dan <X>."),
    # digit groups joined by hyphens and spaces when the number opens with 0; a letter prefix
    ("Klantnummer: O4-83 21 66 staat bovenaan de brief",
     "Klantnummer: <X> staat bovenaan de brief"),
    ("my residence card number is UA-0583 3310, what do I need", "my residence card number is <X>, "
     "what do I need"),
    # round 18: groups of a case number on either side of a spaced slash
    ("het dossiernummer is SHV 2026 / 33814, niemand belt terug",
     "het dossiernummer is <X>, niemand belt terug"),
    # a spelled "o" is a letter, not a "nul" that starts a dictated number
    ("ik heet J o o s t  d e  R o o y", "ik heet <X>"),
    ("schrijf naar j . o o s t e r @ z i g g o . n l graag", "schrijf naar <X> graag"),
])
def test_the_whole_number_and_its_false_starts_are_redacted(redactor, text, expected):
    assert PLACEHOLDER.sub("<X>", redactor.redact(text)[0]) == expected


@pytest.mark.parametrize("text", [
    "ik woon op nummer 1234 en ik ben 45, bel 0612389900",  # a house number that begins nothing
    "Ajax speelde nul-een en toen nul twee, mijn zoon was er kapot van",
    "ik heb nul euro en twee kinderen van 4 en 7",
    "het wijkteam is open ma 9-12 13-17 en do 9-12",
    "ik betaal 06 maanden al 1250 euro huur",
])
def test_numbers_that_start_no_value_stay(redactor, text):
    redacted = redactor.redact(text)[0]
    assert redacted.replace("<TELEFOONNUMMER_1>", "0612389900") == text


def test_a_year_that_opens_a_case_number_elsewhere_stays_a_year(redactor):
    text = "Ons kenmerk: 2025/BK/331907\nDatum: 28 november 2025\nU betaalt voor 1 januari 2026."
    assert redactor.redact(text)[0] == (
        "Ons kenmerk: <DOSSIERNUMMER_1>\nDatum: 28 november 2025\nU betaalt voor 1 januari 2026.")


def test_a_false_start_takes_the_type_of_the_number_it_starts():
    text = "06 38 17 nee 06 38 17 52 90"
    found = [Finding("PHONE_NUMBER", 13, 27, 0.9)]
    assert with_false_starts(text, found) == [Finding("PHONE_NUMBER", 0, 8, 0.9), *found]

"""Spelled-out e-mail addresses (``redaction/spelled.py``): a tussenvoegsel joins a spoken local
part, but the sentence's "van" before an address typed with "@" is no part of it; " . " joins a
local part as it joins a domain (sentences invented for these tests)."""

from __future__ import annotations

import pytest

# (text, the address as redacted, words that must stay readable)
CASES = [
    ("Ik kreeg gisteren een mail van p.dekker@kpnmail.nl over mijn aanvraag",
     "p.dekker@kpnmail.nl", ["van"]),
    ("er kwam een factuur van de.wit@outlook.com binnen, klopt die?",
     "de.wit@outlook.com", ["van"]),
    ("mail naar anouk punt van leeuwen apenstaartje gmail punt com",
     "anouk punt van leeuwen apenstaartje gmail punt com", []),
    ("stuur het naar ter horst at ziggo punt nl", "ter horst at ziggo punt nl", []),
    # typed with spaces around every dot and the "@", as a chat that blocks addresses invites
    ("mail naar t . bakker @ ziggo . nl, dank je", "t . bakker @ ziggo . nl", ["naar"]),
    # the mail providers of residents' home countries (data/email_tlds.txt)
    ("mejl: m.zielinska at-teken wp punt pl en dziękuję", "m.zielinska at-teken wp punt pl",
     ["en"]),
    ("stuur naar ivanka.p apenstaartje abv punt bg aub", "ivanka.p apenstaartje abv punt bg",
     ["naar"]),
    ("adresa mea: dana_rusu at yahoo punt ro", "dana_rusu at yahoo punt ro", []),
]


@pytest.mark.parametrize(("text", "address", "kept"), CASES)
def test_email_span_starts_where_the_address_does(redactor, text, address, kept):
    redacted, findings = redactor.redact(text)
    assert [text[f.start:f.end] for f in findings if f.entity_type == "EMAIL_ADDRESS"] == [address]
    for word in kept:
        assert f" {word} " in redacted, redacted

"""Reading the resident's short answers in the hand-off form (redacted Dutch text)."""

import pytest

from actions import answers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ja", "ja"), ("Ja graag", "ja"), ("jawel", "ja"), ("ja, dat mag", "ja"), ("oké", "ja"),
        ("prima", "ja"), ("klopt", "ja"), ("akkoord", "ja"), ("nee", "nee"), ("Nee dank je", "nee"),
        ("liever niet", "nee"), ("neen", "nee"), ("misschien", None), ("", None), (None, None),
        ("ik weet het niet", None),
    ],
)
def test_yes_or_no(text, expected):
    assert answers.yes_or_no(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ja", "ja"), ("nee", "nee"), ("ik ben 14", "nee"), ("15 jaar", "nee"),
        ("ik ben 16", "ja"), ("ik ben 67 jaar", "ja"), ("jonger dan 16", "nee"),
        ("nog geen 16", "nee"), ("ouder", "ja"), ("ik ben volwassen", "ja"),
        ("Ja, 16 of ouder", "ja"), ("Nee, jonger dan 16", "nee"), ("geen idee", None),
    ],
)
def test_age_answer(text, expected):
    assert answers.age_answer(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("telefoon", "telefoon"), ("bel mij maar", "telefoon"), ("telefonisch", "telefoon"),
        ("e-mail", "e-mail"), ("mail maar", "e-mail"), ("email graag", "e-mail"),
        ("<TELEFOONNUMMER_1>", "telefoon"), ("mijn mail is <EMAIL_1>", "e-mail"),
        ("duif", None), ("", None),
    ],
)
def test_contact_way(text, expected):
    assert answers.contact_way(text) == expected


@pytest.mark.parametrize(
    ("text", "way", "expected"),
    [
        ("<TELEFOONNUMMER_1>", "telefoon", "<TELEFOONNUMMER_1>"),
        ("mijn nummer is <TELEFOONNUMMER_2> hoor", "telefoon", "<TELEFOONNUMMER_2>"),
        ("<PERSOON_1>, <TELEFOONNUMMER_1>", "telefoon", "<TELEFOONNUMMER_1>"),
        ("<EMAIL_1>", "e-mail", "<EMAIL_1>"),
        ("<EMAIL_1>", "telefoon", None),
        ("06 weet ik niet uit mijn hoofd", "telefoon", None),
        ("<TELEFOONNUMMER_1>", None, None),
    ],
)
def test_contact_placeholder_never_a_raw_value(text, way, expected):
    assert answers.contact_placeholder(text, way) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ochtend", "ochtend"), ("'s ochtends graag", "ochtend"), ("na de lunch", "middag"),
        ("'s avonds", "avond"), ("maakt niet uit", "maakt niet uit"),
        ("geen voorkeur", "maakt niet uit"), ("dinsdag", "dinsdag"),
        ("op <DATUM_1>", None), ("", None), ("x" * 80, None),
    ],
)
def test_moment(text, expected):
    assert answers.moment(text) == expected


@pytest.mark.parametrize("text", ["stop", "Stoppen", "laat maar", "annuleren", "toch maar niet"])
def test_stop_words(text):
    assert answers.is_stop(text)


@pytest.mark.parametrize("text", ["ja", "stop maar met bellen naar mijn moeder", "", None])
def test_not_stop(text):
    assert not answers.is_stop(text)

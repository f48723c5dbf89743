"""The normalised view: odd separators, invisible characters and look-alike digits.

Each value type is written with each separator a pasted contact card or PDF carries; the
redactor must replace exactly the original characters (the invisible ones inside the value
included) and nothing of the value or its separators may survive. All data is invented; the BSN
passes the 11-proef and the IBAN mod-97.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redaction.normalise import normalise, read_number_parts

# Spaces that replace an ordinary space between the parts of a value.
SPACES = {
    "nbsp": "\u00a0",
    "narrow-nbsp": "\u202f",
    "thin": "\u2009",
    "figure": "\u2007",
    "ideographic": "\u3000",
    "tab": "\t",
}
# Invisible characters that are pasted into the middle of a value.
INVISIBLE = {
    "zero-width-space": "\u200b",
    "zero-width-non-joiner": "\u200c",
    "zero-width-joiner": "\u200d",
    "bom": "\ufeff",
    "word-joiner": "\u2060",
    "soft-hyphen": "\u00ad",
}

# kind → (sentence, the value in it, the redacted sentence). In the sentence "|" marks a place an
# invisible character is pasted into the value; an odd space replaces each space of the value.
VALUES = {
    "bsn": ("mijn bsn is 31|4 159 2|65 graag", "314 159 265", "mijn bsn is <BSN_1> graag"),
    "phone": ("bel me op 06 12|34 56|78 graag", "06 1234 5678",
              "bel me op <TELEFOONNUMMER_1> graag"),
    "postcode": ("mijn postcode is 12|34 AB", "1234 AB", "mijn postcode is <POSTCODE_1>"),
    "plate": ("mijn kenteken is BT 1|2 KL", "BT 12 KL", "mijn kenteken is <KENTEKEN_1>"),
    "iban": ("rekening NL11 RA|BO 0007 65|43 21 graag", "NL11 RABO 0007 6543 21",
             "rekening <IBAN_1> graag"),
    "address": ("ik woon op de Kerk|straat 1|2a in Utrecht", "Kerkstraat 12a",
                "ik woon op de <ADRES_1> in Utrecht"),
    "birth-date": ("ik ben geboren op 12 ma|art 19|85", "12 maart 1985",
                   "ik ben geboren op <DATUM_1>"),
}


def _odd_spaces(template: str, value: str, space: str) -> str:
    """The sentence with ``space`` between the parts of the value (and nowhere else)."""
    text = template.replace("|", "")
    assert value in text
    return text.replace(value, value.replace(" ", space))


# Measured on the code before the view (716b26b): 28 of the 42 odd-space rows and 39 of the 42
# invisible-character rows failed. The address and birth-date rows with odd spaces, the phone with
# NBSP or ideographic space and the phone with ZWSP, word joiner or soft hyphen already passed
# (the patterns' \s and libphonenumber took them); they stay as guards for the offset map.
SPACE_CASES = [
    pytest.param(_odd_spaces(t, value, s), expected, id=f"{kind}-{name}")
    for kind, (t, value, expected) in VALUES.items()
    for name, s in SPACES.items()
]
INVISIBLE_CASES = [
    pytest.param(t.replace("|", s), expected, id=f"{kind}-{name}")
    for kind, (t, _, expected) in VALUES.items()
    for name, s in INVISIBLE.items()
]


@pytest.mark.parametrize(("text", "expected"), SPACE_CASES)
def test_values_with_odd_spaces_are_replaced_whole(redactor, text, expected):
    assert redactor.redact(text)[0] == expected


@pytest.mark.parametrize(("text", "expected"), INVISIBLE_CASES)
def test_values_with_invisible_characters_are_replaced_whole(redactor, text, expected):
    redacted, findings = redactor.redact(text)
    assert redacted == expected
    assert not any(c in redacted for c in INVISIBLE.values())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("bel me op O6-l2345678", "bel me op <TELEFOONNUMMER_1>", id="O-and-l"),
        pytest.param("bel me op o6 l234 5678", "bel me op <TELEFOONNUMMER_1>", id="o-and-l-spaced"),
        pytest.param("bel me op ０６－１２３４５６７８", "bel me op <TELEFOONNUMMER_1>",
                     id="fullwidth-phone"),
        pytest.param("mijn bsn is ３１４１５９２６５", "mijn bsn is <BSN_1>", id="fullwidth-bsn"),
        pytest.param("mail naar jan.vermeulen＠voorbeeld.nl", "mail naar <EMAIL_1>",
                     id="fullwidth-at"),
        pytest.param("mail naar ｊａｎ．ｖｅｒｍｅｕｌｅｎ＠ｖｏｏｒｂｅｅｌｄ．ｎｌ",
                     "mail naar <EMAIL_1>", id="fullwidth-email"),
        pytest.param("bel 0\ufe0f\u20e36\ufe0f\u20e31\ufe0f\u20e32\ufe0f\u20e33\ufe0f\u20e3"
                     "4\ufe0f\u20e35\ufe0f\u20e36\ufe0f\u20e37\ufe0f\u20e38\ufe0f\u20e3",
                     "bel <TELEFOONNUMMER_1>", id="keycap-phone"),
        pytest.param("mijn bsn is \u0663\u0661\u0664\u0661\u0665\u0669\u0662\u0666\u0665",
                     "mijn bsn is <BSN_1>", id="arabic-indic-bsn"),
        pytest.param("bel me op 06\u00ad\u200b1234\u2060\u00a05678", "bel me op <TELEFOONNUMMER_1>",
                     id="mixed-separators"),
        pytest.param("mijn iban:\nNL11\nRABO\n0007\n6543\n21", "mijn iban:\n<IBAN_1>",
                     id="iban-one-part-a-line"),
        pytest.param("postcode:\n1234\nAB", "postcode:\n<POSTCODE_1>", id="postcode-two-lines"),
        pytest.param("iban: NL11_RABO_0007_6543_21", "iban: <IBAN_1>", id="iban-underscores"),
        pytest.param("bel 06_12_34_56_78 graag", "bel <TELEFOONNUMMER_1> graag",
                     id="phone-underscores"),
        pytest.param("dossier D\u2011339201 graag", "dossier <DOSSIERNUMMER_1> graag",
                     id="non-breaking-hyphen"),
        pytest.param("\ufeffbel me op 0612345678\ufeff", "\ufeffbel me op <TELEFOONNUMMER_1>\ufeff",
                     id="bom-outside-stays"),
    ],
)
def test_disguised_values_are_replaced_whole(redactor, text, expected):
    assert redactor.redact(text)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "lol, ik kocht 10 liter melk",
        "ik heb 2 kinderen van 10 en 12 jaar",
        "ok top, tot morgen om 10:30",
    ],
)
def test_ordinary_text_is_left_alone(redactor, text):
    assert redactor.redact(text) == (text, [])


# -- the offset map itself (no models needed) -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "view"),
    [
        ("06\u00a012\u200b34", "06 1234"),
        ("a\r\nb\u2028c\td", "a\nb\nc d"),
        ("０６＠", "06@"),
        ("1\ufe0f\u20e3\u2776", "11"),
        ("O6-l2345678", "06-12345678"),
        ("06 O 12", "06 0 12"),
        ("o6_29 l4\no8", "06 29 14 08"),
        ("O-6-2-9-l-8", "0-6-2-9-1-8"),
        ("NL28 SNSB 7649 O269 Ol", "NL28 SNSB 7649 0269 01"),
        ("regel 1\nregel 2_b", "regel 1\nregel 2_b"),
        ("NL75\nKNAB\n8840_1866\n75", "NL75 KNAB 8840 1866 75"),
        ("postcode:\n1103\nTV", "postcode:\n1103 TV"),
        ("om 12\nIk ga", "om 12\nIk ga"),
        ("D\u2011339201 \u2212 12\u201334", "D-339201 - 12-34"),
        ("lol Ole 10 liter", "lol Ole 10 liter"),
        ("e\u0301", "e\u0301"),  # per character: an accent stays apart, as before
    ],
)
def test_view(text, view):
    assert normalise(text).text == view


def test_a_span_in_the_view_covers_the_invisible_characters_inside_it():
    text = "bel \ufeff06\u00ad12\u200b34 ok"
    view = normalise(text)
    start = view.text.index("06")
    assert view.to_original(start, start + len("061234")) == (5, 5 + len("06\u00ad12\u200b34"))


@given(st.text(max_size=200))
def test_the_map_is_monotonic_and_inside_the_original(text):
    view = normalise(text)
    spans = [view.to_original(i, i + 1) for i in range(len(view.text))]
    assert all(0 <= s < e <= len(text) for s, e in spans)
    assert all(a[0] <= b[0] and a[1] <= b[1] for a, b in zip(spans, spans[1:], strict=False))
    if view.text:
        assert view.to_original(0, len(view.text))[1] <= len(text)


ASCII_KEPT = st.characters(max_codepoint=127, exclude_characters="\t\r\x0b\x0c\x1c\x1d\x1e")


@given(st.text(alphabet=ASCII_KEPT, max_size=200))
def test_ascii_text_without_digits_look_alikes_is_its_own_view(text):
    view = normalise(text)
    assert view.text == read_number_parts(text)
    assert len(view.text) == len(text)
    assert all(view.to_original(i, i + 1) == (i, i + 1) for i in range(len(text)))

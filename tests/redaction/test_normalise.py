"""The normalised view: odd separators, invisible characters and look-alike digits.

Each value type is written with each separator a pasted contact card or PDF carries; the
redactor must replace exactly the original characters (the invisible ones inside the value
included) and nothing of the value or its separators may survive. All data is invented; the BSN
passes the 11-proef and the IBAN mod-97.
"""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from redaction.disguises import read_disguises
from redaction.normalise import normalise, read_number_parts
from redaction.view import Normalised

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
        ("O-6-2-9-l-8", "062918"),  # look-alikes read, then the hyphen-joined run (round 3)
        ("NL28 SNSB 7649 O269 Ol", "NL28 SNSB 7649 0269 01"),
        ("regel 1\nregel 2_b", "regel 1\nregel 2_b"),
        ("NL75\nKNAB\n8840_1866\n75", "NL75 KNAB 8840 1866 75"),
        ("postcode:\n1103\nTV", "postcode:\n1103 TV"),
        ("om 12\nIk ga", "om 12\nIk ga"),
        ("tel 013 -\n544 27 18", "tel 013 - 544 27 18"),  # a number broken after its dash
        ("bel 020\n- 625 12 34", "bel 020 - 625 12 34"),
        ("stap 3 -\nDaarna", "stap 3 -\nDaarna"),  # a dash, then a sentence
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
    plain = Normalised(read_number_parts(text))
    assume(read_disguises(plain) is plain)  # no number words, spaced-out or spelled-out values
    assert view.text == read_number_parts(text)
    assert len(view.text) == len(text)
    assert all(view.to_original(i, i + 1) == (i, i + 1) for i in range(len(text)))


# -- disguised values (issue 14 part 2): number words, spaced-out characters, spelled e-mail ----
#
# Each value is written with each disguise a resident or an attacker uses; the redactor must
# replace the whole disguised value. All data is invented: BSN 314159265 and 111222333 pass the
# 11-proef, NL91ABNA0417164300 passes mod-97.
DISGUISED = {
    # number words for every digit
    "phone-words": ("bel me op nul zes een twee drie vier vijf zes zeven acht graag",
                    "bel me op <TELEFOONNUMMER_1> graag"),
    "phone-words-pairs": (
        "mijn nummer is nul zes, twaalf, vierendertig, zesenvijftig, achtenzeventig",
        "mijn nummer is <TELEFOONNUMMER_1>",
    ),
    "phone-words-mixed": ("bel me op 06 twaalf 34 56 78", "bel me op <TELEFOONNUMMER_1>"),
    "phone-words-hyphen-compound": ("bel 06 een-en-twintig 43 vijfenzestig 87 ok",
                                    "bel <TELEFOONNUMMER_1> ok"),
    "phone-words-english": ("my phone is zero six one two three four five six seven eight",
                            "my phone is <TELEFOONNUMMER_1>"),
    "bsn-words": ("mijn bsn is drie één vier één vijf negen twee zes vijf",
                  "mijn bsn is <BSN_1>"),
    "bsn-words-mixed": ("bsn: een een een 222 drie drie drie", "bsn: <BSN_1>"),
    "iban-words": ("iban NL91 ABNA nul vier een zeven een zes vier drie nul nul graag",
                   "iban <IBAN_1> graag"),
    "postcode-words": ("mijn postcode is een twee drie vier AB", "mijn postcode is <POSTCODE_1>"),
    "birth-date-words": ("ik ben geboren op twaalf maart negentien vijfentachtig",
                         "ik ben geboren op <DATUM_1>"),
    # one space between every character
    "phone-spaced": ("bel me op 0 6 1 2 3 4 5 6 7 8 graag", "bel me op <TELEFOONNUMMER_1> graag"),
    "bsn-spaced": ("bsn 3 1 4 1 5 9 2 6 5", "bsn <BSN_1>"),
    "iban-spaced": ("iban N L 9 1 A B N A 0 4 1 7 1 6 4 3 0 0", "iban <IBAN_1>"),
    "postcode-spaced": ("postcode 1 2 3 4 A B", "postcode <POSTCODE_1>"),
    "birth-date-spaced": ("geboren op 1 2 - 0 3 - 1 9 8 5", "geboren op <DATUM_1>"),
    "email-spaced": ("mail p e t r a @ g m a i l . c o m", "mail <EMAIL_1>"),
    "email-spaced-dot": ("mail p e t r a . s m i t @ g m a i l . c o m", "mail <EMAIL_1>"),
    # e-mail spelled out
    "email-at-punt": ("mail me op petra at gmail punt com", "mail me op <EMAIL_1>"),
    "email-paren-at-dot": ("mijn mail: petra (at) hotmail dot nl", "mijn mail: <EMAIL_1>"),
    "email-apenstaartje": ("mail petra apenstaartje ziggo punt nl graag", "mail <EMAIL_1> graag"),
    "email-brackets": ("mail petra[at]kpn[dot]nl", "mail <EMAIL_1>"),
    "email-braces": ("mail petra{at}planet.nl", "mail <EMAIL_1>"),
    "email-dotted-local": ("mail mij: kees.mol at gmail punt com", "mail mij: <EMAIL_1>"),
    "email-at-teken": ("anna_b at-teken live punt nl is mijn mail", "<EMAIL_1> is mijn mail"),
    "email-paren-a-dot": ("mail: a.de.groot (a) kpnmail (.) nl", "mail: <EMAIL_1>"),
    # repeat and separator words, years in one word, a month in the run
    "phone-words-double": ("bel nul zes dubbel drie, vier twee, dubbel acht, vijf één",
                           "bel <TELEFOONNUMMER_1>"),
    "phone-words-streepje": ("tel nul zes streepje vier één twee drie acht negen nul zes",
                             "tel <TELEFOONNUMMER_1>"),
    "birth-date-year-word": (
        "geboren op zeven juli negentienzesenzeventig", "geboren op <DATUM_1>"
    ),
    "birth-date-hyphens": ("geboren drie-vier-tweeduizend-twee", "geboren <DATUM_1>"),
}


@pytest.mark.parametrize(
    ("text", "expected"), [pytest.param(t, e, id=k) for k, (t, e) in DISGUISED.items()]
)
def test_values_in_words_spaced_out_or_spelled_out_are_replaced_whole(redactor, text, expected):
    assert redactor.redact(text)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "ik heb twee kinderen van negen en elf",
        "om tien over half drie",
        "een twee drie, daar gaan we",
        "ik woon op nummer twaalf",
        "ze is drieëntwintig",
        "de a t o m bom",
        "ik heb een brief gekregen, om tien uur",
        "ik ben er at home",
        "ik was twee of drie keer te laat",
    ],
)
def test_number_words_and_short_letter_runs_in_ordinary_text_survive(redactor, text):
    assert redactor.redact(text) == (text, [])


@pytest.mark.parametrize(
    ("text", "view"),
    [
        ("nul zes een twee drie vier vijf zes zeven acht", "0612345678"),
        ("06 twaalf 34 56 78", "0612345678"),
        ("één twee drie vier", "1234"),
        ("twee-en-twintig elf twaalf dertien", "22111213"),
        ("twee en twintig elf twaalf dertien", "22111213"),
        ("nul zes - 38 - negentien - 72 - 04", "06-38-19-72-04"),
        ("twaalf maart negentien vijfentachtig", "12 maart 1985"),
        ("1 2 3 4 negentienhonderd vijfentachtig", "12341985"),
        ("0 6 1 2 3 4 5 6 7 8", "0612345678"),
        ("p e t r a @ g m a i l . c o m", "petra@gmail.com"),
        ("petra at gmail punt com", "petra@gmail.com"),
        ("petra (at) hotmail dot nl", "petra@hotmail.nl"),
        ("petra apenstaartje ziggo punt nl", "petra@ziggo.nl"),
        ("ik heb twee kinderen van negen en elf", "ik heb twee kinderen van negen en elf"),
        ("een twee drie, daar gaan we", "een twee drie, daar gaan we"),
        ("ze is drieëntwintig", "ze is drieëntwintig"),
        ("de a t o m bom", "de a t o m bom"),
        ("ik ben at home punt", "ik ben at home punt"),
        ("vijftien augustus negentienachtentachtig", "15 augustus 1988"),
        ("drie-vier-tweeduizend-twee", "3-4-2002"),
        ("nul zes dubbel vier, drie twee", "064432"),
        ("nul zes streepje drie één twee vier", "06-3124"),
        ("o zes, vijftig, dertig, twintig", "06503020"),
        ("a.b (a) hetnet (.) nl", "a.b@hetnet.nl"),
        ("rosa_w at-teken yahoo punt com", "rosa_w@yahoo.com"),
        ("petra @ gmail . com", "petra@gmail.com"),
        ("met dennis.koc en daarachter @outlook.com", "met dennis.koc en daarachter @outlook.com"),
        ("op vijf mei twee", "op vijf mei twee"),
        ("dat is de punt", "dat is de punt"),
    ],
)
def test_disguise_view(text, view):
    assert normalise(text).text == view


def test_a_number_word_maps_back_to_the_whole_word():
    text = "bel nul zes twaalf 34 56 78 ok"
    view = normalise(text)
    assert view.text == "bel 0612345678 ok"
    assert view.to_original(4, 14) == (4, len(text) - 3)
    assert view.to_original(6, 8) == (text.index("twaalf"), text.index("twaalf") + 6)


@pytest.mark.parametrize("word", ["nul", "een", "één", "twaalf", "negentig", "eenentwintig",
                                  "een-en-twintig", "drieëntwintig", "driehonderdvijftig",
                                  "negentienhonderd", "tweeduizend", "nine",
                                  "negentienachtentachtig"])
def test_number_words_come_from_the_data_file(word):
    from redaction.number_words import number_word_value

    assert number_word_value(word) is not None


@pytest.mark.parametrize(
    ("text", "view"),
    [("Thorbeckegracht t/o 23, Zwolle", "Thorbeckegracht t/o 23, Zwolle"),  # "tegenover"
     ("aan de Stadsgracht t.o. 8", "aan de Stadsgracht t.o. 8"),
     ("bel O6-l2345678", "bel 06-12345678"),
     ("06 O 12", "06 0 12")],
)
def test_an_o_that_ends_an_abbreviation_is_no_zero(text, view):
    assert normalise(text).text == view


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Het nummer uit de brief:\n070 -\n318 42 96\nDaar neemt niemand op.",
         "Het nummer uit de brief:\n<TELEFOONNUMMER_1>\nDaar neemt niemand op."),
        ("bel mij op 0575\n- 52 19 83 na vijven", "bel mij op <TELEFOONNUMMER_1> na vijven"),
    ],
)
def test_a_phone_number_broken_across_lines_at_its_dash_is_replaced_whole(redactor, text,
                                                                           expected):
    assert redactor.redact(text)[0] == expected

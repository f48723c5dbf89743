"""Disguises of issue 14 round 3: the classes of failure blind_corpus_4 showed, in new sentences.

Each class is written in sentences of its own (not copied from the corpus), so the tests check
the class and not the sentence. All data is invented: the BSNs pass the 11-proef
(725763863, 162275869, 192285142, 691682483, 987825707), the IBANs mod-97.
"""

from __future__ import annotations

import pytest

from redaction.normalise import normalise

# class → (message, redacted message)
REDACTED = {
    # nine digits in any grouping, also across a pasted line break: the BSN's 11-proef decides
    "bsn-2-3-2-2": ("mijn bsn: 72 576 38 63", "mijn bsn: <BSN_1>"),
    "bsn-1-2-2-2-2": ("sofinummer 1 62 27 58 69 graag", "sofinummer <BSN_1> graag"),
    "bsn-5-4-hyphen": ("BSN 19228-5142 klopt dat?", "BSN <BSN_1> klopt dat?"),
    "bsn-4-3-2": ("BSN 6916 824 83", "BSN <BSN_1>"),
    "bsn-line-break": ("bsn 98782\n5707 sorry", "bsn <BSN_1> sorry"),
    # symbols typed between the parts: emoji, stars
    "phone-emoji": ("bel 06 ⭐ 81 ⭐ 22 ⭐ 93 ⭐ 40", "bel <TELEFOONNUMMER_1>"),
    "bsn-emoji-groups": ("bsn 🙈 725 🙈 763 🙈 863", "bsn 🙈 <BSN_1>"),
    "bsn-stars": ("bsn 1*6*2*2*7*5*8*6*9", "bsn <BSN_1>"),
    # single characters joined by dots or hyphens; five capitals spaced; a word gap of two spaces
    "bsn-hyphens": ("bsn 1-9-2-2-8-5-1-4-2 ok", "bsn <BSN_1> ok"),
    "name-dots": ("ik ben F.a.t.i.m.a en ik zoek werk", "ik ben <PERSOON_1> en ik zoek werk"),
    "name-spaced-five": ("ik heet R o e l f en ik heb een vraag",
                         "ik heet <PERSOON_1> en ik heb een vraag"),
    "name-emoji": ("ik ben L💜I💜N💜D💜A", "ik ben <PERSOON_1>"),
    "surname-word-gap": ("mijn achternaam is v a n  D a m", "mijn achternaam is <PERSOON_1>"),
    # codes spelled with capitals or letter names among number words
    "postcode-letter-names": ("mijn postcode is vierendertig twaalf ka el",
                              "mijn postcode is <POSTCODE_1>"),
    "postcode-capitals": ("postcode twaalf vierendertig R T", "postcode <POSTCODE_1>"),
    "postcode-jot": ("mijn postcode is vijfendertig twaalf jot ka en verder niks",
                     "mijn postcode is <POSTCODE_1> en verder niks"),
    "plate-capitals-words": ("kenteken H V drie zeven vijf N", "kenteken <KENTEKEN_1>"),
    "iban-capitals-words": ("iban NL tien SNSB 0923 4177 vijfenzestig",
                            "iban <IBAN_1>"),
    # a spelled O in the bank code is read as the letter, not as a zero
    "iban-spelled-o": ("het rekeningnummer is N L zestien R A B O nul zeven zeven drie drie "
                       "drie twee nul zeven drie", "het rekeningnummer is <IBAN_1>"),
    "ip-punt": ("mijn ip is honderdtwaalf punt 40 punt zeven punt 33", "mijn ip is <IP_ADRES_1>"),
    # e-mail: "bij" spelled out whole, a line break before "@", hyphen-joined letters
    "email-bij": ("mail karin.jol58 bij outlook punt com", "mail <EMAIL_1>"),
    "email-line-break": ("mail: karin_jol\n@ziggo.nl", "mail: <EMAIL_1>"),
    "email-hyphens": ("k-a-r-i-n-j-o-l-at-ziggo-punt-nl", "<EMAIL_1>"),
}

# Ordinary messages that look a little like these disguises and must stay as they are.
UNTOUCHED = [
    "ik rijd in een auto van de zaak, telt die mee?",
    "j a a a a eindelijk",
    "help m e a u b",
    "ik heb 3 * 4 = 12 euro betaald",
    "de WMO heeft twee keer gebeld",
    "kijk bij wijzeringeldzaken.nl voor hulp",
    "ik werk bij de gemeente punt",
    "ik ben blij 😊 bel me morgen",
    "t.a.v. de afdeling schulden",
    "in 2019 2020 en 2021 had ik schulden",
    "ik heb een K en een M op mijn rapport",
]

VIEWS = [
    ("mijn postcode is vierendertig twaalf ka el", "mijn postcode is 3412KL"),
    ("kenteken H V drie zeven vijf N", "kenteken HV375N"),
    ("06 ⭐ 81 ⭐ 22", "06 81 22"),
    ("ik ben F.a.t.i.m.a", "ik ben Fatima"),
    ("v a n  D a m", "van Dam"),
    ("honderdtwaalf punt 40 punt zeven punt 33", "112.40.7.33"),
    ("ik rijd in een VN-234-B bestelbus", "ik rijd in een VN-234-B bestelbus"),
    ("nul zes een-en-twintig 34 56 78 een keer", "0621345678 een keer"),
    ("geboren een april tweeduizend drie", "geboren 1 april 2003"),
    ("karin.jol58 bij outlook punt com", "karin.jol58@outlook.com"),
    ("kijk bij wijzeringeldzaken.nl", "kijk bij wijzeringeldzaken.nl"),
]


@pytest.mark.parametrize(("text", "expected"),
                         [pytest.param(t, e, id=k) for k, (t, e) in REDACTED.items()])
def test_disguised_values_of_round_3_are_replaced_whole(redactor, text, expected):
    assert redactor.redact(text)[0] == expected


@pytest.mark.parametrize("text", UNTOUCHED)
def test_look_alikes_in_ordinary_messages_survive(redactor, text):
    assert redactor.redact(text) == (text, [])


@pytest.mark.parametrize(("text", "view"), VIEWS)
def test_disguise_view_of_round_3(text, view):
    assert normalise(text).text == view


# Round 4: the classes blind_corpus_6 showed, again in sentences of their own. Invented values.
REDACTED_ROUND_4 = {
    # "een" after a number word is the digit 1 before a full stop, a function word or code letters
    "een-before-full-stop": (
        "mijn nummer is nul zes, drieënveertig, achttien, vijfennegentig, nul een. bel na vijven",
        "mijn nummer is <TELEFOONNUMMER_1>. bel na vijven"),
    "een-before-code-letters": ("mijn postcode is twee vijf een een AB",
                                "mijn postcode is <POSTCODE_1>"),
    # words residents dictate a number with, and separator words between plain digits
    "dictated-dan": ("bel me: nul zes, dan 7 1, dan 2 8, 4 4, 9 0", "bel me: <TELEFOONNUMMER_1>"),
    "ip-digits-punt": ("mijn ip is 81 punt 204 punt 12 punt 7", "mijn ip is <IP_ADRES_1>"),
    # a spaced-out name followed by a comma
    "name-spaced-comma": ("ik heet S t e f a n, met een f", "ik heet <PERSOON_1>, met een f"),
    # spoken e-mail with a tussenvoegsel or "underscore" in the local part
    "email-tussenvoegsel": ("mail naar karin punt van dijk apenstaartje ziggo punt nl",
                            "mail naar <EMAIL_1>"),
    "email-underscore": ("mail tim underscore 2007 at gmail dot com", "mail <EMAIL_1>"),
    # social handles
    "handle-at": ("mijn insta is @noor.ams_07 stuur maar een dm",
                  "mijn insta is <URL_1> stuur maar een dm"),
    "handle-after-platform": ("zijn snap is daan.xo21 maar hij reageert niet",
                              "zijn snap is <URL_1> maar hij reageert niet"),
    # a date pasted with spaces around every separator; a Belgian plate; a phone with slashes
    "date-spaced-slashes": ("geboren 4 / 11 / 1962 in Breda", "geboren <DATUM_1> in Breda"),
    "plate-belgian": ("mijn nummerplaat is 2-KLM-481", "mijn nummerplaat is <KENTEKEN_1>"),
    "phone-slashes": ("bel 06/52/71/30/88 na vijf uur", "bel <DOSSIERNUMMER_1> na vijf uur"),
    # a house number written as a word after a street or "nummer"
    "house-number-word-after-street": ("mijn moeder woont aan de Hoofdweg drieënveertig",
                                       "mijn moeder woont aan de <ADRES_1>"),
    "house-number-word-after-nummer": ("wij wonen op Rozenhof nummer zesenzestig A",
                                       "wij wonen op <ADRES_1>"),
}

UNTOUCHED_ROUND_4 = [
    "mn snap is kapot en mijn insta ook",
    "ik heb drie kinderen, dan nog een hond en twee katten",
    "bel 113 of 0800-0113, dan ben je niet alleen",
    "ik heb er een gekocht voor 25 euro, een koopje",
    "de huur is 4 / 5 van mijn inkomen",
    "we hebben in de Kerkstraat een huis gekocht",
    "ik ben de Dorpsstraat twee keer op en neer gelopen",
]


# Round 12: a number dictated over short sentences, the next part opening with a capital "Dan"
# or "Daarna" (blind_corpus_21's class, in sentences of its own; invented values).
REDACTED_ROUND_12 = {
    "dictated-sentences-dan": (
        "Mijn nummer begint met nul zes. Dan een twee. Dan vierendertig vijftig achtentachtig.",
        "Mijn nummer begint met <TELEFOONNUMMER_1>."),
    "dictated-sentences-daarna": (
        "Bel me op nul zes een negen. Daarna vierenveertig zevenentwintig dertig. Na zessen.",
        "Bel me op <TELEFOONNUMMER_1>. Na zessen."),
}

UNTOUCHED_ROUND_12 = [
    "Ik kom om twee uur. Dan ga ik naar de bieb.",
    "We zijn met zijn vieren. Daarna komen er nog drie.",
]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param(t, e, id=k) for k, (t, e) in (REDACTED_ROUND_4 | REDACTED_ROUND_12).items()])
def test_disguised_values_of_rounds_4_and_12_are_replaced_whole(redactor, text, expected):
    assert redactor.redact(text)[0] == expected


@pytest.mark.parametrize("text", UNTOUCHED_ROUND_4 + UNTOUCHED_ROUND_12)
def test_look_alikes_of_rounds_4_and_12_survive(redactor, text):
    assert redactor.redact(text) == (text, [])

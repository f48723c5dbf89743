"""Values typed in parts with words between them; checksums and context decide (all invented:
BSN 725763863, 162275869 and 318204587 pass the 11-proef, NL72TRIO2081156634,
NL85TRIO3071928465 and NL71KNAB0419283746 mod-97)."""

from __future__ import annotations

import pytest

SPLIT = {
    "bsn-two-parts": ("mijn bsn begint met 7257 en eindigt op 63863",
                      "mijn bsn begint met <BSN_1> en eindigt op <BSN_2>"),
    "bsn-three-parts-after": (
        "eerst 162, toen 275, tot slot 869, dat is mijn sofinummer",
        "eerst <BSN_1>, toen <BSN_2>, tot slot <BSN_3>, dat is mijn sofinummer",
    ),
    "bsn-sentence-between": ("bsn begint met 7257. daarna 63863",
                             "bsn begint met <BSN_1>. daarna <BSN_2>"),
    # no word between, only a full stop: a cracked screen (blind_corpus_31)
    "bsn-full-stop-between": ("bsn 7257. 63863. sorry mn scherm is gebarsten",
                              "bsn <BSN_1>. <BSN_2>. sorry mn scherm is gebarsten"),
    "phone": ("bel me, het begint met 06 en daarna 81229340",
              "bel me, het begint met <TELEFOONNUMMER_1> en daarna <TELEFOONNUMMER_2>"),
    "iban": ("rekening: eerst NL72 TRIO en dan 2081 1566 34",
             "rekening: eerst <IBAN_1> en dan <IBAN_2>"),
    "postcode": ("mijn postcode is 2514 met de letters K L",
                 "mijn postcode is <POSTCODE_1> met de letters <POSTCODE_2>"),
    # a long hesitation while the resident looks the rest up
    "bsn-long-hesitation": ("bsn 7257 en ik weet echt niet meer wat de rest was, 63863 misschien",
                            "bsn <BSN_1> en ik weet echt niet meer wat de rest was, <BSN_2> "
                            "misschien"),
    "iban-head-with-digits": (
        "Mijn IBAN is NL85 TRIO 3071. De rest staat op de andere kant: 9284 65",
        "Mijn IBAN is <IBAN_1>. De rest staat op de andere kant: <IBAN_2>",
    ),
    "iban-looked-up": (
        "rekeningnummer NL71 KNAB, momentje ik zoek mijn bankpas even op, 0419 2837 46",
        "rekeningnummer <IBAN_1>, momentje ik zoek mijn bankpas even op, <IBAN_2>",
    ),
    "bsn-dashes": ("sofinummer 3182 – even mijn paspoort pakken – 04587",
                   "sofinummer <BSN_1> – even mijn paspoort pakken – <BSN_2>"),
    # a part that is a long number too keeps the checked type, not the fail-safe's ID_NUMBER
    "phone-long-part": ("Mijn nummer begint met 06. Daarna komt 71 58 30 92.",
                        "Mijn nummer begint met <TELEFOONNUMMER_1>. Daarna komt "
                        "<TELEFOONNUMMER_2>."),
    "phone-english": ("my mobile begins with 06 38, the rest I have to look up, 92 71 45",
                      "my mobile begins with <TELEFOONNUMMER_1>, the rest I have to look up, "
                      "<TELEFOONNUMMER_2>"),
    # a foreign IBAN, in any case, its parts in two sentences (issue 14; PL61…, RO82…, DE44…
    # invented, mod-97)
    "iban-polish": ("Rekening eerste deel PL61 1090 1014 0000. Tweede deel 0712 1981 2874.",
                    "Rekening eerste deel <IBAN_1>. Tweede deel <IBAN_2>."),
    "iban-romanian-lowercase": ("Mijn rekening begint met ro82 rncb 0082. Daarna 0441 5062 0001.",
                                "Mijn rekening begint met <IBAN_1>. Daarna <IBAN_2>."),
    "iban-german": ("mijn Duitse IBAN begint met DE44 5001 0517 en dan 5407 3249 31",
                    "mijn Duitse IBAN begint met <IBAN_1> en dan <IBAN_2>"),
}

KEPT = [
    # three numbers that pass the 11-proef together, but no BSN word: amounts, counts
    "eerst 162, toen 275, tot slot 869 mensen op de wachtlijst",
    "in 7257. 63863 mensen staan op de wachtlijst",
    "ik heb 162 euro, dan 275 euro en 869 euro betaald, bsn weet ik niet",
    # the check fails
    "mijn bsn begint met 7257 en eindigt op 63864",
    "Mijn rekening begint met ro82 rncb 0082. Daarna 0441 5062 0002.",
    "tussen 10 en 12 uur ben ik thuis, bel me",
    "bel 06 en vraag naar Lisa, of bel 0800 1234",
    # another number between the parts, or more than twelve words
    "bsn 7257 en ik heb 3 kinderen, 63863 misschien",
    "bsn 7257 maar dat is het oude nummer en het nieuwe weet ik echt niet meer uit mijn hoofd, "
    "63863 was het geloof ik",
]


@pytest.mark.parametrize(("text", "expected"),
                         [pytest.param(t, e, id=k) for k, (t, e) in SPLIT.items()])
def test_a_value_in_parts_is_replaced_part_by_part(redactor, text, expected):
    assert redactor.redact(text)[0] == expected


@pytest.mark.parametrize("text", KEPT)
def test_numbers_that_do_not_make_a_checked_value_together_survive(redactor, text):
    redacted = redactor.redact(text)[0]
    assert "<BSN" not in redacted and "<TELEFOON" not in redacted and "<IBAN" not in redacted

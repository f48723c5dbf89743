"""The real redactor on resident text: what goes, what stays, and nothing crashes it."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from redaction.placeholders import PLACEHOLDER


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "ik ben Fatima el Amrani en bel me op 06-12345678",
            "ik ben <PERSOON_1> en bel me op <TELEFOONNUMMER_1>",
        ),
        ("mijn bsn is 111222333", "mijn bsn is <BSN_1>"),
        ("rekening NL91 ABNA 0417 1643 00 graag", "rekening <IBAN_1> graag"),
        (
            "ik woon op de Kerkstraat 12a, 1234 AB Utrecht",
            "ik woon op de <ADRES_1>, <POSTCODE_1> Utrecht",
        ),
    ],
)
def test_personal_data_becomes_typed_dutch_placeholders(redactor, text, expected):
    assert redactor.redact(text)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "ik heb schulden bij de Belastingdienst, het CJIB en DUO",
        "ik moet nog € 1.250 betalen voor maandag, in maart komt er meer",
        "ik woon in Utrecht, in de wijk Kanaleneiland, sinds 2019",
        "bel 113 of 0800-0113, of Veilig Thuis op 0800-2000",
        "mijn DigiD werkt niet en het wijkteam is dicht",
        "Mijn moeder woont alleen en de Voedselbank helpt ons",
    ],
)
def test_organisations_amounts_places_and_public_numbers_survive(redactor, text):
    assert redactor.redact(text) == (text, [])


def test_placeholders_already_in_the_text_are_left_alone(redactor):
    text = "ik ben <PERSOON_1> en mijn nummer is <TELEFOONNUMMER_1>"
    assert redactor.redact(text) == (text, [])


def test_same_value_same_placeholder_within_a_conversation_only(redactor):
    first, _ = redactor.redact("mijn zoon heet Daan de Jong", "conv-a")
    again, _ = redactor.redact("Daan de Jong is 14", "conv-a")
    other, _ = redactor.redact("ik ben Sanne Visser", "conv-a")
    elsewhere, _ = redactor.redact("ik ben Sanne Visser", "conv-b")
    assert "<PERSOON_1>" in first and again.startswith("<PERSOON_1>")
    assert "<PERSOON_2>" in other and "<PERSOON_1>" in elsewhere
    redactor.forget("conv-a")
    redactor.forget("conv-b")


ODD_INPUT = {
    "empty": "",
    "spaces": "   ",
    "whitespace": "\n\t",
    "emoji": "🙂" * 50,
    "control": "\u0000\u0007\u001b[31m",
    "arabic": "مرحبا أنا أحمد",
    "chinese": "你好，我叫王芳",
    "cyrillic": "Привет, меня зовут Олена",
    "100k-one-token": "a" * 100_000,
    "2000-phone-numbers": "06-12345678 " * 2_000,
}


@pytest.mark.parametrize("text", list(ODD_INPUT.values()), ids=list(ODD_INPUT))
def test_odd_input_never_crashes_and_offsets_stay_inside_the_text(redactor, text):
    redacted, findings = redactor.redact(text)
    assert isinstance(redacted, str)
    assert all(0 <= f.start < f.end <= len(text) for f in findings)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=400))
def test_any_text_redacts_without_error_and_findings_do_not_overlap(redactor, text):
    redacted, findings = redactor.redact(text)
    spans = sorted((f.start, f.end) for f in findings)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:], strict=False))
    if not findings:
        assert redacted == text
    else:
        assert len(PLACEHOLDER.findall(redacted)) >= len(findings)

"""Text that was already redacted must come through a second pass unchanged."""

import pytest

from tests.redaction.recognizers.helpers import THRESHOLDS

TEXTS = [
    "<PERSOON_1> belde <PERSOON_2> gisteren",
    "Mijn naam is <PERSOON_1> en mijn nummer is <TELEFOONNUMMER_1>",
    "Ik woon op <ADRES_1>, <POSTCODE_1>. Groetjes, <PERSOON_3>",
    "bsn <BSN_1>, iban <IBAN_1>, kenteken <KENTEKEN_2>, klantnummer <DOSSIERNUMMER_1>",
    "geboren op <DATUM_1>, mail <EMAIL_1>, site <URL_1>, ip <IP_ADRES_1>",
]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("threshold", THRESHOLDS)
def test_placeholders_are_not_redacted_again(analyzer, text, threshold):
    assert analyzer.analyze(text=text, language="nl", score_threshold=threshold) == []

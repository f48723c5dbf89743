import pytest

from bot.language import MIN_DOUMA_PER_TEXT, decision_phrases, flesch_douma


@pytest.mark.parametrize(
    "text",
    [
        "Je krijgt bijzondere bijstand.",
        "Goed nieuws: u heeft recht op kwijtschelding.",
        "Je aanvraag is goedgekeurd.",
        "Helaas wordt je aanvraag afgewezen.",
        "Je komt zeker in aanmerking voor een traplift.",
        "De huur wordt vergoed.",
        "Wij betalen je energierekening.",
        "Ik beloof dat het goed komt.",
    ],
)
def test_decision_language_is_caught(text):
    assert decision_phrases(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ik mag niet beslissen over een uitkering. Dat doet een medewerker.",
        "Kijk of je toeslagen kunt aanvragen, zoals huurtoeslag.",
        "Bel het Wmo-loket. Samen kijk je wat je nodig hebt.",
    ],
)
def test_information_is_not_decision_language(text):
    assert decision_phrases(text) == []


def test_plain_dutch_scores_above_jargon():
    plain = "Bel het wijkteam. Zij helpen je. Het is gratis. Je mag iemand meenemen."
    jargon = (
        "Overeenkomstig de toepasselijke verordening maatschappelijke ondersteuning wordt "
        "uw aanvraag onderworpen aan een zorgvuldige beoordeling van de noodzakelijkheid."
    )
    assert flesch_douma(plain) >= MIN_DOUMA_PER_TEXT > flesch_douma(jargon)


def test_numbers_and_addresses_do_not_count_as_words():
    with_numbers = "Bel 0800-0113. Kijk op https://www.113.nl. Mail info@voorbeeldstad.nl."
    assert flesch_douma(with_numbers) == flesch_douma("Bel. Kijk op. Mail.")

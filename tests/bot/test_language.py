import pytest

from bot.language import (
    MIN_DOUMA_PER_TEXT,
    MIN_READING_EASE,
    decision_phrases,
    flesch_douma,
    reading_ease,
)


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
        "You will get special assistance.",
        "Good news: you are entitled to a reduction of your local taxes.",
        "You have a right to a stair lift.",
        "Your request has been approved.",
        "Sadly your request was rejected.",
        "You qualify for help at home.",
        "Your rent will be paid for.",
        "We pay your energy bill.",
        "I promise it will be fine.",
        "Then you'll receive an allowance.",
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
        "I am not allowed to decide about benefits. A staff member does that.",
        "Check if you can ask for extra money for rent, like huurtoeslag.",
        "Call the Wmo-loket. Together you look at what you need.",
        "A staff member will contact you.",
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


def test_plain_english_scores_above_jargon():
    plain = "Call the team. They help you. It is free. You can bring someone."
    jargon = (
        "In accordance with the applicable social support regulation, your application is "
        "subject to a comprehensive assessment of the necessity of the requested provision."
    )
    minimum, _ = MIN_READING_EASE["en"]
    assert reading_ease(plain, "en") >= minimum > reading_ease(jargon, "en")


def test_dutch_is_the_reading_ease_of_any_other_code():
    text = "Bel het wijkteam. Zij helpen je."
    assert reading_ease(text, "nl") == reading_ease(text, "pl") == flesch_douma(text)

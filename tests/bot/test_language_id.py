"""Dutch when in doubt; another language only when the message clearly is one."""

from __future__ import annotations

import pytest

from bot.language_id import LanguageIdentifier

LANGUAGES = ("en", "tr", "ar", "fa", "pl", "uk", "ru", "ti", "so")


@pytest.fixture(scope="module")
def identifier() -> LanguageIdentifier:
    return LanguageIdentifier(LANGUAGES)


@pytest.mark.parametrize(("text", "expected"), [
    ("ik heb schulden en kan de huur niet betalen", "nl"),
    ("hoi", "nl"),
    ("ok", "nl"),
    ("help", "nl"),
    ("DigiD lukt niet", "nl"),
    ("salam, ik heb een vraag over de huur", "nl"),
    ("ik heb echt no idea wat ik moet doen", "nl"),
    ("he controls everything, mn geld, mn telefoon", "nl"),  # one Dutch word is enough
    ("I have debts and I cannot pay my rent anymore", "en"),
    ("I feel very lonely", "en"),
    ("Borçlarım var ve kiramı ödeyemiyorum", "tr"),
    ("ben cok yalnizim ve kimse yok", "tr"),  # Turkish "ben" (I) is no Dutch word
    ("ben 15 jaar", "nl"),
    ("Mam duże długi i nie mogę zapłacić czynszu", "pl"),
    ("Waxaan qabaa deyn badan oo aan bixin karin", "so"),
    ("لدي ديون كثيرة ولا أستطيع دفع الإيجار", "ar"),
    ("У мене великі борги, я не можу платити за квартиру", "uk"),
    ("ብዙሕ ዕዳ ኣሎኒ", "ti"),
    ("", "nl"),
    ("12345 !!!", "nl"),
])
def test_language(identifier, text, expected):
    assert identifier.identify(text) == expected


def test_only_the_languages_it_was_given():
    dutch_and_english = LanguageIdentifier(("en",))
    assert dutch_and_english.identify("Borçlarım var ve kiramı ödeyemiyorum") in ("nl", "en")
    assert dutch_and_english.identify("لدي ديون كثيرة ولا أستطيع دفع الإيجار") == "nl"


@pytest.mark.parametrize("greeting", ["salaam", "tamam", "merhaba", "salaam aleykum"])
def test_a_greeting_from_another_language_alone_is_no_sign(greeting):
    assert LanguageIdentifier(LANGUAGES, neutral_words={"salaam", "tamam", "merhaba",
                                                        "aleykum"}).identify(greeting) == "nl"


@pytest.mark.parametrize("text", ["ana 3andi mushkila", "ma3reftsh shno ndir"])
def test_arabic_in_latin_letters_with_digits(identifier, text):
    assert identifier.identify(text) == "ar"


def test_dutch_ordinals_are_no_arabizi(identifier):
    assert identifier.identify("de 2de brief van de 3e maand") == "nl"


@pytest.mark.parametrize(("text", "clearly"), [
    ("ik heb schulden", True),
    ("mijn zoon wil niet naar school", True),
    ("hallo", False),  # a courtesy English speakers use too
    ("oke dank je", False),
    ("I need hulp with my toeslagen", False),  # one Dutch word in an English sentence
    ("yes please", False),
])
def test_clearly_dutch_needs_two_dutch_function_words(text, clearly):
    assert LanguageIdentifier({"en"}).clearly_dutch(text) is clearly


@pytest.mark.parametrize(("text", "expected"), [
    ("quarenta e cinco, 45", "nl"),  # Portuguese: unsure, the conversation keeps its language
    ("tengo deudas y no puedo pagar el alquiler", "nl"),
    ("merci beaucoup pour votre aide", "nl"),
    ("r u human", "en"),  # the detector guesses Portuguese; English words say otherwise
    ("my phone got stolen and the digid app was on it. what do i do??", "en"),
    ("Borçlarım var ve kiramı ödeyemiyorum", "tr"),
])
def test_a_look_alike_language_is_never_taken_for_one_served(text, expected):
    identifier = LanguageIdentifier(LANGUAGES, look_alikes=("pt", "es", "fr", "de", "it", "ro"))
    assert identifier.identify(text) == expected


@pytest.mark.parametrize("text", ["7QM4X2PD9TK3", "7QM4 X2PD 9TK3", "1234 AB", "XT-45-BK",
                                  "r.verbeek@example.com", "mail: sanne.dekker@voorbeeldmail.nl",
                                  "www.example.com/profile/jansen", "kijk op https://example.org",
                                  # a case code's groups: no Arabizi ("kw9t"), no English
                                  "code Z98R-KW9T-DAAQ", "code Z98V-1C22-AXDY",
                                  "zaakcode Z98K-NTW5-R3AV"])
def test_a_code_or_plate_alone_names_no_language(identifier, text):
    assert identifier.identify(text) == "nl"  # unsure: the conversation keeps its language

"""NlNerPersonRecognizer's filter: which NER PERSON spans are kept as names.

The filter is tested on its own (is_plausible_name), so these tests do not need the trained model.
"""

import pytest

from redaction.recognizers import NlNerPersonRecognizer


@pytest.fixture(scope="module")
def ner_filter() -> NlNerPersonRecognizer:
    return NlNerPersonRecognizer()


def _check(recognizer: NlNerPersonRecognizer, text: str, span: str) -> bool:
    start = text.index(span)
    return recognizer.is_plausible_name(text, start, start + len(span))


KEPT = [
    ("mijn buurman Tien Nguyen helpt mij", "Tien Nguyen"),  # capitalised: a name, not ten
    ("ik heb gisteren met Jan de Vries gebeld", "Jan de Vries"),
    ("ik ben Zeynep en mijn broertje burak zit in de problemen", "burak"),
    ("mijn buurvrouw Anouk Tjon A Fong is ziek", "Anouk Tjon A Fong"),
    ("kan Popescu mij bellen", "Popescu"),
    ("ik heb het aan Bakker gevraagd", "Bakker"),  # capitalised mid-sentence, a listed name
    ("groetjes van sanne", "sanne"),
    ("mijn buurman Thanh Ng helpt mij", "Thanh Ng"),  # a short surname without a vowel
    ("my son tom is being bullied at school", "tom"),  # English, but a first name
    ("I live with Fatima and I need help", "Fatima"),
    ("ik ben sanne 0612345678", "sanne"),  # a first name before a number: not a label
    ("ik woon bij Jansen in huis", "Jansen"),  # not a place
    ("ik heb rene gesproken over de brief", "rene"),  # a first name, also without its accent
]
DROPPED = [
    # round 14, word lists as data: Frisian words (chat_words.txt), a language named in Frisian
    # (nationality_words.txt)
    ("Ik bin in bytsje iensum sûnt myn frou ferstoarn is.", "ferstoarn"),
    ("Bent u die van de gemeente die ook Fries praat? Ik praat makkeliker Frysk.", "Frysk"),
    ("Het nummer van mijn mama op Kòrsou is nieuw", "Kòrsou"),  # Curaçao in Papiamentu
    ("ik spreek dit in via Siri dus het kan raar worden", "Siri"),  # a voice assistant
    # round 14: a number in words, lowercase, is no name (Frisian and Dutch)
    ("Tjerk wurdt dizze wike fjirtjin. Hy wol net mear nei skoalle.", "fjirtjin"),
    ("mijn dochter wordt morgen zeventien en wil op zichzelf", "zeventien"),
    # Word lists as data (chat_words.txt, keep_terms.txt): words the NER of one build or another
    # read as names in the training data.
    ("hoe laat speelt feyenoord zondag", "feyenoord"),  # a football club
    ("klarna en afterpay trekken me helemaal leeg", "afterpay"),  # a pay-later service
    ("ik snap die bankapp niet", "bankapp"),
    ("ok cya", "cya"),
    ("how do i scan a qr code", "qr"),
    ("e ta dal mi tur dia, hij slaat mij elke dag", "ta dal mi tur dia"),  # Papiamento
    ("mi no ke biba mas, ik wil niet meer leven", "ke biba mas"),
    ("mien pensioen is krap, ich kan neet mie betale", "mie betale"),  # Limburgs
    ("i relly wnat to die tonite", "tonite"),
    ("is er iets in de wijk voor ouderen", "ouderen"),  # inflection of "ouder"
    ("is er iets voor andere ouderen", "andere ouderen"),
    ("mijn klantnummer is weg", "klantnummer"),  # compound of two Dutch words
    ("ik heb geen vaste woonplek", "woonplek"),
    ("is dat nep?", "nep"),
    # accented Dutch words typed without the accent: the NER may take them, they are no names
    ("ik wil eerst weten of dit prive blijft", "prive"),
    ("we zaten in het cafe op de hoek", "cafe"),
    ("ik heb geen ideeen meer", "ideeen"),
    ("mijn financien zijn een puinhoop", "financien"),
    ("er is een reunie van de school", "reunie"),
    ("mijn kleindochter leest het voor", "leest"),
    ("Netflix heb ik opgezegd", "Netflix"),  # keep term
    ("iban is nl76asnb0182633043", "iban"),
    ("2593 BS Den Haag", "2593 BS Den Haag"),  # digits: a postcode and a town
    ("Dorpsweg 3, Ergens", "Dorpsweg 3"),
    ("e-mail lina@example.nl", "e-mail lina@example.nl"),
    ("Lidl of de Dirk, maakt niet uit", "Dirk"),
    ("Molenlaan 2, 3511 BS Utrecht", "BS Utrecht"),  # postcode letters and the town
    ("ik woon op de Nieuwe Gracht 14", "Nieuwe Gracht"),  # a street before its number
    ("Beukenweg 8, Ergens", "Beukenweg"),  # after an article: a shop
    ("Ik heb een Hond", "Hond"),
    ("Gratis eten bij de kerk", "Gratis"),
    ("woonadres: Hoofdstraat 101, 9401 HG Assen", "Assen"),  # the town after a postcode
    ("Wmo 2015 en Jeugdwet artikel 2.3", "Jeugdwet artikel"),  # a law (keep term)
    ("qwrtz plof bzzk", "qwrtz plof bzzk"),  # keyboard mash
    ("hallo sdfghjkl", "sdfghjkl"),
    # English: unknown words are not names there
    ("how can I get help with debts? I don't speak Dutch well", "with debts"),
    ("how can I get help with debts? I don't speak Dutch well", "I don't speak Dutch"),
    ("is this chat anonymous? i dont want my name anywhere", "anonymous"),
    ("in de app staat 'mark as read' maar ik heb het niet gelezen", "mark"),
    # the label of a number, a place after a preposition
    ("postcd 2651 CZ", "postcd"),
    ("telefoonnr +31 6 2345 6789", "telefoonnr"),
    ("de gemeente zegt dat dat niet bij haarlem hoort", "haarlem"),
    ("rekeningnr nl92abna4291498900 graag", "rekeningnr"),
    ("Kan ik als Oekraïner hier werken", "Oekraïner"),  # a nationality
    ("zit zonder doekoe deze maand", "doekoe"),  # straattaal: money
    # a town that is also a surname, alone: the town (round 12)
    ("Het loket in Enschede is dicht, en Kampen heeft geen avondopening", "Kampen"),
    ("de gemeente Haarlem en Breda doen dat anders", "Breda"),
]


@pytest.mark.parametrize(
    ("text", "span", "kept"),
    [
        ("I live with Fatima and my son", "I live with Fatima", "Fatima"),
        ("my son tom is being bullied at school", "my son tom", "tom"),
        ("ik woon met Fatima el Amrani", "Fatima el Amrani", "Fatima el Amrani"),  # not English
    ],
)
def test_english_words_around_a_name_are_trimmed(ner_filter, text, span, kept):
    start = text.index(span)
    trimmed = ner_filter.trim_english(text, start, start + len(span))
    assert text[slice(*trimmed)] == kept


@pytest.mark.parametrize(("text", "span"), KEPT)
def test_ner_name_kept(ner_filter, text, span):
    assert _check(ner_filter, text, span)


@pytest.mark.parametrize(("text", "span"), DROPPED)
def test_ner_span_dropped(ner_filter, text, span):
    assert not _check(ner_filter, text, span)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Daan de Jong is 14 en wordt gepest", "Daan de Jong"),
        ("Roos Bakker belde gisteren", "Roos Bakker"),
    ],
)
def test_capitalised_full_name_at_message_start_is_plausible(text, span):
    recognizer = NlNerPersonRecognizer()
    start = text.index(span)
    assert recognizer.is_plausible_name(text, start, start + len(span))


@pytest.mark.parametrize(
    ("text", "span"), [("Mijn Moeder is ziek", "Mijn Moeder"), ("Hoop doet leven", "Hoop")]
)
def test_capitalised_ordinary_words_at_message_start_are_not(text, span):
    recognizer = NlNerPersonRecognizer()
    start = text.index(span)
    assert not recognizer.is_plausible_name(text, start, start + len(span))


def test_addressed_to_is_not_part_of_the_name(monkeypatch):
    """ "t.n.v. M. El Khattabi": the NER's span starts at the name, not at "t.n.v."."""
    from presidio_analyzer import RecognizerResult
    from presidio_analyzer.predefined_recognizers import SpacyRecognizer

    text = "rekeningnr NL90 TRIO 3056 2405 65 t.n.v. M. El Khattabi"
    start = text.index("t.n.v.")
    monkeypatch.setattr(
        SpacyRecognizer, "analyze",
        lambda self, text, entities, nlp_artifacts=None: [
            RecognizerResult("PERSON", start, len(text), 0.85)
        ],
    )
    results = NlNerPersonRecognizer().analyze(text, ["PERSON"])
    assert [text[r.start:r.end] for r in results] == ["M. El Khattabi"]


TRIMMED = [
    ("Salaam, man Zahra Hashimi hastam. Ik woon in Harderwijk", "Zahra Hashimi hastam",
     "Zahra Hashimi"),  # the Dari verb "hastam" (I am) is no part of the name
    ("ons dochtertje sterre is net geboren", "dochtertje sterre", "sterre"),
    ("Lieve Ineke, dank voor het luisteren", "Lieve Ineke", "Ineke"),  # a greeting
    ("mijn partner rik heeft een eigen bedrijf", "rik heeft", "rik"),
    ("mijn moeder gerda zijn allebei ziek", "gerda zijn", "gerda"),
    ("ik ben pleegouder van kevin en shanice", "pleegouder van kevin", "kevin"),
    ("een gesprek met Ingrid van schulddienstverlening", "Ingrid van schulddienstverlening",
     "Ingrid"),
    ("bij dokter el haddouchi op de praktijk", "dokter el haddouchi", "el haddouchi"),
    # names stay whole, particles and lowercase surnames included
    ("ik heb met anja van beek gebeld", "anja van beek", "anja van beek"),
    ("mijn naam is mark de wit", "mark de wit", "mark de wit"),
    ("Jan de Vries belde", "Jan de Vries", "Jan de Vries"),
]


@pytest.mark.parametrize(("text", "span", "kept"), TRIMMED)
def test_plain_words_at_the_edges_are_trimmed(ner_filter, text, span, kept):
    start = text.index(span)
    new_start, new_end = ner_filter.trim(text, start, start + len(span))
    assert text[new_start:new_end] == kept


# Bank lines, letters and signatures: the name is redacted, the words around it stay (a title,
# "van" after "ten name", the country or town someone is from, a phone's brand, Frisian words).
EDGE_CASES = [
    ("Datum\tNaam\n14-11-2026\tHR A. VOS\tNL09INGB0002381014\t-350,00", ["VOS"], ["HR"]),
    ("Bijschrijving van NL14INGB0006435039 HR E BOUZID omschrijving: lening", ["BOUZID"],
     ["HR"]),
    ("Rekeninghouder: Dhr S.K. Sardjoe\nIBAN: NL75ABNA1186566163", ["Sardjoe"], ["Dhr"]),
    ("IBAN: NL03KNAB8482111113 ten name van Jelle Wiersma", ["Jelle", "Wiersma"], ["van"]),
    ("oom Ravi Suriname  +597 852 3416", ["Ravi"], ["Suriname"]),
    ("Goeie, ik bin Auke Bosma út Drachten, wêr kin ik in parkearfergunning oanfreegje?",
     ["Auke", "Bosma"], ["út Drachten", "wêr kin ik"]),
    ("Sent from my Galaxy\n\nOmar Al Masri | omar.almasri@hotmail.com", ["Omar", "Masri"],
     ["Galaxy"]),
    ("Durk van der Meulen: Fan 'e moarn stie der wer in auto op it fytspaad", ["Durk", "Meulen"],
     ["moarn stie"]),
    ("Dit is sjoerd hoekstra, ik wol graach witte wannear't ús grofvuil ophelle wurdt",
     ["sjoerd", "hoekstra"], ["witte wannear't ús grofvuil ophelle"]),
    # a town right after a name may be the surname: it goes with the name
    ("mama heet Rita Zaandam, ik ben bang", ["Rita", "Zaandam"], []),
    ("Ik heb een gesprek met HR over mijn contract", [], ["HR"]),
]


@pytest.mark.parametrize(("text", "secret", "kept"), EDGE_CASES)
def test_the_name_and_not_its_neighbours(redactor, text, secret, kept):
    redacted, _ = redactor.redact(text)
    assert not [word for word in secret if word in redacted], redacted
    assert [words for words in kept if words in redacted] == kept, redacted


@pytest.mark.parametrize(
    "text",
    ["Geboortedatum: 14 mrt '88\nGeboorteplaats: Aleppo\nNationaliteit: Syrisch",
     "Naam: Amal Haddad\nWoonplaats:\tQamishli\nTelefoon: onbekend",
     "Place of birth: Kharkiv"],
)
def test_a_place_field_of_a_form_is_no_name(redactor, text):
    redacted, _ = redactor.redact(text)
    assert any(town in redacted for town in ("Aleppo", "Qamishli", "Kharkiv")), redacted


# A town after an address or across the border, a school class after a teacher: no name.
@pytest.mark.parametrize(
    ("text", "kept"),
    [("ik woon in een chalet op het park, adres Brinkweg 22-048, Apeldoorn", "Apeldoorn"),
     ("Nieuw adres per 1 maart: Markt 3 boven, Gemert", "Gemert"),
     ("Ik werk in Aken, daar is mijn nummer +49 241 918 2736", "Aken"),
     ("juf Visser van groep 5 zegt dat de oversteekplaats gevaarlijk is", "van groep 5"),
     ("meester Ali van klas 3b is ziek", "van klas 3b")],
)
def test_places_and_classes_next_to_names_stay(redactor, text, kept):
    assert kept in redactor.redact(text)[0]

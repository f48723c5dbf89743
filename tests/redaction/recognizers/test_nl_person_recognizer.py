import time

import pytest

from tests.redaction.recognizers.helpers import assert_spans

TRIGGERS = [
    ("ik ben ALI en ik zoek werk", ["ALI"]),  # capitals, but a listed name
    ("mijn naam is JP en ik zoek werk", ["JP"]),  # two capitals: initials
    # "mijn naam" without "is" before a capital; English "this is" as "dit is"
    ("goedenavond, mijn naam Tigist. ik zoek een huis", ["Tigist"]),
    ("mijn naam Merhawit, ik woon hier sinds kort", ["Merhawit"]),
    ("Hi, this is Manpreet, I need help with my rent", ["Manpreet"]),
    ("this is Harjit Kaur Dhillon from Tilburg", ["Harjit Kaur Dhillon"]),
    ("Hallo, ik ben Fatima el Amrani en ik heb een vraag.", ["Fatima el Amrani"]),
    ("mijn naam is jan de vries", ["jan de vries"]),
    ("Ik heet Mohammed.", ["Mohammed"]),
    ("ik ben jan", ["jan"]),
    ("Met Sanne Bakker, goedemiddag", ["Sanne Bakker"]),
    ("Ik heb mevrouw de Vries gesproken bij het wijkteam.", ["de Vries"]),
    ("Kan dhr. Jansen mij terugbellen?", ["Jansen"]),
    ("mw. Yilmaz zou terugbellen", ["Yilmaz"]),
    ("de heer El Amrani belt terug", ["El Amrani"]),
    ("Mijn zoon Daan is ziek.", ["Daan"]),
    ("mijn moeder Pham Thu Ha heeft een nagelsalon", ["Pham Thu Ha"]),  # short name parts
    ("mijn dochter emma heeft hulp nodig", ["emma"]),
    ("mijn buurman Kees helpt me.", ["Kees"]),
    ("Mijn vriendin Sara en ik willen samenwonen", ["Sara"]),
    ("Groetjes, Anna", ["Anna"]),
    ("Alvast bedankt.\nMet vriendelijke groet,\nPiet van der Berg", ["Piet van der Berg"]),
    ("gr jan", ["jan"]),
    ("Groetjes van Mark 😊", ["Mark"]),
    ("Juf Lisa zei dat het goed ging", ["Lisa"]),
    ("Ik ben Utrecht", ["Utrecht"]),  # a city right after "ik ben" counts as a name
    # the name first, at the start of a message
    ("Wen Jie is mijn naam en ik zoek werk", ["Wen Jie"]),
    ("Hoi, Karin Sopacua is mijn naam.", ["Karin Sopacua"]),
    ("marietje kaihatu hier, ik heb een vraag", ["marietje kaihatu"]),
    ("Goedemiddag, Samira Bouzid hier. Ik bel over de huur", ["Samira Bouzid"]),
    # Arabic and Berber interfixes, glued articles
    ("ik ben youssef ait haddou en ik zoek een kamer", ["youssef ait haddou"]),
    ("Mijn buurman Ahmed ben Salah helpt me", ["Ahmed ben Salah"]),
    ("Ik heb met Hassan al-Masri gesproken", ["Hassan al-Masri"]),
    ("mijn vader Mohamed ould Abdallah is ziek", ["Mohamed ould Abdallah"]),
    # lowercase names after a closing at the end
    ("kunnen jullie mij helpen? groetjes sanne", ["sanne"]),
    ("alvast bedankt, gr yvette tehuwalu", ["yvette tehuwalu"]),
    ("ik hoor het graag mvg anouk", ["anouk"]),
    ("onze dochter Mei Ling is jarig", ["Mei Ling"]),  # a month word opening a two-word name
    ("mijn buurvrouw op de Beek is gevallen", ["op de Beek"]),  # a surname after "op de"
    ("mijn zus katarzyna wozniak komt ook", ["katarzyna wozniak"]),  # unknown lowercase surname
    ("ik ben anouk van der meer en ik zoek hulp", ["anouk van der meer"]),
    ("ik heb sanne wijngaarde, de buurvrouw, gesproken", ["sanne wijngaarde"]),
    (
        "mijn naam is trijntje de boer uit Joure",
        ["trijntje de boer"],
    ),  # a month word opening a two-word name
]
LOOKUP = [
    # a surname that is a function word, after a title and its interfix
    ("geachte meneer van der Meer, hierbij ons nieuwe nummer", ["van der Meer"]),
    # a surname that ends like a street stays a name after a title
    ("mevrouw Overweg belde gisteren", ["Overweg"]),
    ("Ik heb Fatima gisteren gebeld.", ["Fatima"]),
    ("ik heb fatima gisteren gebeld", ["fatima"]),
    ("Ik ben gisteren bij Jan geweest.", ["Jan"]),
    ("Ik heb met Jan de Vries en Ahmed Yilmaz gesproken.", ["Jan de Vries", "Ahmed Yilmaz"]),
    ("ik heb het aan J. Jansen gevraagd", ["J. Jansen"]),
    ("Is Kevin er ook bij?", ["Kevin"]),
    ("Kunnen jullie Henk bellen?", ["Henk"]),
    ("De zoon van Ali heeft problemen", ["Ali"]),  # "van" is a preposition here
    ("Mvg, Ingrid Smit", ["Ingrid Smit"]),
    ("Ik heb contact met mijn consulent, mevrouw Kaya", ["Kaya"]),
    # initials before a surname, also in lowercase
    ("mijn contactpersoon is j. de wit van het wijkteam", ["j. de wit"]),
    ("b. van der meer is mijn naam, ik heb een vraag", ["b. van der meer"]),
    ("overmaken tnv m. el khattabi graag", ["m. el khattabi"]),
    ("ik heb het aan a. jansen gevraagd", ["a. jansen"]),
    ("mijn buurman Dhr. Pietersen valt regelmatig", ["Pietersen"]),
    ("ik ben Piet van der Laan 45 jaar oud", ["Piet van der Laan"]),  # an age, not a house number
    ("ik sprak Mw. Oosterhuis van het WIJ-team", ["Oosterhuis"]),  # not her organisation
    ("mevrouw van de Berg belde terug", ["van de Berg"]),
    # a full name opening a message, where a capital alone proves nothing
    ("Jan de Vries", ["Jan de Vries"]),
    ("Van: Roos Visser\nOnderwerp: mijn aanvraag", ["Roos Visser"]),
]
# Round of dev corpus 4: lowercase names that are also words, unknown names after family words,
# titles before lowercase surnames that are words, names joined by "en", signatures with initials.
LOWERCASE_NAMES = [
    ("ik zit hier met koen, hij is mijn maatje van de schuldhulp", ["koen"]),
    ("ik ben met koen getrouwd, moeten we allebei tekenen?", ["koen"]),
    ("ik woon samen met roos en haar zoontje", ["roos"]),
    ("ik ga met merel naar het inloopspreekuur", ["merel"]),
    ("ik heb met iris van het buurtteam gesproken", ["iris"]),
    ("mijn vrouw abena spreekt nog geen nederlands", ["abena"]),
    ("mijn vrouw, abena, heeft een verblijfsvergunning", ["abena"]),
    ("senait hier, ik heb een vraag over mijn toeslag", ["senait"]),
    ("de kinderen sem en tess zijn bij hun vader", ["sem", "tess"]),
    ("mijn kinderen zijn liam, zoë en adam", ["liam", "zoë", "adam"]),
    ("de wijkverpleegkundige ans zegt dat ik een rolstoel nodig heb", ["ans"]),
    ("mijn dochter (evi) zit op de opvang", ["evi"]),
    ("naam roos", ["roos"]),
    ("meneer de graaf van het wijkteam heeft niet teruggebeld", ["de graaf"]),
    ("mijn consulent is mevrouw de boer", ["de boer"]),
    ("mijn huisbaas heet de ruiter en doet niks aan de schimmel", ["de ruiter"]),
    ("de verhuurder, dhr. van 't veld, wil me eruit zetten", ["van 't veld"]),
    ("de huisarts, dokter bakker, heeft een verwijzing geschreven", ["bakker"]),
    ("mvg, r. bakker", ["r. bakker"]),
    ("bij dokter el haddouchi op de praktijk is het druk", ["el haddouchi"]),
    ("merel zegt dat ik hier moet vragen", ["merel"]),  # a rare word opening as the subject
    ("roos en bas zijn mijn kinderen", ["roos", "bas"]),
    ("mijn vrouw abena... sorry, abena is mijn vrouw", ["abena", "abena"]),  # named again
    # a question opens with the verb, the subject is a name that is rarely a word
    ("kan jasmijn mijn aanvraag ook zien?", ["jasmijn"]),
    ("heeft bram al gebeld over de regeling?", ["bram"]),
    # said to be someone's counsellor
    ("krijg ik dan fleur weer als consulent?", ["fleur"]),
    # opening a sentence as the subject: capitalised rare words and unknown words
    ("Jan komt morgen.", ["Jan"]),
    ("Bas heeft mij beloofd dat het beslag stopt", ["Bas"]),
    ("Zbigniew werkt via een uitzendbureau", ["Zbigniew"]),
    ("Daan de Jong is 14 en zit op het vmbo", ["Daan de Jong"]),  # a full name as the subject
    ("Merel van Dijk heeft mij gisteren gebeld", ["Merel van Dijk"]),
    # a possessive 's or a glued genitive s, an apposition, a full name from no list
    ("lisa's school belt steeds", ["lisa"]),
    ("Daan's fiets is gestolen", ["Daan"]),
    ("ik heb de sleutel van Gert-Jan's huis", ["Gert-Jan"]),
    ("Ahmeds leraar zegt dat hij dyslexie heeft", ["Ahmed"]),
    ("kim, mijn maatje van humanitas, zei dat ik het moest vragen", ["kim"]),
    ("bij ons wonen Ionuț Popescu en zijn broer", ["Ionuț Popescu"]),
    # family and letter titles
    ("tante truus heeft ons 500 euro geleend", ["truus"]),
    ("oom Sjaak helpt me met de papieren", ["Sjaak"]),
    ("Geachte heer Visser, hierbij ontvangt u de beschikking", ["Visser"]),
    # round 12: a message signed with a first name after a comma, a dash or a line break;
    # an English word after a name and a comma is no second name ("Sara Haile, my phone")
    ("kunnen jullie de aanvraag voor de pas nog een keer sturen, thijs", ["thijs"]),
    ("de afspraak van dinsdag lukt niet - Merel", ["Merel"]),
    ("ik wacht nog steeds op de beschikking\nnoor", ["noor"]),
    ("I am Sara Haile, my phone number is not working", ["Sara Haile"]),
    # a request to the one asked names the person after "je/u" (round 12)
    ("Kunt u merel morgen even bellen over de aanvraag?", ["merel"]),
    ("kun je sem ook even laten weten dat het niet doorgaat", ["sem"]),
]
LOWERCASE_NEGATIVES = [
    # round 14: an abbreviation after a trigger is no name
    "Ik ben LVB zegt mijn begeleider. Wat betekent dat?",
    "ik ben ZZP en heb geen inkomen deze maand",
    # the Lord of Bible-belt writing (never_name_words.txt), though a surname after "de"
    "Zo de Heere wil komen wij deze winter rond, maar het is krap.",
    "mijn naam staat niet op het huurcontract",  # "mijn naam" before a verb
    "this is the second letter from the bailiff",
    "het abonnement staat op mijn naam Maar hij gebruikt het",  # in whose name, not who
    "mijn vrouw appt u wel als ze thuis is",  # a verb made of a loan word, with an object
    "mijn vrouw whatsappt u de foto's van de brief",
    "mijn zoon appt de school morgen",
    "een taart met roos erop",  # "met" + a name that is a word, then no person context
    "ik betaal met hoop op beter",  # a first name far more often a word
    "de kinderen hebben honger",
    "de consulent zegt dat ik moet wachten",
    "mijn kinderen wonen bij mij",
    "de juf van groep 3 zegt dat het goed gaat",
    "ik ben de mentor van hem",
    "mijn begeleider van de Cordaan komt morgen",
    "alles hier, klaar",
    "ik speel bas in een band, telt dat als inkomen?",
    "een merel in de tuin, verder alles stil",
    "hoop is er niet meer",  # a first name far more often a word, opening a sentence
    "rust is wat ik nodig heb",
    "kan hulp mijn aanvraag zien?",  # a word, not on the name list
    "is hoop er nog?",  # a first name far more often a word
    "heeft de consulent al gebeld?",
    "ik wil liever hulp als consulent",
    "Geldfit zegt dat ik moet bellen",  # a help organisation (keep term)
    "Toeslagen zijn weer verhoogd",  # a plain word opening the sentence
    "UWV heeft nog niet betaald",
    "Jumbo's bezorging is laat",
    "ik woon in 's-Hertogenbosch",
    "we gaan naar Albert Heijn en Kruidvat",
    "opa is ziek en oma krijgt thuiszorg",
    "volgens mij klopt dat niet",
    "Is het Jeugdfonds Sport open?",
    # a preposition after a role word: where the person is, or where the value came from
    "het nummer van de huisbaas uit de PDF klopt niet",
    "de consulent bij de WSW zei dat het mag",
    "mijn verhuurder op de Bult wil de huur verhogen",
    "mijn begeleider uit de wijk komt vrijdag langs",  # lowercase: a place, not "uit de Wijk"
    # round 12: a closing word after a comma is no signature
    "dat is toch niet eerlijk, hoor",
    "ik weet het niet meer, sorry",
    "zijn jullie morgen open, groningen?",
    "ik bel morgen wel terug, prima",
    "Kun je mij even terugbellen?",
    "Kunnen jullie daar nog naar kijken?",
]
NEGATIVES = [
    # a street named after someone, after the title
    "Is de fietstunnel onder het Mr. Visserplein weer open?",
    "Ik sta op het Dr. Schaepmanplein en zie de bus niet",
    "Ik ga naar de Bakker.",
    "Bakker is gesloten.",
    "Ik ben moe.",
    "Ik ben jong en gezond",
    "Ik ben Marokkaans",
    "Ik woon in Utrecht.",
    "Ik heb een brief van de Belastingdienst gekregen.",
    "Mijn moeder wil naar het wijkteam.",
    "<PERSOON_1> belde <PERSOON_2> gisteren",
    "Op maandag ga ik naar Albert Heijn.",
    "Ik heb contact gehad met Veilig Thuis.",
    "Bel 113 als het niet gaat.",
    "Moeder en Opa komen ook.",
    "Mijn buurvrouw heeft een hond.",
    "Kan ik de voedselbank bellen?",
    "Dit is goed.",
    "met wie spreek ik?",
    "Met mij gaat het goed.",
    "Ik ben in maart jarig.",
    "Ik ben maandag vrij.",
    "DigiD werkt niet",
    "Ik werk bij Eneco.",
    "Dank je wel!",
    "Met vriendelijke groet,",
    "Ik heb een afspraak met het CJG en de GGD",
    "De Kindertelefoon heeft me geholpen",
    "Ik heb een uitkering van het UWV en studiefinanciering van DUO",
    "Ik woon in Rotterdam-Zuid bij de Maas",
    "Mijn man is gisteren ontslagen",
    "Ik wil met Kerst naar mijn familie",
    "Mijn oma krijgt thuiszorg maar die komen te laat",  # kinship + a verb
    "U kunt me mailen op sanne.bakker82@hotmail.com",  # parts of an e-mail address
    "Stuur het naar Postbus 1234, 2500 AA Den Haag",
    "Ik werk bij de Gemeente Den Haag",
    "Ik heb een Hond en een Kat",  # capitalised nouns that are also surnames
    "ik zei gisteren Tien keer nee",
    "Niemand hier, alles is dicht",
    "Oma hier, hoe gaat het met jullie",
    "Wachttijd hier is lang",
    "Dat is mijn naam niet",
    "Utrecht hier, het regent",
    "ik ben hier al drie keer geweest",
    "ik wil 200 gr kaas",
    "ik stuur de groeten aan iedereen daar",
    "groetjes en tot morgen",
    "mijn kleindochter leest de brieven voor",  # "Leest" is a surname, "leest" a verb
    "mijn baas houdt geld in",
    "de juf van groep 3 zegt dat het goed gaat",
    "Lidl of de Dirk, maakt niet uit",
    "onze dochter wordt in Mei 12",
    "maatje gezocht voor wandelen",  # diminutive of "maat", also a first name
    "mijn kleindochter leest de brief voor en schrijft terug",
    "het staat o.a. de gemeente vrij om dat te doen",  # a dotted abbreviation
    "neem vitamine d. de dokter zegt het ook",
    "dank u. de brief kwam gisteren",
    "de kinderen wonen bij mijn ex op de Hoogstraat 5",  # an address after a trigger
    "woonachtig te Laan van Meerdervoort 1024, Den Haag",  # a street, not "Van der Laan"
    "stuur het maar naar Jan van Galenstraat 48 hs",  # a street named after a person
    "een meneer van de Kredietbank belde over mijn schuld",  # an organisation after a title
    "Prof. Dr. Dorgelolaan 5 is mijn adres",  # titles are never names
]

# Nationalities and languages that are surnames too (data/nationality_words.txt): words when they
# stand alone, part of a name when they follow one.
NATIONALITY_WORDS = [
    ("Ik spreek alleen Spaans en een beetje Engels, is er een tolk?", []),
    ("mijn man is Rus en heeft een Franse verblijfsvergunning", []),
    ("Heeft u dat formulier ook in het Hollands?", []),
    ("Kan mijn Poolse collega ook een uitkering aanvragen?", []),
    ("Ik heb vorige week Jan Franse van de woningbouw gesproken", ["Jan Franse"]),
    ("ik ben frans weijers, mijn uitkering is gestopt", ["frans weijers"]),  # a first name too
    ("ik ben frans en woon sinds kort in Venlo", []),
]


@pytest.mark.parametrize(("text", "expected"), NATIONALITY_WORDS)
def test_nationality_words_are_no_names_alone(analyzer, text, expected):
    assert_spans(analyzer, text, "PERSON", expected)


@pytest.mark.parametrize(("text", "expected"), TRIGGERS + LOOKUP + LOWERCASE_NAMES)
def test_person(analyzer, text, expected):
    assert_spans(analyzer, text, "PERSON", expected)


@pytest.mark.parametrize("text", NEGATIVES + LOWERCASE_NEGATIVES)
def test_not_a_person(analyzer, text):
    assert_spans(analyzer, text, "PERSON", [])


def test_name_lists_are_read_once(registry):
    """Constructing a second recognizer reuses the cached lists instead of re-reading them."""
    from redaction.recognizers import NlPersonRecognizer

    started = time.perf_counter()
    NlPersonRecognizer()
    assert time.perf_counter() - started < 1.0


# Pasted signatures, contact cards and forms: a name never takes the next line along (a job
# title, a field label, a street), and the words on that line stay readable.
LINE_BREAK_CASES = [
    ("Met vriendelijke groet,\n\nAnouk de Vries\nWoonconsulent\nM 06 - 52 31 88 40",
     ["Anouk", "Vries"], ["Woonconsulent"]),
    ("Naam:\tŁukasz Wiśniewski\nTel:\t+48 512 334 871", ["Łukasz", "Wiśniewski"], ["Tel:"]),
    ("Petra Mulder\nHR-adviseur\nTel. 010 4297 316", ["Petra", "Mulder"],
     ["HR-adviseur", "Tel."]),
    ("BEGIN:VCARD\nN:Hoekstra;Sjoerd\nFN:Sjoerd Hoekstra\nEND:VCARD", ["Sjoerd", "Hoekstra"],
     ["BEGIN:VCARD", "FN:", "END:VCARD"]),
    ("Mvg\nGiovanni Winklaar\nTweede Oosterparkstraat 88-1", ["Giovanni", "Winklaar", "88-1"],
     ["Mvg"]),
    ("Groet,\nHylke Zijlstra\nWurdumerdyk 27\n8915 BK Leeuwarden", ["Hylke", "Wurdumerdyk", "27"],
     ["Groet,", "Leeuwarden"]),
]


@pytest.mark.parametrize(("text", "secret", "kept"), LINE_BREAK_CASES)
def test_a_name_stops_at_a_line_break(redactor, text, secret, kept):
    redacted, findings = redactor.redact(text)
    assert not any("\n" in text[f.start:f.end] for f in findings), findings
    assert not [word for word in secret if word in redacted]
    assert [word for word in kept if word in redacted] == kept

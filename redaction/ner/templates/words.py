"""Fillers for the non-person slots: roles, organisations, places, dates, verbs, ...

Every one of them must survive redaction; many look like names (capitalised, or
right where a name could stand)."""

from __future__ import annotations

# Ordinary roles residents write with or without a capital; they are never PERSON.
RELATIONS: tuple[str, ...] = (
    "mijn moeder", "Mijn moeder", "mijn Moeder", "mijn vader", "Mijn Vader", "mijn opa", "Mijn Opa",
    "mijn oma", "Oma", "Opa", "mama", "Mama", "papa", "mijn zus", "mijn broer", "Mijn Broer",
    "de buurvrouw", "De Buurman", "mijn ex", "mijn schoonmoeder", "mijn begeleider", "Tante",
    "mijn tante", "de juf", "De Juf", "de meester", "mijn Bewindvoerder", "de Huisarts",
    "mijn vriendin", "Mijn man", "mijn vrouw", "mijn dochter", "Mijn zoon", "de Wijkagent",
)

ORGANISATIONS: tuple[str, ...] = (
    "Belastingdienst", "de Belastingdienst", "CJIB", "het CJIB", "UWV", "het UWV", "DUO", "DigiD",
    "SVB", "de SVB", "de Voedselbank", "Voedselbank", "het wijkteam", "Wijkteam", "Veilig Thuis",
    "de Kindertelefoon", "Kindertelefoon", "het CJG", "CJG", "het Wmo-loket", "Wmo-loket",
    "Schuldhulpmaatje", "Geldfit", "het Juridisch Loket", "Nibud", "Albert Heijn",
    "de Albert Heijn",
    "Jumbo", "Lidl", "Aldi", "Action", "Kruidvat", "Eneco", "Vattenfall", "Essent", "Vitens",
    "Ziggo", "KPN", "Odido", "Zilveren Kruis", "CZ", "VGZ", "Menzis", "ING", "de Rabobank",
    "ABN AMRO", "ASN Bank", "bunq", "Woonstad", "Ymere", "Portaal", "Stichting Leergeld",
    "de Raad voor de Kinderbescherming", "Jeugdzorg", "de GGD", "de GGZ", "Humanitas",
    "het Leger des Heils", "Kerk in Actie", "Sociaal Raadslieden", "MEE", "de Thuiszorg",
    "Buurtzorg", "PostNL", "NS", "RET", "GVB", "HTM", "Intrum", "Flanderijn", "Lowell", "Klarna",
    "Riverty", "Zalando", "bol.com", "Coolblue", "Wehkamp", "de Sociale Dienst", "IND", "COA",
    "VluchtelingenWerk", "Stichting Urgente Noden", "113 Zelfmoordpreventie", "Sensoor",
    "De Luisterlijn", "Alles Oké", "Rode Kruis", "het Rode Kruis", "Sport Fonds", "Jeugdfonds",
    "de Kredietbank", "Plangroep", "Gemeente", "de gemeente", "Stadsbank", "Zorgverzekeraar",
)

NEIGHBOURHOODS: tuple[str, ...] = (
    "Kanaleneiland", "Overvecht", "de Schilderswijk", "de Bijlmer", "Lombok", "Transvaal",
    "Feijenoord", "Charlois", "Osdorp", "Slotervaart", "Nieuw-West", "Hoograven", "Zuilen",
    "de Kolenkit", "Presikhaaf", "Malburgen", "Selwerd", "Vinkhuizen", "Tarwewijk", "Crooswijk",
    "de Indische Buurt", "Woensel-West", "Delfshaven", "Moerwijk", "Zuidoost", "de Hambaken",
    "Hatert", "Spangen", "Hoensbroek", "Angelslo",
)

NATIONALITIES: tuple[str, ...] = (
    "Nederlands", "Marokkaans", "Turks", "Pools", "Syrisch", "Eritrees", "Somalisch",
    "Surinaams", "Afghaans", "Oekraïens", "Arabisch", "Tigrinya", "Engels", "Koerdisch",
    "Berbers", "Farsi", "Papiaments", "Roemeens", "Bulgaars", "Vietnamees", "Chinees", "Frans",
)

CAPITALISED_WORDS: tuple[str, ...] = (
    "Huur", "Schulden", "Toeslagen", "Zorgverzekering", "Gemeente", "Huisarts", "School", "Werk",
    "Hulp", "Bank", "Moeder", "Opa", "Oma", "Vader", "Energie", "Stroom", "Boodschappen",
    "Bijstand", "Uitkering", "Kinderopvang", "Wasmachine", "Koelkast", "Telefoon", "Internet",
    "Eenzaamheid", "Stress", "Slapen", "Eten", "Kleding", "Schoolreis", "Deurwaarder", "Brieven",
    "Aanmaning", "Belasting", "Verhuizing", "Scheiding", "Rouw", "Angst", "Verslaving",
)

DAYS: tuple[str, ...] = (
    "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
    "Maandag", "Dinsdag", "Woensdag", "Donderdag", "Vrijdag", "Zaterdag", "Zondag",
    "maandagochtend", "vrijdagmiddag", "zondagavond", "morgen", "overmorgen",
)

MONTHS: tuple[str, ...] = (
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december", "Januari", "Maart", "Mei", "Juni", "Augustus",
    "September", "December",
)

PLACEHOLDER_PERSON: tuple[str, ...] = ("<PERSOON_1>", "<PERSOON_2>", "<PERSOON_3>")
PLACEHOLDER_OTHER: tuple[str, ...] = (
    "<TELEFOONNUMMER_1>", "<TELEFOONNUMMER_2>", "<EMAIL_1>", "<BSN_1>", "<IBAN_1>", "<ADRES_1>",
    "<POSTCODE_1>", "<DATUM_1>", "<DOSSIERNUMMER_1>", "<KENTEKEN_1>", "<URL_1>",
)

# Things residents talk about ("mijn pas", "de aanvraag").
OBJECTS: tuple[str, ...] = (
    "pas", "pinpas", "aanvraag", "brief", "formulier", "uitkering", "toeslag", "huur",
    "rekening", "post", "telefoon", "sleutel", "dossier", "bezwaar", "mail", "afspraak",
    "boodschappen", "fiets", "laptop", "paspoort", "DigiD", "schuld", "aanmaning", "huurcontract",
)

# Public service numbers: never personal, often right where a name could be ("bel met 113").
HELP_NUMBERS: tuple[str, ...] = (
    "112", "113", "0800-0113", "0800 0113", "0800-2000", "0800-0432", "0800-0543", "0900-8020",
    "14 020", "14 010", "0800-1351", "088 - 0220 222",
)

# Common finite verbs; the generator mixes them with rarer forms from the lemma table.
VERBS_PRESENT: tuple[str, ...] = (
    "belt", "reageert", "woont", "betaalt", "helpt", "komt", "gaat", "zegt", "wil", "kan", "moet",
    "werkt", "slaapt", "eet", "drinkt", "huilt", "schreeuwt", "antwoordt", "stuurt", "schrijft",
    "leest", "begrijpt", "snapt", "weet", "doet", "stopt", "blijft", "wacht", "luistert", "appt",
    "mailt", "zit", "staat", "ligt", "loopt", "rijdt", "geeft", "neemt", "krijgt", "vraagt",
    "zoekt", "vindt", "denkt", "hoopt", "opneemt", "terugbelt", "langskomt", "meedenkt",
)
VERBS_PAST: tuple[str, ...] = (
    "belde", "reageerde", "woonde", "betaalde", "hielp", "kwam", "ging", "zei", "wilde", "kon",
    "moest", "werkte", "sliep", "at", "huilde", "stuurde", "schreef", "wachtte", "stopte", "vroeg",
    "zocht", "vond", "dacht", "gaf", "nam", "kreeg", "antwoordde", "mailde", "appte", "loog",
)
PARTICIPLES: tuple[str, ...] = (
    "geweigerd", "gebeld", "gestuurd", "betaald", "gekregen", "gezien", "gesproken", "geholpen",
    "afgewezen", "goedgekeurd", "opgezegd", "gestopt", "gemaild", "geappt", "verloren", "gevonden",
    "ontvangen", "doorgestuurd", "geblokkeerd", "vergeten", "beloofd", "gevraagd", "verteld",
)
VERBS_PLURAL: tuple[str, ...] = (
    "mogen", "willen", "kunnen", "moeten", "gaan", "komen", "wonen", "hebben", "zijn", "slapen",
    "wachten", "zitten", "spelen", "eten", "krijgen", "betalen", "maken", "zoeken", "snappen",
    "vinden", "weten", "werken", "helpen", "bellen", "schreeuwen", "huilen", "sparen", "lenen",
)

ADJECTIVES: tuple[str, ...] = (
    "eenzaam", "ziek", "boos", "moe", "verdrietig", "bang", "depressief", "dement", "zwanger",
    "werkloos", "dakloos", "overleden", "ongerust", "in de war", "opgenomen", "verslaafd",
    "Ziek", "Eenzaam", "gescheiden", "blij", "Moe", "gestrest", "overspannen", "doof",
    "slechtziend",
    "dood", "alleen", "thuis", "weg", "kwijt", "op", "klaar", "ziek geworden", "jarig", "zat",
    # nationalities are adjectives too: "ik ben Marokkaans", "mijn man is Turks"
    "Marokkaans", "Turks", "Pools", "Syrisch", "Eritrees", "Somalisch", "Surinaams", "Afghaans",
    "Oekraïens", "Nederlands", "Antilliaans", "Koerdisch", "Iraans", "Irakees", "Ghanees",
)

ADVERBS: tuple[str, ...] = (
    "weer", "morgen", "nog", "ook", "gisteren", "vandaag", "niet", "nooit", "straks", "eindelijk",
    "vanavond", "altijd", "misschien", "nu", "snel", "zelf", "toch", "echt", "al",
)

ACRONYMS: tuple[str, ...] = (
    "ADHD", "ASS", "PDD-NOS", "PGB", "pgb", "WW", "AOW", "WIA", "MBO", "mbo", "HAVO", "havo",
    "VWO", "VMBO", "BSN", "IBAN", "AH", "GGZ", "WMO", "OV", "ZZP", "AZC", "BKR", "WSNP", "LVB",
    "NAH", "COPD", "PTSS", "ODD", "OCD", "BBL", "ROC", "UWV", "DUO",
)

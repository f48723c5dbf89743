import pytest

from tests.redaction.recognizers.helpers import assert_spans

CASES = [
    # a door in a split house or a block: a letter, a hyphen and a letter or a number
    ("ons adres is Schiedamseweg 40A-B, 3025 AD", ["Schiedamseweg 40A-B"]),
    ("we wonen op de Boezemsingel 7 C-12 sinds maart", ["Boezemsingel 7 C-12"]),
    ("de kachel op Heuvelstraat 61 A-B is kapot", ["Heuvelstraat 61 A-B"]),
    # an addition letter and a floor word, a lowercase title before the street, "huisnr"
    ("langskomen op Nieuwe Binnenweg 23A rood?", ["Nieuwe Binnenweg 23A rood"]),
    # the floor after the number and a space (round 12)
    ("mijn tante woont op de Rozengracht 17 3 hoog", ["Rozengracht 17 3 hoog"]),
    ("Adres: Kastanjelaan 8 1e verdieping, 5612 AB", ["Kastanjelaan 8 1e verdieping"]),
    ("wij wonen Breestraat 140 2-hoog boven de bakker", ["Breestraat 140 2-hoog"]),
    ("we wonen op de Dorpsstraat 10 twee hoog achter", ["Dorpsstraat 10 twee hoog"]),
    ("we wonen op de Dorpsstraat 10, 2 keer per jaar komt de glazenwasser", ["Dorpsstraat 10"]),
    # a houseboat's berth, a caravan's pitch, a boat moored opposite a number
    ("mijn woonboot ligt aan de Kanaalweg ligplaats 17 in Den Helder",
     ["Kanaalweg ligplaats 17"]),
    ("we wonen in een woonwagen, Kampweg standplaats 9, Emmen", ["Kampweg standplaats 9"]),
    ("de ligplaats van mijn schip is Houtkade ws 3, 8011 ZS", ["Houtkade ws 3"]),
    ("ik heb een ark aan de Stadsgracht t.o. 8 in Zwolle", ["Stadsgracht t.o. 8"]),
    ("er zijn nog 3 ligplaatsen vrij, ligplaats 4 is van mij", []),
    # a street without a suffix with the town after its number
    ("Schouw 34-12, Lelystad, daar woon ik al twintig jaar", ["Schouw 34-12"]),
    ("stuur het maar naar Parade 3 boven, Venlo", ["Parade 3 boven"]),
    ("Nieuw adres per 1 maart: Markt 3 boven, Gemert", ["Markt 3 boven"]),
    ("Lijn 5 in Amsterdam rijdt vandaag niet", []),
    # a room in a shared house: "k 2", "kamer 14"
    ("graag de pas opsturen naar p/a Hoefijzerlaan 9 k 2", ["Hoefijzerlaan 9 k 2"]),
    ("ik woon op de Dorpsstraat 9 kamer 14 sinds mei", ["Dorpsstraat 9 kamer 14"]),
    # a street is on one line: a sign-off and a name above it stay out
    ("Mvg\nGiovanni Winklaar\nTweede Oosterparkstraat 88-1\n1092 BL",
     ["Tweede Oosterparkstraat 88-1"]),
    ("burg. de withstraat 33-2 is mijn adres", ["burg. de withstraat 33-2"]),
    ("ik sta ingeschreven op dr. schaepmanstraat 11", ["dr. schaepmanstraat 11"]),
    ("ik woon aan de esdoornlaan huisnr 4, de huur is 890 euro", ["esdoornlaan huisnr 4"]),
    # two capitalised words joined by "en" after "op"/"aan"
    ("ik huur een kamer op Bosch en Duin 12, telt dat", ["Bosch en Duin 12"]),
    ("ik woon aan Hof en Weide 3", ["Hof en Weide 3"]),
    ("ik heb 3 kinderen en Tom en Fleur 12 jaar", []),
    ("ik heb op Jan en Piet 50 euro gewed", []),
    ("ik woon wilhelminastraat 66 b", ["wilhelminastraat 66 b"]),  # lowercase addition
    ("na de brand op Kerkweg 14 rood willen ze niet uitkeren", ["Kerkweg 14 rood"]),
    ("ik woon burg. van der Veldenlaan 9 en de stoep", ["burg. van der Veldenlaan 9"]),
    ("'s-Gravendijkwal 88, 3014 EE, kan de thuiszorg komen", ["'s-Gravendijkwal 88"]),
    ("Ik woon op de Kerkstraat 12 in Utrecht", ["Kerkstraat 12"]),
    ("adres: kerkstraat 12a", ["kerkstraat 12a"]),
    ("Mijn adres is Van der Helststraat 5-hs.", ["Van der Helststraat 5-hs"]),
    ("Burgemeester de Withstraat 103 B, 1234 AB Amsterdam", ["Burgemeester de Withstraat 103 B"]),
    ("We wonen aan de Oude Gracht 12bis", ["Oude Gracht 12bis"]),
    ("Lange Nieuwstraat 4 III is ons nieuwe huis", ["Lange Nieuwstraat 4 III"]),
    ("Mijn oma woont aan de Laan van Meerdervoort 120", ["Laan van Meerdervoort 120"]),
    ("Mijn moeder woont op de Stationsweg 25-1 in Ede", ["Stationsweg 25-1"]),
    ("De Ruyterstraat 3 is mijn oude adres", ["De Ruyterstraat 3"]),
    ("hij woont in de dorpsstraat 7", ["dorpsstraat 7"]),
    ("Ik woon op Rokin 12", ["Rokin 12"]),  # from the deduce street list, no suffix
    ("Kerkstraat 12, Molenweg 3 hs", ["Kerkstraat 12", "Molenweg 3 hs"]),
    # particles and listed multi-word streets in any case
    ("ons adres is van Limburg Stirumstraat 12-2", ["van Limburg Stirumstraat 12-2"]),
    ("mijn moeder woont op van Ostadestraat 30", ["van Ostadestraat 30"]),
    ("we wonen op de ruyterweg 12", ["de ruyterweg 12"]),
    ("ik woon op pastoor van arsstraat 22a", ["pastoor van arsstraat 22a"]),
    ("adres: Laan van Nieuw Oost-Indië 12 B, 2593 BS Den Haag", ["Laan van Nieuw Oost-Indië 12 B"]),
    ("wij wonen op de Akkerwinde 14 in Capelle", ["Akkerwinde 14"]),
    ("Piet de Boer, Dorpsweg 8, 1234 AB Ergens", ["Dorpsweg 8"]),
    ("stuur het naar Akkerwinde 3, 2903 xk", ["Akkerwinde 3"]),
    ("ik verhuis van Kerkstraat 5 naar de Molenweg 8", ["Kerkstraat 5", "Molenweg 8"]),  # "van"
    # "u" is the pronoun after a house number, not "uur"
    ("mijn adres is Kerkstraat 5 u weet wel naast de bakker", ["Kerkstraat 5"]),
    ("ik woon op de Ruyterkade 9 u kent het wel", ["de Ruyterkade 9"]),  # "de" + a surname
    ("het adres is de Clercqstraat 41", ["de Clercqstraat 41"]),
    ("ik woon op de Kerkstraat 12", ["Kerkstraat 12"]),  # "de" + a word stays out
    ("we wonen op de Julianastraat 3", ["Julianastraat 3"]),  # "de" + a first name stays out
    # "nr" between street and number, abbreviated suffixes, ordinals, the old article
    ("woon op de Dorpsstraat nr 5 in Kampen", ["Dorpsstraat nr 5"]),
    ("Plein 1944 nr. 12, dat is mijn adres in Nijmegen", ["Plein 1944 nr. 12"]),
    ("ik woon op Julianastr. 8, kan de wijkagent komen", ["Julianastr. 8"]),
    ("mijn oma woont op dorpsstr 12 in Borne", ["dorpsstr 12"]),
    ("wij wonen in een flat op Rembrandtln 42", ["Rembrandtln 42"]),
    ("ik woon op 2e Oosterparkstraat 140-2 en", ["2e Oosterparkstraat 140-2"]),
    ("ik woon op 1e Jan Steenstraat 33-3", ["1e Jan Steenstraat 33-3"]),
    ("we zijn verhuisd naar 't Hoogt 12 in Utrecht", ["'t Hoogt 12"]),
    ("ik woon op zuiderdiep 104a en de verwarming is kapot", ["zuiderdiep 104a"]),  # listed
    # more house-number additions
    ("ik ben ingeschreven op Rozengracht 12-1hg maar", ["Rozengracht 12-1hg"]),
    ("mijn tante woont op Mercatorplein 9-3hoog, bel maar aan", ["Mercatorplein 9-3hoog"]),
    ("ons adres is Vaillantlaan 310 B04, de lift is stuk", ["Vaillantlaan 310 B04"]),
    # Caribbean streets start with "Kaya" / "Kaminda" instead of ending in "straat"
    ("ik woon nog op Kaya Korona 17 in Willemstad", ["Kaya Korona 17"]),
    ("mijn oude adres was Kaminda Lagun 8, Curaçao", ["Kaminda Lagun 8"]),
    ("ze noemen hem Kaya en hij is 12 jaar", []),
    ("ik heb een kamer op Oudegracht 166 bis a", ["Oudegracht 166 bis a"]),
    ("Emmalaan 8 ii, dat is de tweede verdieping", ["Emmalaan 8 ii"]),
    ("ik woon aan Wittevrouwensingel 3 zw", ["Wittevrouwensingel 3 zw"]),
    ("ik woon op Schoolstraat 1 rd en mijn buren", ["Schoolstraat 1 rd"]),
    ("Kerkstraat 12 bis en Molenweg 3", ["Kerkstraat 12 bis", "Molenweg 3"]),
    ("De VvE van Prins Hendrikkade 108-110 stuurt een rekening", ["Prins Hendrikkade 108-110"]),
    ("ik woon op kerkstraat12 in Ede", ["kerkstraat12"]),  # no space before the number
    ("ik woon op mgr. Nolensplein 3", ["mgr. Nolensplein 3"]),
    ("Prof. Dr. Dorgelolaan 5 is mijn adres", ["Prof. Dr. Dorgelolaan 5"]),
    ("mijn adres is Kerkstraat 12/3 in Zwolle", ["Kerkstraat 12/3"]),
    ("de brief ging naar Kerkstraat 12a-2", ["Kerkstraat 12a-2"]),
    ("Kerkstraat 12 t/m 14 is van de corporatie", ["Kerkstraat 12"]),
    ("ik woon aan het Spui 12", ["Spui 12"]),  # a listed street that is also a place
    ("Oosteinde 12, 7701 BC Ergens", ["Oosteinde 12"]),  # a place-street with its postcode
    ("Adres Kerkstraat 12 3511 AB Utrecht", ["Kerkstraat 12"]),  # "Adres" is no street word
    # not addresses
    ("ik kocht een Akkerwinde 9 dagen geleden", []),
    ("Ik heb Appel 3 keer gegeten", []),
    ("de Molen 3 keer bezocht", []),
    ("Ik ben onderweg 10 min", []),
    ("Ik woon al 12 jaar in Amsterdam", []),
    # round 14: people counted by where they come from after a number
    ("Er wonen in ons huis in Bloemhof 14 Bulgaren en de eigenaar int contant.", []),
    ("aan de Hoefkade wonen nu 12 Marokkanen in één huis", []),
    ("op de Hoefkade 12 Marokkanen in één huis, mag dat?", []),
    ("ik woon op Kerkstraat 14 met mijn Poolse vriend", ["Kerkstraat 14"]),
    ("Ik heb 3 kinderen en 2 katten", []),
    ("Ingang 2 is dicht", []),
    ("Ik heb 3 dingen gekocht bij Jumbo", []),
    ("Ik moet € 1.250,00 betalen aan de Belastingdienst", []),
    ("Op maandag 12 maart heb ik een afspraak", []),
    ("Mijn postcode is 1234 AB", []),
    ("Bel me op 06 123 456 78", []),
    ("ik wacht al sinds 9 u op de bus", []),
    ("ik woon op nummer 14, de straat zeg ik liever niet", []),
    ("mijn klantnummer 12345 is weg", []),
    ("de 2e keer 12 euro betaald", []),
    ("ik woon in de Schilderswijk", []),
    ("ik zoek de straat nr 5 niet meer op", []),
    ("ik zoek zuiderdiep 3 keer per week op", []),  # a listed street without "woon/adres"
    ("ik heb covid19 gehad en de straat 3 keer", []),
    ("ik ga naar Utrecht 12, 3511 AB", []),  # a town with a number is not a street
    ("op 12/3 heb ik een afspraak", []),
    # a berth number for a houseboat or caravan ("woonschip")
    ("ik woon op de Kampstraat 7 ws 4", ["Kampstraat 7 ws 4"]),
    ("Kerkstraat 5 was fijn, nu woon ik in Zeist", ["Kerkstraat 5"]),
    # a street without a suffix, where the sentence says someone lives there
    ("ik ben de hele dag thuis op de Tichelbeek 3 in Heerlen", ["Tichelbeek 3"]),
    ("zijn oude huis op de Singel 58 in Bolsward wordt verkocht", ["Singel 58"]),
    ("ik woon bij hen op het Veldje 2a in Roermond", ["Veldje 2a"]),
    ("oma woont nog altijd op Brink 12 B in Deventer", ["Brink 12 B"]),  # words before "op"
    ("wij wonen sinds de zomer aan de Haven 3", ["Haven 3"]),
    ("ik woon al op de Camping 12 jaar", []),
    ("ik woon in Gouda. Op de Markt 3 kramen", []),  # the living is another sentence
    ("thuis op de Bank 2 uur geslapen", []),
    # English: the number before the street, a flat or floor beside it
    ("I live at flat 3, 12 Kerkstraat, 2311 GK Leiden", ["flat 3, 12 Kerkstraat"]),
    ("My address is Kerkstraat 12, 2nd floor, 1017 GB Amsterdam", ["Kerkstraat 12, 2nd floor"]),
    ("new address: 45B Oudegracht, Utrecht", ["45B Oudegracht"]),
    ("the noise comes from 23 Hoofdweg", ["23 Hoofdweg"]),
    ("address: Rijnlaan 210, apt 14, 3522 BT Utrecht", ["Rijnlaan 210, apt 14"]),
    ("at Laan van Nieuw Oost-Indië 133, room 412", ["Laan van Nieuw Oost-Indië 133, room 412"]),
    ("Liam Fitzgerald, 12 Nieuwe Haven, 2801 CW Gouda", ["12 Nieuwe Haven"]),
    ("I have 3 Kids and 2 Bedrooms", []),
    # a street without a suffix, a few words after "live" (blind_corpus_31)
    ("Hi, I live in Lelystad at Botter 14-07. My landlord says I have to leave", ["Botter 14-07"]),
    ("I lived in Syria at Homs 3 years ago", []),
    ("the meeting is in room 12 of the town hall", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_address(analyzer, text, expected):
    assert_spans(analyzer, text, "NL_ADDRESS", expected)

import pytest

from tests.redaction.recognizers.helpers import assert_spans

CASES = [
    # a platform's bare home page is the platform; any path on it may be a profile
    ("ik zet de foto's op X.com of instagram.com, wat is beter?", []),
    ("Verkocht via https://www.marktplaats.nl/ maar nooit betaald", []),
    ("zijn account is x.com/kees_1980 en jan.tiktok.com", ["x.com/kees_1980", "jan.tiktok.com"]),
    (
        "Dit is mijn profiel: https://www.facebook.com/jan.jansen.123",
        ["https://www.facebook.com/jan.jansen.123"],
    ),
    ("linkedin.com/in/fatima-el-amrani", ["linkedin.com/in/fatima-el-amrani"]),
    ("Kijk op janjansenloodgieter.nl voor mijn werk", ["janjansenloodgieter.nl"]),
    ("mijn site is www.sannebakker.nl.", ["www.sannebakker.nl"]),
    ("stuur me een app via wa.me/31612345678", ["wa.me/31612345678"]),
    (
        "de foto's staan op https://photos.app.goo.gl/AbCdEf123",
        ["https://photos.app.goo.gl/AbCdEf123"],
    ),
    # a public site with a query string can carry personal data
    (
        "https://www.toeslagen.nl/inloggen?bsn=123456782",
        ["https://www.toeslagen.nl/inloggen?bsn=123456782"],
    ),
    # public help and government sites survive
    # a public site with a personal path: a number or an @handle in it
    ("mijn cv staat op https://www.werk.nl/cv/a-boukhari-2024",
     ["https://www.werk.nl/cv/a-boukhari-2024"]),
    # link pages and payment links on TLDs that need a path
    ("linktr.ee/djrayan010 is van mijn zoon", ["linktr.ee/djrayan010"]),
    ("hij stuurde tikkie.me/pay/Gemeente/9fK2mPq8 is dat echt",
     ["tikkie.me/pay/Gemeente/9fK2mPq8"]),
    ("m'n dochter heeft tiktok.com/@dilara.k_ en krijgt nare berichten",
     ["tiktok.com/@dilara.k_"]),
    ("Chat met 113 via www.113.nl", []),
    ("Kijk op https://www.toeslagen.nl/huurtoeslag", []),
    ("rijksoverheid.nl heeft een rekenhulp", []),
    ("Het staat op www.voorbeeldstad.nl/wijkteam", []),
    ("op rijksoverheid.nl/onderwerpen/schulden staat het ook", []),
    # round 14: a site named after a town or municipality, or after a listed help organisation
    ("Ik heb de link geopend maar die gaat naar een vreemde site. Is www.denhaag.nl de goede?", []),
    ("ik heb het formulier gedownload van www.amsterdam.nl/stadspas maar snap het niet", []),
    ("Via www.schuldhulpmaatje.nl vond ik niks in mijn gemeente", []),
    ("staat het op gemeente-ede.nl of op ede.nl?", []),
    ("mijn aanvraag staat op www.denhaag.nl/mijn/zaak/48213",
     ["www.denhaag.nl/mijn/zaak/48213"]),  # a number in the path: a personal page
    ("de site is www.denhaagsebakker.nl", ["www.denhaagsebakker.nl"]),
    # not URLs
    ("jan.jansen@gmail.com is mijn mail", []),
    ("Dat is goed.De brief kwam gisteren", []),
    ("ik heb het bestand brief.pdf gestuurd", []),
    ("Ik moet € 1.250,00 betalen", []),
    ("Het gaat goed.Ik/jij snappen het niet", []),
    ("ik reed 50 km/u in de wijk", []),
    # a handle named before its platform ("X op insta"): a digit, dot or underscore, a letter
    ("Ik ben Romy, romy_vd_berg03 op insta als je wil reageren", ["romy_vd_berg03"]),
    ("stuur maar een dm naar kees.010 via snapchat", ["kees.010"]),
    ("de wedstrijd om 14.30 op tiktok live", []),
    ("groep 7b via facebook", []),
    # a handle right after its platform with only a space: a digit, dot or underscore, a letter
    ("ik ben 15 en wil weg van huis. tiktok noor.vdlinden_", ["noor.vdlinden_"]),
    ("Insta dewi.kr08 als je me wil bereiken", ["dewi.kr08"]),
    ("mijn zus zit op snapchat bas_2011 en wordt gepest", ["bas_2011"]),
    ("ik zit 3 uur per dag op insta 2x zoveel als mijn vrienden", []),
    ("op youtube 1.5 uur filmpjes kijken helpt me slapen", []),
    ("ik snap niet.Mijn broer ook niet", []),  # "snap" the verb, a full stop without a space
    ("mn snap is leeg.", []),  # a full stop after the word is no dot inside a handle
    # the platform a few words before, a digit and a dot or underscore in the word (issue 14)
    ("kan je me op snap berichten? sera.yldz07", ["sera.yldz07"]),
    ("volg me op insta, ik heet daar noor_xo2009", ["noor_xo2009"]),
    # no platform word before it: a version or a file name stays
    ("de app versie is v1.2 en bestand scan_2023.pdf", []),
    ("insta werkt niet sinds update 3.1.2", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_url(analyzer, text, expected):
    assert_spans(analyzer, text, "URL", expected)

"""Name and place pools for the synthetic NER data.

Residents of a Dutch municipality carry names from many origins, and they type them carelessly.
The pools mix deduce's Dutch first-name and surname lists (read from the installed package at run
time, never copied into this repository), Faker locales, and short hand-written lists for origins
that neither covers well in Latin script (Frisian, Moroccan, common Turkish, Syrian, Eritrean,
Somali, Afghan, Surinamese, Vietnamese, Ghanaian). Everything that doubles as an ordinary Dutch
word, a larger place, a weekday or a month is removed, so the model is never taught that "Bank"
or "Juni" is a person.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import random
import unicodedata
import zlib
from dataclasses import dataclass, field
from pathlib import Path

# Hand-written pools for origins that deduce and Faker do not cover in Latin script.
# (first names, surnames); surnames may carry their own particle ("El Amrani", "Ait Taleb").
HAND_POOLS: dict[str, tuple[list[str], list[str]]] = {
    "frisian": (
        "Sjoerd Wietse Hylke Jelle Durk Auke Tjeerd Sietse Wybren Jildert Gerben Jouke Hidde "
        "Tjitske Baukje Sytske Gerbrich Jildou Rixt Wietske Froukje Trijntje Aukje Hiltsje Sjoukje "
        "Ytsje Minke Marrit Jetske".split(),
        "Hoekstra Dijkstra Zijlstra Terpstra Hiemstra Postma Wijnsma Bosma Sijtsma Wiersma "
        "Hellinga Wassenaar Kuipers Faber Visser Tuinstra Boersma Feenstra Jongsma Kooistra "
        "Rinsma Haagsma Hofstra Algra Westra Sikkema Bouma Tolsma Osinga Rienstra".split(),
    ),
    "moroccan": (
        "Mohamed Mohammed Ahmed Youssef Soufiane Bilal Hamza Nordin Said Rachid Mustafa Zakaria "
        "Ayoub Anouar Khalid Abdelkader Othman Ilias Adam Mehdi Ismail Redouan Younes Hicham "
        "Fatima Khadija Naima Karima Samira Ilham Imane Hafsa Meryem Salma Nadia Loubna Hanane "
        "Nora Malika Siham Yasmina Zineb Aicha Houda Souad Latifa Sanae Chaima Dounia".split(),
        "El Amrani|El Idrissi|Bouzid|Benali|Ouali|Amrani|Azzouzi|El Khatib|Boukhari|Aarab|"
        "Ait Taleb|Haddouchi|Tahiri|Chaouch|Ziani|Bakkali|El Hamdaoui|Belhaj|Ben Haddou|"
        "El Ouardi|Boulahrouz|Azzaoui|Lamrani|El Makhloufi|Ouahabi|Akrouh|Bouchtaoui|"
        "Abbou|Asbai|El Moussaoui|Mokhtari|Bennani|Chakir|Ezzahri|Boutaleb|Khattabi".split("|"),
    ),
    "turkish": (
        "Mehmet Ahmet Mustafa Ali Hüseyin Hasan İbrahim Emre Murat Yusuf Burak Kerem Serkan Ömer "
        "Osman Kemal Orhan Cem Berk Furkan Fatma Ayşe Emine Hatice Zeynep Elif Merve Büşra Esra "
        "Özlem Aylin Derya Gül Sevgi Songül Dilek Hülya Tuğba Ebru Sibel Nurcan Yasemin".split(),
        "Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç "
        "Aslan Çetin Kara Koç Kurt Özkan Şimşek Polat Korkmaz Erdoğan Güneş Akın Bulut Tekin "
        "Ünal Karaca Coşkun".split(),
    ),
    "arabic": (
        "Ahmad Mohammad Omar Khaled Tarek Rami Hasan Alaa Fadi Bassel Samer Wael Majd Yazan "
        "Mahmoud Ibrahim Anas Nour Rama Lana Yara Hiba Ghada Rasha Dima Rania Reem Lina Joud "
        "Maya Sidra Bayan Aya Nisreen Huda Amal Lama".split(),
        "Al-Hassan|Al Khatib|Haddad|Najjar|Shami|Darwish|Hamdan|Kassem|Suleiman|Mansour|"
        "Ibrahim|Othman|al-Ahmad|Al-Ali|Khalil|Sabbagh|Hamoud|Al Masri|Zaher|Hijazi|Saleh|"
        "Abboud|Jaber|Kurdi|Al-Sayed|Nassar|Qasem|Taha|Yousef|Halabi".split("|"),
    ),
    "eritrean": (
        "Tesfay Yonas Filmon Habtom Awet Yohannes Dawit Biniam Samuel Mussie Kibrom Efrem Aron "
        "Semhar Senait Mehret Luwam Selam Aster Freweini Haben Helen Saba Yordanos Rahwa Elsa "
        "Ruta Meron Winta".split(),
        "Tesfamariam Kidane Ghebremedhin Mebrahtu Berhane Tekle Habte Gebreyesus Woldemichael "
        "Tesfay Haile Asmelash Ghirmay Andemariam Zerai Negash Okbazghi Weldu Goitom Abraha "
        "Fesshaye Tewelde Yemane Kahsay".split(),
    ),
    "somali": (
        "Abdi Abdullahi Mohamud Farah Hassan Ahmed Liban Guled Abdirahman Mahad Ayaan Hodan "
        "Faadumo Sahra Ilhan Hibo Nasra Filsan Deeqa Sagal Ubah Khadra".split(),
        "Warsame Muse Jama Abdi Hersi Osman Farah Yusuf Nur Egal Ali Aden Hussein Gedi Omar "
        "Mohamud Dirie Samatar".split(),
    ),
    "afghan": (
        "Farid Ahmad Shah Wahid Nawid Jawad Sohail Zabih Hamid Mustafa Rahim Zahra Mariam "
        "Fereshta Parwana Nilofar Soraya Shabnam Mursal Zarghuna Laila Freshta".split(),
        "Wahidi Popal Karimi Hashimi Rahimi Sultani Amiri Noori Ahmadzai Safi Haidari Jalali "
        "Mohammadi Rezaie Hussaini Sadat Stanekzai Nazari".split(),
    ),
    "surinamese": (
        "Ravi Anjali Shanti Sunil Rakesh Priya Devika Soenita Radj Kiran Navin Vikash Shivani "
        "Reshma Winston Marlon Glenn Romano Shurwin Naomi Sharon Jerrel Quincy Kenneth Clarence "
        "Germaine Ruthmilda Ewald Lucretia Roy Dewi Soekarni Wagiman Sarmi".split(),
        "Ramdin|Ramsaran|Jagesar|Mahabier|Ramdjan|Soekhoe|Kalloe|Bhoelai|Chotoe|Sardjoe|"
        "Karsodikromo|Soerodimedjo|Wongsodikromo|Kromodimedjo|Pinas|Nelom|Fraser|Aroma|"
        "Doelwijt|Sedney|Plet|Pengel|Vanenburg|Amatmoekrim|Monsels|Tjon A Fong|Lie A Ling|"
        "Biharie|Ramautar|Jhinkoe|Sitaldin|Kanhai|Bisoendial|Tjin-A-Tsoi|Haakmat|Kolf".split("|"),
    ),
    "vietnamese": (
        ["Lan", "Minh", "Thanh", "Hoa", "Linh", "Tuan", "Huong", "Duc", "Anh", "Mai", "Phuong",
         "Quang", "Trang", "Hung", "Thu", "Binh", "Hai", "Ngoc", "Thao", "Long", "Khanh",
         "Thi Lan", "Thi Mai", "Van Minh", "Duc Anh", "Ngoc Anh", "Thi Hoa"],
        "Nguyen Tran Le Pham Hoang Vu Dang Bui Do Ngo Duong Ly Vo Truong Phan Huynh Dinh Trinh "
        "Nguyễn Trần Phạm Hoàng Đặng".split(),
    ),
    "ghanaian": (
        "Kwame Kofi Kwabena Yaw Kwaku Akosua Ama Abena Adwoa Efua Ekow Afia Nana Kojo Esi".split(),
        "Mensah Owusu Boateng Asante Appiah Osei Agyeman Amponsah Opoku Darko Ofori".split(),
    ),
}

# Faker locales and how often their romanised names are wanted; Cyrillic is transliterated.
FAKER_LOCALES: tuple[str, ...] = (
    "nl_NL", "tr_TR", "pl_PL", "uk_UA", "ru_RU", "ro_RO", "bg_BG", "fr_FR", "en_GB", "de_DE",
    "es_ES", "pt_BR", "it_IT", "id_ID", "yo_NG", "zh_CN", "vi_VN",
)

# How often each origin is drawn for a person (rough share of residents who chat).
ORIGIN_WEIGHTS: dict[str, float] = {
    "dutch": 40, "nl_NL": 6, "frisian": 4, "moroccan": 10, "turkish": 5, "tr_TR": 4,
    "surinamese": 6, "pl_PL": 4, "arabic": 5, "eritrean": 3, "somali": 2, "afghan": 2,
    "vietnamese": 2, "zh_CN": 1.5, "uk_UA": 2.5, "ru_RU": 0.5, "ro_RO": 1, "bg_BG": 1,
    "ghanaian": 1, "yo_NG": 0.5, "fr_FR": 1, "en_GB": 1.5, "de_DE": 1, "es_ES": 1, "pt_BR": 1,
    "it_IT": 0.5, "id_ID": 0.5,
}

CYRILLIC: dict[str, str] = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "є": "je", "ж": "zj",
    "з": "z", "и": "i", "і": "i", "ї": "ji", "й": "j", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "oe", "ф": "f", "х": "ch", "ц": "ts",
    "ч": "tsj", "ш": "sj", "щ": "sjtsj", "ь": "", "ю": "joe", "я": "ja", "ы": "y", "э": "e",
    "ё": "jo", "ъ": "",
}
# Ukrainian spells some letters differently from Russian and Bulgarian (Olha, Serhij, Vitalij).
CYRILLIC_UK: dict[str, str] = {**CYRILLIC, "г": "h", "и": "y"}

# Words residents write that must never become PERSON even though a name list contains them.
NEVER_NAMES: frozenset[str] = frozenset(
    """maandag dinsdag woensdag donderdag vrijdag zaterdag zondag januari februari maart april mei
    juni juli augustus september oktober november december opa oma moeder vader mama papa zoon
    dochter broer zus tante oom neef nicht buurvrouw buurman bank huis school werk zorg geld hulp
    gemeente juf meester dokter baas god allah heer mevrouw meneer kerst pasen ramadan sinterklaas
    zwarte wijk loket hoop mens kind baby schuld huur post ben
    heijn jumbo lidl aldi action eneco essent ziggo kpn duo uwv cjib svb ing
    rabo utrecht amsterdam rotterdam den haag""".split()
)

# Very common surnames (and a first name or two) that are also Dutch words; kept despite the
# common-word filter because residents meet them all the time ("mevrouw Bos", "Piet").
ALWAYS_NAMES: frozenset[str] = frozenset(
    """Bos Vos Kok Prins Koning Visser Roos Piet Smit Mulder Bakker Kramer Kuiper Blom Dekker
    Brouwer Schouten Koster Wolf Boon Dam Hoek Schipper Timmerman Veenstra Molenaar""".split()
)


def deduce_lookup_dir() -> Path:
    """Where the installed deduce package keeps its source name and place lists."""
    spec = importlib.util.find_spec("deduce")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("deduce is not installed; it provides the Dutch name lists")
    root = Path(next(iter(spec.submodule_search_locations))) / "data" / "lookup" / "src"
    if not root.is_dir():
        raise RuntimeError(f"deduce lookup lists not found under {root}")
    return root


def _read_list(path: Path) -> list[str]:
    if not path.exists():
        return []
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _list_minus_exceptions(folder: Path) -> list[str]:
    exceptions = set(_read_list(folder / "exceptions.txt"))
    return [item for item in _read_list(folder / "items.txt") if item not in exceptions]


def strip_accents(text: str) -> str:
    """How many residents type foreign names on a Dutch keyboard: without diacritics."""
    text = text.replace("ı", "i").replace("İ", "I").replace("ł", "l").replace("Ł", "L")
    text = text.replace("ø", "o").replace("Ø", "O").replace("ß", "ss").replace("đ", "d")
    text = text.replace("Đ", "D")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def transliterate(text: str, ukrainian: bool = False) -> str:
    """Cyrillic to a Dutch-style Latin spelling (Oleksandr, Joelija) so names stay plausible."""
    table = CYRILLIC_UK if ukrainian else CYRILLIC
    out = []
    for ch in text:
        low = ch.lower()
        if low in table:
            latin = table[low]
            out.append(latin.capitalize() if ch != low else latin)
        elif ch in "ʼ'’":
            continue
        else:
            out.append(ch)
    return "".join(out)


def _tidy_place(name: str) -> str:
    """deduce title-cases every word ("Alphen Aan Den Rijn"); residents write it properly."""
    small = {"aan", "den", "en", "op", "van", "de", "het", "der", "in", "bij", "over", "onder"}
    words = name.split(" ")
    tidy = [words[0]] + [w.lower() if w.lower() in small else w for w in words[1:]]
    return " ".join(tidy).replace("'S-", "'s-").replace("'T ", "'t ")


def _is_dev(name: str) -> bool:
    """One name in twenty from the big lists is kept out of training: dev measures unseen names."""
    return zlib.crc32(name.lower().encode("utf-8")) % 20 == 0


@dataclass
class NamePools:
    """First names and surnames per origin, plus Dutch interfixes and place names."""

    firsts: dict[str, list[str]] = field(default_factory=dict)
    surnames: dict[str, list[str]] = field(default_factory=dict)
    interfixes: list[str] = field(default_factory=list)
    interfix_surnames: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    common_words: list[str] = field(default_factory=list)
    verbs_present: list[str] = field(default_factory=list)
    verbs_past: list[str] = field(default_factory=list)
    verbs_plural: list[str] = field(default_factory=list)
    participles: list[str] = field(default_factory=list)

    def origins(self) -> list[str]:
        """Origins with both first names and surnames (a small pool may have none held out)."""
        return [o for o in ORIGIN_WEIGHTS if self.firsts.get(o) and self.surnames.get(o)]


def _lemma_lookup() -> dict[str, str]:
    """spacy-lookups-data's Dutch form -> lemma table, read from the installed package."""
    spec = importlib.util.find_spec("spacy_lookups_data")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("spacy-lookups-data is not installed; it provides Dutch word forms")
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "nl_lemma_lookup.json.gz"
    return json.loads(gzip.decompress(path.read_bytes()))


def _verb_forms(names: set[str]) -> tuple[list[str], list[str], list[str], list[str]]:
    """Finite verb forms ("reageert", "woonde") from the lemma table, minus anything name-like.

    Real messages are full of verbs the templates never use; seeing thousands of them right after
    a name or a role word keeps the model from taking an unknown lower-case word for a name.
    """
    present, past, plural, participles = set(), set(), set(), set()
    for form, lemma in _lemma_lookup().items():
        if (len(form) < 4 or not form.isalpha() or not form.islower() or form == lemma
                or not lemma.endswith("en") or form in names):
            continue
        if form.startswith("ge"):
            if form.endswith(("d", "t")) and len(form) >= 6:
                participles.add(form)  # "geweigerd", "gebeld"
            continue
        if form.endswith("t"):
            present.add(form)
            if lemma.isalpha() and lemma not in names:
                plural.add(lemma)  # the infinitive doubles as the plural ("zij wonen")
        elif form.endswith(("de", "te")) and len(form) >= 5:
            past.add(form)
    return sorted(present), sorted(past), sorted(plural), sorted(participles)


def _faker_names(locale: str, seed: int, n: int) -> tuple[list[str], list[str]]:
    from faker import Faker

    fake = Faker(locale)
    fake.seed_instance(seed)
    if locale == "zh_CN":
        firsts = [fake.first_romanized_name() for _ in range(n)]
        lasts = [fake.last_romanized_name() for _ in range(n)]
    elif locale == "vi_VN":
        firsts = []  # Faker's vi_VN first names are English placeholders; hand list instead.
        lasts = [fake.last_name() for _ in range(n)]
    else:
        firsts = [fake.first_name() for _ in range(n)]
        lasts = [fake.last_name() for _ in range(n)]
    if locale in ("uk_UA", "ru_RU", "bg_BG"):
        firsts = [transliterate(x, locale == "uk_UA") for x in firsts]
        lasts = [transliterate(x, locale == "uk_UA") for x in lasts]
    # Faker sometimes hands back a title or two names; keep single clean names.
    firsts = [x for x in firsts if x.replace("-", "").replace(" ", "").isalpha()]
    lasts = [x for x in lasts if x.replace("-", "").replace(" ", "").isalpha()]
    return sorted(set(firsts)), sorted(set(lasts))


def build_pools(seed: int, split: str) -> NamePools:
    """Read and filter every list once.

    ``split`` 'dev' keeps only the held-out 5 % of the deduce and Faker names (and all of the short
    hand-written pools); 'train' keeps the rest.
    """
    root = deduce_lookup_dir()
    common = {w.lower() for w in _read_list(root / "whitelist/lst_common_word/items.txt")}
    common |= {w.lower() for w in _read_list(root / "whitelist/lst_stop_word/items.txt")}
    places: set[str] = set()
    for sub in ("lst_residence", "lst_municipality", "lst_province", "lst_region"):
        places |= {_tidy_place(p) for p in _read_list(root / "locations/lst_placename" / sub /
                                                      "items.txt")}
    # Hamlets such as "Vries" or "Linden" share their names with half the country, so only the
    # larger places (municipalities, provinces, regions) are kept out of the name pools.
    big_places: set[str] = set()
    for sub in ("lst_municipality", "lst_province", "lst_region"):
        big_places |= {_tidy_place(p).lower() for p in
                       _read_list(root / "locations/lst_placename" / sub / "items.txt")}
    banned = common | big_places | NEVER_NAMES

    def held_out(name: str) -> bool:
        return (split == "dev") == _is_dev(name)

    def keep(name: str, holdout: bool = True) -> bool:
        if name in ALWAYS_NAMES:
            return held_out(name) or not holdout
        if len(name) < 2 or name.lower() in banned:
            return False
        if any(part.lower() in banned for part in name.replace("-", " ").split() if len(part) > 3):
            return False
        return held_out(name) or not holdout

    pools = NamePools()
    pools.firsts["dutch"] = [
        n for n in _list_minus_exceptions(root / "names/lst_first_name") if keep(n)
    ]
    pools.surnames["dutch"] = [
        n for n in _list_minus_exceptions(root / "names/lst_surname") if keep(n)
    ]
    pools.interfixes = [
        i for i in _read_list(root / "names/lst_interfix/items.txt")
        if i in {"van", "de", "van der", "van den", "van de", "ter", "ten", "in 't", "van 't",
                 "den", "der", "te", "op de", "van het", "uit de", "de la", "le", "du"}
    ]
    # After an interfix ("van den Berg", "de Jong") a word is plainly a surname: no word filter.
    pools.interfix_surnames = [
        n for n in _list_minus_exceptions(root / "names/lst_interfix_surname")
        if n.lower() not in NEVER_NAMES and held_out(n)
    ]
    # The hand-written pools are short lists of the commonest names; holding any of them out would
    # leave the model ignorant of a Bilal or a Hylke, so train and dev both use all of them.
    for origin, (firsts, lasts) in HAND_POOLS.items():
        pools.firsts[origin] = [n for n in firsts if keep(n, holdout=False)]
        pools.surnames[origin] = [n for n in lasts if keep(n, holdout=False)]
    rng = random.Random(seed)
    for locale in FAKER_LOCALES:
        firsts, lasts = _faker_names(locale, rng.randrange(1 << 30), 400)
        if locale == "vi_VN":
            pools.surnames[locale] = [n for n in lasts if keep(n)]
            pools.firsts[locale] = pools.firsts["vietnamese"]
            continue
        pools.firsts[locale] = [n for n in firsts if keep(n)]
        pools.surnames[locale] = [n for n in lasts if keep(n)]
    pools.places = sorted(p for p in places if p.replace("-", "").replace(" ", "").isalpha()
                          or "'" in p)
    pools.common_words = sorted(w for w in common if w.isalpha() and len(w) > 3)
    name_forms = {n.lower() for names in (*pools.firsts.values(), *pools.surnames.values())
                  for n in names}
    (pools.verbs_present, pools.verbs_past, pools.verbs_plural,
     pools.participles) = _verb_forms(name_forms)
    return pools

"""The other-language answers: complete for every language, safety words found in any script."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml

from bot.languages import (
    PLACEHOLDERS,
    SAFETY_NUMBERS,
    LanguagesFileError,
    load_language_check,
    load_languages,
)
from redaction.case_codes import ALPHABET, check_symbol, shown
from settings.core import load_settings

REQUIRED = ("en", "tr", "ar", "pl", "uk", "ti", "so")  # issue 17: English and at least these


@pytest.fixture(scope="module")
def languages():
    return load_languages()


def test_every_required_language_is_there(languages):
    assert set(REQUIRED) <= set(languages.codes)


@pytest.mark.parametrize("code", REQUIRED)
def test_each_answer_names_the_municipality_and_every_safety_number(languages, code):
    language = languages.get(code)
    rendered = language.answer.format(gemeente_naam="G", gemeente_telefoon="14 0999", inloop="X")
    assert "14 0999" in rendered and "G" in rendered
    for number in SAFETY_NUMBERS:
        assert number in language.safety_lines
    assert "0800-0113" in language.safety_answer_suicide
    assert "0800-2000" in language.safety_answer_violence
    assert language.direction == ("rtl" if code in ("ar", "fa") else "ltr")


@pytest.mark.parametrize("code", REQUIRED)
def test_each_language_finds_its_own_safety_words(languages, code):
    language = languages.get(code)
    raw = yaml.safe_load(Path("bot/languages.yml").read_text(encoding="utf-8"))["languages"][code]
    for word in raw["crisis_words"][:5]:
        assert language.safety_kind(f"... {word} ...") == "suicide", word
    for word in raw["violence_words"][:5]:
        assert language.safety_kind(f"... {word.upper()} ...") in ("violence", "suicide"), word


def test_a_missing_placeholder_or_number_is_refused(tmp_path):
    raw = yaml.safe_load(Path("bot/languages.yml").read_text(encoding="utf-8"))
    broken = raw["languages"]["en"]
    for mutate, message in (
        (lambda e: e.update(answer=e["answer"].replace(PLACEHOLDERS[1], "")), "answer"),
        (lambda e: e.update(safety_lines=e["safety_lines"].replace("0800-2000", "")), "112"),
        (lambda e: e.pop("crisis_words"), "crisis_words"),
    ):
        entry = dict(broken)
        mutate(entry)
        path = tmp_path / "languages.yml"
        path.write_text(yaml.safe_dump({"languages": {"en": entry}}), encoding="utf-8")
        with pytest.raises(LanguagesFileError, match=message):
            load_languages(path)


def test_look_alikes_are_known_languages_the_assistant_does_not_answer_in(tmp_path, languages):
    assert {"pt", "es", "fr"} <= set(languages.look_alikes)
    assert not set(languages.look_alikes) & set(languages.codes)
    raw = yaml.safe_load(Path("bot/languages.yml").read_text(encoding="utf-8"))
    path = tmp_path / "languages.yml"
    path.write_text(yaml.safe_dump({"languages": {"en": raw["languages"]["en"]},
                                    "look_alikes": ["pt", "en"]}), encoding="utf-8")
    with pytest.raises(LanguagesFileError, match="look_alikes"):
        load_languages(path)


@pytest.mark.parametrize(("text", "code", "intent"), [
    ("I don't want to live anymore, I want to kill myself", "en", "crisis_suicide"),
    ("My husband beats me and I am afraid to go home", "en", "domestic_violence"),
    ("I have debts and I cannot pay my rent anymore", "en", None),
    ("ik wil niet meer leven", "nl", None),  # Dutch: the Dutch check's, not this one's
])
def test_the_check_at_the_boundary(text, code, intent):
    found, signal = load_language_check().check(text)
    assert found == code
    assert (signal.intent if signal else None) == intent
    assert signal is None or signal.clear


# Real phrases per language, written for these tests (not taken from an evaluation set): forms
# the words must find (person, tense, negation, gender, dialect, Latin letters, spelling), and
# everyday messages that must stay calm, some close to a safety word.
CRISIS = {
    "en": ["tonight i am ending it all", "i dont want to be alive",
           "my kids are better off without me", "I took too many pills",
           "i want to sleep and never wake up", "I am going to hang myself",
           "i wanna unalive myself", "I keep hurting myself"],
    "tr": ["ölmek istiyom artık", "Keşke hiç doğmasaydım", "kendimi öldürücem bu gece",
           "yasamak istemiyorum", "herkes bensiz daha mutlu olur", "bütün ilaçları içtim",
           "kendimi kestim yine", "balkondan atlayacağım", "canıma kıymayı düşünüyorum"],
    "ar": ["والله ما عاد بدي عيش", "بدي موت", "بأذي حالي كل يوم", "رح انتحر", "ابغى اموت",
           "مش عايزة أعيش", "بلعت علبة حبوب", "ya rabb bde mout", "ana bfakker bel ente7ar",
           "ma bghitch n3ich", "ياريتني مت", "الكل احسن بدوني"],
    "fa": ["دیگه نمی خوام زنده باشم", "میخوام خودمو بکشم", "خودمو زخمی می‌کنم", "کاش میمردم",
           "همه بدون من راحت ترن", "یه بسته قرص خوردم", "nemikham zendegi konam",
           "فکر خودکشی دارم", "میخواهم به زندگیم پایان بدهم"],
    "pl": ["chcę się zabić", "nie chce mi się żyć", "wczoraj się pociąłem",
           "lepiej by było beze mnie", "nałykałam się tabletek", "skoczę z mostu",
           "chciałabym umrzeć", "mam dość życia", "powiesić się chcę"],
    "uk": ["вчора порізала себе", "не хочеться жити", "рідним буде краще без мене",
           "вип’ю всі таблетки", "думаю покінчити з собою", "ya ne bachu sensu zhyty",
           "хочу вмерти", "я втомилася жити"],
    "ru": ["детям будет лучше без меня", "жить не хочется", "я порезала себя", "хочу сдохнуть",
           "выпью все таблетки", "думаю о самоубийстве", "ne hochu bolshe zhit", "прыгну с крыши"],
    "ti": ["ስድራይ ብዘይ ኣነ ይሓይሾም", "ክመውት እደሊ", "ርእሰይ ክቐትል ደልየ", "ክነብር ኣይደልን",
           "አብ ገዛ ርእሰይ ክቀትል እየ"],
    "so": ["waxaan doonayaa inaan is-dilo", "naftayda waan dhaawacay",
           "carruurtu way fiicnaan lahaayeen haddii aanan jirin", "nolosha ma rabo",
           "waan is dhaawacaa", "waxaan rabaa inaan dhinto", "ma rabo inaan sii noolaado"],
}
VIOLENCE = {
    "en": ["my boyfriend shoved me against the wall", "he threatened to kill me",
           "my husband hits me", "he took my passport", "I am scared to go home",
           "my family is forcing me to marry"],
    "tr": ["içince bana vuruyor", "eve gelince yine vuracak",
           "kocam beni dövdü",
           "eve dönmekten korkuyorum", "pasaportumu aldı vermiyor",
           "beni zorla evlendirmek istiyorlar",
           "beni odaya kilitliyor", "babamdan korkuyorum"],
    "ar": ["جوزي بيضربني", "وزوجي يضربني كل يوم", "خايفة منه", "أخذ جوازي وما بيرجعه",
           "zawji kaydrebni bzaf", "jozi biyedrabni", "بيهددني يقتلني", "ما بيخليني اطلع من البيت",
           "بدهم يجوزوني غصب عني"],
    "fa": ["شوهرم منو میزنه", "بابام مامانمو می زنه", "در خانه امنیت ندارم", "میترسم برگردم خونه",
           "پاسپورتمو گرفته", "shoharam mano mizane", "مرا لت و کوب می کند", "تهدیدم می‌کند"],
    "pl": ["mąż jest agresywny, boję się wracać do domu", "mąż mnie uderzył", "boję się go",
           "grozi, że mnie zabije", "zabrał mi paszport", "zamyka mnie w pokoju",
           "zmuszają mnie do ślubu", "ojciec bije mamę"],
    "uk": ["вчора чоловік мене вдарив", "боюсь повертатися до квартири", "чоловік бʼє мене",
           "погрожує вбити", "забрав мій паспорт", "bye mene cholovik"],
    "ru": ["дома небезопасно", "муж меня избил", "он поднимает на меня руку",
           "угрожает убить", "забрал мой паспорт", "боюсь идти домой", "menya bet muzh"],
    "ti": ["ናብ ገዛ ክምለስ ፈሪሐ", "ኣብ ገዛ ድሕንነት የብለይን", "ሰብኣየይ ይወቕዓኒ", "ሰብኣየይ ሃሪሙኒ"],
    "so": ["guriga amaan kuma ihi", "waan ka baqayaa inaan guriga aado",
           "ninkaygu wuu i garaacay", "wuxuu igu hanjabay inuu i dilo", "wuu i feeray"],
}
CALM = {
    "en": ["this paperwork is killing me", "I take all my pills every morning",
           "I am afraid I can't come", "my landlord threatened us with eviction",
           "I hit my head on the door", "the door is locked"],
    "tr": ["Hollanda'da yaşamak istiyorum", "kapı kilitli, anahtarımı kaybettim",
           "ev sahibi tahliye ile beni korkutuyor", "ilaçlarımı eczaneden aldım",
           "kendimi kesinlikle iyi hissetmiyorum", "kendimi asla affetmem",
           "düğün törenine gidiyoruz", "evet, kira borcum var"],
    "ar": ["عندي مشكلة في الفلوس", "البنك أخذ فلوسي", "أحتاج جواز سفري", "بموت من الضحك هههه",
           "الاضراب في المدرسة", "ana 3andi mushkila m3a el dyoun"],
    "fa": ["کسی هست که هلندی حرف میزنه؟", "صاحبخانه زنگ میزنه", "همه قرص‌هایم را مرتب می‌خورم",
           "پاسپورتمو گم کردم", "بدهی دارم و نمی‌دانم چه کنم"],
    "pl": ["grozi mi eksmisja", "grozi mi komornik", "moje dziecko jest agresywne w przedszkolu",
           "gwałtownie wzrosły mi rachunki", "biorę wszystkie tabletki codziennie",
           "serce mi bije szybko",
           "muszę się zabrać do pracy"],
    "uk": ["мені погрожує виселення", "я п'ю всі таблетки вчасно", "дитина агресивна в садочку",
           "хочу повісити картину", "я порізала палець коли готувала"],
    "ru": ["мне угрожает выселение", "я пью все таблетки вовремя", "избирательный участок",
           "хочу повесить полку", "у меня долги по квартплате"],
    "ti": ["ገንዘብ የብለይን፣ ሓገዝ እደሊ", "ብዛዕባ ጾታዊ ማዕርነት ሕቶ ኣለኒ", "ብዙሕ ከኒና እወስድ እየ ንሕማመይ"],
    "so": ["warqadda iska tuur", "lacag la'aan ayaan ku jiraa", "waxaan qaataa kaniiniyo badan",
           "waxaan ka baqayaa in guriga la iga saaro"],
}


def _cases(table, kind):
    return [(code, text, kind) for code, texts in table.items() for text in texts]


@pytest.mark.parametrize(("code", "text", "kind"), _cases(CRISIS, "suicide")
                         + _cases(VIOLENCE, "violence") + _cases(CALM, None))
def test_real_phrases_per_language(languages, code, text, kind):
    assert languages.get(code).safety_kind(text) == kind


@pytest.mark.parametrize("text", [t for texts in CALM.values() for t in texts])
def test_no_language_reads_an_everyday_message_as_unsafe(languages, text):
    # The boundary tries every language's words on a message it cannot place.
    assert [c for c in languages.codes if languages.get(c).safety_kind(text)] == []


@pytest.mark.parametrize(("words", "text", "found"), [
    (["kendimi kıyacağım"], "kendimi kiyacagim", True),            # dotless i typed as i
    (["nie chcę żyć"], "nie chce zyc", True),
    (["zabił"], "zabil", True),                                    # ł typed as l
    (["میخوام بمیرم"], "می‌خوام بمیرم", True),                        # half-space
    (["میخوام بمیرم"], "مي خوام بميرم", True),                       # Arabic ya, mi- apart
    (["خايفة منه"], "خايفه منه", True),                              # ة / ه
    (["б'є мене"], "бʼє мене", True),                                 # apostrophe forms
    (["is dil"], "is-dil", True),                                   # hyphen
    (["ክቐትል"], "ክቀትል", True),                                      # Ge'ez letter variants
    (["boje sie … do domu"], "boję się wracać do domu", True),     # two parts near
    (["boje sie … do domu"], "do domu wracam, boję się", True),    # either order
    (["boje sie … do domu"], "boję się" + " bardzo" * 12 + " do domu", False),  # not too far
])
def test_spelling_variants_and_near_words(tmp_path, words, text, found):
    raw = yaml.safe_load(Path("bot/languages.yml").read_text(encoding="utf-8"))
    entry = dict(raw["languages"]["pl"], crisis_words=words, crisis_stems=[])
    path = tmp_path / "languages.yml"
    path.write_text(yaml.safe_dump({"languages": {"pl": entry}}, allow_unicode=True),
                    encoding="utf-8")
    assert (load_languages(path).get("pl").safety_kind(text) == "suicide") is found


def test_arabic_words_carry_and_or_so_in_front(languages):
    assert languages.get("ar").safety_kind("ويضربني قدام الاولاد") == "violence"
    assert languages.get("ar").safety_kind("فبدي موت") == "suicide"


def test_a_case_code_is_no_word_of_any_language():
    """A resident typing their case code got the Arabic safety answer: "Z98A-BYDR-EW3S" read as
    Arabizi words for violence. Seeded random codes, with the models ``make train`` built."""
    check = load_language_check(model_dir=load_settings().model_dir)
    rng = random.Random(20261207)
    codes = ["Z98A-BYDR-EW3S"]
    for _ in range(400):
        body = "Z98" + "".join(rng.choice(ALPHABET) for _ in range(8))
        codes.append(shown(body + check_symbol(body)))
    read = {code: check.check(f"code {code}") for code in codes}
    assert {code: found for code, found in read.items() if found != ("nl", None)} == {}

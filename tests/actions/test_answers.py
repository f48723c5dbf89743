"""Reading the resident's short answers in the hand-off form (redacted Dutch text)."""

from datetime import date

import pytest

from actions import answers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ja", "ja"), ("Ja graag", "ja"), ("jawel", "ja"), ("ja, dat mag", "ja"), ("oké", "ja"),
        ("prima", "ja"), ("klopt", "ja"), ("akkoord", "ja"), ("nee", "nee"), ("Nee dank je", "nee"),
        ("liever niet", "nee"), ("neen", "nee"), ("misschien", None), ("", None), (None, None),
        ("ik weet het niet", None),
    ],
)
def test_yes_or_no(text, expected):
    assert answers.yes_or_no(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ja", "ja"), ("nee", "nee"), ("ik ben 14", "nee"), ("15 jaar", "nee"),
        ("ik ben 16", "ja"), ("ik ben 67 jaar", "ja"), ("jonger dan 16", "nee"),
        ("nog geen 16", "nee"), ("ouder", "ja"), ("ik ben volwassen", "ja"),
        ("Ja, 16 of ouder", "ja"), ("Nee, jonger dan 16", "nee"), ("geen idee", None),
        # in words, and an age still to come
        ("zevenenveertig", "ja"), ("drieëntachtig", "ja"), ("zestien, net geworden", "ja"),
        ("vijftien jaar", "nee"), ("bijna, ik word in maart zestien", "nee"), ("bijna 16", "nee"),
        ("ik word volgende week 17", "ja"), ("ik ben drie kwartier bezig", None),
    ],
)
def test_age_answer(text, expected):
    assert answers.age_answer(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("telefoon", "telefoon"), ("bel mij maar", "telefoon"), ("telefonisch", "telefoon"),
        ("e-mail", "e-mail"), ("mail maar", "e-mail"), ("email graag", "e-mail"),
        ("<TELEFOONNUMMER_1>", "telefoon"), ("mijn mail is <EMAIL_1>", "e-mail"),
        ("duif", None), ("", None),
        # WhatsApp goes to the same number: the phone way ("liever whatsapp", "appen mag ook")
        ("liever whatsapp", "telefoon"), ("Whats app", "telefoon"), ("appen mag ook", "telefoon"),
        ("appje graag", "telefoon"), ("liever niet appen, mail maar", "e-mail"),
        ("app", "telefoon"), ("via de app", "telefoon"),
        # English "telephone" is no "telefo…" and "phone" is no whole word inside it
        ("telephone", "telefoon"), ("by telephone please", "telefoon"),
    ],
)
def test_contact_way(text, expected):
    assert answers.contact_way(text) == expected


@pytest.mark.parametrize(
    ("text", "way", "expected"),
    [
        ("<TELEFOONNUMMER_1>", "telefoon", "<TELEFOONNUMMER_1>"),
        ("mijn nummer is <TELEFOONNUMMER_2> hoor", "telefoon", "<TELEFOONNUMMER_2>"),
        ("<PERSOON_1>, <TELEFOONNUMMER_1>", "telefoon", "<TELEFOONNUMMER_1>"),
        ("<EMAIL_1>", "e-mail", "<EMAIL_1>"),
        ("<EMAIL_1>", "telefoon", None),
        ("06 weet ik niet uit mijn hoofd", "telefoon", None),
        ("<TELEFOONNUMMER_1>", None, None),
    ],
)
def test_contact_placeholder_never_a_raw_value(text, way, expected):
    assert answers.contact_placeholder(text, way) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ochtend", "ochtend"), ("'s ochtends graag", "ochtend"), ("na de lunch", "middag"),
        ("'s avonds", "avond"), ("maakt niet uit", "maakt niet uit"),
        ("geen voorkeur", "maakt niet uit"), ("dinsdag", "dinsdag"),
        ("op <DATUM_1>", None), ("", None), ("x" * 80, None),
    ],
)
def test_moment(text, expected):
    assert answers.moment(text) == expected


@pytest.mark.parametrize("text", ["stop", "Stoppen", "laat maar", "annuleren", "toch maar niet"])
def test_stop_words(text):
    assert answers.is_stop(text)


@pytest.mark.parametrize("text", ["ja", "stop maar met bellen naar mijn moeder", "", None])
def test_not_stop(text):
    assert not answers.is_stop(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("hmm nee liever niet... wacht, ja doe toch maar, ik kom er alleen niet uit", "ja"),
    ("evet, ja goed", "ja"),
    ("nee hoor, dat is goed", "ja"),
    ("ja maar liever niet", "nee"),
    ("dat is niet goed", "nee"),
    ("yes please", "ja"),
    ("tak", "ja"),
    ("ja maar hoe lang bewaren jullie dat dan?", None),
    ("mijn naam zeg ik liever", None),
    ("in de la", None),
])
def test_the_last_yes_or_no_in_a_longer_answer_counts(text, expected):
    assert answers.yes_or_no(text) == expected


@pytest.mark.parametrize("text", [
    "laat maar eigenlijk, mn moeder komt zo met boodschappen",
    "hmm laat maar eigenlijk, ik geef mijn nummer hier liever niet. ik bel zelf wel",
    "nee toch niet",
    "Stop.",
])
def test_stop_inside_an_answer(text):
    assert answers.is_stop(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("morgen is goed", "morgen is goed"), ("ja", None), ("prima", None),
    ("dinsdag na vieren", "dinsdag na vieren"),
])
def test_a_moment_with_a_yes_word_inside_is_still_a_moment(text, expected):
    assert answers.moment(text) == expected


# English: a language of the assistant's own texts, so its answers are read in full.
@pytest.mark.parametrize(("text", "expected"), [
    ("yes", "ja"), ("Yes, pass it on", "ja"), ("sure", "ja"), ("of course", "ja"),
    ("that's right", "ja"), ("I don't mind", "ja"), ("no", "nee"), ("No thanks", "nee"),
    ("rather not", "nee"), ("that's not right", "nee"), ("No, do not pass it on", "nee"),
    ("please don't", "nee"), ("yes but how long do you keep it?", None), ("maybe", None),
])
def test_yes_or_no_in_english(text, expected):
    assert answers.yes_or_no(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("I'm 42", "ja"), ("I am 15 years old", "nee"), ("Yes, 16 or older", "ja"),
    ("No, younger than 16", "nee"), ("over 16", "ja"), ("under 16", "nee"),
    ("I'm an adult", "ja"), ("no idea", None),
])
def test_age_answer_in_english(text, expected):
    assert answers.age_answer(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("call me", "telefoon"), ("by phone please", "telefoon"), ("Phone", "telefoon"),
    ("text me", "telefoon"), ("by e-mail", "e-mail"), ("email is better", "e-mail"),
    ("carrier pigeon", None), ("whatsapp please", "telefoon"),
])
def test_contact_way_in_english(text, expected):
    assert answers.contact_way(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("tomorrow morning", "ochtend"), ("Afternoon", "middag"), ("in the evening", "avond"),
    ("any time", "maakt niet uit"), ("it doesn't matter", "maakt niet uit"),
    ("Tuesday after 3 pm", "Tuesday after 3 pm"),
    ("I'm 42", None), ("42 years", None), ("yes", None), ("call me", None),
])
def test_moment_in_english(text, expected):
    assert answers.moment(text) == expected


@pytest.mark.parametrize("text", ["stop", "quit", "never mind", "forget it",
                                  "I changed my mind, leave it"])
def test_stop_in_english(text):
    assert answers.is_stop(text)


@pytest.mark.parametrize("text", ["yes, cancel it", "stop calling my mother please"])
def test_english_answers_that_are_no_stop(text):
    assert not answers.is_stop(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("mail, bellen vind ik eng", "e-mail"),
    ("email is better, Nederlands aan telefoon is moeilijk voor mij", "e-mail"),
    ("liever niet bellen, mail maar", "e-mail"),
    ("niet mailen maar bellen", "telefoon"),
    ("bel me maar, mailen kan ook", "telefoon"),  # both welcome: the first one named
    ("please don't call me, email", "e-mail"),
])
def test_of_two_contact_ways_the_one_not_turned_down(text, expected):
    assert answers.contact_way(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("bel maar na 4en, dan ben ik thuis van mijn werk",
     "bel maar na 4en, dan ben ik thuis van mijn werk"),  # a time: no contact-way answer
    ("na vijven", "na vijven"),
    ("maakt nie uit ik check mn mail elke dag", "maakt niet uit"),
    ("dinsdag of donderdag, dan is mijn moeder naar de dagbesteding", "dinsdag of donderdag"),
    ("morgen vroeg voor 9 uur of zaterdag, dan is mijn dochter thuis",
     "morgen vroeg voor 9 uur of zaterdag"),
    ("mail", None), ("ik ben 42", None),
    # a clock time in words makes the answer a moment, even beside a contact way
    ("bellen mag ook, na half negen als de kinderen op school zitten",
     "na half negen als de kinderen op school zitten"),
    ("rond kwart over drie", "rond kwart over drie"),
    ("after half past nine", "after half past nine"),
    ("half 11", "half 11"),
])
def test_a_moment_in_the_residents_words_keeps_the_day_and_time_not_the_reason(text, expected):
    assert answers.moment(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("after 4 o clock, morning I work in cleaning", "after 4 o clock, morning I work in cleaning"),
    ("'s ochtends na 10 uur", "'s ochtends na 10 uur"),
    ("avond, na 19u", "avond, na 19u"),
    ("'s ochtends", "ochtend"),  # a part of the day alone stays the form's word
])
def test_a_clock_time_beside_a_part_of_the_day_keeps_the_residents_words(text, expected):
    assert answers.moment(text) == expected


THIS_YEAR = date.today().year


@pytest.mark.parametrize(("text", "expected"), [
    ("1979", "ja"), ("geboren in '88", "ja"), ("born in 1990", "ja"),
    ("ben van 2003", "ja"), ("ik ben uit 1961", "ja"), ("I'm from 2001", "ja"),
    (f"ik ben van {THIS_YEAR - 14}", "nee"),
    (f"ik ben geboren in {THIS_YEAR - 12}", "nee"),
    (str(THIS_YEAR - 2), None),  # two years old: no real answer
])
def test_a_birth_year_answers_the_age_question(text, expected):
    assert answers.age_answer(text) == expected


@pytest.mark.parametrize("text", ["ach laat toch maar, mijn zoon regelt het wel voor me",
                                  "hoeft toch niet meer", "laat dan maar"])
def test_stop_in_everyday_words(text):
    assert answers.is_stop(text)

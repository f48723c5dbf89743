"""German words in a German message stay readable; the names in it do not (sentences invented
for these tests)."""

from __future__ import annotations

import pytest

from redaction.german_words import german_name_part, is_german_message

GERMAN_WORDS = [
    ("Ich bin Rentner und wohne seit 2020 in Venlo. Meine Rente reicht nicht.", "Rentner"),
    ("Ich bin Rentner und wohne seit 2020 in Venlo. Meine Rente reicht nicht.", "Meine Rente"),
    ("Mein Vermieter will die Kaution nicht zurückzahlen, was kann ich tun?", "Mein Vermieter"),
    ("Ich habe eine Frage zum Wohngeld, ich wohne jetzt in Kerkrade.", "eine Frage"),
    ("Unser Sohn braucht Nachhilfe und wir haben kein Geld dafür.", "Unser Sohn"),
]
NAMES = [
    # (message, what the finding was, what stays a name)
    ("Meine Schwester Claudia Wendt wohnt in Heerlen und ist krank.",
     "Meine Schwester Claudia Wendt", "Claudia Wendt"),
    ("Ich arbeite bei der Post, mein Chef ist Herr Schneider.", "Schneider", "Schneider"),
    ("Bitte rufen Sie mich an, ich bin Uwe Harmsen und wohne in Venlo.", "Uwe Harmsen",
     "Uwe Harmsen"),
    ("Hallo, meine Mutter Ingrid Kürten ist gestürzt und braucht Hilfe.",
     "meine Mutter Ingrid Kürten", "Ingrid Kürten"),
]


@pytest.mark.parametrize(("text", "words"), GERMAN_WORDS)
def test_german_words_found_as_a_name_are_no_name(text, words):
    start = text.index(words)
    assert german_name_part(text, start, start + len(words)) is None


@pytest.mark.parametrize(("text", "found", "name"), NAMES)
def test_the_name_in_a_german_finding_stays(text, found, name):
    start = text.index(found)
    kept = german_name_part(text, start, start + len(found))
    assert kept is not None and text[slice(*kept)] == name


@pytest.mark.parametrize("text", [
    "Mijn moeder Frieda woont alleen en de Thuiszorg komt niet meer",  # Dutch: never touched
    "Meine Adresse ist Bergstraat 4",  # one German sign is not a German message
])
def test_a_message_that_is_not_german_keeps_its_findings(text):
    assert not is_german_message(text)
    assert german_name_part(text, 0, 11) == (0, 11)


@pytest.mark.parametrize(("text", "kept", "gone"), [
    ("Guten Tag, ich bin Rentner und wohne in Kerkrade. Meine Rente kommt auf mein Konto. "
     "Gerda Hollmann", "Rentner", "Gerda Hollmann"),
    ("Meine Tochter Lisa Brenner braucht Hilfe bei der Schule, wir wohnen in Venlo.",
     "Meine Tochter", "Lisa Brenner"),
])
def test_the_redactor_keeps_german_words_and_hides_names(redactor, text, kept, gone):
    redacted, _ = redactor.redact(text)
    assert kept in redacted
    assert gone not in redacted and "Lisa" not in redacted and "Gerda" not in redacted

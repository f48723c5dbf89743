"""E-mail addresses read out or typed loosely (``redaction/spoken_emails.py``, issue 14)."""

import pytest

from redaction.normalise import normalise
from redaction.spoken_emails import read_spoken_emails

VIEWS = [
    # letters spaced out around spoken signs
    ("mijn mail is p h a m punt h o a apenstaartje g m a i l punt c o m en mijn naam is Hoa",
     "mijn mail is pham.hoa@gmail.com en mijn naam is Hoa"),
    ("mail naar p e t r a apenstaartje g m a i l punt c o m", "mail naar petra@gmail.com"),
    # the signs in the resident's own language
    ("Mój mail: jan.nowicki małpa wp kropka pl. Proszę napisać",
     "Mój mail: jan.nowicki@wp.pl. Proszę napisać"),
    ("O meu email é rosa.reis arroba sapo ponto pt", "O meu email é rosa.reis@sapo.pt"),
    ("Mi correo es ana punto lopez arroba gmail punto com", "Mi correo es ana.lopez@gmail.com"),
    # hyphens said as words
    ("mijn mail is mohammed streepje el streepje khattabi apenstaartje gmail punt com",
     "mijn mail is mohammed-el-khattabi@gmail.com"),
    # a space after "@" or before the last dot
    ("email: marieke.jansen@ kpnmail .nl graag", "email: marieke.jansen@kpnmail.nl graag"),
    # nothing that is no address changes
    ("mn insta is @sterre.vdberg_", "mn insta is @sterre.vdberg_"),
    ("ik ben om 3 uur at home, a b c punt", "ik ben om 3 uur at home, a b c punt"),
    ("de punto van mijn zoon staat bij de garage", "de punto van mijn zoon staat bij de garage"),
    ("het streepje op de a b c in het formulier", "het streepje op de a b c in het formulier"),
    # single letters elsewhere in a message with an address stay apart ("a 3" is no "a3")
    ("Nasci a 3 fev '71. O meu email é rosa(at)sapo.pt.",
     "Nasci a 3 fev '71. O meu email é rosa@sapo.pt."),
]


@pytest.mark.parametrize(("text", "view"), VIEWS)
def test_the_view_reads_the_address(text: str, view: str) -> None:
    assert read_spoken_emails(normalise(text)).text == view


REDACTED = [
    ("Mój mail: jan.nowicki małpa wp kropka pl. Proszę napisać po polsku.",
     "Mój mail: <EMAIL_1>. Proszę napisać po polsku."),
    ("mail naar p e t r a apenstaartje g m a i l punt c o m aub",
     "mail naar <EMAIL_1> aub"),
    ("Spreek in: mijn mail is mohammed streepje el streepje khattabi apenstaartje gmail punt com",
     "Spreek in: mijn mail is <EMAIL_1>"),
    # round 18: a number said before the "@", a domain said in two words, a doubled "@"
    ("ik zie slecht, mijn mail is gerda punt smit tweeënvijftig apenstaartje hot mail punt com",
     "ik zie slecht, mijn mail is <EMAIL_1>"),
    ("mailen kan naar t.ozdemir@@outlook.com, sorry dubbel",
     "mailen kan naar <EMAIL_1>, sorry dubbel"),
    # words after "at" that end in no address stay
    ("ik ben om acht uur at home, dan mail ik punt voor punt",
     "ik ben om acht uur at home, dan mail ik punt voor punt"),
]


def test_the_view_maps_back_to_the_original_characters() -> None:
    text = "Nasci a 3 fev '71. mail: jan.nowicki małpa wp kropka pl (at) is weg"
    view = read_spoken_emails(normalise(text))
    start = view.text.index("jan.nowicki@wp.pl")
    assert text[slice(*view.to_original(start, start + len("jan.nowicki@wp.pl")))] == (
        "jan.nowicki małpa wp kropka pl")
    assert text[slice(*view.to_original(0, 17))] == "Nasci a 3 fev '71"


@pytest.mark.parametrize(("text", "expected"), REDACTED)
def test_the_whole_address_is_redacted(redactor, text: str, expected: str) -> None:
    assert redactor.redact(text)[0] == expected

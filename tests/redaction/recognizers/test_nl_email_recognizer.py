import pytest

from tests.redaction.recognizers.helpers import assert_spans

CASES = [
    # a comma typed for the last dot
    ("mijn mail is a.bakker@ziggo,nl volgens mij", ["a.bakker@ziggo,nl"]),
    ("e-mail: omar.hh@gmail,com", ["omar.hh@gmail,com"]),
    ("Mijn mail is jan.jansen@gmail.com", ["jan.jansen@gmail.com"]),
    ("stuur het naar fatima_el-amrani82@hotmail.nl aub", ["fatima_el-amrani82@hotmail.nl"]),
    ("e-mailadres: P.de.Vries@Ziggo.NL.", ["P.de.Vries@Ziggo.NL"]),
    (
        "mail sanne@voorbeeld.nl of sanne.b@outlook.com",
        ["sanne@voorbeeld.nl", "sanne.b@outlook.com"],
    ),
    ("Ik heb geen e-mail", []),
    ("m'n dochter heeft tiktok.com/@dilara.k_ en krijgt nare berichten", []),  # a URL
    ("Mijn mail doet het niet @ home", []),
    ("Kijk op www.113.nl", []),
    ("Bel 06-12345678", []),
    # a local part typed apart from its domain
    ("mijn mailadres is lotte.vermeer. En dan @kpnmail.nl erachter", ["lotte.vermeer"]),
    ("it's d_osei first, then @outlook.com", ["d_osei"]),
    ("het begint met sem.de.bruin, daarna@hotmail.com", ["sem.de.bruin", "daarna@hotmail.com"]),
    ("ik stuur brief.pdf en foto.jpg, mail ze naar @gemeente.nl?", []),
    ("kijk op werk.nl of mail naar @gemeente.nl", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_email(analyzer, text, expected):
    assert_spans(analyzer, text, "EMAIL_ADDRESS", expected)


def test_email_validation_never_uses_the_network(monkeypatch):
    """The TLD check runs on tldextract's bundled snapshot, not a download."""
    import socket

    from redaction.recognizers import NlEmailRecognizer

    def no_network(*args, **kwargs):
        raise AssertionError("network access")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    recognizer = NlEmailRecognizer()
    assert recognizer.validate_result("someone@example.org")
    assert recognizer.validate_result("a@b.nl")

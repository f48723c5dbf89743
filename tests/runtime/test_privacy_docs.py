"""``python -m runtime privacy-docs``: the register, the DPIA facts and the diagram follow the
configuration in force - settings, environment overrides, profile, channels, consent texts,
referral services - and never print a secret."""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from bot.referrals import load_referrals
from portal.web import ROLE_NAMES
from runtime.__main__ import main
from runtime.messaging_config import MessagingConfigError
from runtime.privacy_docs.dpia import KNOWN_LIMITS
from runtime.privacy_docs.facts import collect_facts
from runtime.privacy_docs.figures import load_figures
from runtime.privacy_docs.measures import ROLE_SCOPE
from runtime.privacy_docs.write import DPIA, FLOWS, REGISTER, write_privacy_docs
from settings.core import PROJECT_ROOT

SVG = "{http://www.w3.org/2000/svg}"
TELEGRAM = {"DH_TELEGRAM_ACCESS_TOKEN": "123456:telegram-secret-token",
            "DH_TELEGRAM_VERIFY": "voorbeeld_bot",
            "DH_TELEGRAM_WEBHOOK_URL": "https://chat.example.nl/webhooks/telegram/webhook"}
TWILIO = {"DH_TWILIO_ACCOUNT_SID": "AC-twilio-secret-sid", "DH_TWILIO_AUTH_TOKEN": "twilio-token",
          "DH_TWILIO_NUMBER": "+31970102030",
          "DH_TWILIO_WEBHOOK_URL": "https://chat.example.nl/webhooks/twilio/webhook"}


def generate(tmp_path: Path, env: dict[str, str] | None = None, **files: Path) -> dict[str, str]:
    """The three documents for ``env`` (nothing from this process's environment), as text."""
    facts = collect_facts(env or {}, **files)
    written = write_privacy_docs(facts, tmp_path / "docs")
    return {path.name: path.read_text(encoding="utf-8") for path in written}


def section(markdown: str, heading: str) -> str:
    """The text under ``## heading`` up to the next ``## ``."""
    start = markdown.index(f"## {heading}")
    end = markdown.find("\n## ", start + 3)
    return markdown[start:] if end == -1 else markdown[start:end]


def row(markdown: str, first_cell: str) -> str:
    """The table row that starts with ``first_cell``."""
    return next(line for line in markdown.splitlines() if line.startswith(f"| {first_cell} |"))


def box_text(svg: str, key: str) -> str:
    """The words in one box of the diagram, joined as they are drawn."""
    root = ET.fromstring(svg.encode("utf-8"))
    group = root.find(f".//{SVG}g[@id='box-{key}']")
    assert group is not None, key
    return " ".join(" ".join(group.itertext()).split())


def test_the_command_writes_the_three_documents_from_the_environment(tmp_path, monkeypatch,
                                                                       capsys):
    for name in [n for n in os.environ if n.startswith("DH_") or n == "PROFILE"]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("DH_PRIVACY_VAULT_IDLE_MINUTES", "45")
    out = tmp_path / "fg"
    assert main(["privacy-docs", "--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted([REGISTER, DPIA, FLOWS])
    assert capsys.readouterr().out.split() == [str(out / n) for n in (REGISTER, DPIA, FLOWS)]
    register = (out / REGISTER).read_text(encoding="utf-8")
    assert register.startswith("# Verwerkingsregister")
    assert "45 minuten zonder gebruik" in row(register, "Kluis (originele waarden)")
    assert "45 minuten" in box_text((out / FLOWS).read_text(encoding="utf-8"), "vault")
    assert (out / DPIA).read_text(encoding="utf-8").startswith("# DPIA-feiten")


def test_a_channel_switched_on_without_its_credentials_stops_the_command(tmp_path, monkeypatch,
                                                                         capsys):
    monkeypatch.setenv("DH_TELEGRAM_ACCESS_TOKEN", "123456:half-configured")
    monkeypatch.delenv("DH_TELEGRAM_VERIFY", raising=False)
    assert main(["privacy-docs", "--out", str(tmp_path / "fg")]) == 1
    assert "DH_TELEGRAM_VERIFY" in capsys.readouterr().err
    assert not (tmp_path / "fg").exists()
    with pytest.raises(MessagingConfigError):
        collect_facts({"DH_TELEGRAM_ACCESS_TOKEN": "x"})


@pytest.mark.parametrize(("variable", "value", "store", "svg_box", "expected"), [
    ("DH_PRIVACY_VAULT_IDLE_MINUTES", "45", "Kluis (originele waarden)", "vault",
     "45 minuten zonder gebruik"),
    ("DH_RETENTION_TRACKER_DAYS", "14", "Gesprekken (Rasa-trackerstore)", "tracker", "14 dagen"),
    ("DH_PRIVACY_HANDOFF_RETENTION_DAYS", "7", "Doorverwijswachtrij (hand-offs)", "handoffs",
     "daarna 7 dagen"),
    ("DH_TRENDS_TEXT_RETENTION_DAYS", "90", "Trendopslag — geredigeerde teksten", "trends",
     "90 dagen"),
])
def test_a_changed_retention_setting_follows_into_register_dpia_and_diagram(
        tmp_path, variable, value, store, svg_box, expected):
    default = generate(tmp_path / "default")
    changed = generate(tmp_path / "changed", {variable: value})
    assert expected not in row(default[REGISTER], store)
    assert expected in row(changed[REGISTER], store)
    assert expected in row(changed[DPIA], store)
    assert expected in box_text(changed[FLOWS], svg_box)
    assert expected not in box_text(default[FLOWS], svg_box)


def test_a_store_without_a_configured_limit_says_so(tmp_path):
    register = generate(tmp_path)[REGISTER]
    for store in ("Toestemmingsregister", "Verwijderlog", "Auditlog van het portaal"):
        assert "geen bewaartermijn ingesteld" in row(register, store)
        assert f"voor: {store.lower()}" in section(register, "Aan te vullen door de gemeente")


@pytest.mark.parametrize(("env", "named", "channel"), [
    (TELEGRAM, ["Telegram"], "Telegram"),
    (TWILIO, ["Twilio"], "Twilio sms/WhatsApp"),
    ({**TWILIO, "DH_TWILIO_NUMBER": "whatsapp:+31970102030"}, ["Twilio", "WhatsApp (Meta)"],
     "Twilio sms/WhatsApp"),
])
def test_a_switched_on_messaging_channel_names_its_processor(tmp_path, env, named, channel):
    on = generate(tmp_path / "on", env)
    off = generate(tmp_path / "off")
    processors_on = section(on[REGISTER], "Verwerkers en subverwerkers")
    processors_off = section(off[REGISTER], "Verwerkers en subverwerkers")
    for name in named:
        assert f"| {name}" in processors_on
        assert name not in processors_off
    assert channel in row(on[REGISTER], "Kanalen")
    assert channel not in row(off[REGISTER], "Kanalen")
    assert "ongeredigeerd" in section(on[DPIA], "C. Risico's")
    assert "Aanbieder:" in box_text(on[FLOWS], "messaging")
    assert 'id="box-messaging"' not in off[FLOWS]


def test_the_production_profile_names_the_database_and_redis_servers(tmp_path):
    embedded = section(generate(tmp_path / "e")[REGISTER], "Verwerkers en subverwerkers")
    production = generate(tmp_path / "p", {"PROFILE": "production"})[REGISTER]
    processors = section(production, "Verwerkers en subverwerkers")
    assert "PostgreSQL op 127.0.0.1:5432 (deze machine)" in processors
    assert "Redis op 127.0.0.1:6379 (deze machine)" in processors
    assert "RabbitMQ op 127.0.0.1:5672 (deze machine)" in processors
    assert "dagzout" in processors and "guest" not in production  # no password in the register
    assert "PostgreSQL" not in embedded and "Redis" not in embedded
    assert "RabbitMQ" not in embedded
    assert "profiel **production**" in production
    assert "database `digitale_huiskamer`" in row(production, "Kluis (originele waarden)")
    elsewhere = generate(tmp_path / "r", {"PROFILE": "production", "DH_PG_HOST": "db.regio.nl",
                                          "DH_REDIS_HOST": "redis.regio.nl"})[REGISTER]
    assert "PostgreSQL op db.regio.nl:5432 |" in elsewhere
    assert "Redis op redis.regio.nl:6379 |" in elsewhere


def test_no_secret_reaches_the_documents(tmp_path):
    secrets = {"DH_PRIVACY_KEY": "c2VjcmV0LW1hc3Rlci1rZXktMzItYnl0ZXMtbG9uZyEhIQ",
               "DH_ACTIONS_TOKEN": "actions-token-that-must-stay-secret-1234567890",
               "DH_PRIVACY_DATABASE_URL": "postgresql://dh:db-password-42@db.regio.nl:5432/dh",
               **TELEGRAM, **TWILIO}
    documents = generate(tmp_path, secrets)
    for name, text in documents.items():
        for value in ("c2VjcmV0", "actions-token", "db-password-42", "telegram-secret-token",
                      "twilio-secret-sid", "twilio-token"):
            assert value not in text, (name, value)
    assert "uit de omgeving (`DH_PRIVACY_KEY`)" in documents[REGISTER]
    assert "PostgreSQL op db.regio.nl:5432" in documents[REGISTER]


def test_the_consent_text_and_its_version_appear(tmp_path):
    consent = yaml.safe_load((PROJECT_ROOT / "bot" / "consent.yml").read_text(encoding="utf-8"))
    consent["version"] = "2031-02-03"
    consent["handoff"]["question"] = consent["handoff"]["question"].replace(
        "Mag ik je vraag doorgeven?", "Mag ik je vraag nu doorgeven?")
    changed = tmp_path / "consent.yml"
    changed.write_text(yaml.safe_dump(consent, allow_unicode=True), encoding="utf-8")
    documents = generate(tmp_path, {"DH_PRIVACY_CONSENT_FILE": str(changed)})
    assert "toestemmingstekst versie **2031-02-03**" in documents[REGISTER]
    assert "Mag ik je vraag nu doorgeven?" in section(documents[REGISTER], "Verwerking 2")
    assert "2031-02-03" in documents[DPIA]
    assert "2031-02-03" in box_text(documents[FLOWS], "consents")


@pytest.mark.parametrize("service", [s["naam"] for s in load_referrals().services.values()])
def test_every_referral_service_is_named(tmp_path, service):
    register = generate(tmp_path)[REGISTER]
    assert f"| {service} |" in section(register, "Diensten in de verwijsgids")


def test_a_municipality_s_own_services_replace_the_example(tmp_path):
    referrals = yaml.safe_load((PROJECT_ROOT / "bot" / "referrals.yml").read_text("utf-8"))
    referrals["example"] = False
    referrals["services"]["schuldhulp"]["naam"] = "Kredietbank Rivierenland"
    own = tmp_path / "referrals.yml"
    own.write_text(yaml.safe_dump(referrals, allow_unicode=True), encoding="utf-8")
    register = generate(tmp_path, referrals_file=own)[REGISTER]
    assert row(register, "schulden") == \
        "| schulden | Kredietbank Rivierenland | `schuldhulp` |"
    assert "Schuldhulpverlening Voorbeeldstad" not in register
    assert "voorbeeldgemeente" not in register


def test_the_diagram_is_valid_accessible_svg(tmp_path):
    svg = generate(tmp_path, {"PROFILE": "production", **TELEGRAM})[FLOWS]
    root = ET.fromstring(svg.encode("utf-8"))
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and "Gegevensstromen" in (title.text or "")
    assert desc is not None and "30 minuten zonder gebruik" in (desc.text or "")
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    texts = [el.text for el in root.iter(f"{SVG}text")]
    assert texts and all(text and text.strip() for text in texts)
    assert "<PERSOON_1>" in box_text(svg, "boundary")  # escaped in the file, text when parsed


def test_every_measured_figure_appears_with_its_date_and_matches_the_readme(tmp_path):
    dpia = generate(tmp_path)[DPIA]
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    figures = load_figures()
    assert {"redaction_leak_heldout", "redaction_leak_blind", "redaction_recall_heldout",
            "redaction_recall_blind", "safety_recall_blind", "tests_full_run"} <= {
                f.key for f in figures}
    table = section(dpia, "C. Risico's")
    for figure in figures:
        assert figure.as_in_readme in readme, figure.key
        assert f"| {figure.label} | {figure.dutch} |" in table
        assert figure.measured.isoformat() in row(table, figure.label)


def test_the_dpia_translates_every_known_limit_of_the_privacy_officers_page():
    page = (PROJECT_ROOT / "docs" / "privacy-officers.md").read_text(encoding="utf-8")
    limits = section(page, "Known limits")
    assert len(re.findall(r"^- ", limits, flags=re.MULTILINE)) == len(KNOWN_LIMITS)


def test_the_tests_the_dpia_cites_exist(tmp_path):
    dpia = generate(tmp_path)[DPIA]
    cited = set(re.findall(r"`(tests/[\w/.]+)`", dpia))
    assert cited
    assert [path for path in sorted(cited) if not (PROJECT_ROOT / path).exists()] == []


def test_every_portal_role_has_its_scope_described():
    assert set(ROLE_SCOPE) == set(ROLE_NAMES)

from pathlib import Path

import pytest
import yaml

from bot.referrals import REFERRALS_FILE, ReferralsError, load_referrals

TOPICS = ["debt", "money_worries", "stress", "parenting", "loneliness", "youth",
          "digital_help", "social_support"]


@pytest.mark.parametrize("topic", TOPICS)
def test_every_help_topic_has_a_reachable_local_service(referrals, topic):
    service = referrals.service_for_topic(topic)
    assert service["telefoon"] and service["adres"] and service["email"] and service["inloop"]


def test_unknown_topic_falls_back_to_the_wijkteam(referrals):
    assert referrals.service_for_topic(None) == referrals.services["wijkteam"]
    assert referrals.service_for_topic("weather") == referrals.services["wijkteam"]


def test_template_variables_are_flat(referrals):
    variables = referrals.template_variables()
    assert variables["schuldhulp_telefoon"] == referrals.services["schuldhulp"]["telefoon"]
    assert variables["gemeente_naam"]


def _write(tmp_path: Path, change) -> Path:
    data = yaml.safe_load(REFERRALS_FILE.read_text())
    change(data)
    path = tmp_path / "referrals.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True))
    return path


def test_missing_phone_is_refused(tmp_path):
    path = _write(tmp_path, lambda d: d["services"]["cjg"].pop("telefoon"))
    with pytest.raises(ReferralsError, match="'cjg' lacks telefoon"):
        load_referrals(path)


def test_topic_pointing_to_unknown_service_is_refused(tmp_path):
    path = _write(tmp_path, lambda d: d["topic_services"].__setitem__("debt", "bank"))
    with pytest.raises(ReferralsError, match="unknown service 'bank'"):
        load_referrals(path)


def test_local_service_without_walk_in_is_refused(tmp_path):
    path = _write(tmp_path, lambda d: d["services"]["wmo"].pop("inloop"))
    with pytest.raises(ReferralsError, match="'wmo'.*lacks inloop"):
        load_referrals(path)


def test_english_labels_replace_the_dutch_ones_and_keep_the_rest(referrals):
    english = referrals.in_language("en")
    cjg, dutch = english.services["cjg"], referrals.services["cjg"]
    assert cjg["tijden"] == "on weekdays from 8.30 to 17.00"
    assert cjg["naam"] == "Centre for Youth and Family (CJG)"
    for kept in ("telefoon", "website", "adres", "email"):
        assert cjg[kept] == dutch[kept], "numbers and addresses are the municipality's own"
    assert english.template_variables()["cjg_tijden"] == cjg["tijden"]
    assert referrals.in_language("nl") is referrals


@pytest.mark.parametrize("topic", TOPICS)
def test_every_local_service_has_english_hours_and_walk_in_times(referrals, topic):
    english = referrals.in_language("en").service_for_topic(topic)
    dutch = referrals.service_for_topic(topic)
    assert english["tijden"] != dutch["tijden"] and english["inloop"] != dutch["inloop"]


def test_english_label_for_an_unknown_field_is_refused(tmp_path):
    path = _write(tmp_path, lambda d: d["services"]["cjg"]["en"].update({"fax": "none"}))
    with pytest.raises(ReferralsError, match="cjg.en labels unknown fields fax"):
        load_referrals(path)

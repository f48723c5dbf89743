from pathlib import Path

import pytest
import yaml

from redaction.registry import DEFAULT_PATH, build_registry, load_config

ENTITIES = {
    "PERSON", "PHONE_NUMBER", "EMAIL_ADDRESS", "NL_BSN", "IBAN_CODE", "NL_POSTCODE", "NL_ADDRESS",
    "DATE_TIME", "NL_LICENSE_PLATE", "URL", "IP_ADDRESS", "ID_NUMBER", "NL_CASE_CODE",
}  # fmt: skip


def test_default_registry_covers_every_entity_in_dutch(registry):
    assert registry.supported_languages == ["nl"]
    assert set(registry.get_supported_entities(["nl"])) == ENTITIES
    assert all(r.supported_language == "nl" for r in registry.recognizers)
    assert all(r.score_thresholds == {"default": 0.5} for r in registry.recognizers)


def _write(tmp_path: Path, config: dict) -> Path:
    path = tmp_path / "recognizers.yml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return path


def test_disabled_entries_are_skipped_and_extra_context_is_appended(tmp_path):
    config = {
        "supported_language": "nl",
        "recognizers": [
            {"class": "NlBsnRecognizer", "options": {"extra_context": ["persoonsnr"]}},
            {"class": "NlIbanRecognizer", "enabled": False},
            {"class": "NlDateRecognizer", "options": {"score_threshold": 0.7}},
        ],
    }
    registry = build_registry(_write(tmp_path, config))
    names = [r.name for r in registry.recognizers]
    assert names == ["NlBsnRecognizer", "NlDateRecognizer"]
    bsn, date = registry.recognizers
    assert "persoonsnr" in bsn.context and "bsn" in bsn.context
    assert date.score_thresholds == {"default": 0.7}


def test_overrides_merge_over_yaml_options(tmp_path):
    config = {"recognizers": [{"class": "NlUrlRecognizer", "options": {"public_domains": []}}]}
    registry = build_registry(
        _write(tmp_path, config), overrides={"NlUrlRecognizer": {"public_domains": ["x.nl"]}}
    )
    assert registry.recognizers[0].public_domains == frozenset({"x.nl"})


@pytest.mark.parametrize(
    "entry",
    [
        {"class": "NoSuchRecognizer"},
        {"class": "elf_proef"},
        {"class": "NlBsnRecognizer", "options": {"bogus": 1}},
    ],
)
def test_bad_entries_fail_at_build_time(tmp_path, entry):
    with pytest.raises((ValueError, TypeError)):
        build_registry(_write(tmp_path, {"recognizers": [entry]}))


def test_shipped_yaml_parses():
    config = load_config(DEFAULT_PATH)
    assert config["supported_language"] == "nl"
    assert {e["class"] for e in config["recognizers"]} >= {"NlPersonRecognizer", "NlBsnRecognizer"}


def test_nlp_engine_adds_the_ner_recognizer(tmp_path, nlp_engine):
    config = {"recognizers": [{"class": "NlBsnRecognizer"}]}
    registry = build_registry(_write(tmp_path, config), nlp_engine=nlp_engine)
    assert [r.name for r in registry.recognizers] == ["NlBsnRecognizer", "SpacyRecognizer"]

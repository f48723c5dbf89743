"""The build command fails loudly and leaves an existing pipeline alone."""

from __future__ import annotations

from redaction.ner.__main__ import main


def test_build_refuses_too_little_data_with_a_clear_message(tmp_path, capsys):
    out = tmp_path / "ner-nl"
    out.mkdir()
    (out / "meta.json").write_text("{}", encoding="utf-8")
    assert main(["build", "--out", str(out), "--train-sentences", "10"]) == 1
    assert "redaction.ner build failed" in capsys.readouterr().err
    assert (out / "meta.json").read_text(encoding="utf-8") == "{}"


def test_build_reports_a_missing_config(tmp_path, capsys):
    args = ["build", "--out", str(tmp_path / "x"), "--config", str(tmp_path / "absent.cfg")]
    assert main(args) == 1
    assert "config not found" in capsys.readouterr().err
    assert not (tmp_path / "x").exists()

"""The models that learn from retired language sets: only listed sets, never the newest."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bot import foreign_safety, latin_language
from bot.language_sets import SETS_DIR, read_config, set_messages

READERS: dict[str, tuple[Path, Callable[..., dict[str, Any]]]] = {
    "other-language safety": (foreign_safety.CONFIG_FILE, foreign_safety.read_foreign_config),
    "Latin-letter reader": (latin_language.CONFIG_FILE, latin_language.read_latin_config),
}


@pytest.mark.parametrize("model", sorted(READERS))
def test_only_listed_sets_train_and_never_the_newest(model):
    path, reader = READERS[model]
    config = reader(path)
    newest = max((p.stem for p in SETS_DIR.glob("lang_blind_*.yml")),
                 key=lambda s: int(re.sub(r"\D", "", s)))
    assert newest not in config["training_sets"]
    assert all(set_messages(name) for name in config["training_sets"])


def test_a_config_without_sets_is_refused(tmp_path):
    bad = tmp_path / "model.yml"
    bad.write_text("training_sets: []\n", encoding="utf-8")
    with pytest.raises(ValueError, match="training_sets"):
        read_config(bad, {})


def test_numbers_take_the_defaults_type(tmp_path):
    path = tmp_path / "model.yml"
    path.write_text("training_sets: [lang_blind_1]\nsize: '30'\n", encoding="utf-8")
    config = read_config(path, {"size": 10, "share": 0.5})
    assert config == {"training_sets": ["lang_blind_1"], "size": 30, "share": 0.5}

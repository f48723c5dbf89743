"""The closed lists reports use: wijken and doelgroepen (``areas.yml``), topics (``topics.yml``),
languages (``languages.yml``).

Closed on purpose: metadata is free text a client sends; only a listed value reaches the store.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from settings.core import PROJECT_ROOT, SettingsError

LANGUAGES_FILE = Path(__file__).resolve().parent / "languages.yml"
DUTCH = "nl"  # a conversation's language when none of its messages carried one
OTHER_LANGUAGE = "other"  # a language code not on the list (never the client's own text)


@dataclass(frozen=True)
class Vocabulary:
    wijken: tuple[str, ...]
    doelgroepen: tuple[str, ...]
    topics: dict[str, str]  # intent → Dutch name, in report order
    languages: dict[str, str]  # ISO 639-1 code → Dutch name, in report order

    def wijk(self, value: object) -> str | None:
        return _match(value, self.wijken)

    def doelgroep(self, value: object) -> str | None:
        return _match(value, self.doelgroepen)

    def language(self, value: object) -> str | None:
        """A listed code, ``OTHER_LANGUAGE`` for any other value, ``None`` when there is none
        (the boundary was in doubt: the conversation keeps its language)."""
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        code = value.strip().casefold() if isinstance(value, str) else None
        return code if code in self.languages else OTHER_LANGUAGE


def _match(value: object, allowed: tuple[str, ...]) -> str | None:
    """The listed spelling of ``value`` (case- and space-insensitive), else ``None``."""
    if not isinstance(value, str) or len(value) > 64:
        return None
    wanted = " ".join(value.split()).casefold()
    return next((item for item in allowed if item.casefold() == wanted), None)


def _read(path: Path) -> dict:
    path = path if path.is_absolute() else PROJECT_ROOT / path
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise SettingsError(f"{path} must hold a mapping")
    return data


def load_vocabulary(areas_file: Path, topics_file: Path,
                    languages_file: Path = LANGUAGES_FILE) -> Vocabulary:
    areas, topics, languages = _read(areas_file), _read(topics_file), _read(languages_file)
    wijken = tuple(str(w) for w in areas.get("wijken") or [])
    doelgroepen = tuple(str(d) for d in areas.get("doelgroepen") or [])
    names = {str(k): str(v) for k, v in (topics.get("topics") or {}).items()}
    codes = {str(k).casefold(): str(v) for k, v in (languages.get("languages") or {}).items()}
    if not wijken or not doelgroepen or not names:
        raise SettingsError(f"{areas_file} needs wijken and doelgroepen, {topics_file} topics")
    if DUTCH not in codes or OTHER_LANGUAGE in codes:
        raise SettingsError(f"{languages_file} needs '{DUTCH}' and no '{OTHER_LANGUAGE}'")
    return Vocabulary(wijken, doelgroepen, names, codes)

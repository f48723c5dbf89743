"""The short answer for residents who write in another language, and its safety words.

Municipality content, so it is data (``bot/languages.yml``): per language the answer (what the
assistant can do, that simple Dutch or English is fine, the municipality's number and walk-in),
the lines with 112, 113 and Veilig Thuis that every such answer carries, the safety answers that
come first, and the words that make a message in that language a crisis or violence message.
A municipality adds a language by adding an entry.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.foreign_safety import FULL_LANGUAGES, ForeignSafetyModel, load_foreign_safety
from bot.language_id import DUTCH, LanguageIdentifier, without_codes
from bot.latin_language import load_latin_language
from bot.safety import KIND_INTENT, SafetySignal, normalise
from bot.spelling_fold import fold
from redaction.wordlists import CHAT_WORDS_FILE, read_term_file
from settings.core import PROJECT_ROOT

LANGUAGES_FILE = PROJECT_ROOT / "bot" / "languages.yml"
SAFETY_NUMBERS = ("112", "0800-0113", "0800-2000")
PLACEHOLDERS = ("{gemeente_naam}", "{gemeente_telefoon}", "{inloop}")
_FIELDS = ("name", "dutch_name", "direction", "answer", "safety_lines", "safety_answer_suicide",
           "safety_answer_violence", "crisis_words", "violence_words")
NEAR = "…"  # "korkuyorum … eve git": both within a few words, in either order


class LanguagesFileError(ValueError):
    """The languages file misses a field, a placeholder or a safety number."""


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    dutch_name: str
    direction: str  # ltr | rtl
    reviewed: bool
    answer: str
    safety_lines: str
    safety_answer_suicide: str
    safety_answer_violence: str
    crisis_words: re.Pattern[str]  # every word and word beginning in one alternation
    violence_words: re.Pattern[str]

    def safety_kind(self, text: str) -> str | None:
        """ "suicide" or "violence" when the message holds one of this language's words."""
        return self.normalised_safety_kind(normalise(text))

    def normalised_safety_kind(self, plain: str) -> str | None:
        """The same, for text ``bot.safety.normalise`` has already folded."""
        plain = fold(plain)
        if self.crisis_words.search(plain):
            return "suicide"
        if self.violence_words.search(plain):
            return "violence"
        return None


@dataclass(frozen=True)
class Languages:
    version: str
    by_code: Mapping[str, Language]
    # Languages the check knows without answering in them (look_alikes in the file), so a
    # Portuguese "quarenta e cinco" is not taken for the nearest language it does answer in.
    look_alikes: tuple[str, ...] = ()

    def get(self, code: str | None) -> Language | None:
        return self.by_code.get(code or "")

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(self.by_code)


def _words(raw: object, where: str, stems: object = (), clitics: object = ()) -> re.Pattern[str]:
    """Whole words and phrases ("ölmek istiyorum", not inside another word), and word
    beginnings (``*_stems``: "öldür" finds "öldürmeyi", "самогуб" finds "самогубство"); either
    may be two parts near each other ("boje sie … do domu"). ``clitics``: letters a word may
    carry in front (Arabic و "and", ف "so": "ويضربني")."""
    if not isinstance(raw, list) or not raw:
        raise LanguagesFileError(f"{where}: a list of words is needed")
    if not isinstance(stems, list | tuple) or not isinstance(clitics, list | tuple):
        raise LanguagesFileError(f"{where}: stems and clitics must be lists")
    front = r"(?<!\w)"
    if clitics:
        front += "(?:" + "|".join(re.escape(fold(normalise(str(c)))) for c in clitics) + ")?"

    def pattern(word: object, whole: bool) -> str:
        parts = [fold(normalise(p)) for p in str(word).split(NEAR)]
        if len(parts) > 2 or not all(parts):
            raise LanguagesFileError(f"{where}: '{word}': one {NEAR} between two parts at most")
        end = r"(?!\w)" if whole else ""
        found = [front + re.escape(p) + end for p in parts]
        if len(found) == 1:
            return found[0]
        return f"(?:{found[0]}.{{0,40}}?{found[1]}|{found[1]}.{{0,40}}?{found[0]})"

    return re.compile("|".join([pattern(w, True) for w in raw] +
                               [pattern(w, False) for w in stems]))


def load_languages(path: Path = LANGUAGES_FILE) -> Languages:
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    found: dict[str, Language] = {}
    for code, entry in (raw.get("languages") or {}).items():
        where = f"{path.name}: {code}"
        missing = [f for f in _FIELDS if not entry.get(f)]
        if missing:
            raise LanguagesFileError(f"{where}: missing {', '.join(missing)}")
        if entry["direction"] not in ("ltr", "rtl"):
            raise LanguagesFileError(f"{where}: direction must be ltr or rtl")
        if any(p not in entry["answer"] for p in PLACEHOLDERS):
            raise LanguagesFileError(f"{where}: the answer needs {', '.join(PLACEHOLDERS)}")
        if any(n not in entry["safety_lines"] for n in SAFETY_NUMBERS):
            raise LanguagesFileError(f"{where}: the safety lines need 112, 113 and Veilig Thuis")
        found[str(code)] = Language(
            code=str(code), name=str(entry["name"]), dutch_name=str(entry["dutch_name"]),
            direction=entry["direction"], reviewed=bool(entry.get("reviewed")),
            answer=" ".join(str(entry["answer"]).split()),
            safety_lines=" ".join(str(entry["safety_lines"]).split()),
            safety_answer_suicide=" ".join(str(entry["safety_answer_suicide"]).split()),
            safety_answer_violence=" ".join(str(entry["safety_answer_violence"]).split()),
            crisis_words=_words(entry["crisis_words"], f"{where}: crisis_words",
                                entry.get("crisis_stems") or (), entry.get("clitics") or ()),
            violence_words=_words(entry["violence_words"], f"{where}: violence_words",
                                  entry.get("violence_stems") or (), entry.get("clitics") or ()),
        )
    look_alikes = raw.get("look_alikes") or []
    if not isinstance(look_alikes, list) or any(str(c) in found for c in look_alikes):
        raise LanguagesFileError(f"{path.name}: look_alikes must list languages not answered in")
    return Languages(str(raw.get("version", "")), found, tuple(str(c) for c in look_alikes))


class LanguageCheck:
    """At the boundary, on the original words: the language, and a safety signal from that
    language's words (the Dutch check cannot read "intihar" or "мене б'є") or, where no word
    matched, from the learned check for the languages not answered in full (English has its
    own detector inside the assistant: on English resident messages this check's false alarms
    gave 13-15 % of calm messages the full safety answer)."""

    def __init__(self, identifier: LanguageIdentifier, languages: Languages,
                 model: ForeignSafetyModel | None = None) -> None:
        self._identifier = identifier
        self._languages = languages
        self._model = model

    def warm_up(self) -> None:
        """Load the detector's models now (seconds), not on a resident's first message."""
        self._identifier.identify("this is a sentence to load the language models with")

    def clearly_dutch(self, text: str) -> bool:
        """A Dutch message the conversation's language may follow (``LanguageIdentifier``)."""
        return self._identifier.clearly_dutch(text)

    def check(self, text: str) -> tuple[str, SafetySignal | None]:
        code = self._identifier.identify(text)
        text = without_codes(text)
        language = self._languages.get(code)
        kind = language.safety_kind(text) if language is not None else None
        if kind is None and not self._identifier.has_dutch_words(text):
            # Safety first: "ne khochu bilshe zhyty" is too short or too transliterated to
            # name its language, but its words say which one - and that it is a crisis.
            plain = normalise(text)
            for other in self._languages.by_code.values():
                kind = other.normalised_safety_kind(plain)
                if kind is not None:
                    code, language = other.code, other
                    break
        if language is None:
            return DUTCH, None
        if kind is None and self._model is not None and code not in FULL_LANGUAGES:
            kind = self._model.kind(text)
        intent = KIND_INTENT.get(kind or "")
        return code, SafetySignal(intent, True) if intent else None


def load_language_check(path: Path = LANGUAGES_FILE,
                        model_dir: Path | None = None) -> LanguageCheck:
    """The check with the redactor's chat words (greetings from other languages that Dutch
    residents use) as words that say nothing about the language, and - given the directory
    ``make train`` writes - the learned reader of Latin letters and check for other languages."""
    languages = load_languages(path)
    learned = load_latin_language(model_dir) if model_dir is not None else None
    identifier = LanguageIdentifier(languages.codes,
                                    neutral_words=read_term_file(CHAT_WORDS_FILE),
                                    look_alikes=languages.look_alikes, learned=learned)
    model = load_foreign_safety(model_dir) if model_dir is not None else None
    return LanguageCheck(identifier, languages, model)

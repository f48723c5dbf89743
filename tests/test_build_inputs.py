"""Every project module a training imports is a prerequisite of its model in the Makefile.

A module missing from the list lets a local ``make`` keep a model built from older code, while a
fresh clone builds another one - the NER that read "prive" as a name on some machines, and a
training-data scan that passed here and failed in CI.
"""

from __future__ import annotations

import ast
import re
import subprocess
from functools import cache
from pathlib import Path

import pytest
import yaml

from settings.core import PROJECT_ROOT

PROJECT_PACKAGES = ("bot", "redaction", "settings", "actions", "evaluation", "trends", "privacy")


def make_variable(name: str) -> set[str]:
    """The variable as make expands it."""
    result = subprocess.run(
        ["make", "-s", "--no-print-directory", "--eval", "print-%: ; @echo $($*)", f"print-{name}"],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60, check=True)
    return set(result.stdout.split())


def module_file(module: str) -> Path | None:
    base = PROJECT_ROOT / Path(*module.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


@cache
def _imports(path: Path) -> tuple[str, ...]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ".".join(path.relative_to(PROJECT_ROOT).with_suffix("").parts[:-1])
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            found.append(base)
            found += [f"{base}.{alias.name}" for alias in node.names]
    return tuple(found)


def closure(entries: list[str]) -> set[str]:
    """Project source files reachable by imports from the entry modules (packages' __init__ too)."""
    seen: set[Path] = set()
    todo = list(entries)
    while todo:
        module = todo.pop()
        if module.split(".")[0] not in PROJECT_PACKAGES:
            continue
        parts = module.split(".")
        for i in range(1, len(parts) + 1):
            path = module_file(".".join(parts[:i]))
            if path is not None and path not in seen:
                seen.add(path)
                todo += list(_imports(path))
    return {str(p.relative_to(PROJECT_ROOT)) for p in seen if not _configuration_only(p)}


def _configuration_only(path: Path) -> bool:
    """Package docstrings and the settings (paths, ports) shape no model: no rebuild on them."""
    if path.parts[-2] == "settings" and path.is_relative_to(PROJECT_ROOT / "settings"):
        return True
    body = ast.parse(path.read_text(encoding="utf-8")).body
    return path.name == "__init__.py" and all(
        isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) for node in body)


def config_components() -> list[str]:
    config = yaml.safe_load((PROJECT_ROOT / "config.yml").read_text(encoding="utf-8"))
    names = [item["name"] for item in config["pipeline"] + config["policies"]]
    return [name.rsplit(".", 1)[0] for name in names if "." in name]


BUILDS = {
    "assistant (rasa train)": ("MODEL", config_components),
    "safety detector": ("SAFETY_MODEL", lambda: ["bot.safety_detector"]),
    "other-language safety": ("FOREIGN_SAFETY_MODEL", lambda: ["bot.foreign_safety"]),
    "Latin-letter language reader": ("LATIN_LANGUAGE_MODEL", lambda: ["bot.latin_language"]),
    "NER": ("NER_MODEL", lambda: ["redaction.ner.__main__", "redaction.ner.train_process"]),
}


def prerequisites(target_variable: str) -> set[str]:
    """What rebuilds the target, directly or through another target (make's own database)."""
    database = subprocess.run(["make", "-pq", "-s", "--no-print-directory", ".DEFAULT"],
                              cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60).stdout
    rules: dict[str, list[str]] = {}
    for line in database.splitlines():
        target, colon, rest = line.partition(":")
        if colon and target and not target.startswith(("#", "\t", " ")) and "=" not in target:
            rules.setdefault(target, []).extend(rest.split())
    found: set[str] = set()
    todo = list(make_variable(target_variable))
    while todo:
        for prerequisite in rules.get(todo.pop(), []):
            if prerequisite not in found:
                found.add(prerequisite)
                todo.append(prerequisite)
    return found


_DATA_NAME = re.compile(r"^[\w-]+\.(?:txt|yml)$")
_NOT_SOURCES = ("models", "var", "tests", ".venv", ".tools")
# Named by a module the build imports, but never read by the build: the redactor's chat words
# (redaction.wordlists) stay out of the NER's training view, so editing them - the way to clear
# the training-data scan - need not retrain the NER.
NEVER_READ = {"NER": {"redaction/recognizers/data/chat_words.txt"}}


def data_files_named(sources: set[str]) -> set[str]:
    """Project data files whose name a module of the build spells out ("number_words.txt")."""
    names = {node.value for source in sources
             for node in ast.walk(ast.parse((PROJECT_ROOT / source).read_text(encoding="utf-8")))
             if isinstance(node, ast.Constant) and isinstance(node.value, str)
             and _DATA_NAME.match(node.value)}
    return {str(path.relative_to(PROJECT_ROOT)) for name in names
            for path in PROJECT_ROOT.rglob(name)
            if path.relative_to(PROJECT_ROOT).parts[0] not in _NOT_SOURCES}


@pytest.mark.parametrize("build", sorted(BUILDS))
def test_every_data_file_a_build_names_is_a_prerequisite(build: str) -> None:
    variable, entries = BUILDS[build]
    named = data_files_named(closure(entries())) - NEVER_READ.get(build, set())
    missing = sorted(named - prerequisites(variable))
    assert not missing, f"the {build} build reads these, make does not rebuild on them: {missing}"


@pytest.mark.parametrize("build", sorted(BUILDS))
def test_every_imported_module_is_a_prerequisite(build: str) -> None:
    variable, entries = BUILDS[build]
    missing = sorted(closure(entries()) - prerequisites(variable))
    assert not missing, f"the {build} build imports these, make does not rebuild on them: {missing}"


def test_the_closure_follows_imports_across_packages() -> None:
    """The check can fail: a module the NER's view imports is found two imports away."""
    files = closure(["redaction.ner.retired"])
    assert "redaction/normalise.py" in files
    assert "redaction/number_words.py" in files

"""Shared fixtures. Heavy things (servers, models) are session-scoped and built once.

Test lanes (Makefile): ``make test-fast`` runs ``-m "not e2e and not slow"`` in parallel; ``make
test`` runs everything on two workers, the e2e tests together on one (``xdist_group``). A test
is ``e2e`` when it starts a whole system (Rasa, action server, portal): every test below
tests/e2e/, and every test that reaches ``runtime.launcher.System`` through its fixtures or its
own body (``running_system``, ``supervised`` …) - marked here at collection, so a new end-to-end
test needs no marker. Should a system start in a test without the marker anyway, it fails with
the reason instead of slowing the fast lane down.
"""

from __future__ import annotations

import inspect
import os
import secrets
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.referrals import Referrals, load_referrals
from redaction.ner.names import FAKER_LOCALES
from runtime.launcher import System
from settings.core import PROJECT_ROOT
from tests.e2e.conftest import Assistant, running_system
from tests.postgres import PostgresDatabases, postgres_or_skip
from tests.redis_db import RedisDatabase, redis_db_or_skip


def pytest_configure(config: pytest.Config) -> None:
    """Import Faker's locales for the NER name pools now, while this process runs one thread.

    Faker is a pytest plugin, so pytest rewrites every Faker module it imports, and rewriting
    parses with ``ast``; CPython 3.11's AST conversion is not thread-safe (gh-106905). Imported
    lazily in a test while another thread of the worker parsed too, it failed test_generate with
    "AST constructor recursion depth mismatch" in some runs only. Imported here, every later
    ``Faker(locale)`` finds its modules loaded.
    """
    from faker import Faker

    for locale in FAKER_LOCALES:
        Faker(locale)


@pytest.fixture(scope="session")
def project_root() -> Path:
    return PROJECT_ROOT


@pytest.fixture(scope="session")
def domain() -> dict[str, Any]:
    return yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def referrals() -> Referrals:
    return load_referrals()


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresDatabases]:
    """Throwaway PostgreSQL databases; skips with the reason when the server cannot be used."""
    databases = postgres_or_skip()
    try:
        yield databases
    finally:
        databases.drop_all()


@pytest.fixture
def redis_db() -> Iterator[RedisDatabase]:
    """A Redis database of this test's own (emptied at the end); skips when Redis does not
    answer."""
    database = redis_db_or_skip()
    try:
        yield database
    finally:
        database.release()


@pytest.fixture(scope="session")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Assistant]:
    """One whole system for the session, shared by the end-to-end tests that talk to it as
    residents do - each with its own senders, reading back only their own rows - in tests/e2e
    and tests/security. Tests that need other settings, stop servers (faults) or run the
    production replicas start their own system."""
    token = os.environ.get("DH_ACTIONS_TOKEN") or secrets.token_urlsafe(32)
    with running_system(tmp_path_factory.mktemp("assistant"), DH_ACTIONS_TOKEN=token) as running:
        yield running


E2E_FOLDER = PROJECT_ROOT / "tests" / "e2e"


def _code_names(code: types.CodeType) -> set[str]:
    """Global names a function uses, its nested functions and comprehensions included."""
    names = set(code.co_names)
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            names |= _code_names(const)
    return names


def _starts_a_system(func: Callable[..., Any], seen: set[int]) -> bool:
    """Whether ``func`` uses the launcher's ``System``, directly or through test helpers."""
    func = inspect.unwrap(func)
    code = getattr(func, "__code__", None)
    if code is None or id(func) in seen:
        return False
    seen.add(id(func))
    for name in _code_names(code):
        target = func.__globals__.get(name)
        if target is System:
            return True
        if (inspect.isfunction(target) and target.__module__.startswith("tests.")
                and _starts_a_system(target, seen)):
            return True
    return False


@pytest.hookimpl(tryfirst=True)  # before xdist's, which reads xdist_group to group the tests
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    seen: dict[str, bool] = {}  # fixture or test function -> starts a system
    for item in items:
        if item.get_closest_marker("e2e") or _starts_a_system_through(item, seen):
            item.add_marker(pytest.mark.e2e)
            # `make test` runs on two workers: every e2e test on one of them (so the session
            # system starts once), the rest of the suite beside it on the other.
            item.add_marker(pytest.mark.xdist_group("e2e"))


def _starts_a_system_through(item: pytest.Item, seen: dict[str, bool]) -> bool:
    if item.path.is_relative_to(E2E_FOLDER):
        return True
    funcs = [getattr(item, "function", None)]
    fixture_info = getattr(item, "_fixtureinfo", None)
    if fixture_info is not None:
        for name in fixture_info.names_closure:
            funcs += [d.func for d in fixture_info.name2fixturedefs.get(name, ())]
    for func in filter(None, funcs):
        if func is _SYSTEMS_GUARD:
            continue
        key = f"{getattr(func, '__module__', '')}.{getattr(func, '__qualname__', id(func))}"
        if key not in seen:
            seen[key] = _starts_a_system(func, set())
        if seen[key]:
            return True
    return False


@pytest.fixture(autouse=True)
def _systems_only_in_e2e_tests(request: pytest.FixtureRequest) -> Iterator[None]:
    """A whole system started by a test without the ``e2e`` marker is a failure with the reason."""
    if request.node.get_closest_marker("e2e"):
        yield
        return

    def refuse(self: System, name: str) -> None:
        pytest.fail(f"{request.node.nodeid} starts a whole system ({name}) but is not marked "
                    "e2e: start it with running_system (tests/e2e/conftest.py), which marks the "
                    "test, or mark it e2e", pytrace=False)

    original = System.spawn_process
    System.spawn_process = refuse  # type: ignore[method-assign]
    try:
        yield
    finally:
        System.spawn_process = original  # type: ignore[method-assign]


_SYSTEMS_GUARD = inspect.unwrap(_systems_only_in_e2e_tests)

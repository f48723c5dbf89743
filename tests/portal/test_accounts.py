"""The accounts command line: clear errors with a non-zero exit, and accounts that work."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from portal.accounts import Accounts, main
from portal.audit import AuditLog
from portal.db import open_portal_engine
from portal.tables import accounts
from privacy.settings import load_privacy_settings
from settings.core import PROJECT_ROOT
from tests.portal.conftest import portal_env

GOOD = "een-goed-wachtwoord"


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    root = tmp_path_factory.mktemp("cli")
    return portal_env(root / "data", root / "reports")


def cli(
    env: dict[str, str], *args: str, password: str | None = GOOD
) -> subprocess.CompletedProcess:
    """The real command line in its own process."""
    return subprocess.run(  # noqa: S603
        [sys.executable, "-m", "portal.accounts", *args], cwd=PROJECT_ROOT, env=env,
        input=None if password is None else password + "\n", capture_output=True, text=True,
        timeout=60,
    )


@pytest.fixture
def run(existing: dict[str, str], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]):  # noqa: ANN201
    """The same command line in this process (a new process per case would cost a second)."""
    engine = open_portal_engine(load_privacy_settings(env=existing))

    def invoke(*args: str, password: str | None = GOOD) -> subprocess.CompletedProcess:
        monkeypatch.setattr(sys, "stdin", io.StringIO("" if password is None else password + "\n"))
        code = main(list(args), engine=engine)
        out, err = capsys.readouterr()
        return subprocess.CompletedProcess(args, code, out, err)

    return invoke


@pytest.fixture(scope="module")
def existing(env: dict[str, str]) -> dict[str, str]:
    result = cli(env, "add", "jan", "--role", "counsellor", "--team", "schuldhulp",
                 "--team", "wijkteam", "--password-stdin")
    assert result.returncode == 0, result.stderr
    assert "aangemaakt" in result.stdout
    return env


def _store(env: dict[str, str]) -> Accounts:
    engine = open_portal_engine(load_privacy_settings(env=env))
    return Accounts(engine, AuditLog(engine))


def test_add_stores_a_scrypt_hash_not_the_password(existing: dict[str, str]) -> None:
    engine = open_portal_engine(load_privacy_settings(env=existing))
    with engine.connect() as connection:
        stored = connection.execute(select(accounts.c.password_hash)
                                    .where(accounts.c.name == "jan")).scalar()
    assert stored.startswith("scrypt$") and GOOD not in stored
    store = _store(existing)
    assert store.authenticate("jan", GOOD).teams == ("schuldhulp", "wijkteam")
    assert store.authenticate("jan", GOOD + "x") is None
    entries = AuditLog(engine).entries(action="account_create", target="jan")
    assert entries and entries[0].actor.startswith("cli:")


@pytest.mark.parametrize("args, password, fragment", [
    (("add", "piet", "--role", "baas", "--password-stdin"), GOOD, "Onbekende rol"),
    (("add", "piet", "--role", "admin", "--password-stdin"), "kort", "te kort"),
    (("add", "jan", "--role", "admin", "--password-stdin"), GOOD, "bestaat al"),
    (("add", "piet", "--role", "counsellor", "--password-stdin"), GOOD, "minstens één team"),
    (("add", "piet", "--role", "counsellor", "--team", "nasa", "--password-stdin"), GOOD,
     "Onbekend team"),
    (("add", "piet", "--role", "analyst", "--team", "cjg", "--password-stdin"), GOOD, "team"),
    (("disable", "niemand"), None, "bestaat niet"),
    (("set-password", "niemand", "--password-stdin"), GOOD, "bestaat niet"),
], ids=["unknown role", "short password", "duplicate", "counsellor without team",
        "unknown team", "analyst with team", "disable unknown", "password unknown"])
def test_cli_refuses_clearly(
    existing: dict[str, str], run, args: tuple[str, ...], password: str | None,  # noqa: ANN001
    fragment: str,
) -> None:
    result = run(*args, password=password)
    assert result.returncode != 0
    assert fragment in result.stderr
    assert "Traceback" not in result.stderr
    assert _store(existing).get("piet") is None


def test_real_process_exits_non_zero_with_a_clear_error(existing: dict[str, str]) -> None:
    result = cli(existing, "add", "piet", "--role", "admin", "--password-stdin", password="kort")
    assert result.returncode == 1
    assert "te kort" in result.stderr and "Traceback" not in result.stderr


def test_list_disable_and_set_password(existing: dict[str, str], run) -> None:  # noqa: ANN001
    assert run("add", "kim", "--role", "analyst", "--password-stdin").returncode == 0
    listing = run("list", password=None)
    assert "jan\tcounsellor\tschuldhulp,wijkteam\tactief" in listing.stdout
    assert "kim\tanalyst\t-\tactief" in listing.stdout
    assert run("set-password", "kim", "--password-stdin",
               password="een-nieuw-wachtwoord").returncode == 0
    store = _store(existing)
    assert store.authenticate("kim", "een-nieuw-wachtwoord") is not None
    assert store.authenticate("kim", GOOD) is None
    assert run("disable", "kim", password=None).returncode == 0
    assert store.authenticate("kim", "een-nieuw-wachtwoord") is None  # disabled: no log-in
    assert "kim\tanalyst\t-\tuitgeschakeld" in run("list", password=None).stdout


def test_data_dir_holds_the_database(existing: dict[str, str]) -> None:
    assert (Path(existing["DH_DATA_DIR"]) / "privacy.db").exists()

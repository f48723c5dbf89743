"""Portal accounts and their command line.

    python -m portal.accounts add NAME --role counsellor|analyst|admin [--team schuldhulp ...]
    python -m portal.accounts list
    python -m portal.accounts disable NAME
    python -m portal.accounts set-password NAME

Passwords are read from a prompt, or from standard input with ``--password-stdin`` (for scripts),
never from the command line where other users could see them in the process list.
"""

from __future__ import annotations

import argparse
import getpass
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from portal.audit import AuditLog
from portal.passwords import (
    PasswordError,
    burn_time,
    check_policy,
    hash_password,
    needs_rehash,
    verify_password,
)
from portal.tables import accounts, sessions
from privacy.clock import aware, utc_now

ROLES = ("counsellor", "analyst", "admin")
NAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")


class AccountError(ValueError):
    """An account change that is not allowed; the message says why."""


class DuplicateAccount(AccountError):
    """The name is taken."""


class UnknownAccount(AccountError):
    """No account has this name."""


@dataclass(frozen=True)
class Account:
    name: str
    role: str
    teams: tuple[str, ...]
    active: bool
    created_at: datetime


def known_teams() -> dict[str, str]:
    """Referral service keys a counsellor can belong to, with their display names."""
    from bot.referrals import load_referrals

    return {key: values.get("naam", key) for key, values in load_referrals().services.items()}


class Accounts:
    def __init__(
        self, engine: Engine, audit: AuditLog, teams: Iterable[str] | None = None,
        clock: Callable[[], datetime] = utc_now,
        hasher: Callable[[str], str] = hash_password,
    ) -> None:
        """``hasher`` is for tests that need many accounts quickly: verification reads the
        parameters from each stored hash, so cheaper test hashes take the same code path."""
        self._engine = engine
        self._audit = audit
        self._teams = set(known_teams() if teams is None else teams)
        self._clock = clock
        self._hash = hasher

    def add(
        self, name: str, role: str, password: str, teams: Iterable[str] = (), *,
        actor: str, address: str = "",
    ) -> Account:
        """Create an account; counsellors need at least one team, other roles have none."""
        teams = tuple(dict.fromkeys(t.strip() for t in teams if t.strip()))
        if not NAME_PATTERN.match(name):
            raise AccountError(
                f"Ongeldige naam {name!r}: gebruik 2-64 kleine letters, cijfers, punt, - of _ "
                "(invalid account name)."
            )
        if role not in ROLES:
            raise AccountError(
                f"Onbekende rol {role!r}; kies uit {', '.join(ROLES)} (unknown role)."
            )
        unknown = [t for t in teams if t not in self._teams]
        if unknown:
            raise AccountError(
                f"Onbekend team {', '.join(unknown)}; kies uit {', '.join(sorted(self._teams))} "
                "(unknown team)."
            )
        if role == "counsellor" and not teams:
            raise AccountError("Een hulpverlener hoort bij minstens één team (use --team).")
        if role != "counsellor" and teams:
            raise AccountError(f"Een {role} hoort niet bij een team (only counsellors have teams).")
        check_policy(password)
        now = self._clock()
        try:
            with self._engine.begin() as connection:
                connection.execute(accounts.insert().values(
                    name=name, role=role, teams=",".join(teams),
                    password_hash=self._hash(password), active=True,
                    created_at=now, updated_at=now,
                ))
        except IntegrityError as exc:
            raise DuplicateAccount(f"Het account {name!r} bestaat al (duplicate name).") from exc
        self._audit.append(actor, "account_create", name, address)
        account = self.get(name)
        assert account is not None
        return account

    def get(self, name: str) -> Account | None:
        with self._engine.connect() as connection:
            row = connection.execute(select(accounts).where(accounts.c.name == name)).first()
        return _to_account(row) if row else None

    def list(self) -> list[Account]:
        with self._engine.connect() as connection:
            rows = connection.execute(select(accounts).order_by(accounts.c.name))
            return [_to_account(row) for row in rows]

    def disable(self, name: str, *, actor: str, address: str = "") -> Account:
        """Switch an account off and end its sessions at once (accounts are kept for the audit)."""
        with self._engine.begin() as connection:
            changed = connection.execute(update(accounts).where(accounts.c.name == name).values(
                active=False, updated_at=self._clock()))
            if changed.rowcount != 1:
                raise UnknownAccount(f"Het account {name!r} bestaat niet (unknown account).")
            connection.execute(sessions.delete().where(sessions.c.account == name))
        self._audit.append(actor, "account_disable", name, address)
        account = self.get(name)
        assert account is not None
        return account

    def set_password(self, name: str, password: str, *, actor: str, address: str = "") -> None:
        """Set a new password; the account's sessions end, so a stolen session dies with it."""
        check_policy(password)
        with self._engine.begin() as connection:
            changed = connection.execute(update(accounts).where(accounts.c.name == name).values(
                password_hash=self._hash(password), updated_at=self._clock()))
            if changed.rowcount != 1:
                raise UnknownAccount(f"Het account {name!r} bestaat niet (unknown account).")
            connection.execute(sessions.delete().where(sessions.c.account == name))
        self._audit.append(actor, "account_password", name, address)

    def authenticate(self, name: str, password: str) -> Account | None:
        """The active account when the password matches; the same work for unknown names."""
        with self._engine.connect() as connection:
            row = connection.execute(select(accounts).where(accounts.c.name == name)).first()
        if row is None:
            burn_time(password)
            return None
        if not verify_password(password, row.password_hash) or not row.active:
            return None
        if needs_rehash(row.password_hash):
            # The password is at hand only now: bring an older hash up to today's parameters.
            with self._engine.begin() as connection:
                connection.execute(update(accounts).where(
                    accounts.c.name == name, accounts.c.password_hash == row.password_hash,
                ).values(password_hash=hash_password(password)))
        return _to_account(row)


def _to_account(row) -> Account:  # noqa: ANN001 - SQLAlchemy Row
    return Account(
        name=row.name, role=row.role, teams=tuple(t for t in row.teams.split(",") if t),
        active=bool(row.active), created_at=aware(row.created_at),
    )


# --- command line -------------------------------------------------------------------------------


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Wachtwoord: ")
    if getpass.getpass("Nog een keer: ") != first:
        raise PasswordError("De twee wachtwoorden zijn niet gelijk (passwords differ).")
    return first


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m portal.accounts", description="Manage counsellor portal accounts."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    add = commands.add_parser("add", help="create an account")
    add.add_argument("name")
    add.add_argument("--role", required=True, help=f"one of: {', '.join(ROLES)}")
    add.add_argument("--team", action="append", default=[],
                     help="referral service key (counsellors; repeat for more teams)")
    add.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    commands.add_parser("list", help="list accounts")
    disable = commands.add_parser("disable", help="switch an account off")
    disable.add_argument("name")
    password = commands.add_parser("set-password", help="set a new password")
    password.add_argument("name")
    password.add_argument("--password-stdin", action="store_true")
    return parser


def main(argv: list[str] | None = None, engine: Engine | None = None) -> int:
    """Run one command against the privacy database from the settings; exit 1 on a refusal."""
    args = _parser().parse_args(argv)
    if engine is None:
        from portal.db import open_portal_engine

        engine = open_portal_engine()
    actor = f"cli:{getpass.getuser()}"
    store = Accounts(engine, AuditLog(engine))
    try:
        if args.command == "add":
            if args.role not in ROLES:  # before asking for a password that would be wasted
                raise AccountError(
                    f"Onbekende rol {args.role!r}; kies uit {', '.join(ROLES)} (unknown role)."
                )
            if store.get(args.name) is not None:
                raise DuplicateAccount(f"Het account {args.name!r} bestaat al (duplicate name).")
            account = store.add(args.name, args.role, _read_password(args.password_stdin),
                                args.team, actor=actor, address="cli")
            print(f"Account {account.name} ({account.role}) aangemaakt.")
        elif args.command == "list":
            for account in store.list():
                state = "actief" if account.active else "uitgeschakeld"
                print(f"{account.name}\t{account.role}\t{','.join(account.teams) or '-'}\t{state}")
        elif args.command == "disable":
            store.disable(args.name, actor=actor, address="cli")
            print(f"Account {args.name} uitgeschakeld.")
        elif args.command == "set-password":
            if store.get(args.name) is None:
                raise UnknownAccount(f"Het account {args.name!r} bestaat niet (unknown account).")
            store.set_password(args.name, _read_password(args.password_stdin),
                               actor=actor, address="cli")
            print(f"Nieuw wachtwoord voor {args.name} ingesteld.")
    except (AccountError, PasswordError) as exc:
        print(f"fout: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""``python -m portal.audit verify|migrate``: check the audit log's hash chain, or chain the
entries of a database from before the chain, on the database the portal's settings name.

Exit codes: 0 intact (or migrated), 1 the chain is broken (the first bad entry is named),
2 nothing could be checked (no database or key, or old entries not chained yet).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from portal.audit.chain import (
    AuditChainError,
    chain_key,
    read_head,
    start_chain,
    verify_chain,
)
from portal.tables import AUDIT_CHAIN_LOCK, exclusive
from privacy.clock import utc_now
from privacy.keys import KEY_ENV, KeyFileError, load_master_key
from privacy.settings import PrivacySettings, load_privacy_settings
from settings.core import SettingsError

BROKEN, UNCHECKED = 1, 2


class Unusable(Exception):
    """No database or no key to check with; the message says which."""


def _key(settings: PrivacySettings) -> bytes:
    """The chain key, without creating a key file (a new key would only make every seal fail)."""
    if not os.environ.get(KEY_ENV, "").strip() and not settings.key_file.exists():
        raise Unusable(f"no key: {KEY_ENV} is not set and {settings.key_file} does not exist")
    try:
        return chain_key(load_master_key(settings.key_file))
    except KeyFileError as exc:
        raise Unusable(str(exc)) from exc


def _engine(settings: PrivacySettings) -> Engine:
    """A plain engine on the portal's database: verifying creates and changes nothing."""
    url = settings.resolved_database_url
    if url.startswith("sqlite:///"):
        path = Path(url[len("sqlite:///"):])
        if not path.exists():
            raise Unusable(f"no database at {path}")
        return create_engine(url, future=True, connect_args={"timeout": 15})
    return create_engine(url, future=True)


def verify(settings: PrivacySettings) -> int:
    key, engine = _key(settings), _engine(settings)
    try:
        verdict = verify_chain(engine, key)
    finally:
        engine.dispose()
    if verdict.finding is not None:
        print(f"audit log BROKEN: {verdict.finding.describe()}")
        return BROKEN
    if verdict.unchained:
        print(f"audit log not chained yet: {verdict.unchained} entries were written before the "
              "chain existed. Run `python -m portal.audit migrate` (the portal also does this at "
              "its first audit entry after the upgrade).")
        return UNCHECKED
    summary = f"audit log intact: {verdict.entries} entries"
    if verdict.legacy:
        summary += (f"; #1-#{verdict.legacy} chained at upgrade (written before the chain "
                    "existed, vouched for only from then on)")
    if verdict.entries:
        summary += f"; head #{verdict.entries} {verdict.head_hash[:16]}"
    print(summary)
    return 0


def migrate(settings: PrivacySettings) -> int:
    """The upgrade: the schema step (chain columns) and the one-time chaining of old entries."""
    from portal.db import open_portal_engine

    key = _key(settings)
    engine = open_portal_engine(settings)
    try:
        with exclusive(engine, AUDIT_CHAIN_LOCK) as connection:
            if read_head(connection, key) is not None:
                print("audit log already chained: nothing to do")
                return 0
            head = start_chain(connection, key, utc_now())
    finally:
        engine.dispose()
    if head.legacy:
        print(f"chained {head.legacy} entries written before the chain existed (#1-#{head.legacy},"
              " vouched for from now on) and recorded that as entry "
              f"#{head.seq}")
    else:
        print("audit chain started: 0 entries were written before the chain existed")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m portal.audit", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("verify", help="check the whole chain; names the first bad entry")
    commands.add_parser("migrate", help="chain the entries written before the chain existed")
    args = parser.parse_args(argv)
    try:
        settings = load_privacy_settings()
        return verify(settings) if args.command == "verify" else migrate(settings)
    except (Unusable, SettingsError) as exc:
        print(f"cannot check the audit log: {exc}", file=sys.stderr)
        return UNCHECKED
    except AuditChainError as exc:
        print(f"audit log BROKEN: {exc}")
        return BROKEN
    except SQLAlchemyError as exc:
        print(f"cannot check the audit log: database error {type(exc).__name__}",
              file=sys.stderr)
        return UNCHECKED


if __name__ == "__main__":
    sys.exit(main())

"""How someone with the database but not the master key would tamper with the portal's audit log:
with the append-only triggers dropped or switched off where they stand in the way."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine

from settings.core import PROJECT_ROOT

ENTRIES = 6  # ids and chain positions 1..6 in a fresh database


@dataclass
class System:
    """A privacy database as the portal would use it, and the settings to reach it."""

    backend: str
    env: dict[str, str]
    engine: Engine

    def verify(self) -> subprocess.CompletedProcess[str]:
        return run_audit(self.env, "verify")


def run_audit(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """``python -m portal.audit …`` in its own process, like an operator would run it."""
    return subprocess.run(  # noqa: S603
        [sys.executable, "-m", "portal.audit", *args], cwd=PROJECT_ROOT, env=env,
        capture_output=True, text=True, timeout=120,
    )



def columns(connection: Connection) -> list[str]:
    return [c["name"] for c in inspect(connection).get_columns("portal_audit_log")]


def audit_row(connection: Connection, entry_id: int) -> dict[str, object]:
    row = connection.execute(text("SELECT * FROM portal_audit_log WHERE id = :id"),
                             {"id": entry_id}).mappings().one()
    return dict(row)


def lift_guards(connection: Connection, backend: str) -> None:
    """What the database owner can always do: switch the append-only triggers off."""
    if backend == "sqlite":
        for name in ("no_update", "no_delete", "no_replace"):
            connection.execute(text(f"DROP TRIGGER IF EXISTS portal_audit_log_{name}"))
    else:
        connection.execute(text("ALTER TABLE portal_audit_log DISABLE TRIGGER USER"))


def insert(connection: Connection, row: dict[str, object], verb: str = "INSERT") -> None:
    names = list(row)
    connection.execute(text(
        f"{verb} INTO portal_audit_log ({', '.join(names)}) "
        f"VALUES ({', '.join(':' + n for n in names)})"), row)


def update_a_row(system: System) -> int:
    """Change who did #3 without going through any SQL at all on SQLite (a hex editor); with the
    triggers switched off on PostgreSQL."""
    if system.backend == "sqlite":
        system.engine.dispose()
        path = Path(system.engine.url.database)
        content = path.read_bytes()
        assert content.count(b"zaak-0003-aanmelding") == 1
        path.write_bytes(content.replace(b"zaak-0003-aanmelding", b"zaak-9993-aanmelding"))
        return 3
    with system.engine.begin() as connection:
        lift_guards(connection, system.backend)
        connection.execute(text("UPDATE portal_audit_log SET target = 'zaak-9993' WHERE id = 3"))
    return 3


def insert_or_replace(system: System) -> int:
    """Replace #3 by a row with the same id (and chain fields) but another actor."""
    with system.engine.begin() as connection:
        row = audit_row(connection, 3)
        row["actor"] = "frank"
        if system.backend == "sqlite":
            # Only the new guard against REPLACE is dropped: REPLACE's implicit delete never fired
            # the delete trigger, which is how the old log could be rewritten.
            connection.execute(text("DROP TRIGGER IF EXISTS portal_audit_log_no_replace"))
            insert(connection, row, "INSERT OR REPLACE")
        else:
            lift_guards(connection, system.backend)
            names = list(row)
            connection.execute(text(
                f"INSERT INTO portal_audit_log ({', '.join(names)}) "
                f"VALUES ({', '.join(':' + n for n in names)}) "
                "ON CONFLICT (id) DO UPDATE SET actor = EXCLUDED.actor"), row)
    return 3


def insert_a_forged_row(system: System) -> int:
    """Append a row that claims to follow #6, with a plausible (unkeyed) hash; no guard needed."""
    with system.engine.begin() as connection:
        row = audit_row(connection, ENTRIES)
        del row["id"]
        row.update(actor="frank", action="audit_view", target="")
        if "seq" in row:
            row["seq"] = ENTRIES + 1
            row["prev_hash"] = row["entry_hash"]
            row["entry_hash"] = hashlib.sha256(repr(sorted(row.items())).encode()).hexdigest()
        insert(connection, row)
    return ENTRIES + 1


def delete_a_middle_row(system: System) -> int:
    with system.engine.begin() as connection:
        lift_guards(connection, system.backend)
        connection.execute(text("DELETE FROM portal_audit_log WHERE id = 3"))
    return 3


def delete_the_tail(system: System) -> int:
    with system.engine.begin() as connection:
        lift_guards(connection, system.backend)
        connection.execute(text("DELETE FROM portal_audit_log WHERE id >= 5"))
    return 5


def delete_the_tail_and_move_the_head(system: System) -> int:
    """Delete #5 and #6 and point the chain head at #4, as far as that can be done without
    the key."""
    with system.engine.begin() as connection:
        lift_guards(connection, system.backend)
        connection.execute(text("DELETE FROM portal_audit_log WHERE id >= 5"))
        if inspect(connection).has_table("portal_audit_head"):
            last = audit_row(connection, 4)
            connection.execute(text(
                "UPDATE portal_audit_head SET seq = :seq, entry_hash = :hash"),
                {"seq": last["seq"], "hash": last["entry_hash"]})
    return 5


def drop_the_trigger_and_edit(system: System) -> int:
    """Drop the trigger, rewrite #2 and re-hash it (without the key) so #3 still links to it."""
    with system.engine.begin() as connection:
        if system.backend == "sqlite":
            connection.execute(text("DROP TRIGGER portal_audit_log_no_update"))
        else:
            connection.execute(text("DROP TRIGGER portal_audit_log_no_change ON portal_audit_log"))
        connection.execute(text(
            "UPDATE portal_audit_log SET action = 'login', target = '' WHERE id = 2"))
        if "entry_hash" in columns(connection):
            row = audit_row(connection, 2)
            forged = hashlib.sha256(repr(sorted(row.items())).encode()).hexdigest()
            connection.execute(text(
                "UPDATE portal_audit_log SET entry_hash = :h WHERE id = 2"), {"h": forged})
            connection.execute(text(
                "UPDATE portal_audit_log SET prev_hash = :h WHERE id = 3"), {"h": forged})
    return 2


TAMPERINGS: dict[str, Callable[[System], int]] = {
    "update a row": update_a_row,
    "insert or replace": insert_or_replace,
    "insert a forged row": insert_a_forged_row,
    "delete a middle row": delete_a_middle_row,
    "delete the tail": delete_the_tail,
    "delete the tail and move the head": delete_the_tail_and_move_the_head,
    "drop the trigger and edit": drop_the_trigger_and_edit,
}

"""File modes of the data dir and the write-ahead-log checkpoint, on real files.

The running system: tests/security/test_at_rest.py.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine

from privacy.at_rest import checkpoint_wal, make_private_dir, tighten


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def test_tighten_makes_folders_0700_and_files_0600(tmp_path):
    data = tmp_path / "data"
    (data / "keys").mkdir(parents=True)
    (data / "privacy.db").write_text("x")
    (data / "keys" / "privacy.key").write_text("k")
    outside = tmp_path / "elsewhere.txt"
    outside.write_text("not ours")
    (data / "link").symlink_to(outside)
    for path, loose in ((data, 0o755), (data / "keys", 0o775), (data / "privacy.db", 0o644),
                        (data / "keys" / "privacy.key", 0o644), (outside, 0o644)):
        os.chmod(path, loose)

    changed = tighten(data, keep=[data / "keys" / "privacy.key"])

    assert (mode(data), mode(data / "keys"), mode(data / "privacy.db")) == (0o700, 0o700, 0o600)
    assert mode(data / "keys" / "privacy.key") == 0o644, "a loose key is refused, not repaired"
    assert mode(outside) == 0o644, "links are not followed"
    assert set(changed) == {data, data / "keys", data / "privacy.db"}
    assert tighten(data, keep=[data / "keys" / "privacy.key"]) == [], "nothing left to do"


def test_a_missing_data_dir_is_created_private_and_an_existing_one_tightened(tmp_path):
    make_private_dir(tmp_path / "a" / "data")
    assert mode(tmp_path / "a" / "data") == 0o700
    os.chmod(tmp_path / "a" / "data", 0o755)
    make_private_dir(tmp_path / "a" / "data")
    assert mode(tmp_path / "a" / "data") == 0o700


def test_a_server_started_by_the_launcher_creates_private_files(tmp_path):
    """The umask the launcher gives every server (Popen(umask=…)), seen by a child process."""
    from privacy.at_rest import PRIVATE_UMASK

    code = "import sqlite3, sys; sqlite3.connect(sys.argv[1]).execute('create table t(x)')"
    subprocess.run([sys.executable, "-c", code, str(tmp_path / "new.db")], check=True,
                   umask=PRIVATE_UMASK)
    assert mode(tmp_path / "new.db") == 0o600


def test_the_checkpoint_empties_the_write_ahead_log(tmp_path):
    database = tmp_path / "store.db"
    engine = create_engine(f"sqlite:///{database}", future=True)
    with engine.begin() as connection:
        connection.exec_driver_sql("PRAGMA journal_mode=WAL")
        connection.exec_driver_sql("CREATE TABLE t (text TEXT)")
    keep_open = sqlite3.connect(database)  # another process's connection keeps the log alive
    keep_open.execute("SELECT count(*) FROM t").fetchone()
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql("INSERT INTO t VALUES ('geheime zin')")
        assert b"geheime zin" in (tmp_path / "store.db-wal").read_bytes()
        assert checkpoint_wal(engine) is True
        assert (tmp_path / "store.db-wal").stat().st_size == 0
    finally:
        keep_open.close()
        engine.dispose()


def test_the_checkpoint_is_harmless_without_a_write_ahead_log(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'plain.db'}", future=True)
    with engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE t (x)")
    assert checkpoint_wal(engine) is True
    assert not (tmp_path / "plain.db-wal").exists()
    engine.dispose()

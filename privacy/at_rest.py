"""Data at rest: files only the service account can read, and erased text gone from disk.

The data dir holds password and session hashes, consents, the vault and the privacy key, so it is
0700 and every file in it 0600: new files through the umask every server process starts with,
files from before through ``tighten`` at start-up. SQLite's write-ahead log keeps old page images
(erased text included) until a checkpoint, so an erasure ends with ``checkpoint_wal``.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy.engine import Engine

logger = logging.getLogger(__name__)

PRIVATE_UMASK = 0o077
DIR_MODE = 0o700
FILE_MODE = 0o600


def private_umask() -> int:
    """New files and folders of this process (and its children) for the owner only."""
    return os.umask(PRIVATE_UMASK)


def make_private_dir(folder: Path) -> None:
    """Create ``folder`` (and missing parents) 0700, or tighten it when it exists."""
    folder.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    os.chmod(folder, DIR_MODE)


def tighten(folder: Path, keep: Iterable[Path] = ()) -> list[Path]:
    """Folders below ``folder`` to 0700 and files to 0600; the paths changed (names only, for a
    notice). Symbolic links are neither followed nor changed; ``keep`` is left as it is (a loose
    key file must stop the start, see privacy.keys, not be silently repaired)."""
    skip = {Path(p).resolve() for p in keep}
    changed: list[Path] = []
    if not folder.is_dir():
        return changed
    for root, dirs, files in os.walk(folder):
        for name in dirs:
            path = Path(root) / name
            if not path.is_symlink() and _set_mode(path, DIR_MODE):
                changed.append(path)
        for name in files:
            path = Path(root) / name
            if path.is_symlink() or path.resolve() in skip:
                continue
            if _set_mode(path, FILE_MODE):
                changed.append(path)
    if _set_mode(folder, DIR_MODE):
        changed.append(folder)
    return changed


def _set_mode(path: Path, mode: int) -> bool:
    try:
        if stat.S_IMODE(path.lstat().st_mode) == mode:
            return False
        os.chmod(path, mode)
    except FileNotFoundError:  # a server removed it meanwhile (a journal, a lock file)
        return False
    return True


def checkpoint_wal(engine: Engine) -> bool:
    """``PRAGMA wal_checkpoint(TRUNCATE)`` on a SQLite store: every page image in the write-ahead
    log goes into the database file and the log is cut to zero bytes. Whether it completed (a
    reader can hold it back past the busy timeout; the next checkpoint then finishes it). Other
    databases, and SQLite files not in WAL mode, answer at once and nothing changes."""
    if engine.dialect.name != "sqlite":
        return True
    with engine.connect() as connection:
        busy, _, _ = connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
    if busy:
        logger.warning("write-ahead log checkpoint held back by a reader; the next one finishes it")
    return not busy

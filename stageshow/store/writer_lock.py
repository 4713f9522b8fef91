"""One writer per show database: a StageShow recording a show holds an exclusive lock on a small file beside the
database (`show.sqlite3.writer`, holding its process id), so a second StageShow opening the same database to write is
refused at once with a message saying so. Readers (verify, export) take no lock and keep working beside it.

The operating system drops the lock when its holder ends, even on a kill or a power cut, so a crash never leaves a
database locked. SQLite's own locks are left alone: the lock is on the other file.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO


class WriterLockHeld(Exception):
    def __init__(self, path: Path, holder: str) -> None:
        super().__init__(holder)
        self.path = path
        self.holder = holder


class WriterLock:
    def __init__(self, database: Path) -> None:
        self.path = database.with_name(database.name + ".writer")
        self._file: IO[str] | None = None

    def acquire(self) -> None:
        """Take the lock, or WriterLockHeld naming the process that has it."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held open for as long as the show runs
        try:
            _lock(handle)
        except OSError:
            handle.seek(0)
            holder = handle.read().strip() or "?"
            handle.close()
            raise WriterLockHeld(self.path, holder) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        self._file = handle

    def release(self) -> None:
        if self._file is None:
            return
        self._file.close()  # closing drops the lock
        self._file = None
        try:
            self.path.unlink()
        except OSError:
            pass  # another writer took it meanwhile, or the folder is read-only: the file is harmless


def _lock(handle: IO[str]) -> None:
    if sys.platform == "win32":
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

"""A copy of the show's database that stands on its own: one consistent file, written while the show runs.

SQLite's online backup copies the committed state (the write-ahead log included) page by page; the copy goes to a
temporary file beside the target and is renamed over it only once complete, so a USB stick pulled mid-copy never
leaves a half-written backup where the last good one was.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from pathlib import Path

from stageshow.i18n import render
from stageshow.store.database import read_only_uri


class BackupFailed(Exception):
    """The message says what went wrong, where, and what to do."""


def backup_name(title: str) -> str:
    """A file name from the show's title, without the characters Windows refuses."""
    return re.sub(r'[\\/:*?"<>|\s]+', "_", title).strip("._") + render("backup_suffix")


def back_up(database: Path, target: Path) -> None:
    partial = target.with_name(target.name + ".partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        source = sqlite3.connect(read_only_uri(database), uri=True)
        try:
            copy = sqlite3.connect(partial)
            try:
                source.backup(copy)
                copy.execute("PRAGMA journal_mode=DELETE")  # one file: no -wal beside the copy
            finally:
                copy.close()
        finally:
            source.close()
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as error:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise BackupFailed(render("backup_failed", path=target, reason=error)) from error

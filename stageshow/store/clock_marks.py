"""The last moment a live show is known to have run, so that a resume gives a countdown the time it really had.

The event log records only commands; a countdown runs between them. While one runs, the app marks the show clock
here once a second. A mark is a hint, not a record: it lives outside the hash chain, is written without waiting for
the disk (a process kill keeps it; a power cut may cost the last marks, and the resume then falls back to the last
event), and a failed write never stops the show.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

class ClockMarks:
    def __init__(self, db_path: Path, show_id: int) -> None:
        self._show_id = show_id
        # A connection of its own: no fsync per mark, and never the show's own transactions.
        self._connection = sqlite3.connect(db_path, check_same_thread=False, isolation_level=None, timeout=0.2)
        self._connection.execute("PRAGMA synchronous=OFF")  # the table is the schema's (database.py)

    def write(self, at: int) -> None:
        try:
            self._connection.execute("INSERT OR REPLACE INTO clock_marks (show_id, at) VALUES (?, ?)",
                                     (self._show_id, at))
        except sqlite3.Error:
            pass  # busy or read-only: the resume falls back to the last event, and the show goes on

    def read(self) -> int | None:
        row = self._connection.execute("SELECT at FROM clock_marks WHERE show_id = ?", (self._show_id,)).fetchone()
        return int(row[0]) if row else None

    def close(self) -> None:
        self._connection.close()

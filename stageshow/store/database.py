"""The one module that owns the SQLite connection: PRAGMAs, schema and its version.

WAL with synchronous=FULL: a committed command survives a process kill and a power loss.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import event as sa_event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlmodel import Field, SQLModel, create_engine

from stageshow.i18n import render

SCHEMA_VERSION = 1
APPLICATION_ID = 0x53535731  # "SSW1": marks a StageShow database in its header, so another program's is refused


class ShowRecord(SQLModel, table=True):
    __tablename__ = "shows"
    id: int | None = Field(default=None, primary_key=True)
    title: str
    fingerprint: str = Field(index=True)
    show_json: str
    root: str  # the show file's folder, for media paths
    mode: str = "live"  # live | rehearsal
    created_at: str
    head_seq: int = 0  # the last event's seq and hash: deleting the tail of the log is detected
    head_hash: str = ""
    finished: bool = False


class EventRecord(SQLModel, table=True):
    __tablename__ = "events"
    show_id: int = Field(foreign_key="shows.id", primary_key=True)
    seq: int = Field(primary_key=True)
    kind: str
    at: int  # show-clock ns
    payload: str  # canonical JSON
    prev_hash: str
    hash: str
    recorded_at: str  # wall-clock time, for people reading the log


class ScoreRecord(SQLModel, table=True):
    """The scoreboard as stored, updated in the same transaction as the events; `verify` re-derives it."""

    __tablename__ = "scores"
    show_id: int = Field(foreign_key="shows.id", primary_key=True)
    team_id: str = Field(primary_key=True)
    score: str


class ShowVersionRecord(SQLModel, table=True):
    """A show definition the run took part-way (a ShowRevised event at `seq` carries its fingerprint, so the chain
    covers it); the shows row keeps the definition the run started with, which the chain's genesis covers."""

    __tablename__ = "show_versions"
    show_id: int = Field(foreign_key="shows.id", primary_key=True)
    seq: int = Field(primary_key=True)
    show_json: str


class HallKeyRecord(SQLModel, table=True):
    """The secret the hall's tokens are made from (hall/tokens.py): one per database, kept outside the hash chain, so
    printed judges' cards and a host's page stay valid across restarts and new runs of the same final."""

    __tablename__ = "hall_keys"
    id: int = Field(default=1, primary_key=True)
    secret: str


class ClockMarkRecord(SQLModel, table=True):
    """How far a running countdown got (see clock_marks.py): outside the hash chain, rewritten once a second."""

    __tablename__ = "clock_marks"
    show_id: int = Field(primary_key=True)
    at: int


class SchemaError(Exception):
    pass


class ForeignDatabase(Exception):
    """A file that is not one of StageShow's databases: refused, and left exactly as it was."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(render("db_foreign", path=path, reason=reason))


def read_only_uri(path: Path) -> str:
    """An SQLite URI that opens `path` for reading only; the path escaped, so a folder named 第#1组 still works."""
    return f"{path.resolve().as_uri()}?mode=ro"


def check_ours(path: Path) -> None:
    """Refuse, without writing a byte, a file that is not a StageShow database: another program's SQLite file (a
    different application_id, or tables of its own), or no SQLite file at all. A missing or empty file becomes ours."""
    if not path.is_file() or path.stat().st_size == 0:
        return
    try:
        with contextlib.closing(sqlite3.connect(read_only_uri(path), uri=True)) as connection:
            application_id = connection.execute("PRAGMA application_id").fetchone()[0]
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.OperationalError:
        return  # locked, or a read-only open refused: the real open below says what is wrong
    except sqlite3.DatabaseError:
        raise ForeignDatabase(path, render("db_not_sqlite")) from None
    if application_id == APPLICATION_ID:
        return
    ours = set(SQLModel.metadata.tables)
    if application_id == 0 and tables <= ours:  # ours from before application_id, or an empty database
        return
    raise ForeignDatabase(path, render("db_other_program", tables="、".join(sorted(tables - ours)[:5]) or "—"))


class DatabaseProblem(Exception):
    """The database cannot be opened, read or written: the message names the file, the cause and what to do."""

    def __init__(self, path: Path, code: str, **params: Any) -> None:
        super().__init__(render(code, path=path, **params))
        self.code = code
        self.params = {"path": str(path), **params}


def open_database(path: Path) -> Engine:
    """Open (or create) a show database for writing; DatabaseProblem when it cannot be."""
    if path.is_dir():
        raise DatabaseProblem(path, "db_is_folder")
    check_ours(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DatabaseProblem(path, "db_cannot_open", reason=error.strerror or str(error)) from None
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
    sa_event.listen(engine, "connect", _on_connect)
    with _plainly(path):
        with engine.begin() as connection:
            version = connection.exec_driver_sql("PRAGMA user_version").scalar() or 0
            if version > SCHEMA_VERSION:
                raise SchemaError(f"{path}: schema version {version} is newer than this program ({SCHEMA_VERSION})")
        SQLModel.metadata.create_all(engine)
        with engine.begin() as connection:
            connection.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")
            connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
    return engine


def open_for_reading(path: Path) -> Engine:
    """Open a show database to read it (export, verify) without writing a byte, so a finished show on a
    write-protected stick can still be printed. DatabaseProblem when there is nothing of ours to read."""
    if not path.exists():
        raise DatabaseProblem(path, "file_missing_db")
    if path.is_dir():
        raise DatabaseProblem(path, "db_is_folder")
    check_ours(path)
    if path.stat().st_size == 0:
        raise DatabaseProblem(path, "db_empty")
    uri = read_only_uri(path)
    if not os.access(path.parent, os.W_OK):  # a read-only medium: SQLite cannot make the WAL's index beside it
        wal = path.with_name(path.name + "-wal")
        if wal.exists() and wal.stat().st_size > 0:
            raise DatabaseProblem(path, "db_read_only_wal")
        uri += "&immutable=1"  # nothing can change it there, so no locks and no index are needed
    engine = create_engine("sqlite://", creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False))
    with _plainly(path), engine.connect() as connection:
        tables = {row[0] for row in connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")}
    if "shows" not in tables or "events" not in tables:  # created and killed before its first show
        engine.dispose()
        raise DatabaseProblem(path, "db_empty")
    return engine


STORAGE_ERRORS = (OperationalError, sqlite3.OperationalError)  # what SQLite says when the disk or file fails


@contextlib.contextmanager
def _plainly(path: Path) -> Iterator[None]:
    """SQLite's own errors on opening, as a message the operator can act on."""
    try:
        yield
    except STORAGE_ERRORS as error:
        raise storage_problem(path, error) from None


def storage_problem(path: Path, error: Exception) -> DatabaseProblem:
    """A storage failure (opening, or writing mid-show) in words: locked, read-only, full, or SQLite's own."""
    text = str(getattr(error, "orig", error))
    if not os.access(path.parent, os.W_OK) and path.parent.exists():
        return DatabaseProblem(path, "db_read_only")
    if "locked" in text or "busy" in text:
        return DatabaseProblem(path, "db_locked")
    if "readonly" in text or "read-only" in text:
        return DatabaseProblem(path, "db_read_only")
    if "full" in text:
        return DatabaseProblem(path, "db_disk_full")
    return DatabaseProblem(path, "db_cannot_open", reason=text)


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()

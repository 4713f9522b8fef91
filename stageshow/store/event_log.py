"""The append-only, hash-chained event log of one show.

Each event's hash covers the previous hash and the event itself; the genesis hash covers the show definition,
so editing, deleting or reordering any row, or the rules, breaks the chain at that row.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from stageshow.domain import events as e
from stageshow.domain.model import Show
from stageshow.store.database import EventRecord, ScoreRecord, ShowRecord, ShowVersionRecord
from stageshow.store.show_codec import fingerprint, show_from_json, show_to_json


# The tables of `database.py` (EventRecord, ShowRecord, ScoreRecord, ShowVersionRecord), written by every command.
_INSERT_EVENT = ("INSERT INTO events (show_id, seq, kind, at, payload, prev_hash, hash, recorded_at)"
                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
_UPDATE_HEAD = "UPDATE shows SET head_seq = ?, head_hash = ?, finished = ? WHERE id = ?"
_UPDATE_SCORE = "UPDATE scores SET score = ? WHERE show_id = ? AND team_id = ?"
_INSERT_VERSION = "INSERT INTO show_versions (show_id, seq, show_json) VALUES (?, ?, ?)"
_UPDATE_IDENTITY = "UPDATE shows SET fingerprint = ?, title = ? WHERE id = ?"


@dataclass(frozen=True)
class LoggedEvent:
    seq: int
    event: e.Event
    at: int


def canonical(payload: dict) -> str:  # type: ignore[type-arg]
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def genesis_hash(show_json: str) -> str:
    return hashlib.sha256(("stageshow-genesis|" + show_json).encode("utf-8")).hexdigest()


def chain_hash(prev_hash: str, show_id: int, seq: int, kind: str, at: int, payload: str) -> str:
    text = f"{prev_hash}|{show_id}|{seq}|{kind}|{at}|{payload}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _now_text() -> str:
    return datetime.now().astimezone().isoformat(timespec="milliseconds")


class EventLog:
    """One show's log in a database. `append` is one transaction: all of a command's events, or none."""

    def __init__(self, engine: Engine, show_id: int) -> None:
        self.engine = engine
        self.show_id = show_id
        with Session(engine) as session:
            record = session.get(ShowRecord, show_id)
            assert record is not None
            self.head_seq = record.head_seq
            self.head_hash = record.head_hash

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the database file and empty it (SQLite's TRUNCATE checkpoint). If a reader
        holds it back, the events stay safe in the WAL and the next checkpoint folds them in."""
        with self.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    @classmethod
    def create(cls, engine: Engine, show: Show, root: Path, mode: str = "live") -> EventLog:
        show_json = show_to_json(show, root)
        with Session(engine) as session:
            record = ShowRecord(title=show.title, fingerprint=fingerprint(show_json), show_json=show_json,
                                root=str(root), mode=mode, created_at=_now_text(), head_hash=genesis_hash(show_json))
            session.add(record)
            session.flush()
            assert record.id is not None
            for team in show.teams:
                session.add(ScoreRecord(show_id=record.id, team_id=team.id, score=str(show.base_score)))
            session.commit()
            return cls(engine, record.id)

    @staticmethod
    def find(engine: Engine, show: Show, root: Path, mode: str, unfinished: bool = True) -> int | None:
        """The run of this show in the database: the newest run of this mode (`unfinished`: not finished) that is the
        same show, which is its identity, not its content: the same definition, or the same folder, or the same
        title. A show whose files were edited is still found, and then compared (show_changes.py)."""
        wanted = fingerprint(show_to_json(show, root))
        with Session(engine) as session:
            query = select(ShowRecord).where(ShowRecord.mode == mode)
            if unfinished:
                query = query.where(col(ShowRecord.finished).is_(False))
            for record in session.exec(query.order_by(col(ShowRecord.id).desc())):
                if record.fingerprint == wanted or record.root == str(root) \
                        or record.title == show.title:
                    return record.id
            return None

    @staticmethod
    def latest(engine: Engine) -> int | None:
        with Session(engine) as session:
            record = session.exec(select(ShowRecord).order_by(col(ShowRecord.id).desc())).first()
            return record.id if record else None

    def record(self) -> ShowRecord:
        with Session(self.engine) as session:
            record = session.get(ShowRecord, self.show_id)
            assert record is not None
            return record

    def show(self, root: Path | None = None) -> Show:
        """The definition the run plays now: the newest it took, or the one it started with. Media paths are read
        against `root` (the show's folder now), or against the folder the run started in."""
        record = self.record()
        return show_from_json(self.show_json(), root or Path(record.root))

    def show_json(self) -> str:
        with Session(self.engine) as session:
            query = select(ShowVersionRecord).where(ShowVersionRecord.show_id == self.show_id)
            version = session.exec(query.order_by(col(ShowVersionRecord.seq).desc())).first()
            if version is not None:
                return version.show_json
            record = session.get(ShowRecord, self.show_id)
            assert record is not None
            return record.show_json

    def versions(self) -> dict[int, str]:
        """Every definition the run took part-way, by the seq of its ShowRevised event."""
        with Session(self.engine) as session:
            rows = session.exec(select(ShowVersionRecord).where(ShowVersionRecord.show_id == self.show_id)).all()
            return {row.seq: row.show_json for row in rows}

    def revise(self, show: Show, root: Path, changes: list[dict], at: int,  # type: ignore[type-arg]
               scores: dict[str, Decimal], finished: bool) -> int:
        """Take an edited definition in one transaction: the ShowRevised event (its fingerprint in the chain) and
        the definition itself beside the log."""
        show_json = show_to_json(show, root)
        revised = e.ShowRevised(fingerprint(show_json), changes)
        return self.append([(revised, at)], scores, finished, version=(show_json, show.title))

    def append(self, events: list[tuple[e.Event, int]], scores: dict[str, Decimal], finished: bool = False,
               version: tuple[str, str] | None = None) -> int:
        """Commit a command's events and the resulting scoreboard in one transaction; return the last seq.
        `version` (definition, title): a definition the run takes from this event on."""
        if not events:
            return self.head_seq
        seq, prev = self.head_seq, self.head_hash
        stamp = _now_text()
        rows = []
        for event, at in events:
            seq += 1
            payload = canonical(e.to_payload(event))
            digest = chain_hash(prev, self.show_id, seq, event.kind, at, payload)
            rows.append((self.show_id, seq, event.kind, at, payload, prev, digest, stamp))
            prev = digest
        changed = {team for event, _ in events for team in e.score_changes(event)}
        # The driver's own statements, not ORM objects: this is every command's path (a buzzer press's, on its own
        # thread, racing the GUI for the interpreter), and the ORM's bookkeeping cost more than the disk sync.
        with self.engine.begin() as connection:
            cursor = connection.connection.cursor()
            cursor.executemany(_INSERT_EVENT, rows)
            cursor.execute(_UPDATE_HEAD, (seq, prev, finished, self.show_id))
            cursor.executemany(_UPDATE_SCORE, [(str(scores[team]), self.show_id, team) for team in changed])
            if version is not None:
                show_json, title = version
                cursor.execute(_INSERT_VERSION, (self.show_id, seq, show_json))
                cursor.execute(_UPDATE_IDENTITY, (fingerprint(show_json), title, self.show_id))
            cursor.close()
        self.head_seq, self.head_hash = seq, prev
        return seq

    def rows(self) -> list[EventRecord]:
        with Session(self.engine) as session:
            query = select(EventRecord).where(EventRecord.show_id == self.show_id).order_by(col(EventRecord.seq))
            return list(session.exec(query).all())

    def events(self) -> list[LoggedEvent]:
        return [LoggedEvent(row.seq, e.from_payload(row.kind, json.loads(row.payload)), row.at)
                for row in self.rows()]

    def recorded_at(self, seq: int) -> str | None:
        """The wall-clock time an event was written (ISO 8601), for people reading the log."""
        with Session(self.engine) as session:
            row = session.get(EventRecord, (self.show_id, seq))
            return row.recorded_at if row else None

    def stored_scores(self) -> dict[str, Decimal]:
        with Session(self.engine) as session:
            rows = session.exec(select(ScoreRecord).where(ScoreRecord.show_id == self.show_id)).all()
            return {row.team_id: Decimal(row.score) for row in rows}

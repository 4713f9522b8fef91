"""A show in play: the engine and its durable log, one command at a time, log first."""

from __future__ import annotations

import secrets
from datetime import datetime
from pathlib import Path

from stageshow.app.show_changes import ShowChanges, compare, describe
from stageshow.domain import commands as c
from stageshow.domain import events as e
from stageshow.domain.engine import Engine
from stageshow.domain.model import Show
from stageshow.domain.phases import Phase
from stageshow.i18n import render
from stageshow.store.database import STORAGE_ERRORS, DatabaseProblem, open_database, storage_problem
from stageshow.store.clock_marks import ClockMarks
from stageshow.store.event_log import EventLog
from stageshow.store.hall_keys import hall_secret
from stageshow.store.show_codec import show_to_json
from stageshow.store.verify import CheckedLog, check_log
from stageshow.store.writer_lock import WriterLock, WriterLockHeld


class ShowChanged(Exception):
    """The files changed what the run already played: the operator chooses the stored version or a new show."""

    def __init__(self, changes: ShowChanges) -> None:
        super().__init__("; ".join(describe(change) for change in changes.refused))
        self.changes = changes


class LogNotTrusted(Exception):
    """The run's log fails its check (verify.check_log): it is not resumed, whatever it says."""

    def __init__(self, path: Path, problems: list[tuple[str, dict]]) -> None:  # type: ignore[type-arg]
        lines = [render("log_not_trusted", path=path)] + ["  • " + render(code, **params) for code, params in problems]
        super().__init__("\n".join(lines + [render("log_not_trusted_fix")]))
        self.problems = problems


# A round ends when the next one (or the tie-break) starts, and the last when the show finishes.
ENDS_A_ROUND = (e.RoundStarted, e.TiebreakStarted, e.ShowFinished)


class ShowSession:
    """Submit commands; each one's events are committed before the state moves on."""

    def __init__(self, show: Show, log: EventLog | None, engine: Engine | None = None,
                 db_path: Path | None = None) -> None:
        self.show = show
        self.log = log
        self.engine = engine or Engine(show)
        self.committed_seq = log.head_seq if log else 0
        self.db_path = db_path
        self.marks: ClockMarks | None = None  # a live show's: how far a running countdown got
        self.resumed = False  # opened on a log that already held events
        self.resumed_from: datetime | None = None  # a live show reopened: when its last event was written
        self.revision: ShowChanges | None = None  # the edits to the files this opening took
        self.writer_lock: WriterLock | None = None  # held while this session may write its database
        self.hall_secret = secrets.token_hex(32)  # a database's own, once opened: its tokens outlive a restart

    @classmethod
    def open(cls, show: Show, root: Path, db_path: Path | None, mode: str = "live", new_run: bool = False,
             keep_stored: bool = False) -> ShowSession:
        """Resume this show's run in `db_path`, or start a new one there (`new_run`: always). A live show reopens
        even when finished, so a crash during the award ceremony never restarts the final at base scores; a
        rehearsal resumes only an unfinished run. Files edited since the run started: the edits are taken when they
        touch only what is still to come, and otherwise ShowChanged is raised, unless `keep_stored` asks to go on
        with the version stored in the database."""
        if db_path is None:
            return cls(show, None)
        lock = WriterLock(db_path)
        try:
            lock.acquire()  # one writer per show: a second StageShow on this database is refused here
        except WriterLockHeld as held:
            raise DatabaseProblem(db_path, "db_in_use", pid=held.holder) from None
        except OSError:
            lock = None  # a read-only folder: the open below says what is wrong
        try:
            session = cls._open(show, root, db_path, mode, new_run, keep_stored)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        session.writer_lock = lock
        return session

    @classmethod
    def _open(cls, show: Show, root: Path, db_path: Path, mode: str, new_run: bool,
              keep_stored: bool) -> ShowSession:
        database = open_database(db_path)
        show_id = None if new_run else EventLog.find(database, show, root, mode, unfinished=mode != "live")
        log = EventLog(database, show_id) if show_id is not None else None
        checked = check_log(log) if log is not None else CheckedLog([])
        if checked.problems:  # an altered log is never resumed: the first bad event is named
            assert log is not None
            log.engine.dispose()
            raise LogNotTrusted(db_path, checked.problems)
        logged = checked.logged
        if log is not None and not logged and log.show_json() != show_to_json(show, root):
            log = None  # nothing played yet: the files as they are now start the show
        if log is None:
            log = EventLog.create(database, show, root, mode=mode)
        # the state the check replayed the log to (under the definition it was played with): not replayed twice
        session = cls(show, log, Engine(show, checked.state if logged else None), db_path)
        session.hall_secret = hall_secret(database) or session.hall_secret
        if logged:
            session._take_edits(root, keep_stored)
        session.resumed = bool(logged)
        if mode == "live":
            session.marks = ClockMarks(db_path, log.show_id)
            if logged:
                session._recover()
        return session

    def _take_edits(self, root: Path, keep_stored: bool) -> None:
        """Compare the files with the definition the run plays, and take, refuse or set aside the edits."""
        assert self.log is not None
        stored = self.log.show(root)
        if show_to_json(stored, root) == show_to_json(self.show, root):
            return
        changes = compare(stored, self.show, self.engine.state)
        if keep_stored or changes.refused:
            self.engine.show = self.show = stored
            if not keep_stored:
                self.log.engine.dispose()
                raise ShowChanged(changes)
            return
        state = self.engine.state
        self.committed_seq = self.log.revise(self.show, root, changes.taken, state.clock, state.scores,
                                             state.phase == Phase.FINISHED)
        self.revision = changes

    def _recover(self) -> None:
        """After a quit or a crash: the show clock goes on from the last moment the show is known to have run, and a
        countdown that was running, or open buzzers, wait for the operator. A finished show has nothing running:
        reopening it writes nothing into its record."""
        assert self.log is not None and self.marks is not None
        written = self.log.recorded_at(self.log.head_seq)
        self.resumed_from = datetime.fromisoformat(written) if written else None
        if self.engine.state.phase != Phase.FINISHED:
            self.submit(c.Recover(), max(self.engine.state.clock, self.marks.read() or 0))

    def mark_clock(self, now: int) -> None:
        """While a countdown runs: remember that the show ran until `now` (see ClockMarks)."""
        if self.marks is not None:
            self.marks.write(now)

    def close(self) -> None:
        """A clean quit: fold the log's write-ahead file into the database file, which then holds the whole show on
        its own (a copy of the .db alone is complete), and let go of the file."""
        if self.marks is not None:
            self.marks.close()
        if self.log is not None:
            self.log.checkpoint()
            self.log.engine.dispose()
        if self.writer_lock is not None:
            self.writer_lock.release()
            self.writer_lock = None

    def submit(self, command: c.Command, now: int, step: int | None = None) -> list[tuple[e.Event, int]]:
        decision = self.engine.decide(command, now, step)
        if self.log is not None and decision.events:
            finished = decision.state.phase == Phase.FINISHED
            try:
                self.committed_seq = self.log.append(decision.events, decision.state.scores, finished)
            except STORAGE_ERRORS as error:  # a full disk, a pulled stick: not committed, so it never happened
                assert self.db_path is not None
                raise storage_problem(self.db_path, error) from None
            if any(isinstance(event, ENDS_A_ROUND) for event, _ in decision.events):
                self.log.checkpoint()  # the .db file alone holds every round played so far
        self.engine.accept(decision)
        return decision.events

    def logged_events(self) -> list[tuple[e.Event, int]]:
        if self.log is None:
            return []
        return [(item.event, item.at) for item in self.log.events()]

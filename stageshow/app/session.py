"""A show in play: the engine and its durable log, one command at a time, log first."""

from __future__ import annotations

from pathlib import Path

from stageshow.domain import commands as c
from stageshow.domain import events as e
from stageshow.domain.engine import Engine
from stageshow.domain.model import Show
from stageshow.domain.phases import Phase
from stageshow.store.database import open_database
from stageshow.store.event_log import EventLog


class ShowSession:
    """Submit commands; each one's events are committed before the state moves on."""

    def __init__(self, show: Show, log: EventLog | None, engine: Engine | None = None) -> None:
        self.show = show
        self.log = log
        self.engine = engine or Engine(show)
        self.committed_seq = log.head_seq if log else 0

    @classmethod
    def open(cls, show: Show, root: Path, db_path: Path | None, mode: str = "live") -> ShowSession:
        """Resume the newest unfinished run of this show in `db_path`, or start a new one there."""
        if db_path is None:
            return cls(show, None)
        database = open_database(db_path)
        show_id = EventLog.find(database, show, root, mode=mode)
        if show_id is None:
            return cls(show, EventLog.create(database, show, root, mode=mode))
        log = EventLog(database, show_id)
        logged = log.events()
        session = cls(show, log, Engine.replay(show, ((item.event, item.at) for item in logged)))
        if mode == "live":
            # The show clock restarts after a crash; a countdown that was running waits for the operator.
            session.submit(c.Recover(), session.engine.state.clock)
        return session

    @property
    def resumed(self) -> bool:
        return self.committed_seq > 0

    def submit(self, command: c.Command, now: int, step: int | None = None) -> list[tuple[e.Event, int]]:
        decision = self.engine.decide(command, now, step)
        if self.log is not None and decision.events:
            finished = decision.state.phase == Phase.FINISHED
            self.committed_seq = self.log.append(decision.events, decision.state.scores, finished)
        self.engine.accept(decision)
        return decision.events

    def logged_events(self) -> list[tuple[e.Event, int]]:
        if self.log is None:
            return []
        return [(item.event, item.at) for item in self.log.events()]

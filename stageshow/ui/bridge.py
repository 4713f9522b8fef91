"""The one way into the show and the one way out: commands go in through `submit`, snapshots come out through
`snapshot_changed`. The console, the stage, rehearsal and buzzers all go through here."""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QThread, QTimer, Signal

from stageshow.app.session import ShowSession
from stageshow.app.snapshots import PublicSnapshot, public_snapshot
from stageshow.app.words import in_words
from stageshow.app.show_clock import ShowClock
from stageshow.domain import commands as c
from stageshow.domain.errors import RuleViolation
from stageshow.store.database import DatabaseProblem
from stageshow.ui.tr import tr

CLOCK_POLL_MS = 10
CLOCK_MARK_MS = 1000


class _Outcome(QEvent):
    """A command decided on another thread, carried to the GUI thread to be announced there."""

    TYPE = QEvent.Type(QEvent.registerEventType())

    def __init__(self, events: list | None, refusal: str) -> None:  # type: ignore[type-arg]
        super().__init__(self.TYPE)
        self.events = events
        self.refusal = refusal


class ShowBridge(QObject):
    """Signals, in this order after every accepted command (its events already committed):
    events_committed(list) with the new (event, at) pairs, emitted on the thread that submitted the command, for
    instant, cheap, thread-safe reactions (the buzz cue, connected directly);
    snapshot_changed(), the stage first; events_logged(list), the same pairs, for everything else.
    command_refused(str) with the engine's reason when a command is refused.
    All but events_committed are emitted on the GUI thread, whichever thread submitted."""

    events_committed = Signal(list)
    snapshot_changed = Signal()
    command_refused = Signal(str)
    storage_failed = Signal(str)  # a command could not be written (disk full, stick pulled): the console's alarm
    events_logged = Signal(list)

    def __init__(self, session: ShowSession, clock: ShowClock | None = None, auto_ticks: bool = True,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.clock = clock or ShowClock(session.engine.state.clock)
        self._public: tuple[object, PublicSnapshot] | None = None
        self._deciding = threading.Lock()  # buzzer presses are decided on their reader's thread, the rest here
        self._deadlines = QTimer(self)
        self._deadlines.setInterval(CLOCK_POLL_MS)
        self._deadlines.timeout.connect(self._on_deadlines_timeout)
        self._marks = QTimer(self)  # while a countdown runs, the log knows how far it ran (an exact resume)
        self._marks.setInterval(CLOCK_MARK_MS)
        self._marks.timeout.connect(self._on_marks_timeout)
        if auto_ticks:  # a rehearsal moves time itself, step by step, so its results match the script exactly
            self._deadlines.start()
            self._marks.start()

    @property
    def show(self):  # type: ignore[no-untyped-def]
        return self.session.show

    @property
    def state(self):  # type: ignore[no-untyped-def]
        return self.session.engine.state

    def public_snapshot(self) -> PublicSnapshot:
        """What the hall may see now; built once per state, shared by the stage and the console's miniature."""
        state = self.state
        if self._public is None or self._public[0] is not state:
            self._public = (state, public_snapshot(self.session.show, state))
        return self._public[1]

    def now(self) -> int:
        return self.clock.now()

    def submit(self, command: c.Command, now: int | None = None) -> bool:
        """Decide, commit, then tell the windows. A refused command changes nothing and says why.
        Any thread may submit: one command at a time is decided and committed, and the windows hear of it on
        the GUI thread (at once if this is it, otherwise as soon as it is free, ahead of anything queued)."""
        return self._commit(command, now, announce_refusal=True) is None

    def offer(self, command: c.Command) -> str | None:
        """As submit, for a device in the hall: the refusal comes back to it (a phone voting twice is told so on its
        own page), not to the console's warning line. None when done."""
        return self._commit(command, None, announce_refusal=False)

    def _commit(self, command: c.Command, now: int | None, announce_refusal: bool) -> str | None:
        events: list | None = None  # type: ignore[type-arg]
        refusal = ""
        storage = False
        with self._deciding:
            try:
                events = self.session.submit(command, self.now() if now is None else now)
            except RuleViolation as violation:
                refusal = in_words(self.session.show, violation)
            except DatabaseProblem as problem:  # not written, so not done: the show stays where it was
                refusal = tr("这一步没有记录，也没有生效：") + str(problem)
                storage = True
        if events:
            self.events_committed.emit(events)
        if storage:
            self.storage_failed.emit(refusal)  # queued to the GUI thread by Qt when a buzzer thread raised it
        if events is not None or announce_refusal:
            if QThread.currentThread() is self.thread():
                self._announce(events, refusal)
            else:
                QCoreApplication.postEvent(self, _Outcome(events, refusal), Qt.EventPriority.HighEventPriority.value)
        return None if events is not None else refusal

    def event(self, event: QEvent) -> bool:
        if isinstance(event, _Outcome):
            self._announce(event.events, event.refusal)
            return True
        return super().event(event)

    def _announce(self, events: list | None, refusal: str) -> None:  # type: ignore[type-arg]
        if events is None:
            self.command_refused.emit(refusal)
            return
        self.snapshot_changed.emit()  # the stage before the console: the hall is waiting for it
        if events:
            self.events_logged.emit(events)

    @property
    def ticking(self) -> bool:
        return self._deadlines.isActive()

    def stop(self) -> None:
        """No more clock ticks: this show's windows are closing (another may be opening on the same log)."""
        self._deadlines.stop()
        self._marks.stop()

    def _on_marks_timeout(self) -> None:
        countdown = self.state.countdown
        if countdown is not None and countdown.deadline is not None:
            self.session.mark_clock(self.now())

    def why_not(self, command: c.Command) -> str | None:
        """The engine's reason a command would be refused now, or None if it would be accepted."""
        try:
            self.session.engine.decide(command, self.now())
        except RuleViolation as violation:
            return in_words(self.session.show, violation)
        return None

    def _on_deadlines_timeout(self) -> None:
        countdown = self.state.countdown
        if countdown is not None and countdown.deadline is not None and countdown.deadline <= self.now():
            self.submit(c.Tick())

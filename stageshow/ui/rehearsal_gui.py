"""`stageshow rehearse --gui`: a script played through the real windows, at `speed` times real time.

Each step is submitted at its exact script time (the clock only moves with `press.after` and `wait`), so the
result equals a rehearsal without windows; in between, the stage's countdowns run on the script's clock.
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from stageshow.app.rehearsal import RehearsalOutcome, StepFailed, check_committed_steps, run_step
from stageshow.app.result import show_result
from stageshow.app.show_clock import ScriptClock
from stageshow.domain.context import seconds_to_ns
from stageshow.domain.errors import RuleViolation
from stageshow.domain.model import Show
from stageshow.formats.script import Step
from stageshow.i18n import render
from stageshow.ui.app import StageShowApp
from stageshow.ui.fonts import ui_font
from stageshow.ui.tr import install_translator

VISIBLE_STEP_SECONDS = 0.6  # at speed 1, every step stays on screen at least this long


class GuiRehearsal(QObject):
    def __init__(self, app: StageShowApp, clock: ScriptClock, steps: list[Step]) -> None:
        super().__init__()
        self.app, self.clock, self.steps = app, clock, steps
        done = check_committed_steps(app.session, steps)
        self.position = next((index for index, step in enumerate(steps) if step.number > done), len(steps))
        self.virtual = sum((step.advance for step in steps[: self.position]), Decimal(0))
        self.outcome = RehearsalOutcome(result={}, resumed_after=done)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)

    def start(self) -> None:
        self.clock.pin(seconds_to_ns(self.virtual))
        self._schedule()

    def _schedule(self) -> None:
        if self.position >= len(self.steps):
            self._finish()
            return
        step = self.steps[self.position]
        delay = max(float(step.advance), VISIBLE_STEP_SECONDS) / self.clock.speed
        self._timer.start(int(delay * 1000))

    def _on_timer_timeout(self) -> None:
        step = self.steps[self.position]
        self.virtual += step.advance
        now = seconds_to_ns(self.virtual)
        self.clock.pin(now)
        try:
            run_step(self.app.session, step, now)
        except (RuleViolation, StepFailed) as failure:  # the step's number and reason, as without windows
            self.outcome.failure = render("step_failed", number=step.number, line=step.line, reason=str(failure))
            self.outcome.failed_step = step.number
            self._finish()
            return
        self.app.bridge.snapshot_changed.emit()
        self.position += 1
        self._schedule()

    def _finish(self) -> None:
        self.outcome.result = show_result(self.app.session.show, self.app.session.engine.state)
        QTimer.singleShot(int(1000 * VISIBLE_STEP_SECONDS / self.clock.speed), lambda: QApplication.exit(0))


def rehearse_in_windows(show: Show, root: Path, steps: list[Step], db: Path, speed: float,
                        new_run: bool = False) -> RehearsalOutcome:
    """ShowChanged or ScriptChanged, as `rehearse`, when the run in `db` cannot go on."""
    application = QApplication.instance() or QApplication(sys.argv)
    install_translator(application)
    application.setFont(ui_font(15))
    clock = ScriptClock(speed)
    settings = QSettings(str(db.with_suffix(".ini")), QSettings.Format.IniFormat)
    app = StageShowApp(show, root, db, settings, mode="rehearsal", clock=clock, new_run=new_run)
    app.console.confirm_on_close = False
    try:
        runner = GuiRehearsal(app, clock, steps)
    except Exception:
        app.shutdown()
        raise
    app.show_windows()
    runner.start()
    application.exec()
    app.shutdown()
    return runner.outcome

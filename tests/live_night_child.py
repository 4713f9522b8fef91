"""Run by test_live_night.py under a real X server (a laptop output beside a projector output): opens a whole final
(all five round kinds, a tie-break, the award ceremony) in the real windows and drives it with real key presses
(xdotool), as an operator reading the console would. After every key it checks what the issue of the live night
named: the console's frame lies inside its own screen and off the stage's, the miniature is the stage's picture,
and the stage shows the show, not an overlay left up. Prints a JSON report on its last line."""

import json
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QSize, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from stageshow.app.next_action import next_action
from stageshow.domain.phases import Phase
from stageshow.formats.show_file import load_show_or_raise
from stageshow.ui.app import StageShowApp
from stageshow.ui.console.entry_dialog import EntryDialog
from stageshow.ui.fonts import ui_font
from stageshow.ui.tr import install_translator

MAX_KEYS = 400
STEP_MS = 250
COMPARED_AT = QSize(480, 270)  # the stage and its miniature, painted at one size and moment, must be equal


class Operator:
    """Acts on a timer, a key at a time, as a person would: a dialog a key opens runs its own event loop, so the
    next look at the screens must come from that loop too (a timer), never from code waiting for the key."""

    def __init__(self, windows: StageShowApp, shots: Path) -> None:
        self.windows = windows
        self.shots = shots
        self.keys: list[str] = []
        self.problems: list[str] = []
        self.screens = {screen.name(): screen for screen in QGuiApplication.screens()}
        self.pending_entry: str | None = None
        self.shot_taken: set[str] = set()
        self.ceremony: list[str] = []
        self.undo_asked = False
        self.pressed_on: str | None = None
        self.done = False
        self._timer = QTimer()
        self._timer.setInterval(STEP_MS)
        self._timer.timeout.connect(self._on_timer_timeout)

    def start(self) -> None:
        self._timer.start()

    def key(self, *keys: str) -> None:
        subprocess.run(["xdotool", "key", "--delay", "40", *keys], check=True)
        self.keys.extend(keys)

    def _on_timer_timeout(self) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QMessageBox):
            self.answer(dialog)
        elif isinstance(dialog, EntryDialog):
            if self.pending_entry is None:
                self.problems.append(f"entry refused: {dialog.problem.text()}")
                self.key("Escape")
                return
            subprocess.run(["xdotool", "type", "--delay", "20", self.pending_entry], check=True)
            self.pending_entry = None
            self.key("Return")
        else:
            self.check()
            if len(self.keys) >= MAX_KEYS:
                self.problems.append(f"the final did not finish within {MAX_KEYS} keys")
                self.finish()
            else:
                self.next_move()

    def answer(self, dialog: QMessageBox) -> None:
        """A question before a step that cannot be undone: Alt+Y says Yes; after the ceremony the undo's question
        is answered with Enter, which must mean No."""
        if self.windows.bridge.state.phase == Phase.FINISHED:
            self.undo_asked = True
            self.key("Return")
            QTimer.singleShot(400, self.finish)
        else:
            self.shot("confirm")
            self.key("alt+y")

    def entry(self, key: str, text: str) -> None:
        self.pending_entry = text
        self.key(key)

    def next_move(self) -> None:
        windows = self.windows
        bridge = windows.bridge
        state, show = bridge.state, bridge.show
        kind = show.round(state.round.round_id).kind if state.round else None
        label = f"{'tiebreak' if state.tiebreak else kind}-{state.phase.value}"
        if label not in self.shot_taken:
            self.shot_taken.add(label)
            self.shot(f"{len(self.shot_taken):02d}-{label}")
        action = next_action(show, state)
        if state.phase == Phase.FINISHED:
            mode = windows.stage.mode  # the ceremony: 三等奖 → 二等奖 → 一等奖, a Space each once the last is shown
            if mode == self.pressed_on:
                return
            self.pressed_on = mode
            if mode.startswith("award:"):
                self.ceremony.append(mode)
            if len(self.ceremony) < len(show.awards):
                self.key("space")
            else:
                self.shot("ceremony")
                self.key("ctrl+z")  # undo after the ceremony: it must ask
            return
        if state.phase == Phase.BUZZ_OPEN:
            self.key(str(show.team(state.question.eligible[0]).seat))
        elif state.phase == Phase.ANSWERING and kind == "correction":
            self.entry("ctrl+f", "1 2")
        elif state.phase == Phase.ANSWERING:
            self.key("y")
        elif kind == "risk" and action is not None and action.command is None:
            self.key("ctrl+0")  # every team passes its risk question
        elif kind == "judged" and action is not None and action.command is None:
            waiting = [team for team in show.teams if team.id not in state.round.paneled]
            if waiting:
                self.entry("ctrl+e", f"{waiting[0].seat}: 90 90 90")
            else:
                self.entry("ctrl+u", " ".join("5" for _ in show.teams))
        elif state.phase == Phase.ROUND_READY and kind == "compulsory" and "overlay" not in self.shot_taken:
            self.shot_taken.add("overlay")
            self.key("h", "d")  # the chart, then the teams over it ...
            self._timer.stop()  # (the chart's first showing takes a moment: wait for the keys to be taken)
            self._wait_for(lambda: self.windows.stage.mode == "teams", self._after_overlays)
        else:
            self.key("space")

    def _after_overlays(self) -> None:
        if self.windows.stage.mode != "teams":
            self.problems.append(f"after H then D the stage shows {self.windows.stage.mode}, not the teams")
        self.shot("overlay-teams")
        self.key("space")  # ... then on with the show: the hall must see the question
        self._wait_for(lambda: self.windows.bridge.state.question is not None, self._after_moving_on)

    def _after_moving_on(self) -> None:
        if self.windows.stage.mode != "live":
            self.problems.append(f"after Space the stage stayed on {self.windows.stage.mode}")
        self._timer.start()

    def _wait_for(self, condition, then, tries: int = 40) -> None:  # type: ignore[no-untyped-def]
        """Call `then` once `condition` holds, or after two seconds whatever it says."""
        if condition() or tries == 0:
            then()
        else:
            QTimer.singleShot(50, lambda: self._wait_for(condition, then, tries - 1))
    def check(self) -> None:
        windows, step = self.windows, len(self.keys)
        console, stage = windows.console, windows.stage
        laptop, projector = self.screens["DUMMY0"], self.screens["DUMMY1"]
        frame = console.frameGeometry()
        if not laptop.geometry().contains(frame) or frame.intersects(projector.geometry()):
            self.problems.append(f"key {step}: the console's frame {frame.getRect()} leaves the laptop")
        if stage.geometry() != projector.geometry():
            self.problems.append(f"key {step}: the stage is at {stage.geometry().getRect()}")
        now = windows.bridge.now()
        if stage.picture(COMPARED_AT, now) != console.preview.picture(COMPARED_AT, now):
            self.problems.append(f"key {step}: the miniature ({console.preview.mode}) differs from the stage "
                                 f"({stage.mode})")
            self.shot(f"differs-{step}")

    def shot(self, name: str) -> None:
        screen = QGuiApplication.primaryScreen()
        whole = screen.grabWindow(0, 0, 0, screen.virtualGeometry().width(), screen.virtualGeometry().height())
        for output in self.screens.values():
            whole.copy(output.geometry()).save(str(self.shots / f"{name}-{output.name()}.png"))

    def finish(self) -> None:
        self._timer.stop()
        self.done = True
        QApplication.instance().exit(0)


def main() -> None:
    show_path, folder = Path(sys.argv[1]), Path(sys.argv[2])
    app = QApplication(sys.argv[:1])
    install_translator(app)
    app.setFont(ui_font(15))
    windows = StageShowApp(load_show_or_raise(show_path), show_path.parent, folder / "show.sqlite3",
                           QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    windows.console.confirm_on_close = False
    windows.show_windows()
    operator = Operator(windows, folder)
    QTimer.singleShot(800, operator.start)
    app.exec()
    state = windows.bridge.state
    report = {"keys": len(operator.keys), "problems": operator.problems, "phase": state.phase.value,
              "tiebreak": state.tiebreak is not None and state.tiebreak.done, "ceremony": operator.ceremony,
              "undo_asked": operator.undo_asked, "console": windows.console.frameGeometry().getRect(),
              "stage": windows.stage.geometry().getRect()}
    windows.shutdown()
    print(json.dumps(report, ensure_ascii=False))


if __name__ == "__main__":
    main()

"""Child process for the resume tests: opens the real windows (offscreen) on a show, plays the steps given as JSON
([[step, value], ...] in the script's vocabulary) through the bridge, lets the show run for a moment, prints what
the show is doing (phase, countdown left, events committed) and waits to be killed."""

import json
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from stageshow.domain.vocabulary import step_to_command
from stageshow.formats.show_file import load_show_or_raise
from stageshow.ui.app import StageShowApp


def main() -> None:
    show_path, db, folder = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    steps, run_for = json.loads(sys.argv[4]), float(sys.argv[5])
    app = QApplication(sys.argv[:1])
    windows = StageShowApp(load_show_or_raise(show_path), show_path.parent, db,
                           QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    windows.show_windows()
    bridge = windows.bridge
    for name, value in steps:
        assert bridge.submit(step_to_command(name, value)), (name, value)

    def report() -> None:
        countdown = bridge.state.countdown
        left = None if countdown is None else (
            countdown.remaining if countdown.deadline is None else countdown.deadline - bridge.now())
        print(json.dumps({"phase": bridge.state.phase.value, "left_ns": left,
                          "events": bridge.session.committed_seq}), flush=True)

    QTimer.singleShot(int(run_for * 1000), report)  # then the parent kills this process with SIGKILL
    app.exec()


if __name__ == "__main__":
    main()

"""Run by test_screen_hotplug.py under a real X server with two dummy monitors: opens the demo, unplugs and
replugs the projector with xrandr, and prints what the windows did as JSON on its last line."""

import json
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from stageshow.formats.show_file import load_show_or_raise
from stageshow.ui.app import StageShowApp

DEMO = Path(__file__).resolve().parents[1] / "question_sets" / "demo.show.yaml"


def xrandr(*args: str) -> None:
    subprocess.run(["xrandr", *args], check=True)


def wait_for(condition, ms: int = 5000) -> bool:
    for _ in range(ms // 50):
        if condition():
            return True
        QTest.qWait(50)
    return condition()


def main() -> None:
    app = QApplication(sys.argv)
    folder = Path(sys.argv[1])
    windows = StageShowApp(load_show_or_raise(DEMO), DEMO.parent, folder / "show.sqlite3",
                           QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    windows.console.confirm_on_close = False
    windows.show_windows()
    report: dict[str, object] = {}
    wait_for(lambda: windows.stage.isVisible())
    QTest.qWait(300)
    report["start"] = {"stage": windows.stage.screen().name(), "console": windows.console.screen().name(),
                       "stage_geometry": windows.stage.geometry().getRect()}
    xrandr("--output", "DUMMY1", "--off")
    report["hidden"] = wait_for(lambda: not windows.stage.isVisible())
    QTest.qWait(600)
    report["after_unplug"] = {"stage_visible": windows.stage.isVisible(),
                              "console": windows.console.screen().name(),
                              "status": windows.console.status.text()}
    xrandr("--output", "DUMMY1", "--mode", "1920x1080", "--right-of", "DUMMY0")
    report["shown_again"] = wait_for(lambda: windows.stage.isVisible())
    QTest.qWait(300)
    report["after_replug"] = {"stage": windows.stage.screen().name(), "full_screen": windows.stage.isFullScreen(),
                              "stage_geometry": windows.stage.geometry().getRect(),
                              "status": windows.console.status.text()}
    windows.shutdown()
    app.processEvents()
    print(json.dumps(report, ensure_ascii=False))


if __name__ == "__main__":
    main()

"""The demo final in the real windows, for the benchmarks that time them."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QSettings, QTimer

from stageshow.formats.show_file import load_show_or_raise

if TYPE_CHECKING:
    from stageshow.ui.app import StageShowApp

DEMO = Path(__file__).resolve().parents[1] / "question_sets" / "demo.show.yaml"


def settle(seconds: float = 0.2) -> None:
    """Run the event loop for a while, as the app idles between commands (windows get exposed and painted)."""
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def demo_windows(folder: Path, name: str, width: int = 1920, height: int = 1080) -> StageShowApp:
    """The demo on a fresh database `folder/name.sqlite3`, both windows shown, the stage at width × height.
    Its user data (the buzzer mapping a benchmark teaches) stays in `folder`, never in this machine's own."""
    from stageshow.ui.app import StageShowApp

    os.environ["STAGESHOW_DATA_DIR"] = str(folder / "userdata")
    settings = QSettings(str(folder / f"{name}.ini"), QSettings.Format.IniFormat)
    windows = StageShowApp(load_show_or_raise(DEMO), DEMO.parent, folder / f"{name}.sqlite3", settings)
    windows.console.confirm_on_close = False  # closing between runs asks nothing
    windows.show_windows()
    windows.stage.resize(width, height)
    return windows

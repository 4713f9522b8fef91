"""Child process for the hall's restart test: the real windows (offscreen) on a show whose file turns the LAN link on;
"fresh" starts the judged round and opens the voting first. Prints "ready PORT", then runs until killed."""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from stageshow.domain import commands as c  # noqa: E402
from stageshow.formats.show_file import load_show_or_raise  # noqa: E402
from stageshow.ui.app import StageShowApp  # noqa: E402


def main() -> None:
    show_path, db, settings = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    app = QApplication([])
    windows = StageShowApp(load_show_or_raise(show_path), show_path.parent.resolve(), db,
                           QSettings(settings, QSettings.Format.IniFormat))
    windows.console.confirm_on_close = False
    windows.show_windows()
    if sys.argv[4] == "fresh":
        for command in (c.StartRound("R1"), c.StartRound("R5"), c.OpenVoting()):
            assert windows.bridge.submit(command), command
    print("ready", windows.hall.server.port if windows.hall.server else 0, flush=True)
    app.exec()


if __name__ == "__main__":
    main()

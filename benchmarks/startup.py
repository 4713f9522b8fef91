"""Start-up: from launching Python to both windows of the demo final on screen (console and stage exposed, the stage
painted), each time in a fresh process with a fresh data folder, as `stageshow` starts on the night.

Each child builds the windows as `stageshow` does (the demo show, its database in the data folder) and reports
as soon as both are exposed; the time counted is from spawning the process to that report.
Baseline, in the same run: a bare PySide6 process that shows one empty widget and reports the same way.
For reference, the whole of `python -m stageshow --quit-after 0` (start, windows, exit) is timed as well.
Usage: python benchmarks/startup.py [RUNS]
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # runs without a display; set it to use a real one
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")  # the sound cues play, silently

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
READY = "ready"
TIMEOUT_S = 120


# --- the children ------------------------------------------------------------------------------------------------

def _report_when_shown(app, windows, painted) -> None:  # type: ignore[no-untyped-def]
    """Print READY once every window is exposed and `painted()` is true, then leave without close dialogs."""
    from PySide6.QtCore import QTimer

    def check() -> None:
        handles = [window.windowHandle() for window in windows]
        if all(handle is not None and handle.isExposed() for handle in handles) and painted():
            print(READY, flush=True)
            app.exit(0)
        else:
            QTimer.singleShot(1, check)

    QTimer.singleShot(0, check)


def child_stageshow() -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from stageshow.formats.show_file import load_show_or_raise
    from stageshow.paths import demo_show, user_data_dir
    from stageshow.ui.app import StageShowApp
    from stageshow.ui.fonts import ui_font

    app = QApplication(sys.argv)
    app.setApplicationName("StageShow")
    app.setFont(ui_font(15))
    folder = user_data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    show_path = demo_show()
    show = load_show_or_raise(show_path)
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    windows = StageShowApp(show, show_path.parent.resolve(), folder / "demo.sqlite3", settings)
    windows.console.confirm_on_close = False
    stage_paints = []
    view = windows.stage.view
    original = view.paintEvent

    def counted(event):  # type: ignore[no-untyped-def]
        original(event)
        stage_paints.append(1)

    view.paintEvent = counted  # type: ignore[method-assign]
    windows.show_windows()
    _report_when_shown(app, [windows.console, windows.stage], lambda: bool(stage_paints))
    return app.exec()


def child_bare() -> int:
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication(sys.argv)
    widget = QWidget()
    widget.resize(1280, 800)
    widget.show()
    _report_when_shown(app, [widget], lambda: True)
    return app.exec()


# --- the parent --------------------------------------------------------------------------------------------------

def time_process(arguments: list[str], wait_for_ready: bool) -> float:
    """Seconds from spawning the process to its READY line (or to its exit), with a fresh data folder."""
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as folder:
        environment = dict(os.environ, STAGESHOW_DATA_DIR=str(Path(folder) / "data"))
        environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
        with open(Path(folder) / "stderr.txt", "w+", encoding="utf-8", errors="replace") as errors:
            start = time.perf_counter()
            child = subprocess.Popen([sys.executable, *arguments], cwd=ROOT, env=environment,
                                     stdout=subprocess.PIPE, stderr=errors, text=True)
            assert child.stdout is not None
            elapsed = None
            if wait_for_ready:
                for line in child.stdout:
                    if line.strip() == READY:
                        elapsed = time.perf_counter() - start
                        break
            child.stdout.read()
            code = child.wait(TIMEOUT_S)
            if not wait_for_ready:
                elapsed = time.perf_counter() - start
            if code != 0 or elapsed is None:
                errors.seek(0)
                raise RuntimeError(f"{' '.join(arguments)} ended with {code}:\n{errors.read()[-2000:]}")
    return elapsed


def line(name: str, seconds: list[float]) -> str:
    runs = " ".join(f"{value:.2f}" for value in seconds)
    return f"{name:<46} median {statistics.median(seconds):5.2f} s   max {max(seconds):5.2f} s   (runs: {runs})"


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    script = str(Path(__file__).resolve())
    ours = [time_process([script, "--child", "stageshow"], True) for _ in range(runs)]
    bare = [time_process([script, "--child", "bare"], True) for _ in range(runs)]
    whole = [time_process(["-m", "stageshow", "--quit-after", "0"], False) for _ in range(runs)]
    print(f"{runs} runs each, a fresh process and data folder every time, "
          f"platform {os.environ.get('QT_QPA_PLATFORM')}")
    print(line("StageShow: start → both windows shown", ours))
    print(line("baseline: bare PySide6, one empty widget shown", bare))
    print(line("python -m stageshow --quit-after 0 (to exit)", whole))
    ratio = statistics.median(ours) / statistics.median(bare)
    print(f"median ratio StageShow / baseline: {ratio:.1f}   (target: ≤ 2 s)")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        sys.exit(child_stageshow() if sys.argv[2] == "stageshow" else child_bare())
    main()

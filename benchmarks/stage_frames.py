"""Frame intervals on the stage at 1920×1080 while a countdown runs and the scoreboard changes.

A compulsory question of the demo final is on stage with its countdown running (开始计时); for a few seconds every
StageView paint is timed while a timer submits a score adjustment every 500 ms, as an operator correcting scores
would. Without a display there is no vertical sync: the stage's own 16 ms frame timer drives the frames.

With PHONES, the same measurement runs twice in one run: without the hall, then with the LAN link on (the app's own
server process) and that many stand-in phones following the stage, polling and voting (benchmarks/_phones.py).
Usage: python benchmarks/stage_frames.py [SECONDS] [PHONES]
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # runs without a display; set it to use a real one
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")  # the sound cues play, silently

import multiprocessing
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from _common import describe
from _phones import crowd
from _windows import demo_windows, settle
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from stageshow.domain import commands as c
from stageshow.ui.fonts import ui_font

WIDTH, HEIGHT = 1920, 1080
ADJUST_MS = 500
SMOOTH_MS = 25.0


def record_frames(folder: Path, seconds: float, phones: int = 0) -> tuple[list[float], list[float], int, int]:
    """(paint end times in s, paint durations in ms, adjustments accepted, adjustments submitted)."""
    windows = demo_windows(folder, "show", WIDTH, HEIGHT)
    settle(0.3)
    crowd_process = None
    if phones:
        if not windows.hall.start():
            raise RuntimeError("the LAN link did not start")
        ready = multiprocessing.Event()
        crowd_process = multiprocessing.Process(target=crowd, args=(windows.hall.server.port, phones, 600.0, ready),
                                                daemon=True)
        crowd_process.start()
        while not ready.wait(0.05):
            settle(0.05)  # the app keeps running while the phones arrive
        print(f"{len(windows.hall.server.listener_rows())} phones following the stage")
    for command in (c.StartRound("R1"), c.Next(), c.Go()):
        if not windows.bridge.submit(command):
            raise RuntimeError(f"the engine refused {command}")
    countdown = windows.bridge.state.countdown
    if countdown is None or countdown.deadline is None:
        raise RuntimeError("no countdown is running")
    settle(0.3)  # the first frames of the question: fonts and glyphs cached

    view = windows.stage.view
    ends: list[float] = []
    durations: list[float] = []
    original = view.paintEvent

    def timed(event):  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        original(event)
        ends.append(time.perf_counter())
        durations.append((ends[-1] - start) * 1000)

    view.paintEvent = timed  # type: ignore[method-assign]

    adjustments = {"sent": 0, "accepted": 0}
    teams = windows.bridge.show.teams

    def adjust() -> None:
        team = teams[adjustments["sent"] % len(teams)]
        adjustments["sent"] += 1
        points = Decimal(1) if adjustments["sent"] % 2 else Decimal(-1)
        if windows.bridge.submit(c.Adjust(team.id, points, "基准测试：记分更正")):
            adjustments["accepted"] += 1

    adjuster = QTimer()
    adjuster.setInterval(ADJUST_MS)
    adjuster.timeout.connect(adjust)
    adjuster.start()
    settle(seconds)
    adjuster.stop()
    view.paintEvent = original  # type: ignore[method-assign]
    if crowd_process is not None:
        crowd_process.terminate()
    still_running = windows.bridge.state.countdown is not None and windows.bridge.state.countdown.deadline is not None
    windows.shutdown()
    if not still_running:
        raise RuntimeError("the countdown ended during the measurement; measure for fewer seconds")
    return ends, durations, adjustments["accepted"], adjustments["sent"]


def main() -> None:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0
    phones = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    app = QApplication.instance() or QApplication(sys.argv)
    app.setFont(ui_font(15))
    for crowd_size in ([0, phones] if phones else [0]):
        if crowd_size:
            print(f"--- with the LAN link on and {crowd_size} phones")
        with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as folder:
            report(app, seconds, *record_frames(Path(folder), seconds, crowd_size))


def report(app: QApplication, seconds: float, ends: list[float], durations: list[float], accepted: int,
           sent: int) -> None:
    if len(ends) < 2:
        raise RuntimeError("the stage painted fewer than two frames")
    intervals = [(later - earlier) * 1000 for earlier, later in zip(ends, ends[1:], strict=False)]
    smooth = sum(1 for interval in intervals if interval <= SMOOTH_MS) / len(intervals)
    print(f"{len(ends)} frames in {seconds:.1f} s ({len(ends) / seconds:.1f} per second), countdown running, "
          f"{accepted}/{sent} score adjustments accepted, stage {WIDTH}×{HEIGHT}, platform {app.platformName()}")
    print(describe("interval between stage frames", intervals))
    print(describe("one stage paint", durations))
    print(f"intervals ≤ {SMOOTH_MS:.0f} ms: {smooth:.1%}   (target: ≥ 99 %)")


if __name__ == "__main__":
    main()

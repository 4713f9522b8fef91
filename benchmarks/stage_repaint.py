"""Command → stage repaint complete at 1920×1080: from `bridge.submit` to the end of the first StageView paint
that follows (the stage paints synchronously once the command is committed, before the console is told; a
`repaint()` right after the submit stands in if it did not).

The commands are the operator's cycle in the compulsory round of the demo final (下一题 / 开始计时 / 判定 / 揭晓,
chosen by the console's next action); when the round runs out, a fresh show is opened and the cycle goes on.
Baseline, in the same run: the repaint of a bare widget of the same size that only fills a gradient.
Usage: python benchmarks/stage_repaint.py [COMMANDS]
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # runs without a display; set it to use a real one
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")  # the sound cues play, silently

import sys
import tempfile
import time
from pathlib import Path

from _common import describe, percentiles
from _windows import demo_windows, settle
from PySide6.QtCore import QRectF
from PySide6.QtGui import QLinearGradient, QPainter, QPaintEvent
from PySide6.QtWidgets import QApplication, QWidget

from stageshow.app.next_action import next_action
from stageshow.domain import commands as c
from stageshow.ui.fonts import ui_font
from stageshow.ui.stage import theme
from stageshow.ui.stage.view import StageView

WIDTH, HEIGHT = 1920, 1080
ROUND = "R1"  # the compulsory round


class PaintClock:
    """Wraps one widget's paintEvent and keeps when the first paint since `mark()` began and finished."""

    def __init__(self, widget: QWidget) -> None:
        self.first: tuple[float, float] | None = None
        original = widget.paintEvent

        def timed(event):  # type: ignore[no-untyped-def]
            began = time.perf_counter()
            original(event)
            if self.first is None:
                self.first = (began, time.perf_counter())

        widget.paintEvent = timed  # type: ignore[method-assign]

    def mark(self) -> None:
        self.first = None


OPERATOR_PAUSE = 0.25  # seconds between commands: far quicker than any real operator


class StageRun:
    """One StageShowApp on a fresh database, its stage shown at 1920×1080, its stage view's paints timed."""

    def __init__(self, folder: Path, index: int) -> None:
        self.windows = demo_windows(folder, f"show-{index}", WIDTH, HEIGHT)
        settle()
        self.view: StageView = self.windows.stage.view
        self.paints = PaintClock(self.view)
        self.verdicts = 0

    def next_command(self) -> c.Command | None:
        """The console's next action within the compulsory round; None once the round is over."""
        bridge = self.windows.bridge
        action = next_action(bridge.show, bridge.state)
        if action is None:
            return None
        if action.command is None:  # answering: the judges decide, alternately right and wrong
            self.verdicts += 1
            return c.Judge(c.Verdict.CORRECT if self.verdicts % 2 else c.Verdict.WRONG)
        if isinstance(action.command, c.StartRound) and action.command.round_id != ROUND:
            return None
        return action.command

    def close(self) -> None:
        self.windows.shutdown()


def stage_repaints(folder: Path, count: int
                   ) -> tuple[list[float], list[float], list[float], dict[str, list[float]]]:
    """(command → repaint complete, decide-and-commit part, paint part) in ms, and the first by command."""
    total, submits, paints = [], [], []
    kinds: dict[str, list[float]] = {}
    runs = 0
    run = StageRun(folder, runs)
    run.view.repaint()  # warm: fonts and glyph caches, as after the title card on a real night
    while len(total) < count:
        command = run.next_command()
        if command is None:
            run.close()
            runs += 1
            run = StageRun(folder, runs)
            continue
        run.paints.mark()
        start = time.perf_counter()
        accepted = run.windows.bridge.submit(command)
        if not accepted:
            raise RuntimeError(f"the engine refused {command}")
        if run.paints.first is None:
            run.view.repaint()
        if run.paints.first is None:
            raise RuntimeError("the stage did not repaint")
        began, ended = run.paints.first
        total.append((ended - start) * 1000)
        submits.append((began - start) * 1000)
        paints.append((ended - began) * 1000)
        kinds.setdefault(type(command).__name__, []).append(total[-1])
        settle(OPERATOR_PAUSE)  # between two commands the hall reads the screen and the event loop idles
    run.close()
    return total, submits, paints, kinds


class GradientWidget(QWidget):
    """The stage's background and nothing else."""

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        rect = QRectF(self.rect())
        gradient = QLinearGradient(rect.topLeft(), rect.bottomLeft())
        gradient.setColorAt(0, theme.BACKGROUND_TOP)
        gradient.setColorAt(1, theme.BACKGROUND_BOTTOM)
        painter.fillRect(rect, gradient)
        painter.end()


def bare_repaints(count: int) -> list[float]:
    widget = GradientWidget()
    widget.resize(WIDTH, HEIGHT)
    widget.show()
    settle()
    paints = PaintClock(widget)
    samples = []
    for _ in range(count):
        paints.mark()
        start = time.perf_counter()
        widget.repaint()
        assert paints.first is not None
        samples.append((paints.first[1] - start) * 1000)
        QApplication.processEvents()
    widget.close()
    return samples


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 400
    app = QApplication.instance() or QApplication(sys.argv)
    app.setFont(ui_font(15))
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as folder:
        total, submits, paints, kinds = stage_repaints(Path(folder), count)
    bare = bare_repaints(count)
    mix = ", ".join(f"{name} {len(samples)}" for name, samples in sorted(kinds.items()))
    print(f"{count} commands in the compulsory round ({mix}), stage {WIDTH}×{HEIGHT}, "
          f"platform {app.platformName()}")
    print(describe("command → stage repaint complete", total))
    print(describe("  of which decide and commit", submits))
    print(describe("  of which the stage paint", paints))
    for name, samples in sorted(kinds.items()):
        if len(samples) > 10:
            print(describe(f"  {name}", samples))
    print(describe("baseline: bare widget, gradient fill only", bare))
    ratio = percentiles(total)["p99"] / percentiles(bare)["p99"]
    print(f"p99 ratio StageShow / baseline: {ratio:.1f}   (target: p99 ≤ 16 ms)")


if __name__ == "__main__":
    main()

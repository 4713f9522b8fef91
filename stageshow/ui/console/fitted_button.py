"""The console's big next-action button, whose text shrinks to fit its width.

Its label carries the show's own words ("开始 第三轮 执法文书纠错题（团队）"): at 26 pt a long one was wider than
the left half of the console, and a button never narrower than its text kept the console wider than a laptop's
screen. Now the button takes the width the console gives it, and its text is set as large as fits.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QPushButton, QSizePolicy

from stageshow.ui.fonts import ui_font

LARGEST_PT, SMALLEST_PT = 26, 12
_PADDING = 28  # the button's frame and a little air on either side


class FittedButton(QPushButton):
    def __init__(self) -> None:
        super().__init__("")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space belongs to the next action, never to a focused button
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._fit()

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setText(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        room = self.width() - _PADDING
        for points in range(LARGEST_PT, SMALLEST_PT - 1, -1):
            font = ui_font(points, bold=True)
            if QFontMetrics(font).horizontalAdvance(self.text()) <= room:
                break
        if font != self.font():
            self.setFont(font)

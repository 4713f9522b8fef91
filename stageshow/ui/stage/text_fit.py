"""Fit text into a box: the largest pixel size at which the wrapped text fits, never below a legible minimum."""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter

from stageshow.ui.fonts import ui_font

WRAP = int(Qt.TextFlag.TextWordWrap)


def fitted_font(text: str, rect: QRectF, max_px: int, min_px: int, bold: bool = False) -> QFont:
    low, high = min_px, max(min_px, max_px)
    best = ui_font(low, bold)
    bounds = QRect(0, 0, int(rect.width()), 100_000)
    while low <= high:
        middle = (low + high) // 2
        font = ui_font(middle, bold)
        needed = QFontMetrics(font).boundingRect(bounds, WRAP, text)
        if needed.height() <= rect.height() and needed.width() <= rect.width():
            best, low = font, middle + 1
        else:
            high = middle - 1
    return best


def draw_fitted(painter: QPainter, rect: QRectF, text: str, max_px: int, min_px: int, bold: bool = False,
                align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter) -> QRectF:
    """Draw `text` as large as fits in `rect`; returns the rectangle the text occupies."""
    font = fitted_font(text, rect, max_px, min_px, bold)
    painter.setFont(font)
    flags = int(align) | WRAP
    used = painter.boundingRect(rect, flags, text)
    painter.drawText(rect, flags, text)
    return used

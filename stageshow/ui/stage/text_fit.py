"""Fit text into a box: the largest pixel size at which the wrapped text fits, never below a legible minimum.

Both the fitting and the rendering are cached. Qt caches glyph images only up to 64 px and draws larger glyphs
as outlines on every paint (7 ms for one 70 px stem at 1080p), so each text box is rendered once into a
transparent pixmap and then only copied, frame after frame, until its text, size or colour changes.
"""

from __future__ import annotations

import functools
from collections import OrderedDict

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPixmap

from stageshow.ui.fonts import ui_font

WRAP = int(Qt.TextFlag.TextWordWrap)
CACHE_ENTRIES = 400
_rendered: OrderedDict[tuple, tuple[QPixmap, QRectF]] = OrderedDict()  # type: ignore[type-arg]


@functools.lru_cache(maxsize=2048)
def fitted_size(text: str, width: int, height: int, max_px: int, min_px: int, bold: bool) -> int:
    low, high = min_px, max(min_px, max_px)
    best = low
    bounds = QRect(0, 0, width, 100_000)
    while low <= high:
        middle = (low + high) // 2
        needed = QFontMetrics(ui_font(middle, bold)).boundingRect(bounds, WRAP, text)
        if needed.height() <= height and needed.width() <= width:
            best, low = middle, middle + 1
        else:
            high = middle - 1
    return best


def fitted_font(text: str, rect: QRectF, max_px: int, min_px: int, bold: bool = False) -> QFont:
    return ui_font(fitted_size(text, int(rect.width()), int(rect.height()), max_px, min_px, bold), bold)


def draw_fitted(painter: QPainter, rect: QRectF, text: str, max_px: int, min_px: int, bold: bool = False,
                align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                color: QColor | None = None) -> QRectF:
    """Draw `text` as large as fits in `rect`; returns the rectangle the text occupies."""
    color = color or painter.pen().color()
    width, height = max(1, int(rect.width())), max(1, int(rect.height()))
    key = (text, width, height, max_px, min_px, bold, int(align), color.rgba())
    cached = _rendered.get(key)
    if cached is None:
        cached = _render(text, width, height, max_px, min_px, bold, align, color)
        _rendered[key] = cached
        if len(_rendered) > CACHE_ENTRIES:
            _rendered.popitem(last=False)
    else:
        _rendered.move_to_end(key)
    pixmap, used = cached
    painter.drawPixmap(QPointF(rect.left(), rect.top()), pixmap)
    return used.translated(rect.left(), rect.top())


def _shortened(text: str, width: int, height: int, font: QFont) -> str:
    """The text, or as much of it as fits followed by "…": at the legibility floor a text is cut, never shrunk
    further (a long team name once came out 5 px high in a narrow cell)."""
    metrics = QFontMetrics(font)
    bounds = QRect(0, 0, width, 100_000)

    def fits(candidate: str) -> bool:
        needed = metrics.boundingRect(bounds, WRAP, candidate)
        return needed.height() <= height and needed.width() <= width

    if fits(text):
        return text
    low, high = 0, len(text) - 1
    while low < high:  # the longest prefix that fits with its ellipsis
        middle = (low + high + 1) // 2
        if fits(text[:middle] + "…"):
            low = middle
        else:
            high = middle - 1
    return text[:low] + "…"


def _render(text: str, width: int, height: int, max_px: int, min_px: int, bold: bool, align: Qt.AlignmentFlag,
            color: QColor) -> tuple[QPixmap, QRectF]:
    pixmap = QPixmap(width, height)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    font = ui_font(fitted_size(text, width, height, max_px, min_px, bold), bold)
    painter.setFont(font)
    painter.setPen(color)
    box = QRectF(0, 0, width, height)
    flags = int(align) | WRAP
    text = _shortened(text, width, height, font)
    used = painter.boundingRect(box, flags, text)
    painter.drawText(box, flags, text)
    painter.end()
    return pixmap, used

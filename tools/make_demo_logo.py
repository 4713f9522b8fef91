#!/usr/bin/env python3
"""Draw the demo final's emblem, ``question_sets/media/logo.png`` (512×512, transparent): a gold ring around
“执法” and “大比武”, in the bundled font. The demo show file names it as its `logo`."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPen  # noqa: E402

from stageshow.ui.fonts import ui_font  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "question_sets" / "media" / "logo.png"
GOLD = QColor("#F2C14E")
SIZE = 512


def main() -> None:
    app = QGuiApplication(sys.argv)  # noqa: F841 - fonts need an application
    image = QImage(SIZE, SIZE, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setPen(QPen(GOLD, 22))
    painter.setBrush(QColor(10, 26, 51, 230))
    painter.drawEllipse(QRectF(20, 20, SIZE - 40, SIZE - 40))
    painter.setPen(QPen(GOLD, 6))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(QRectF(64, 64, SIZE - 128, SIZE - 128))
    painter.setPen(GOLD)
    painter.setFont(ui_font(150, bold=True))
    painter.drawText(QRectF(0, 110, SIZE, 190), Qt.AlignmentFlag.AlignCenter, "执法")
    painter.setPen(QColor("white"))
    painter.setFont(ui_font(64, bold=True))
    painter.drawText(QRectF(0, 300, SIZE, 90), Qt.AlignmentFlag.AlignCenter, "大比武")
    painter.end()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(OUT)):
        raise SystemExit(f"could not write {OUT}")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()

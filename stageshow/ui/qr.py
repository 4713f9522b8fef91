"""QR codes (segno draws them) as Qt images: the hall's pages in the console, the voting code on the stage, the
judges' cards."""

from __future__ import annotations

import io

from PySide6.QtGui import QImage, QPixmap


def qr_image(text: str, scale: int = 4) -> QImage:
    import segno

    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="png", scale=scale, border=2)
    return QImage.fromData(buffer.getvalue(), "PNG")


def qr_pixmap(text: str, scale: int = 4) -> QPixmap:
    return QPixmap.fromImage(qr_image(text, scale))

"""QR codes as pixmaps (segno draws them), for the hall's pages in the console and the voting code on the stage."""

from __future__ import annotations

import io

from PySide6.QtGui import QPixmap


def qr_pixmap(text: str, scale: int = 4) -> QPixmap:
    import segno

    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="png", scale=scale, border=2)
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue(), "PNG")
    return pixmap

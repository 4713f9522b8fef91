"""The bundled CJK font, loaded once and always named: Qt's fallback would pick Japanese glyph variants."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from stageshow.paths import PROJECT_ROOT

FONT_DIR = PROJECT_ROOT / "assets" / "fonts"
FALLBACK_FAMILY = "Noto Sans CJK SC"
_family: str | None = None


def ui_family() -> str:
    """Load the bundled fonts (once) and return their family name."""
    global _family
    if _family is None:
        families: list[str] = []
        for path in sorted(FONT_DIR.glob("*.otf")):
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id >= 0:
                families += QFontDatabase.applicationFontFamilies(font_id)
        _family = families[0] if families else FALLBACK_FAMILY
    return _family


def ui_font(pixel_size: int, bold: bool = False) -> QFont:
    font = QFont(ui_family())
    font.setPixelSize(max(1, pixel_size))
    font.setBold(bold)
    return font

"""Guards against a Qt binding release that mishandles reference counts (PySide6 6.12.0 aborted Python after a
few thousand QFont setter calls): the stage creates fonts on every frame."""

import sys

from stageshow.ui.fonts import ui_font


def test_creating_many_fonts_keeps_reference_counts_intact(qapp):
    before = sys.getrefcount(None)
    for size in range(20_000):
        ui_font(10 + size % 50, bold=bool(size % 2))
    assert sys.getrefcount(None) >= before - 100

"""Keep the console inside its own screen: on a 1024×768 laptop beside a projector, a console even a few pixels
too large lies across the projector and shows the hall the answer."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QWidget


def fit_to_screen(window: QWidget, screen: QScreen) -> None:
    """Place `window`, frame included, over the available area of `screen` (without the task bar), and never let
    it grow past it: whatever a round adds to the console must scroll or fold, not widen the window."""
    area = screen.availableGeometry()
    frame, inner = window.frameGeometry(), window.geometry()
    # The window manager's frame (title bar, borders) around the client area; none without a window manager.
    left, top = inner.x() - frame.x(), inner.y() - frame.y()
    extra_w, extra_h = frame.width() - inner.width(), frame.height() - inner.height()
    size = QSize(area.width() - extra_w, area.height() - extra_h)
    window.setMaximumSize(size)
    if window.windowHandle() is not None:
        window.windowHandle().setScreen(screen)
    window.setGeometry(QRect(area.x() + left, area.y() + top, size.width(), size.height()))



def size_within_screen(dialog: QWidget, width: int, height: int) -> None:
    """A dialog's opening size: `width`×`height`, or less on a small laptop screen, never more than it has."""
    screen = (dialog.parentWidget() or dialog).screen()
    room = screen.availableGeometry()
    dialog.resize(min(width, room.width() - 40), min(height, room.height() - 60))

"""One question before a step that cannot be taken back: Space or Enter, pressed again out of habit, answers No."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from stageshow.ui.tr import tr


def ask(parent: QWidget, text: str) -> bool:
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    answer = QMessageBox.question(parent, tr("请确认"), text, buttons, QMessageBox.StandardButton.No)
    give_back_the_keyboard(parent)
    return answer == QMessageBox.StandardButton.Yes


def give_back_the_keyboard(widget: QWidget) -> None:
    """After a dialog closes, the console has the keyboard again: without a window manager (and under some)
    nobody hands it back, and the show keys would go nowhere."""
    window = widget.window()
    window.activateWindow()
    window.setFocus()

"""One question before a step that cannot be taken back: Space or Enter, pressed again out of habit, answers No."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from stageshow.ui.tr import tr


def ask(parent: QWidget, text: str) -> bool:
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    answer = QMessageBox.question(parent, tr("请确认"), text, buttons, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes

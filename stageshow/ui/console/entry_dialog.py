"""A focused entry for what the operator types (judges' scores, votes, errors found): it opens on a key, Enter
submits it, Esc closes it. While it is open the keys are text; once it closes the show keys work again at once,
because the focus goes back with it (an entry field left focused once swallowed S, H and Space as text)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QVBoxLayout, QWidget

from stageshow.ui.console.confirm import give_back_the_keyboard
from stageshow.ui.tr import tr


class EntryDialog(QDialog):
    """`submit(text)` returns None when the entry was taken, or what is wrong with it (the dialog stays open)."""

    def __init__(self, parent: QWidget, title: str, prompt: str, hint: str, submit: Callable[[str], str | None],
                 text: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._submit = submit
        layout = QVBoxLayout(self)
        label = QLabel(prompt)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.field = QLineEdit(text)
        self.field.setPlaceholderText(hint)
        self.field.setMinimumWidth(420)
        self.field.returnPressed.connect(self._on_field_return_pressed)
        layout.addWidget(self.field)
        self.problem = QLabel("")
        self.problem.setObjectName("entry_problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color:#C62828")
        layout.addWidget(self.problem)
        keys = QLabel(tr("Enter 确认　Esc 取消"))
        keys.setStyleSheet("color:#607D8B")
        layout.addWidget(keys)

    def done(self, result: int) -> None:
        super().done(result)
        if self.parentWidget() is not None:
            give_back_the_keyboard(self.parentWidget())

    def _on_field_return_pressed(self) -> None:
        problem = self._submit(self.field.text())
        if problem is None:
            self.accept()
        else:
            self.problem.setText(problem)
